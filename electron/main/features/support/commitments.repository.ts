import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { CommitmentsTable } from './support.tables';

/** Commitments, their partners and check-ins. */

export async function insert(db: Kysely<DB>, row: CommitmentsTable, partnerIds: readonly string[]): Promise<void> {
  await db.insertInto('commitments').values(row).execute();
  await db
    .insertInto('commitment_partners')
    .values(partnerIds.map((partner_id) => ({ commitment_id: row.id, partner_id })))
    .execute();
}

export const find = (db: Kysely<DB>, id: string) => db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst();

/** A member's own commitments, the latest due first. */
export const ownedBy = (db: Kysely<DB>, memberId: string, limit: number) =>
  db.selectFrom('commitments').selectAll().where('member_id', '=', memberId).orderBy('due_on', 'desc').limit(limit).execute();

/** Commitments a member holds others to. */
export const partneredBy = (db: Kysely<DB>, memberId: string, limit: number) =>
  db
    .selectFrom('commitment_partners')
    .innerJoin('commitments', 'commitments.id', 'commitment_partners.commitment_id')
    .selectAll('commitments')
    .where('commitment_partners.partner_id', '=', memberId)
    .orderBy('commitments.due_on', 'desc')
    .limit(limit)
    .execute();

export async function partnersOf(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  for (const r of await db.selectFrom('commitment_partners').selectAll().where('commitment_id', 'in', ids).execute())
    out.get(r.commitment_id)!.push(r.partner_id);
  return out;
}

export async function checkinsOf(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('commitment_checkins').selectAll().where('commitment_id', 'in', ids).orderBy('at').execute();
}

export async function insertCheckin(db: Kysely<DB>, row: DB['commitment_checkins']): Promise<void> {
  await db.insertInto('commitment_checkins').values(row).execute();
}

export async function close(db: Kysely<DB>, id: string, state: 'done' | 'missed', onDate: string): Promise<void> {
  await db.updateTable('commitments').set({ state, closed_on: onDate }).where('id', '=', id).execute();
}

/** Open commitments due on or before `day` with no reminder sent yet. */
export const toRemind = (db: Kysely<DB>, day: string) =>
  db.selectFrom('commitments').selectAll().where('state', '=', 'open').where('reminded_at', 'is', null).where('due_on', '<=', day).execute();

/** Open commitments whose due date has passed: missed. */
export const overdue = (db: Kysely<DB>, today: string) =>
  db.selectFrom('commitments').selectAll().where('state', '=', 'open').where('due_on', '<', today).execute();

export async function markReminded(db: Kysely<DB>, ids: readonly string[], at: number): Promise<void> {
  if (ids.length > 0) await db.updateTable('commitments').set({ reminded_at: at }).where('id', 'in', ids).execute();
}

export async function markNudged(db: Kysely<DB>, id: string, at: number): Promise<void> {
  await db.updateTable('commitments').set({ nudged_at: at }).where('id', '=', id).execute();
}

/** The member's closed commitments since `from` (due dates): what they kept, month by month. */
export const closedSince = (db: Kysely<DB>, memberId: string, from: string) =>
  db.selectFrom('commitments').select(['state', 'due_on']).where('member_id', '=', memberId).where('state', '!=', 'open').where('due_on', '>=', from).execute();
