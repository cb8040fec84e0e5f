import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Bid, BidActivity, BidAttention, BidOutcomes, BidSummary, bidFields, bidListQuery, MemberOutcome } from '../../../../shared/contract/bids.contract';
import {
  BID_STAGES,
  type BidStage,
  DECIDED_STAGES,
  FULL_SHARE,
  moveProblem,
  nextStages,
  OPEN_STAGES,
  revenuePart,
  STAGE_LABELS,
  submissionProblems,
  suggestTeam as rankCandidates,
  TEAM_SETTLED_STAGES,
  type TeamState,
  type TeamSuggestion,
  WON_STAGES,
  winRate,
} from '../../../../shared/domain/bids';
import { todayIn } from '../../../../shared/domain/dates';
import { newId } from '../../../../shared/domain/ids';
import { zonedParts } from '../../../../shared/domain/zoned';
import { type Actor, type Ctx, isManager } from '../../context';
import type { BidActivityKind, DB } from '../../db/schema';
import { immediate } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { requireSelf } from '../../permissions';
import { currentMember } from '../members';
import { readCoop } from '../settings';
import * as repo from './bids.repository';

type Fields = z.output<typeof bidFields>;
type ListQuery = z.output<typeof bidListQuery>;

const DAY_MS = 86_400_000;
/** Deadlines this close (and overdue tasks) are highlighted and raise the daily reminder. */
const ATTENTION_DAYS = 7;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const percentOf = (bp: number) => bp / 100;
const basisPoints = (percent: number) => Math.round(percent * 100);

async function coopClock(ctx: Ctx, db: Kysely<DB>) {
  const coop = await readCoop(db);
  return { zone: coop.timeZone, currency: coop.currency, now: ctx.now().getTime(), today: todayIn(coop.timeZone, ctx.now()) };
}
type Clock = Awaited<ReturnType<typeof coopClock>>;

// ---------------------------------------------------------------------------------------------
// Who may see and change a bid

/** What the rules need of a team place; full team rows and the board's lean ones both have it. */
interface Place {
  member_id: string;
  status: string;
  name: string;
}

const onTeam = (team: readonly Place[], memberId: string | null, statuses: readonly string[]) =>
  memberId !== null && team.some((t) => t.member_id === memberId && statuses.includes(t.status));

function maySee(actor: Actor, bid: repo.SummaryRow, team: readonly Place[]): boolean {
  if (isManager(actor) || bid.visibility === 'open') return true;
  // Whoever was invited keeps seeing it, also after declining (what they were shown stays theirs to look back at).
  return actor.memberId !== null && (bid.created_by_member_id === actor.memberId || bid.lead_member_id === actor.memberId || onTeam(team, actor.memberId, ['invited', 'accepted', 'declined']));
}

const hidden = () => new AppError('FORBIDDEN', 'This bid is visible to its team only.');

/** The team (members who accepted) and the manager change a bid; everyone else only reads it. */
const mayEdit = (actor: Actor, team: readonly Place[]) => isManager(actor) || onTeam(team, actor.memberId, ['accepted']);

/**
 * Who may make a change: the team ('edit', most changes), anyone who can see the bid ('see',
 * offering to join), or anyone, the change checking for itself ('any', answering an invitation).
 */
type Access = 'edit' | 'see' | 'any';

async function loadForChange(db: Kysely<DB>, actor: Actor, id: string, access: Access) {
  const bid = await repo.findBid(db, id);
  if (!bid) throw notFound('That bid');
  const team = await repo.teamOf(db, id);
  if (access !== 'any' && !maySee(actor, bid, team)) throw hidden();
  if (access === 'edit' && !mayEdit(actor, team)) throw new AppError('FORBIDDEN', 'Only the bid’s team can change it. Ask the lead to invite you.');
  return { bid, team };
}

function teamState(bid: repo.BidRow, team: readonly repo.TeamRow[], goDecided: boolean): TeamState {
  return {
    leadName: team.find((t) => t.member_id === bid.lead_member_id)?.name ?? null,
    goDecided,
    members: team.map((t) => ({ name: t.name, status: t.status, workShare: t.work_share, revenueShare: t.revenue_share })),
  };
}

function requireTeamOpen(bid: repo.BidRow) {
  if (TEAM_SETTLED_STAGES.includes(bid.stage)) throw new AppError('RULE', `The team is settled once a bid is ${STAGE_LABELS[bid.stage].toLowerCase()}.`, undefined, 'team-fixed');
}

// ---------------------------------------------------------------------------------------------
// Reading

function deadlineNote(bid: repo.SummaryRow, clock: Clock): string | null {
  if (bid.deadline_at === null || !OPEN_STAGES.includes(bid.stage)) return null;
  const days = Math.ceil((bid.deadline_at - clock.now) / DAY_MS);
  if (bid.deadline_at < clock.now) return 'Deadline passed';
  if (days <= ATTENTION_DAYS) return days <= 1 ? 'Deadline within a day' : `Deadline in ${days} days`;
  return null;
}

