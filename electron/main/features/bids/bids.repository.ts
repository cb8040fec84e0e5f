import type { Kysely } from 'kysely';
import type { BidStage } from '@shared/domain/bids';
import { rowsAsArrays } from '../../db/rows';
import type { DB } from '../../db/schema';
import type { BidActivityTable, BidDocumentsTable, BidsTable, BidTasksTable, BidTeamTable } from './bids.tables';

export type BidRow = BidsTable;

export const findBid = (db: Kysely<DB>, id: string) => db.selectFrom('bids').selectAll().where('id', '=', id).executeTakeFirst();

export interface BoardFilter {
  stages: readonly BidStage[] | null;
  source: BidsTable['source'] | null;
  /** Also bids at these (closed) stages changed since this instant. */
  recent?: { stages: readonly BidStage[]; since: number };
}

const SUMMARY_COLUMNS = [
  'id',
  'title',
  'client',
  'stage',
  'estimated_value_minor',
  'final_value_minor',
  'currency',
  'deadline_at',
  'visibility',
  'source',
  'lead_member_id',
  'created_by_member_id',
] as const;
export type SummaryRow = Pick<BidsTable, (typeof SUMMARY_COLUMNS)[number]>;

function filtered(db: Kysely<DB>, f: BoardFilter) {
  let q = db.selectFrom('bids');
  const { stages, recent } = f;
  if (stages && recent) {
    q = q.where((eb) => eb.or([eb('stage', 'in', stages), eb.and([eb('stage', 'in', recent.stages), eb('updated_at', '>=', recent.since)])]));
  } else if (stages) q = q.where('stage', 'in', stages);
  if (f.source) q = q.where('source', '=', f.source);
  return q;
}

/**
 * What the board and the list show of every bid that passes the filter, with its skills and
 * team: three reads as arrays (the board shows thousands of bids over the years).
 */
export async function board(db: Kysely<DB>, f: BoardFilter) {
  const unfiltered = !f.stages && !f.source;
  const ids = filtered(db, f).select('id');
  // In primary-key order (no sort step); each bid's few rows are put in order by the caller.
  let skills = db.selectFrom('bid_skills').select(['bid_id', 'tag', 'days']).orderBy('bid_id').orderBy('tag');
  let team = db
    .selectFrom('bid_team')
    .innerJoin('members', 'members.id', 'bid_team.member_id')
    .select(['bid_team.bid_id', 'bid_team.member_id', 'bid_team.status', 'members.name'])
    .orderBy('bid_team.bid_id')
    .orderBy('bid_team.member_id');
  if (!unfiltered) {
    skills = skills.where('bid_id', 'in', ids);
    team = team.where('bid_team.bid_id', 'in', ids);
  }
  const [bids, skillRows, teamRows] = await Promise.all([
    rowsAsArrays(db, filtered(db, f).select(SUMMARY_COLUMNS).orderBy('created_at', 'desc')),
    rowsAsArrays(db, skills),
    rowsAsArrays(db, team),
  ]);
  return {
    bids: bids.map((r) => Object.fromEntries(SUMMARY_COLUMNS.map((c, i) => [c, r[i]])) as unknown as SummaryRow),
    skills: skillRows as [string, string, number][],
    team: teamRows as [string, string, BidTeamTable['status'], string][],
  };
}

export const skillsOf = (db: Kysely<DB>, bidId: string) =>
  db.selectFrom('bid_skills').selectAll().where('bid_id', '=', bidId).orderBy('days', 'desc').orderBy('tag').execute();

export const teamOf = (db: Kysely<DB>, bidId: string) =>
  db
    .selectFrom('bid_team')
    .innerJoin('members', 'members.id', 'bid_team.member_id')
    .selectAll('bid_team')
    .select(['members.name', 'members.number'])
    .where('bid_team.bid_id', '=', bidId)
    .orderBy('bid_team.invited_at')
    .orderBy('members.number')
    .execute();
export type TeamRow = Awaited<ReturnType<typeof teamOf>>[number];

export const tasksOf = (db: Kysely<DB>, bidId: string) =>
  db
    .selectFrom('bid_tasks')
    .leftJoin('members', 'members.id', 'bid_tasks.owner_member_id')
    .selectAll('bid_tasks')
    .select('members.name as owner_name')
    .where('bid_tasks.bid_id', '=', bidId)
    .orderBy('bid_tasks.done_at')
    .orderBy('bid_tasks.due_date')
    .orderBy('bid_tasks.created_at')
    .execute();

export const findTask = (db: Kysely<DB>, id: string) => db.selectFrom('bid_tasks').selectAll().where('id', '=', id).executeTakeFirst();

