import type { Kysely } from 'kysely';
import { newId } from '@shared/domain/ids';
import { HELP_HOW, HELP_KINDS } from '@shared/domain/support';
import { addDaysIso } from '@shared/domain/zoned';
import type { DB } from '../db/schema';
import type { CommitmentsTable, HelpRequestsTable, MentorMeetingsTable, MentorPairsTable } from '../features/support/support.tables';
import { insertChunked, seededRandom } from './generate';

/**
 * Mutual support's history for the demo co-op and the benchmarks: help requests asked and
 * resolved (a few still open), mentors and members asking for one, pairs with their meetings,
 * and commitments kept or missed before partners.
 */

/** What members ask, around one of their skills' tags. */
const QUESTIONS = [
  (tag: string) => `Two minutes on ${tag}, anyone?`,
  (tag: string) => `Can someone check my ${tag} before I send it?`,
  (tag: string) => `Stuck with ${tag}: ten minutes of help?`,
  (tag: string) => `Who knows ${tag}? A quick question`,
];
const THANKS = ['Thank you, sorted in five minutes!', 'Brilliant, thanks', 'Saved my afternoon', ''];
const COMMITMENTS = ['Send the tender by Friday', 'Call three new leads', 'Finish the website copy', 'File the VAT return', 'Write the grant summary'];

export interface SupportOptions {
  members: readonly { id: string; offers: readonly string[] }[];
  today: string;
  now: number;
  seed: number;
  /** Past requests, resolved; `open` more still waiting. */
  requests: number;
  open: number;
  mentors: number;
  mentees: number;
  pairs: number;
  commitments: number;
  days: number;
}

export async function generateSupport(db: Kysely<DB>, o: SupportOptions): Promise<{ requests: number; pairs: number; commitments: number }> {
  const random = seededRandom(o.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const other = (not: string) => {
    let m = pick(o.members);
    while (m.id === not) m = pick(o.members);
    return m;
  };
  const requests: HelpRequestsTable[] = [];
  const skills: { request_id: string; tag: string }[] = [];
  for (let i = 0; i < o.requests + o.open; i++) {
    const asker = pick(o.members);
    const helper = other(asker.id);
    const open = i >= o.requests;
    const at = open ? o.now - Math.floor(random() * 40) * 60_000 : o.now - Math.floor(random() * o.days * 86_400_000);
    const claimed = !open || random() < 0.3;
    requests.push({
      id: newId(),
      asker_id: asker.id,
      kind: pick(HELP_KINDS),
      text: pick(QUESTIONS)(helper.offers[0] ?? 'the printer'),
      here_today: random() < 0.4 ? 1 : 0,
      state: open ? (claimed ? 'claimed' : 'open') : 'resolved',
      helper_id: claimed ? helper.id : null,
      how: claimed ? pick(HELP_HOW) : null,
      told: Math.floor(random() * 6),
      created_at: at,
      claimed_at: claimed ? at + 5 * 60_000 : null,
      resolved_at: open ? null : at + 20 * 60_000,
      thanks: open ? null : pick(THANKS) || null,
      raised_at: null,
    });
    const tag = helper.offers[0];
    if (tag) skills.push({ request_id: requests.at(-1)!.id, tag });
  }
  await insertChunked(db, 'help_requests', requests);
  await insertChunked(db, 'help_request_skills', skills);

  const mentors = o.members.slice(0, o.mentors).filter((m) => m.offers.length > 0);
  await insertChunked(
    db,
    'mentor_offers',
    mentors.map((m) => ({ member_id: m.id, hours_per_month: 2 + Math.floor(random() * 4), note: '', active: 1, updated_at: o.now })),
  );
  const mentees = o.members.slice(o.mentors, o.mentors + o.mentees);
  await insertChunked(
    db,
    'mentor_requests',
    mentees.map((m) => ({
      member_id: m.id,
      about: 'Growing the business',
      active: 1,
      created_at: o.now - Math.floor(random() * 60) * 86_400_000,
      updated_at: o.now,
    })),
  );
  await insertChunked(db, 'mentoring_skills', [
    ...mentors.flatMap((m) => m.offers.slice(0, 3).map((tag) => ({ member_id: m.id, side: 'mentor' as const, tag }))),
    ...mentees.map((m) => ({ member_id: m.id, side: 'mentee' as const, tag: pick(mentors).offers[0]! })),
  ]);
  const pairs: MentorPairsTable[] = [];
  const meetings: MentorMeetingsTable[] = [];
  for (let i = 0; i < Math.min(o.pairs, mentors.length, mentees.length); i++) {
    const starts = addDaysIso(o.today, -30 - Math.floor(random() * 90));
    const p: MentorPairsTable = {
      id: newId(),
      mentor_id: mentors[i]!.id,
      mentee_id: mentees[i]!.id,
      about: 'Growing the business',
      hours_per_month: 1,
      starts_on: starts,
      ends_on: addDaysIso(starts, 180),
      mentor_agreed: 1,
      mentee_agreed: 1,
      state: 'active',
      ended_on: null,
      proposed_by: mentees[i]!.id,
      created_at: o.now,
      updated_at: o.now,
    };
    pairs.push(p);
    for (let k = 0; k < 3; k++)
      meetings.push({
        id: newId(),
        pair_id: p.id,
        on_date: addDaysIso(starts, 7 + k * 21),
        minutes: 45,
        notes: 'Went through the plan for next month.',
        by_member_id: p.mentee_id,
        at: o.now,
      });
  }
  await insertChunked(db, 'mentor_pairs', pairs);
  await insertChunked(
    db,
    'mentor_meetings',
    meetings.filter((m) => m.on_date <= o.today),
  );

  const commitments: CommitmentsTable[] = [];
  const partners: { commitment_id: string; partner_id: string }[] = [];
  for (let i = 0; i < o.commitments; i++) {
    const owner = pick(o.members);
    const ago = Math.floor(random() * o.days) - 7;
    const due = addDaysIso(o.today, -ago);
    const state = ago < 0 ? 'open' : random() < 0.75 ? 'done' : 'missed';
    commitments.push({
      id: newId(),
      member_id: owner.id,
      text: pick(COMMITMENTS),
      due_on: due,
      state,
      created_at: o.now - (ago + 10) * 86_400_000,
      reminded_at: null,
      nudged_at: null,
      closed_on: state === 'open' ? null : due,
    });
    partners.push({ commitment_id: commitments.at(-1)!.id, partner_id: other(owner.id).id });
  }
  await insertChunked(db, 'commitments', commitments);
  await insertChunked(db, 'commitment_partners', partners);
  return { requests: requests.length, pairs: pairs.length, commitments: commitments.length };
}
