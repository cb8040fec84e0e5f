import type { Kysely } from 'kysely';
import { type BidStage, FULL_SHARE, WON_STAGES } from '@shared/domain/bids';
import { newId } from '@shared/domain/ids';
import type { DB } from '../db/schema';
import { seededRandom } from './generate';

/**
 * Joint bids for the demo co-op and the benchmarks: opportunities at every stage, teams drawn
 * from members who offer the needed skills, shares that total 100 %, a history of moves, tasks.
 */

const CLIENTS = [
  'Millbrook Council',
  'County Library Service',
  'Riverside NHS Trust',
  'Northgate Housing Co-op',
  'Valley Arts Festival',
  'Hillside Primary School',
  'Green Transport Fund',
  'Old Mill Heritage Trust',
  'Regional Growth Hub',
  'Market Traders Association',
];
const WORKS: { title: string; skills: string[] }[] = [
  { title: 'Website and brand refresh', skills: ['web design', 'copywriting', 'photography'] },
  { title: 'Community consultation', skills: ['facilitation', 'surveys', 'data analysis'] },
  { title: 'Festival campaign', skills: ['marketing', 'social media', 'photography', 'video editing'] },
  { title: 'Booking app', skills: ['software development', 'ux research', 'web design'] },
  { title: 'Grant bid and evaluation', skills: ['grant writing', 'data analysis', 'copywriting'] },
  { title: 'Heritage trail guide', skills: ['copywriting', 'illustration', 'translation'] },
  { title: 'Last-mile delivery pilot', skills: ['logistics', 'delivery', 'software development'] },
  { title: 'Leadership programme', skills: ['coaching', 'facilitation', 'event planning'] },
  { title: 'Tender for shop-front signage', skills: ['product design', '3d printing', 'branding'] },
  { title: 'Translation of the visitor pack', skills: ['translation', 'editing', 'web design'] },
];
/** A small co-op's current pipeline (the demo): something at every stage. */
export const LIVELY: Record<BidStage, number> = { idea: 4, forming: 3, preparing: 3, submitted: 2, won: 1, lost: 3, withdrawn: 1, delivering: 2, completed: 4 };
/** Years of history (the benchmarks): most bids long decided, a few dozen under way. */
export const HISTORY: Record<BidStage, number> = {
  idea: 1,
  forming: 1,
  preparing: 1,
  submitted: 1,
  won: 0.5,
  lost: 14,
  withdrawn: 5,
  delivering: 1.5,
  completed: 20,
};
/** How many days ago a bid at each stage was started: [at least, at most]. */
const AGE: Record<BidStage, [number, number]> = {
  idea: [0, 30],
  forming: [5, 35],
  preparing: [10, 40],
  submitted: [20, 60],
  won: [40, 90],
  delivering: [60, 300],
  lost: [45, 1800],
  withdrawn: [20, 1800],
  completed: [120, 1800],
};
const PATH: BidStage[] = ['idea', 'forming', 'preparing', 'submitted'];

export interface BidGenerationOptions {
  count: number;
  seed: number;
  now: number;
  currency: string;
  /** Ids of the active members with what they offer. */
  members: { id: string; offers: string[] }[];
  /** How the bids spread over the stages (LIVELY by default). */
  weights?: Record<BidStage, number>;
}

function pickStage(random: () => number, weights: Record<BidStage, number>): BidStage {
  const entries = Object.entries(weights) as [BidStage, number][];
  let r = random() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [stage, w] of entries) if ((r -= w) < 0) return stage;
  return 'idea';
}

/** The stages a bid went through to reach `stage`, in order. */
function historyTo(stage: BidStage): BidStage[] {
  if (PATH.includes(stage)) return PATH.slice(0, PATH.indexOf(stage) + 1);
  if (stage === 'withdrawn') return ['idea', 'forming', 'withdrawn'];
  if (stage === 'lost' || stage === 'won') return [...PATH, stage];
  return [...PATH, 'won', ...(stage === 'completed' ? (['delivering', 'completed'] as BidStage[]) : (['delivering'] as BidStage[]))];
}