function overdueNote(count: number): string | null {
  return count === 0 ? null : count === 1 ? '1 task overdue' : `${count} tasks overdue`;
}

function summaryOf(actor: Actor, bid: repo.SummaryRow, skills: readonly string[], team: readonly Place[], overdue: number, clock: Clock): BidSummary {
  const local = bid.deadline_at === null ? null : zonedParts(bid.deadline_at, clock.zone);
  return {
    id: bid.id,
    title: bid.title,
    client: bid.client,
    stage: bid.stage,
    estimatedValue: bid.estimated_value_minor,
    finalValue: bid.final_value_minor,
    currency: bid.currency,
    deadline: iso(bid.deadline_at),
    deadlineLocal: local ? `${local.date} ${local.time}` : null,
    visibility: bid.visibility,
    source: bid.source,
    leadName: team.find((t) => t.member_id === bid.lead_member_id)?.name ?? null,
    team: team.filter((t) => t.status === 'accepted').map((t) => t.name),
    skills: [...skills],
    attention: [deadlineNote(bid, clock), overdueNote(overdue)].filter((x): x is string => x !== null),
    myPlace: (team.find((t) => t.member_id === actor.memberId)?.status as BidSummary['myPlace'] | undefined) ?? null,
  };
}

/** Groups rows by the bid they belong to. */
function byBid<T>(rows: readonly T[], bidOf: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(bidOf(r));
    if (list) list.push(r);
    else map.set(bidOf(r), [r]);
  }
  return map;
}

const CLOSED: readonly BidStage[] = ['lost', 'withdrawn', 'completed'];
/** Closed bids stay on the board this many days after their last change. */
const BOARD_CLOSED_DAYS = 60;

export async function list(ctx: Ctx, actor: Actor, query: ListQuery): Promise<BidSummary[]> {
  const clock = await coopClock(ctx, ctx.db);
  const going = BID_STAGES.filter((s) => !CLOSED.includes(s));
  // Closed bids never need attention: asking for attention looks at bids still going only.
  const stages = query.stage === 'all' ? (query.attention ? going : null) : query.stage === 'active' || query.stage === 'board' ? going : [query.stage];
  // The board shows what is going on, and what closed in the last weeks; the list shows history.
  const recent = query.stage === 'board' ? { stages: CLOSED, since: clock.now - BOARD_CLOSED_DAYS * DAY_MS } : undefined;
  const [board, overdue] = await Promise.all([repo.board(ctx.db, { stages, recent, source: query.source === 'all' ? null : query.source }), repo.overdueTasks(ctx.db, clock.today)]);
  const skillsBy = byBid(board.skills, (r) => r[0]);
  const teamBy = byBid(
    board.team.map(([bidId, memberId, status, name]) => ({ bid_id: bidId, member_id: memberId, status, name })),
    (r) => r.bid_id,
  );
  const overdueBy = byBid(overdue, (r) => r.bid_id);
  const q = query.q.toLowerCase();
  const rows: BidSummary[] = [];
  for (const b of board.bids) {
    const team = teamBy.get(b.id) ?? [];
    if (!maySee(actor, b, team)) continue;
    if (query.memberId && b.lead_member_id !== query.memberId && !onTeam(team, query.memberId, ['invited', 'accepted'])) continue;
    // most days first; tags are stored normalised, so plain comparison orders them
    const skills = (skillsBy.get(b.id) ?? []).sort((x, y) => y[2] - x[2] || (x[1] < y[1] ? -1 : 1)).map((r) => r[1]);
    const summary = summaryOf(actor, b, skills, team, overdueBy.get(b.id)?.length ?? 0, clock);
    if (q && ![summary.title, summary.client, ...summary.skills, ...summary.team].some((text) => text.toLowerCase().includes(q))) continue;
    if (query.attention && summary.attention.length === 0) continue;
    rows.push(summary);
  }
  return rows;
}

function activityOf(row: Awaited<ReturnType<typeof repo.activityOf>>[number], names: ReadonlyMap<string, string>): BidActivity {
  const agreed = (JSON.parse(row.agreed_by) as string[]).map((id) => names.get(id) ?? 'a former member');
  return {
    id: row.id,
    kind: row.kind,
    at: new Date(row.at).toISOString(),
    who: row.actor_name ?? (row.actor_role === 'manager' ? 'Front desk' : 'Someone'),
    text: row.text,
    fromStage: row.from_stage as BidStage | null,
    toStage: row.to_stage as BidStage | null,
    agreedBy: agreed,
  };
}

