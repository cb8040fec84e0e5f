import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { memberListQuery, TagKind } from '@shared/contract/members.contract';
import type { DB } from '../../db/schema';
import type { MembersTable } from './members.tables';
import { memberNumbersMatching } from '../../db/search';
import { caseless, listOf, withoutIndex } from '../../db/sqlite';

export type MemberRow = MembersTable;
export type MemberValues = Omit<MembersTable, 'id' | 'number' | 'archived_at' | 'created_at' | 'updated_at'>;
export type ListFilter = z.output<typeof memberListQuery> & {
  ownershipCutoff: string;
  searchEmail: boolean;
  /** A member's view of the directory: only current members who chose to be listed, and this member (null: the desk's whole register). */
  directoryOf: string | null;
};

export const findById = (db: Kysely<DB>, id: string) => db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();

export const findByEmail = (db: Kysely<DB>, email: string) =>
  db.selectFrom('members').select(['id', 'name', 'archived_at']).where('email', '=', email).executeTakeFirst();

export const countMembers = async (db: Kysely<DB>) =>
  Number(
    (
      await db
        .selectFrom('members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export async function nextNumber(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('members')
    .select((eb) => eb.fn.max<number | null>('number').as('max'))
    .executeTakeFirstOrThrow();
  return (row.max ?? 0) + 1;
}

export async function insertMember(db: Kysely<DB>, row: MemberRow): Promise<void> {
  await db.insertInto('members').values(row).execute();
}

export async function updateMember(db: Kysely<DB>, id: string, values: Partial<MemberValues>, now: number): Promise<void> {
  await db
    .updateTable('members')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function setArchived(db: Kysely<DB>, id: string, archivedAt: number | null, now: number): Promise<void> {
  await db.updateTable('members').set({ archived_at: archivedAt, updated_at: now }).where('id', '=', id).execute();
}

export async function replaceTags(db: Kysely<DB>, memberId: string, offers: string[], needs: string[]): Promise<void> {
  await db.deleteFrom('member_tags').where('member_id', '=', memberId).execute();
  const rows = [
    ...offers.map((tag) => ({ member_id: memberId, kind: 'offers' as const, tag })),
    ...needs.map((tag) => ({ member_id: memberId, kind: 'needs' as const, tag })),
  ];
  if (rows.length > 0) await db.insertInto('member_tags').values(rows).execute();
}

export async function addTag(db: Kysely<DB>, memberId: string, kind: TagKind, tag: string): Promise<void> {
  await db
    .insertInto('member_tags')
    .values({ member_id: memberId, kind, tag })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Returns how many rows were removed (0 when the member did not have the tag). */
export async function removeTag(db: Kysely<DB>, memberId: string, kind: TagKind, tag: string): Promise<number> {
  const result = await db.deleteFrom('member_tags').where('member_id', '=', memberId).where('kind', '=', kind).where('tag', '=', tag).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Offered and needed tags of the given members, grouped by member id. */
export async function tagsOf(db: Kysely<DB>, memberIds: readonly string[]): Promise<Map<string, { offers: string[]; needs: string[] }>> {
  const byMember = new Map<string, { offers: string[]; needs: string[] }>();
  for (const id of memberIds) byMember.set(id, { offers: [], needs: [] });
  if (memberIds.length === 0) return byMember;
  let query = db.selectFrom('member_tags').select(['member_id', 'kind', 'tag']);
  // Past a page or so, reading every tag beats a huge IN list (and SQLite's variable limit).
  if (memberIds.length <= 900) query = query.where('member_id', 'in', memberIds);
  const rows = await query.orderBy('tag').execute();
  for (const r of rows) byMember.get(r.member_id)?.[r.kind].push(r.tag);
  return byMember;
}

const sortColumns = (db: Kysely<DB>) =>
  ({
    name: caseless(db, 'members.name'),
    business: caseless(db, 'members.business_name'),
    memberSince: sql`members.member_since`,
    number: sql`members.number`,
  }) as const;

/** One page of the directory and the total matching the filters. */
export async function list(db: Kysely<DB>, f: ListFilter): Promise<{ total: number; rows: MemberRow[] }> {
  const matching = memberNumbersMatching(db, f.q, f.searchEmail);
  /**
   * `drive` says how the search terms join: the count is fastest driven from the (usually few)
   * matches; the page is fastest walking the sort order and probing the matches, stopping after
   * one page. The probe must not use the number index (withoutIndex).
   */
  const filtered = (drive: 'matches' | 'sort order') => {
    let query = db.selectFrom('members');
    if (f.directoryOf !== null) {
      const self = f.directoryOf;
      query = query
        .where('members.archived_at', 'is', null)
        .where('members.status', '!=', 'left')
        .where((eb) => eb.or([eb('members.listed', '=', 1), eb('members.id', '=', self)]));
    }
    if (f.archived === 'hide') query = query.where('members.archived_at', 'is', null);
    if (f.archived === 'only') query = query.where('members.archived_at', 'is not', null);
    if (f.status !== 'all') query = query.where('members.status', '=', f.status);
    if (f.role !== 'all') query = query.where('members.role', '=', f.role);
    if (f.tag) {
      query = query.where('members.id', 'in', (eb) => eb.selectFrom('member_tags').select('member_tags.member_id').where('member_tags.tag', '=', f.tag));
    }
    if (f.ownership !== 'all') {
      query = query.where('members.status', '!=', 'left').where('members.archived_at', 'is', null);
      query = query.where('members.member_since', f.ownership === 'owners' ? '<=' : '>', f.ownershipCutoff);
    }
    if (matching) {
      query = query.where(drive === 'matches' ? sql<number>`members.number` : withoutIndex<number>(db, 'members.number'), 'in', matching);
    }
    return query;
  };

  const { n } = await filtered('matches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered('sort order')
    .selectAll('members')
    .orderBy(sortColumns(db)[f.sort], f.dir)
    .orderBy('members.number', f.dir)
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(n), rows };
}

export async function tagCounts(db: Kysely<DB>) {
  return db
    .selectFrom('member_tags')
    .innerJoin('members', 'members.id', 'member_tags.member_id')
    .where('members.archived_at', 'is', null)
    .select((eb) => [
      'member_tags.tag',
      eb.fn.sum<number>(sql`case when member_tags.kind = 'offers' then 1 else 0 end`).as('offers'),
      eb.fn.sum<number>(sql`case when member_tags.kind = 'needs' then 1 else 0 end`).as('needs'),
    ])
    .groupBy('member_tags.tag')
    .orderBy('member_tags.tag')
    .execute();
}

export const allMembers = (db: Kysely<DB>, includeArchived: boolean) => {
  let query = db.selectFrom('members').selectAll();
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.orderBy('number').execute();
};

export async function membersWithTag(db: Kysely<DB>, tag: string): Promise<string[]> {
  const rows = await db.selectFrom('member_tags').select('member_id').distinct().where('tag', '=', tag).execute();
  return rows.map((r) => r.member_id);
}

/** Renames a tag everywhere; where a member already has `into` of the same kind, the old row just goes. */
export async function renameTag(db: Kysely<DB>, from: string, into: string): Promise<void> {
  await db
    .deleteFrom('member_tags')
    .where('tag', '=', from)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('member_tags as same')
          .select('same.member_id')
          .whereRef('same.member_id', '=', 'member_tags.member_id')
          .whereRef('same.kind', '=', 'member_tags.kind')
          .where('same.tag', '=', into),
      ),
    )
    .execute();
  await db.updateTable('member_tags').set({ tag: into }).where('tag', '=', from).execute();
}

/** Names for members, whoever they are (the parties of a record the viewer is part of). */
export async function refs(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, { id: string; name: string; businessName: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('members').select(['id', 'name', 'business_name']).where('id', 'in', listOf(db, unique)).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, businessName: r.business_name }]));
}