export async function generateBids(db: Kysely<DB>, o: BidGenerationOptions): Promise<number> {
  const random = seededRandom(o.seed);
  const DAY = 86_400_000;
  const atNoon = (ms: number) => Math.floor(ms / DAY) * DAY + DAY / 2;
  const offering = new Map<string, string[]>();
  for (const m of o.members) for (const tag of m.offers) offering.set(tag, [...(offering.get(tag) ?? []), m.id]);

  for (let i = 0; i < o.count; i++) {
    const work = WORKS[Math.floor(random() * WORKS.length)];
    const client = CLIENTS[Math.floor(random() * CLIENTS.length)];
    const stage = pickStage(random, o.weights ?? LIVELY);
    const history = historyTo(stage);
    const open = stage === 'idea' || stage === 'forming' || stage === 'preparing';
    const [youngest, oldest] = AGE[stage];
    const created = o.now - Math.floor((youngest + random() * (oldest - youngest)) * DAY) - Math.floor(random() * DAY);
    // bids still being put together are due in the coming weeks; the others were due a month after they started
    // deadlines fall at noon (UTC) on their day, not at the minute the demo was loaded
    const deadline = atNoon(open ? o.now + Math.floor(2 + random() * 40) * DAY : created + 30 * DAY);
    const step = Math.max(1, Math.floor((Math.min(o.now, deadline + 30 * DAY) - created) / (history.length + 1)));
    const lastChange = created + (history.length - 1) * step;
    const value = Math.round(2_000 + random() * 60_000) * 100;

    const team: string[] = [];
    for (const skill of work.skills) {
      const candidates = offering.get(skill) ?? [];
      if (candidates.length > 0 && random() < 0.85) {
        const m = candidates[Math.floor(random() * candidates.length)];
        if (!team.includes(m)) team.push(m);
      }
    }
    if (team.length === 0 && o.members.length > 0) team.push(o.members[Math.floor(random() * o.members.length)].id);
    const id = newId();
    await db
      .insertInto('bids')
      .values({
        id,
        title: `${work.title} — ${client.split(' ')[0]}`,
        client,
        description: `${client} is looking for ${work.skills.join(', ')}.`,
        estimated_value_minor: value,
        final_value_minor: WON_STAGES.includes(stage) ? Math.round(value * (0.85 + random() * 0.3)) : null,
        currency: o.currency,
        deadline_at: deadline,
        delivery_start: null,
        delivery_end: null,
        source: (['member', 'tender', 'referral', 'other'] as const)[Math.floor(random() * 4)],
        source_member_id: null,
        source_note: '',
        visibility: random() < 0.8 ? 'open' : 'team',
        stage,
        lead_member_id: team[0],
        lessons: stage === 'lost' ? 'Price was too high; start the pricing earlier.' : '',
        created_by_member_id: team[0],
        created_at: created,
        updated_at: lastChange,
      })
      .execute();
    await db
      .insertInto('bid_skills')
      .values(work.skills.map((tag, k) => ({ bid_id: id, tag, days: [10, 5, 3, 2][k] ?? 2 })))
      .execute();
    // even shares; the lead takes what does not divide
    const each = Math.floor(FULL_SHARE / team.length);
    await db
      .insertInto('bid_team')
      .values(
        team.map((m, k) => {
          const share = k === 0 ? FULL_SHARE - each * (team.length - 1) : each;
          // while forming, the last invited has not answered yet
          const waiting = stage === 'forming' && k > 0 && k === team.length - 1;
          return {
            bid_id: id,
            member_id: m,
            status: waiting ? 'invited' : 'accepted',
            role: k === 0 ? 'Lead' : '',
            work_share: waiting ? 0 : share,
            revenue_share: waiting ? 0 : share,
            invited_at: created,
            responded_at: waiting ? null : created,
          };
        }),
      )
      .execute();
    await db
      .insertInto('bid_activity')
      .values(
        history.flatMap((to, k) => {
          const at = created + k * step;
          const row = {
            id: newId(),
            bid_id: id,
            kind: k === 0 ? ('created' as const) : ('move' as const),
            from_stage: k === 0 ? null : history[k - 1],
            to_stage: to,
            text: k === 0 ? 'Opportunity recorded' : '',
            agreed_by: '[]',
            actor_role: 'member',
            actor_member_id: team[0],
            at,
          };
          // the team's go decision comes just before preparing
          const go = {
            ...row,
            id: newId(),
            kind: 'go' as const,
            from_stage: null,
            to_stage: null,
            text: 'Worth bidding',
            agreed_by: JSON.stringify(team),
            at: at - 1,
          };
          return to === 'preparing' ? [go, row] : [row];
        }),
      )
      .execute();
    if (open) {
      const tasks = ['Read the tender pack', 'Draft the method statement', 'Agree the price'];
      await db
        .insertInto('bid_tasks')
        .values(
          tasks.map((title, k) => ({
            id: newId(),
            bid_id: id,
            title,
            owner_member_id: team[k % team.length],
            due_date: new Date(created + (k + 1) * 7 * DAY).toISOString().slice(0, 10),
            done_at: random() < 0.4 ? created + DAY : null,
            created_at: created,
          })),
        )
        .execute();
    }
  }
  return o.count;
}

/** The active members and what they offer: who the generated teams are drawn from. */
export async function activeMembersWithOffers(db: Kysely<DB>): Promise<{ id: string; offers: string[] }[]> {
  const rows = await db
    .selectFrom('members')
    .leftJoin('member_tags', (j) => j.onRef('member_tags.member_id', '=', 'members.id').on('member_tags.kind', '=', 'offers'))
    .select(['members.id', 'member_tags.tag'])
    .where('members.status', '=', 'active')
    .where('members.archived_at', 'is', null)
    .orderBy('members.number')
    .execute();
  const offers = new Map<string, string[]>();
  for (const r of rows) offers.set(r.id, [...(offers.get(r.id) ?? []), ...(r.tag ? [r.tag] : [])]);
  return [...offers].map(([id, o]) => ({ id, offers: o }));
}