async function loadBid(ctx: Ctx, db: Kysely<DB>, actor: Actor, id: string): Promise<Bid> {
  const bid = await repo.findBid(db, id);
  if (!bid) throw notFound('That bid');
  const [skills, team, tasks, activity, documents, goDecided, clock] = await Promise.all([
    repo.skillsOf(db, id),
    repo.teamOf(db, id),
    repo.tasksOf(db, id),
    repo.activityOf(db, id),
    repo.documentsOf(db, id),
    repo.hasGoDecision(db, id),
    coopClock(ctx, db),
  ]);
  if (!maySee(actor, bid, team)) throw hidden();
  const source = bid.source_member_id ? await repo.memberName(db, bid.source_member_id) : null;
  const isOverdue = (t: (typeof tasks)[number]) => t.done_at === null && t.due_date !== null && t.due_date < clock.today;
  const overdue = tasks.filter(isOverdue).length;
  const names = new Map(team.map((t) => [t.member_id, t.name]));
  const state = teamState(bid, team, goDecided);
  return {
    ...summaryOf(actor, bid, skills.map((s) => s.tag), team, overdue, clock),
    description: bid.description,
    deliveryStart: bid.delivery_start,
    deliveryEnd: bid.delivery_end,
    sourceMemberId: bid.source_member_id,
    sourceMemberName: source,
    sourceNote: bid.source_note,
    leadMemberId: bid.lead_member_id,
    lessons: bid.lessons,
    neededSkills: skills.map((s) => ({ tag: s.tag, days: s.days })),
    members: team.map((t) => ({
      memberId: t.member_id,
      name: t.name,
      number: t.number,
      status: t.status,
      role: t.role,
      workShare: percentOf(t.work_share),
      revenueShare: percentOf(t.revenue_share),
      isLead: t.member_id === bid.lead_member_id,
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      ownerMemberId: t.owner_member_id,
      ownerName: t.owner_name,
      dueDate: t.due_date,
      done: t.done_at !== null,
      overdue: isOverdue(t),
    })),
    activity: activity.map((a) => activityOf(a, names)),
    documents: documents.map((d) => ({ id: d.id, name: d.name, size: d.size, addedAt: new Date(d.added_at).toISOString() })),
    goDecided,
    submissionProblems: submissionProblems(state),
    nextStages: [...nextStages(bid.stage)],
    canEdit: mayEdit(actor, team),
    canRespond: actor.memberId !== null && onTeam(team, actor.memberId, ['invited']),
  };
}

export const get = (ctx: Ctx, actor: Actor, id: string) => loadBid(ctx, ctx.db, actor, id);

// ---------------------------------------------------------------------------------------------
// Changing

async function record(db: Kysely<DB>, ctx: Ctx, actor: Actor, bidId: string, kind: BidActivityKind, text: string, extra: { from?: BidStage; to?: BidStage; agreedBy?: string[] } = {}) {
  await repo.insertActivity(db, {
    id: newId(),
    bid_id: bidId,
    kind,
    from_stage: extra.from ?? null,
    to_stage: extra.to ?? null,
    text,
    agreed_by: JSON.stringify(extra.agreedBy ?? []),
    actor_role: actor.role,
    actor_member_id: actor.memberId,
    at: ctx.now().getTime(),
  });
}

/** Runs a change in one write transaction, touches the bid, tells open screens, returns the bid as the actor sees it. */
async function change(
  ctx: Ctx,
  actor: Actor,
  id: string,
  work: (trx: Kysely<DB>, loaded: Awaited<ReturnType<typeof loadForChange>>) => Promise<void>,
  access: Access = 'edit',
): Promise<Bid> {
  const bid = await immediate(ctx.db, async (trx) => {
    const loaded = await loadForChange(trx, actor, id, access);
    await work(trx, loaded);
    await trx.updateTable('bids').set({ updated_at: ctx.now().getTime() }).where('id', '=', id).execute();
    return loadBid(ctx, trx, actor, id);
  });
  ctx.emit('bids.changed');
  return bid;
}

function deadlineMs(input: Fields, now: number, previous: number | null): number | null {
  const ms = input.deadline === null ? null : Date.parse(input.deadline);
  if (ms !== null && ms !== previous && ms <= now) throw new AppError('RULE', 'The bid deadline has already passed.', { deadline: 'This deadline has passed' }, 'deadline-past');
  return ms;
}

/** The columns a person edits, from the form's fields (create and update share them). */
const editableColumns = (input: Fields, currency: string, deadline: number | null) => ({
  title: input.title,
  client: input.client,
  description: input.description,
  estimated_value_minor: input.estimatedValue,
  currency: input.currency ?? currency,
  deadline_at: deadline,
  delivery_start: input.deliveryStart,
  delivery_end: input.deliveryEnd,
  source: input.source,
  source_member_id: input.sourceMemberId,
  source_note: input.sourceNote,
  visibility: input.visibility,
});

async function checkSourceMember(db: Kysely<DB>, input: Fields) {
  if (input.sourceMemberId !== null) await currentMember(db, input.sourceMemberId, 'sourceMemberId');
}

