import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { listOf } from '../../db/sqlite';

const presenceQuery = (db: Kysely<DB>) =>
  db
    .selectFrom('presence')
    .innerJoin('members', 'members.id', 'presence.member_id')
    .innerJoin('sites', 'sites.id', 'presence.site_id')
    .select(['presence.id', 'presence.member_id', 'members.name', 'members.number', 'presence.checked_in_at', 'presence.checked_out_at', 'sites.time_zone']);

export type PresenceRow = Awaited<ReturnType<ReturnType<typeof presenceQuery>['execute']>>[number];

export const findOpen = (db: Kysely<DB>, memberId: string) =>
  presenceQuery(db).where('presence.member_id', '=', memberId).where('presence.checked_out_at', 'is', null).executeTakeFirst();

export const findById = (db: Kysely<DB>, id: string) => presenceQuery(db).where('presence.id', '=', id).executeTakeFirstOrThrow();

export const history = (db: Kysely<DB>, memberId: string, limit: number) =>
  presenceQuery(db).where('presence.member_id', '=', memberId).orderBy('presence.checked_in_at', 'desc').limit(limit).execute();

export const presentAt = (db: Kysely<DB>, siteId: string) =>
  presenceQuery(db).where('presence.site_id', '=', siteId).where('presence.checked_out_at', 'is', null).orderBy('presence.checked_in_at').execute();

export async function insert(db: Kysely<DB>, row: { id: string; member_id: string; site_id: string; checked_in_at: number }): Promise<void> {
  await db
    .insertInto('presence')
    .values({ ...row, checked_out_at: null })
    .execute();
}

export async function close(db: Kysely<DB>, id: string, at: number): Promise<void> {
  await db.updateTable('presence').set({ checked_out_at: at }).where('id', '=', id).execute();
}

/** When each of these members last checked in (anywhere); members never in are absent. */
export async function lastSeen(db: Kysely<DB>, memberIds: readonly string[]): Promise<Map<string, number>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('presence')
    .select(['member_id', (eb) => eb.fn.max('checked_in_at').as('at')])
    .where('member_id', 'in', listOf(db, memberIds))
    .groupBy('member_id')
    .execute();
  return new Map(rows.map((r) => [r.member_id, Number(r.at)]));
}

/** Who is in at the site now: member ids only (no names, no times). */
export async function presentIds(db: Kysely<DB>, siteId: string): Promise<string[]> {
  const rows = await db.selectFrom('presence').select('member_id').where('site_id', '=', siteId).where('checked_out_at', 'is', null).execute();
  return rows.map((r) => r.member_id);
}