/** Which of these members are current and listed in the directory (what other members may see named). */
export async function listedAmong(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('members')
    .select('id')
    .where('id', 'in', ids)
    .where('listed', '=', 1)
    .where('archived_at', 'is', null)
    .where('status', '!=', 'left')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Members who are owners by the register: joined on or before `cutoff`, not left nor archived; paused ones only if `paused`. Optionally among `ids`. */
export async function ownerIds(db: Kysely<DB>, cutoff: string, paused: boolean, among?: readonly string[]): Promise<string[]> {
  if (among && among.length === 0) return [];
  let q = db.selectFrom('members').select('id').where('archived_at', 'is', null).where('member_since', '<=', cutoff);
  q = paused ? q.where('status', '!=', 'left') : q.where('status', '=', 'active');
  if (among) q = q.where('id', 'in', among);
  return (await q.orderBy('id').execute()).map((r) => r.id);
}

/** The register's guardians: exactly `ids` (an election's elected); the manager keeps their role. */
export async function setGuardians(db: Kysely<DB>, ids: readonly string[], now: number): Promise<void> {
  let q = db.updateTable('members').set({ role: 'member', updated_at: now }).where('role', '=', 'guardian');
  if (ids.length > 0) q = q.where('id', 'not in', ids);
  await q.execute();
  if (ids.length > 0) await db.updateTable('members').set({ role: 'guardian', updated_at: now }).where('id', 'in', ids).where('role', '=', 'member').execute();
}

export const guardianIds = async (db: Kysely<DB>): Promise<string[]> =>
  (await db.selectFrom('members').select('id').where('role', '=', 'guardian').where('archived_at', 'is', null).execute()).map((r) => r.id);