export async function create(ctx: Ctx, actor: Actor, input: Fields): Promise<Bid> {
  const bid = await immediate(ctx.db, async (trx) => {
    const clock = await coopClock(ctx, trx);
    const deadline = deadlineMs(input, clock.now, null);
    await checkSourceMember(trx, input);
    if (actor.memberId) await currentMember(trx, actor.memberId);
    const id = newId();
    await trx
      .insertInto('bids')
      .values({
        id,
        ...editableColumns(input, clock.currency, deadline),
        final_value_minor: null,
        stage: 'idea',
        // A member who brings a bid leads it and is its first team member, with the whole share until others join.
        lead_member_id: actor.memberId,
        lessons: '',
        created_by_member_id: actor.memberId,
        created_at: clock.now,
        updated_at: clock.now,
      })
      .execute();
    await repo.replaceSkills(trx, id, input.skills);
    if (actor.memberId) {
      await trx
        .insertInto('bid_team')
        .values({ bid_id: id, member_id: actor.memberId, status: 'accepted', role: 'Lead', work_share: FULL_SHARE, revenue_share: FULL_SHARE, invited_at: clock.now, responded_at: clock.now })
        .execute();
    }
    await record(trx, ctx, actor, id, 'created', 'Opportunity recorded', { to: 'idea' });
    return loadBid(ctx, trx, actor, id);
  });
  ctx.emit('bids.changed');
  return bid;
}

export const update = (ctx: Ctx, actor: Actor, id: string, input: Fields) =>
  change(ctx, actor, id, async (trx, { bid }) => {
    const deadline = deadlineMs(input, ctx.now().getTime(), bid.deadline_at);
    await checkSourceMember(trx, input);
    await trx
      .updateTable('bids')
      .set(editableColumns(input, bid.currency, deadline))
      .where('id', '=', id)
      .execute();
    await repo.replaceSkills(trx, id, input.skills);
  });

export const move = (ctx: Ctx, actor: Actor, input: { id: string; to: BidStage; note: string; finalValue?: number }) =>
  change(ctx, actor, input.id, async (trx, { bid, team }) => {
    const problem = moveProblem(bid.stage, input.to, teamState(bid, team, await repo.hasGoDecision(trx, bid.id)));
    if (problem) throw new AppError('RULE', problem, { to: problem }, 'stage');
    const finalValue = input.to === 'won' ? (input.finalValue ?? bid.final_value_minor ?? bid.estimated_value_minor) : bid.final_value_minor;
    await trx.updateTable('bids').set({ stage: input.to, final_value_minor: finalValue }).where('id', '=', bid.id).execute();
    await record(trx, ctx, actor, bid.id, 'move', input.note, { from: bid.stage, to: input.to });
  });

export const decide = (ctx: Ctx, actor: Actor, input: { id: string; decision: 'go' | 'no-go'; agreedBy: string[]; note: string }) =>
  change(ctx, actor, input.id, async (trx, { bid, team }) => {
    if (bid.stage !== 'idea' && bid.stage !== 'forming') {
      throw new AppError('RULE', 'The go/no-go decision is taken before the bid is prepared.', undefined, 'go-no-go');
    }
    const strangers = input.agreedBy.filter((m) => !onTeam(team, m, ['accepted']));
    if (strangers.length > 0) throw new AppError('RULE', 'Only members who accepted a place on the team take the decision.', { agreedBy: 'Not on the team' }, 'go-no-go');
    await record(trx, ctx, actor, bid.id, input.decision, input.note, { agreedBy: [...new Set(input.agreedBy)] });
    if (input.decision === 'no-go') {
      await trx.updateTable('bids').set({ stage: 'withdrawn' }).where('id', '=', bid.id).execute();
      await record(trx, ctx, actor, bid.id, 'move', 'The team decided not to bid.', { from: bid.stage, to: 'withdrawn' });
    }
  });

export const invite = (ctx: Ctx, actor: Actor, input: { id: string; memberIds: string[] }) =>
  change(ctx, actor, input.id, async (trx, { bid, team }) => {
    requireTeamOpen(bid);
    const now = ctx.now().getTime();
    const invited: string[] = [];
    for (const memberId of new Set(input.memberIds)) {
      const member = await currentMember(trx, memberId, 'memberIds', 'That member does not exist.');
      const existing = team.find((t) => t.member_id === memberId);
      if (existing && existing.status !== 'declined') continue;
      await repo.upsertTeamMember(trx, { bid_id: bid.id, member_id: memberId, status: 'invited', role: '', work_share: 0, revenue_share: 0, invited_at: now, responded_at: null });
      invited.push(member.name);
    }
    if (invited.length === 0) throw new AppError('CONFLICT', 'They are already on the team or invited.', { memberIds: 'Already on the team' });
    await record(trx, ctx, actor, bid.id, 'team', `invited ${invited.join(', ')}`);
  });

