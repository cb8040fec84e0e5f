import type { Kysely } from 'kysely';
import type { AccessGuardsTable, DB } from '../../db/schema';

type Scope = AccessGuardsTable['scope'];

export const find = (db: Kysely<DB>, scope: Scope, key: string) =>
  db.selectFrom('access_guards').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();

export async function save(db: Kysely<DB>, row: AccessGuardsTable): Promise<void> {
  await db
    .insertInto('access_guards')
    .values(row)
    .onConflict((oc) => oc.columns(['scope', 'key']).doUpdateSet({ failures: row.failures, locked_until: row.locked_until, updated_at: row.updated_at }))
    .execute();
}

export async function clear(db: Kysely<DB>, scope: Scope, key: string): Promise<number> {
  const r = await db.deleteFrom('access_guards').where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Members locked out of the kiosk now, with their names. */
export const lockedMembers = (db: Kysely<DB>, now: number) =>
  db
    .selectFrom('access_guards')
    .innerJoin('members', 'members.id', 'access_guards.key')
    .select(['members.id', 'members.name', 'access_guards.locked_until'])
    .where('access_guards.scope', '=', 'pin')
    .where('access_guards.locked_until', '>', now)
    .orderBy('access_guards.locked_until')
    .execute();
