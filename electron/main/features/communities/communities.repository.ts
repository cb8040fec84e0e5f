import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { CommunitiesTable, CommunityMembersTable, CommunityResourcesTable } from './communities.tables';

/** Communities' reads and writes. */

export const all = (db: Kysely<DB>) => db.selectFrom('communities').selectAll().orderBy('archived_at').orderBy('name').execute();

export const find = (db: Kysely<DB>, id: string) => db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst();

export const byName = (db: Kysely<DB>, name: string) =>
  db
    .selectFrom('communities')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();

export async function insert(db: Kysely<DB>, row: CommunitiesTable): Promise<void> {
  await db.insertInto('communities').values(row).execute();
}

export async function update(db: Kysely<DB>, id: string, values: Partial<CommunitiesTable>): Promise<void> {
  await db.updateTable('communities').set(values).where('id', '=', id).execute();
}

/** Who is in these communities now (not left). */
export const peopleOf = (db: Kysely<DB>, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('community_members').selectAll().where('community_id', 'in', ids).where('left_at', 'is', null).orderBy('joined_at').execute();

export const membership = (db: Kysely<DB>, communityId: string, memberId: string) =>
  db.selectFrom('community_members').selectAll().where('community_id', '=', communityId).where('member_id', '=', memberId).executeTakeFirst();

/** Joins (or rejoins: the row is kept when someone leaves). */
export async function join(db: Kysely<DB>, row: CommunityMembersTable): Promise<void> {
  await db
    .insertInto('community_members')
    .values(row)
    .onConflict((oc) => oc.columns(['community_id', 'member_id']).doUpdateSet({ role: row.role, joined_at: row.joined_at, left_at: null }))
    .execute();
}

export async function setMembership(db: Kysely<DB>, communityId: string, memberId: string, values: Partial<CommunityMembersTable>): Promise<void> {
  await db.updateTable('community_members').set(values).where('community_id', '=', communityId).where('member_id', '=', memberId).execute();
}

export const resources = (db: Kysely<DB>, communityId: string) =>
  db.selectFrom('community_resources').selectAll().where('community_id', '=', communityId).orderBy('added_at', 'desc').limit(500).execute();

export const findResource = (db: Kysely<DB>, id: string) => db.selectFrom('community_resources').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertResource(db: Kysely<DB>, row: CommunityResourcesTable): Promise<void> {
  await db.insertInto('community_resources').values(row).execute();
}

export async function deleteResource(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('community_resources').where('id', '=', id).execute();
}

/** Every file of every library: to bring back removed ones after a restore, and to check an import. */
export const allFiles = (db: Kysely<DB>) =>
  db.selectFrom('community_resources').select(['id', 'community_id', 'stored_name', 'title']).where('stored_name', 'is not', null).execute();

/** Bytes a community's files take. */
export async function fileBytes(db: Kysely<DB>, communityId: string): Promise<number> {
  const r = await db
    .selectFrom('community_resources')
    .select((eb) => eb.fn.sum<number>('size').as('n'))
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