export async function respond(ctx: Ctx, actor: Actor, input: { id: string; memberId: string; answer: 'accept' | 'decline' }): Promise<Bid> {
  requireSelf(actor, input.memberId, 'You can only answer your own invitation.');
  return change(
    ctx,
    actor,
    input.id,
    async (trx, { bid, team }) => {
      const place = team.find((t) => t.member_id === input.memberId);
      if (!place || place.status !== 'invited') throw new AppError('CONFLICT', 'There is no open invitation to answer.', { memberId: 'Not invited' });
      requireTeamOpen(bid);
      await trx
        .updateTable('bid_team')
        .set({ status: input.answer === 'accept' ? 'accepted' : 'declined', responded_at: ctx.now().getTime(), ...(input.answer === 'decline' ? { work_share: 0, revenue_share: 0 } : {}) })
        .where('bid_id', '=', bid.id)
        .where('member_id', '=', input.memberId)
        .execute();
      const answer = input.answer === 'accept' ? 'accepted' : 'declined';
      await record(trx, ctx, actor, bid.id, 'team', actor.memberId === input.memberId ? `${answer} the invitation` : `recorded that ${place.name} ${answer} the invitation`);
    },
    'any',
  );
}

export async function offerToJoin(ctx: Ctx, actor: Actor, id: string): Promise<Bid> {
  if (actor.memberId === null) throw new AppError('RULE', 'Only a member can offer to join a bid.', undefined, 'team');
  const memberId = actor.memberId;
  return change(
    ctx,
    actor,
    id,
    async (trx, { bid, team }) => {
      requireTeamOpen(bid);
      const place = team.find((t) => t.member_id === memberId);
      if (place?.status === 'accepted') throw new AppError('CONFLICT', 'You are already on this team.');
      if (place?.status === 'invited') throw new AppError('CONFLICT', 'You are already invited: accept the invitation instead.');
      if (place?.status === 'requested') throw new AppError('CONFLICT', 'Your offer is waiting for the team’s answer.');
      await currentMember(trx, memberId);
      const now = ctx.now().getTime();
      await repo.upsertTeamMember(trx, { bid_id: bid.id, member_id: memberId, status: 'requested', role: '', work_share: 0, revenue_share: 0, invited_at: now, responded_at: null });
      await record(trx, ctx, actor, bid.id, 'team', 'offered to join the team');
    },
    'see',
  );
}

export const answerOffer = (ctx: Ctx, actor: Actor, input: { id: string; memberId: string; answer: 'accept' | 'decline' }) =>
  change(ctx, actor, input.id, async (trx, { bid, team }) => {
    requireTeamOpen(bid);
    const place = team.find((t) => t.member_id === input.memberId);
    if (place?.status !== 'requested') throw new AppError('CONFLICT', 'There is no offer to join to answer.', { memberId: 'No offer' });
    await trx
      .updateTable('bid_team')
      .set({ status: input.answer === 'accept' ? 'accepted' : 'declined', responded_at: ctx.now().getTime() })
      .where('bid_id', '=', bid.id)
      .where('member_id', '=', input.memberId)
      .execute();
    await record(trx, ctx, actor, bid.id, 'team', `${input.answer === 'accept' ? 'welcomed' : 'declined the offer of'} ${place.name}`);
  });

export const setTeam = (
  ctx: Ctx,
  actor: Actor,
  input: { id: string; leadMemberId: string | null; members: { memberId: string; role: string; workShare: number; revenueShare: number }[] },
) =>
  change(ctx, actor, input.id, async (trx, { bid, team }) => {
    requireTeamOpen(bid);
    const seen = new Set<string>();
    for (const [i, m] of input.members.entries()) {
      const place = team.find((t) => t.member_id === m.memberId);
      if (!place) throw new AppError('RULE', 'Only members on the team get a role and a share; invite them first.', { [`members.${i}.memberId`]: 'Not on the team' }, 'team');
      if (seen.has(m.memberId)) throw new AppError('VALIDATION', `${place.name} is listed twice.`, { [`members.${i}.memberId`]: 'Listed twice' });
      seen.add(m.memberId);
      if (place.status === 'declined' && (m.workShare > 0 || m.revenueShare > 0)) {
        throw new AppError('RULE', `${place.name} declined: they cannot hold a share.`, { [`members.${i}.workShare`]: 'Declined' }, 'team');
      }
    }
    if (input.leadMemberId !== null && !onTeam(team, input.leadMemberId, ['accepted'])) {
      throw new AppError('RULE', 'The lead must be a member who accepted a place on the team.', { leadMemberId: 'Not an accepted team member' }, 'team');
    }
    for (const m of input.members) {
      await trx
        .updateTable('bid_team')
        .set({ role: m.role, work_share: basisPoints(m.workShare), revenue_share: basisPoints(m.revenueShare) })
        .where('bid_id', '=', bid.id)
        .where('member_id', '=', m.memberId)
        .execute();
    }
    await trx.updateTable('bids').set({ lead_member_id: input.leadMemberId }).where('id', '=', bid.id).execute();
    await record(trx, ctx, actor, bid.id, 'team', 'updated roles and shares');
  });

