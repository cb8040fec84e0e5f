import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { AccessGuardsTable } from './auth.tables';

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

/**
 * Every lock in force now (members, names nobody has, the manager password per client, slowed
 * clients), with the member's name where it is a member, and how many attempts it has refused.
 */
export const activeLocks = (db: Kysely<DB>, now: number) =>
  db
    .selectFrom('access_guards as g')
    .leftJoin('members', (join) => join.onRef('members.id', '=', 'g.key').on('g.scope', '=', 'pin'))
    .leftJoin('access_guards as r', (join) => join.onRef('r.scope', '=', 'g.scope').on('r.key', '=', sql<string>`g.key || '#refused'`))
    .select(['g.scope', 'g.key', 'g.locked_until', 'members.id as memberId', 'members.name', 'r.failures as refused', 'r.locked_until as refusedUntil'])
    .where('g.locked_until', '>', now)
    .where('g.key', 'not like', '%#%')
    .orderBy('g.locked_until')
    .execute();