export const activityOf = (db: Kysely<DB>, bidId: string) =>
  db
    .selectFrom('bid_activity')
    .leftJoin('members', 'members.id', 'bid_activity.actor_member_id')
    .selectAll('bid_activity')
    .select('members.name as actor_name')
    .where('bid_activity.bid_id', '=', bidId)
    .orderBy('bid_activity.at', 'desc')
    .orderBy('bid_activity.id', 'desc')
    .execute();

export const documentsOf = (db: Kysely<DB>, bidId: string) =>
  db.selectFrom('bid_documents').selectAll().where('bid_id', '=', bidId).orderBy('added_at').execute();

export const findDocument = (db: Kysely<DB>, id: string) => db.selectFrom('bid_documents').selectAll().where('id', '=', id).executeTakeFirst();

/** Whether the latest go/no-go decision on the bid was a go. */
export async function hasGoDecision(db: Kysely<DB>, bidId: string): Promise<boolean> {
  const latest = await db
    .selectFrom('bid_activity')
    .select('kind')
    .where('bid_id', '=', bidId)
    .where('kind', 'in', ['go', 'no-go'])
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return latest?.kind === 'go';
}

export async function insertActivity(db: Kysely<DB>, row: BidActivityTable): Promise<void> {
  await db.insertInto('bid_activity').values(row).execute();
}

export async function replaceSkills(db: Kysely<DB>, bidId: string, skills: readonly { tag: string; days: number }[]): Promise<void> {
  await db.deleteFrom('bid_skills').where('bid_id', '=', bidId).execute();
  if (skills.length > 0)
    await db
      .insertInto('bid_skills')
      .values(skills.map((s) => ({ bid_id: bidId, tag: s.tag, days: s.days })))
      .execute();
}

export async function upsertTeamMember(db: Kysely<DB>, row: BidTeamTable): Promise<void> {
  await db
    .insertInto('bid_team')
    .values(row)
    .onConflict((oc) => oc.columns(['bid_id', 'member_id']).doUpdateSet({ status: row.status, invited_at: row.invited_at, responded_at: row.responded_at }))
    .execute();
}

/** Members who offer any of these skills, with all their offered tags (active, not archived). */
export async function candidatesOffering(db: Kysely<DB>, tags: readonly string[]) {
  if (tags.length === 0) return [];
  return db
    .selectFrom('member_tags as t')
    .innerJoin('members as m', 'm.id', 't.member_id')
    .select(['m.id', 'm.name', 'm.number', 't.tag'])
    .where('t.kind', '=', 'offers')
    .where('t.tag', 'in', tags)
    .where('m.status', '=', 'active')
    .where('m.archived_at', 'is', null)
    .execute();
}

/** Pairs (candidate, partner) who were both accepted on an earlier bid. */
export async function pastPartnerships(db: Kysely<DB>, candidateIds: readonly string[], partnerIds: readonly string[], excludeBidId: string) {
  if (candidateIds.length === 0 || partnerIds.length === 0) return [];
  return db
    .selectFrom('bid_team as a')
    .innerJoin('bid_team as b', (j) => j.onRef('b.bid_id', '=', 'a.bid_id').onRef('b.member_id', '!=', 'a.member_id'))
    .select(['a.member_id as candidate', 'b.member_id as partner'])
    .distinct()
    .where('a.member_id', 'in', candidateIds)
    .where('b.member_id', 'in', partnerIds)
    .where('a.status', '=', 'accepted')
    .where('b.status', '=', 'accepted')
    .where('a.bid_id', '!=', excludeBidId)
    .execute();
}

/** Open tasks due before `today` on bids still being worked on. */
export const overdueTasks = (db: Kysely<DB>, today: string) =>
  db
    .selectFrom('bid_tasks')
    .innerJoin('bids', 'bids.id', 'bid_tasks.bid_id')
    .select(['bid_tasks.bid_id', 'bid_tasks.title', 'bid_tasks.due_date'])
    .where('bid_tasks.done_at', 'is', null)
    .where('bid_tasks.due_date', '<', today)
    .where('bids.stage', 'not in', ['lost', 'withdrawn', 'completed'])
    .execute();

/** Every open invitation to a bid: who, to which. */
export const invitedPlaces = (db: Kysely<DB>) =>
  db
    .selectFrom('bid_team')
    .innerJoin('bids', 'bids.id', 'bid_team.bid_id')
    .select(['bid_team.bid_id', 'bid_team.member_id', 'bids.title'])
    .where('bid_team.status', '=', 'invited')
    .execute();

/** Open tasks with an owner, due by `today`, on bids still being worked on: their owners are reminded. */
export const tasksDueBy = (db: Kysely<DB>, today: string) =>
  db
    .selectFrom('bid_tasks')
    .innerJoin('bids', 'bids.id', 'bid_tasks.bid_id')
    .select(['bid_tasks.bid_id', 'bid_tasks.title', 'bid_tasks.due_date', 'bid_tasks.owner_member_id', 'bids.title as bid_title'])
    .where('bid_tasks.done_at', 'is', null)
    .where('bid_tasks.owner_member_id', 'is not', null)
    .where('bid_tasks.due_date', '<=', today)
    .where('bids.stage', 'not in', ['lost', 'withdrawn', 'completed'])
    .execute();