/** The bid afterwards, or null when the actor left a team-only bid and can no longer see it. */
export async function removeMember(ctx: Ctx, actor: Actor, input: { id: string; memberId: string }): Promise<Bid | null> {
  // A team member may always step down themselves; removing someone else takes the team.
  const self = actor.memberId !== null && actor.memberId === input.memberId;
  const bid = await immediate(ctx.db, async (trx) => {
    const row = await repo.findBid(trx, input.id);
    if (!row) throw notFound('That bid');
    const team = await repo.teamOf(trx, input.id);
    if (!self && !mayEdit(actor, team)) throw new AppError('FORBIDDEN', 'Only the bid’s team can change it. Ask the lead to invite you.');
    const place = team.find((t) => t.member_id === input.memberId);
    if (!place) throw new AppError('NOT_FOUND', 'They are not on this team.', { memberId: 'Not on the team' });
    requireTeamOpen(row);
    await trx.deleteFrom('bid_team').where('bid_id', '=', input.id).where('member_id', '=', input.memberId).execute();
    const now = ctx.now().getTime();
    await trx
      .updateTable('bids')
      .set({ updated_at: now, ...(row.lead_member_id === input.memberId ? { lead_member_id: null } : {}) })
      .where('id', '=', input.id)
      .execute();
    await record(trx, ctx, actor, input.id, 'team', self ? 'left the team' : `removed ${place.name} from the team`);
    return maySee(actor, row, await repo.teamOf(trx, input.id)) ? loadBid(ctx, trx, actor, input.id) : null;
  });
  ctx.emit('bids.changed');
  return bid;
}

export const addTask = (ctx: Ctx, actor: Actor, input: { id: string; title: string; ownerMemberId: string | null; dueDate: string | null }) =>
  change(ctx, actor, input.id, async (trx, { bid, team }) => {
    if (input.ownerMemberId !== null && !onTeam(team, input.ownerMemberId, ['accepted', 'invited'])) {
      throw new AppError('RULE', 'A task’s owner is someone on the team.', { ownerMemberId: 'Not on the team' }, 'team');
    }
    await trx
      .insertInto('bid_tasks')
      .values({ id: newId(), bid_id: bid.id, title: input.title, owner_member_id: input.ownerMemberId, due_date: input.dueDate, done_at: null, created_at: ctx.now().getTime() })
      .execute();
  });

export async function setTaskDone(ctx: Ctx, actor: Actor, input: { taskId: string; done: boolean }): Promise<Bid> {
  const task = await repo.findTask(ctx.db, input.taskId);
  if (!task) throw notFound('That task');
  return change(ctx, actor, task.bid_id, async (trx) => {
    await trx.updateTable('bid_tasks').set({ done_at: input.done ? ctx.now().getTime() : null }).where('id', '=', task.id).execute();
  });
}

export async function removeTask(ctx: Ctx, actor: Actor, taskId: string): Promise<Bid> {
  const task = await repo.findTask(ctx.db, taskId);
  if (!task) throw notFound('That task');
  return change(ctx, actor, task.bid_id, async (trx) => {
    await trx.deleteFrom('bid_tasks').where('id', '=', task.id).execute();
    await record(trx, ctx, actor, task.bid_id, 'team', `removed the task “${task.title}”`);
  });
}

export const note = (ctx: Ctx, actor: Actor, input: { id: string; kind: 'note' | 'decision'; text: string }) =>
  change(ctx, actor, input.id, async (trx, { bid }) => {
    await record(trx, ctx, actor, bid.id, input.kind, input.text);
  });

export const outcome = (ctx: Ctx, actor: Actor, input: { id: string; finalValue: number | null; lessons: string }) =>
  change(ctx, actor, input.id, async (trx, { bid }) => {
    if (!DECIDED_STAGES.includes(bid.stage)) {
      throw new AppError('RULE', 'The outcome is recorded once the client has decided (won, lost or withdrawn).', undefined, 'outcome');
    }
    if (input.finalValue !== null && !WON_STAGES.includes(bid.stage)) {
      throw new AppError('RULE', 'Only a won bid has a final value.', { finalValue: 'Only for a won bid' }, 'outcome');
    }
    await trx.updateTable('bids').set({ final_value_minor: input.finalValue, lessons: input.lessons }).where('id', '=', bid.id).execute();
    await record(trx, ctx, actor, bid.id, 'outcome', 'recorded the outcome');
  });

// ---------------------------------------------------------------------------------------------
// Documents: files in <data folder>/documents/<bid id>/, opened with the system's viewer

const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const documentsDir = (ctx: Ctx, bidId: string) => join(ctx.dataDir, 'documents', bidId);
const removedDocumentsDir = (ctx: Ctx, bidId: string) => join(ctx.dataDir, 'backups', 'documents', bidId);
/** A file name that is safe on every system: no folders, no control or reserved characters. */
const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/^\.+/, '_').slice(0, 120) || 'document';

export async function attach(ctx: Ctx, actor: Actor, input: { id: string; name: string; content: string }): Promise<Bid> {
  const bytes = Buffer.from(input.content, 'base64');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new AppError('VALIDATION', 'A document is at most 10 MB.', { content: 'Larger than 10 MB' });
  const docId = newId();
  const storedName = `${docId}-${safeFileName(input.name)}`;
  const file = join(documentsDir(ctx, input.id), storedName);
  let written = false;
  try {
    return await change(ctx, actor, input.id, async (trx, { bid }) => {
      mkdirSync(documentsDir(ctx, bid.id), { recursive: true });
      writeFileSync(file, bytes);
      written = true;
      await trx
        .insertInto('bid_documents')
        .values({ id: docId, bid_id: bid.id, name: input.name, stored_name: storedName, size: bytes.length, added_by_member_id: actor.memberId, added_at: ctx.now().getTime() })
        .execute();
      await record(trx, ctx, actor, bid.id, 'team', `added the document “${input.name}”`);
    });
  } catch (error) {
    // The row was rolled back: the file must not stay behind either.
    if (written) rmSync(file, { force: true });
    throw error;
  }
}

/**
 * Removes a document: its row, then its file once the removal is committed. The file moves into
 * backups/documents rather than away, so restoring a backup that still lists it finds it again.
 */
export async function removeDocument(ctx: Ctx, actor: Actor, id: string): Promise<Bid> {
  const doc = await repo.findDocument(ctx.db, id);
  if (!doc) throw notFound('That document');
  const bid = await change(ctx, actor, doc.bid_id, async (trx) => {
    await trx.deleteFrom('bid_documents').where('id', '=', doc.id).execute();
    await record(trx, ctx, actor, doc.bid_id, 'team', `removed the document “${doc.name}”`);
  });
  const kept = join(removedDocumentsDir(ctx, doc.bid_id), doc.stored_name);
  mkdirSync(removedDocumentsDir(ctx, doc.bid_id), { recursive: true });
  renameSync(join(documentsDir(ctx, doc.bid_id), doc.stored_name), kept);
  return bid;
}

/** After a restore: brings back the files of documents the restored database lists but that were removed since. */
export async function recoverRemovedDocuments(ctx: Ctx): Promise<number> {
  let recovered = 0;
  for (const doc of await ctx.db.selectFrom('bid_documents').select(['bid_id', 'stored_name']).execute()) {
    const file = join(documentsDir(ctx, doc.bid_id), doc.stored_name);
    const kept = join(removedDocumentsDir(ctx, doc.bid_id), doc.stored_name);
    if (existsSync(file) || !existsSync(kept)) continue;
    mkdirSync(documentsDir(ctx, doc.bid_id), { recursive: true });
    copyFileSync(kept, file);
    recovered++;
  }
  return recovered;
}

export async function openDocument(ctx: Ctx, actor: Actor, id: string): Promise<{ name: string; opened: boolean; content?: string }> {
  const doc = await repo.findDocument(ctx.db, id);
  if (!doc) throw notFound('That document');
  const bid = await repo.findBid(ctx.db, doc.bid_id);
  if (!bid || !maySee(actor, bid, await repo.teamOf(ctx.db, bid.id))) throw hidden();
  const file = join(documentsDir(ctx, doc.bid_id), doc.stored_name);
  if (ctx.desktop?.openPath) {
    try {
      await ctx.desktop.openPath(file);
    } catch {
      throw new AppError('NOT_FOUND', `The system could not open “${doc.name}”: is the file still in the data folder?`);
    }
    return { name: doc.name, opened: true };
  }
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    throw new AppError('NOT_FOUND', `The file of “${doc.name}” is missing from the data folder.`);
  }
  return { name: doc.name, opened: false, content: content.toString('base64') };
}

// ---------------------------------------------------------------------------------------------
// Suggested team