export const memberName = async (db: Kysely<DB>, id: string) =>
  (await db.selectFrom('members').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;

/** Every bid's stage and value, and every accepted place with its revenue share: what the outcome figures add up. */
export async function outcomeRows(db: Kysely<DB>) {
  const [bids, places] = await Promise.all([
    rowsAsArrays(db, db.selectFrom('bids').select(['id', 'stage', 'currency', 'estimated_value_minor', 'final_value_minor'])),
    rowsAsArrays(
      db,
      db
        .selectFrom('bid_team')
        .innerJoin('members', 'members.id', 'bid_team.member_id')
        .select(['bid_team.bid_id', 'bid_team.member_id', 'members.name', 'bid_team.revenue_share'])
        .where('bid_team.status', '=', 'accepted'),
    ),
  ]);
  return {
    bids: (bids as [string, BidStage, string, number, number | null][]).map(([id, stage, currency, estimated, final]) => ({
      id,
      stage,
      currency,
      estimated,
      final,
    })),
    places: (places as [string, string, string, number][]).map(([bidId, memberId, name, revenueShare]) => ({ bidId, memberId, name, revenueShare })),
  };
}

export async function insertBid(db: Kysely<DB>, row: BidsTable): Promise<void> {
  await db.insertInto('bids').values(row).execute();
}

export async function updateBid(db: Kysely<DB>, id: string, values: Partial<Omit<BidsTable, 'id'>>): Promise<void> {
  await db.updateTable('bids').set(values).where('id', '=', id).execute();
}

export async function updatePlace(db: Kysely<DB>, bidId: string, memberId: string, values: Partial<Omit<BidTeamTable, 'bid_id' | 'member_id'>>): Promise<void> {
  await db.updateTable('bid_team').set(values).where('bid_id', '=', bidId).where('member_id', '=', memberId).execute();
}

export async function deletePlace(db: Kysely<DB>, bidId: string, memberId: string): Promise<void> {
  await db.deleteFrom('bid_team').where('bid_id', '=', bidId).where('member_id', '=', memberId).execute();
}

export async function insertTask(db: Kysely<DB>, row: BidTasksTable): Promise<void> {
  await db.insertInto('bid_tasks').values(row).execute();
}

export async function setTaskDoneAt(db: Kysely<DB>, id: string, doneAt: number | null): Promise<void> {
  await db.updateTable('bid_tasks').set({ done_at: doneAt }).where('id', '=', id).execute();
}

export async function deleteTask(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('bid_tasks').where('id', '=', id).execute();
}

export async function insertDocument(db: Kysely<DB>, row: BidDocumentsTable): Promise<void> {
  await db.insertInto('bid_documents').values(row).execute();
}

export async function deleteDocument(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('bid_documents').where('id', '=', id).execute();
}

export const allDocuments = (db: Kysely<DB>) => db.selectFrom('bid_documents').select(['bid_id', 'stored_name']).execute();

export const lastReminder = async (db: Kysely<DB>, kind: string) =>
  (await db.selectFrom('reminders_sent').select('last_date').where('kind', '=', kind).executeTakeFirst())?.last_date ?? null;

export async function markReminder(db: Kysely<DB>, kind: string, date: string): Promise<void> {
  await db
    .insertInto('reminders_sent')
    .values({ kind, last_date: date })
    .onConflict((oc) => oc.column('kind').doUpdateSet({ last_date: date }))
    .execute();
}

/** Bytes of documents attached to a bid, or added by a member, for the quotas. */
export async function documentBytes(db: Kysely<DB>, of: { bidId: string } | { memberId: string }): Promise<number> {
  const row = await db
    .selectFrom('bid_documents')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('bytes'))
    .where('bidId' in of ? 'bid_id' : 'added_by_member_id', '=', 'bidId' in of ? of.bidId : of.memberId)
    .executeTakeFirstOrThrow();
  return Number(row.bytes);
}

/** How many bids `memberId` and each of `others` were both accepted on (the network's "worked together"). */
export async function sharedBids(db: Kysely<DB>, memberId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('bid_team as a')
    .innerJoin('bid_team as b', (j) => j.onRef('b.bid_id', '=', 'a.bid_id'))
    .select(['b.member_id as other', (eb) => eb.fn.countAll<number>().as('n')])
    .where('a.member_id', '=', memberId)
    .where('a.status', '=', 'accepted')
    .where('b.member_id', '!=', memberId)
    .where('b.status', '=', 'accepted')
    .groupBy('b.member_id')
    .execute();
  return new Map(rows.map((r) => [r.other, Number(r.n)]));
}