export async function suggestTeam(ctx: Ctx, actor: Actor, id: string): Promise<TeamSuggestion> {
  const bid = await repo.findBid(ctx.db, id);
  if (!bid) throw notFound('That bid');
  const [skills, team] = await Promise.all([repo.skillsOf(ctx.db, id), repo.teamOf(ctx.db, id)]);
  if (!maySee(actor, bid, team)) throw hidden();
  // Whoever is on the team, invited or offering to join is not suggested again.
  const onIt = new Set(team.filter((t) => t.status !== 'declined').map((t) => t.member_id));
  const offering = await repo.candidatesOffering(ctx.db, skills.map((s) => s.tag));
  const candidates = new Map<string, { memberId: string; name: string; number: number; offers: string[]; pastPartners: string[] }>();
  for (const r of offering) {
    if (onIt.has(r.id)) continue;
    const c = candidates.get(r.id) ?? { memberId: r.id, name: r.name, number: r.number, offers: [], pastPartners: [] };
    c.offers.push(r.tag);
    candidates.set(r.id, c);
  }
  const partners = new Map(team.filter((t) => t.status === 'accepted').map((p) => [p.member_id, p.name]));
  for (const pair of await repo.pastPartnerships(ctx.db, [...candidates.keys()], [...partners.keys()], id)) {
    candidates.get(pair.candidate)?.pastPartners.push(partners.get(pair.partner) ?? '');
  }
  const teamBrings = offering.filter((r) => onIt.has(r.id)).map((r) => r.tag);
  return rankCandidates(skills, [...candidates.values()], teamBrings);
}

// ---------------------------------------------------------------------------------------------
// Outcomes and attention

export async function outcomes(ctx: Ctx): Promise<BidOutcomes> {
  const { currency } = await coopClock(ctx, ctx.db);
  const { bids, places } = await repo.outcomeRows(ctx.db);
  // A won bid counts at its final value, any other at its estimate; other currencies are not added in.
  const valueOf = (b: (typeof bids)[number]) => (WON_STAGES.includes(b.stage) ? (b.final ?? b.estimated) : b.estimated);
  const ours = bids.filter((b) => b.currency === currency);
  const count = (stages: readonly BidStage[]) => bids.filter((b) => stages.includes(b.stage)).length;
  const won = count(WON_STAGES);
  const lost = count(['lost']);

  const byMember = new Map<string, MemberOutcome>();
  const bidsById = new Map(bids.map((b) => [b.id, b]));
  for (const p of places) {
    const bid = bidsById.get(p.bidId)!;
    const m = byMember.get(p.memberId) ?? { memberId: p.memberId, name: p.name, joined: 0, won: 0, lost: 0, winRate: null, valueWon: 0, revenueEarned: 0 };
    m.joined++;
    if (WON_STAGES.includes(bid.stage)) {
      m.won++;
      if (bid.currency === currency) {
        m.valueWon += valueOf(bid);
        m.revenueEarned += revenuePart(valueOf(bid), p.revenueShare);
      }
    } else if (bid.stage === 'lost') m.lost++;
    byMember.set(p.memberId, m);
  }
  const members = [...byMember.values()]
    .map((m) => ({ ...m, winRate: winRate(m.won, m.lost) }))
    .sort((a, b) => b.revenueEarned - a.revenueEarned || b.joined - a.joined || a.name.localeCompare(b.name));

  return {
    currency,
    coop: {
      bids: bids.length,
      submitted: count(['submitted', 'won', 'lost', 'delivering', 'completed']),
      won,
      lost,
      withdrawn: count(['withdrawn']),
      winRate: winRate(won, lost),
      valueWon: ours.filter((b) => WON_STAGES.includes(b.stage)).reduce((sum, b) => sum + valueOf(b), 0),
    },
    pipeline: BID_STAGES.map((stage) => ({
      stage,
      count: bids.filter((b) => b.stage === stage).length,
      value: ours.filter((b) => b.stage === stage).reduce((sum, b) => sum + valueOf(b), 0),
    })),
    members,
    otherCurrencies: bids.length - ours.length,
  };
}

/** Bids the actor can see that need attention: overdue tasks, deadlines within a week or passed. */
export async function attention(ctx: Ctx, actor: Actor): Promise<BidAttention[]> {
  const rows = await list(ctx, actor, { q: '', stage: 'all', source: 'all', attention: true });
  return rows.map((b) => ({ bidId: b.id, title: b.title, items: b.attention }));
}

/**
 * Once a day, a desktop notification when tasks are overdue or deadlines are near. The day it
 * went out is stored, so restarting the app does not send it twice.
 */
export async function remindDaily(ctx: Ctx): Promise<boolean> {
  if (!ctx.desktop?.notify) return false;
  const { today } = await coopClock(ctx, ctx.db);
  const sent = await ctx.db.selectFrom('reminders_sent').select('last_date').where('kind', '=', 'bids').executeTakeFirst();
  if (sent?.last_date === today) return false;
  const due = await attention(ctx, { role: 'manager', memberId: null });
  if (due.length === 0) return false;
  const lines = due.slice(0, 4).map((b) => `${b.title}: ${b.items.join(', ')}`);
  if (due.length > 4) lines.push(`and ${due.length - 4} more`);
  ctx.desktop.notify({ title: due.length === 1 ? 'A joint bid needs attention' : `${due.length} joint bids need attention`, body: lines.join('\n') });
  await ctx.db
    .insertInto('reminders_sent')
    .values({ kind: 'bids', last_date: today })
    .onConflict((oc) => oc.column('kind').doUpdateSet({ last_date: today }))
    .execute();
  return true;
}

