import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { rowsAsArrays } from '../../db/rows';
import { caseless, containsText, listOf } from '../../db/sqlite';

/**
 * Who a list of the network may name: current members (not archived, not left), and for a
 * member (not the desk) only those listed in the directory, and themselves.
 */
export interface Audience {
  /** null: the desk, who sees every current member. */
  memberId: string | null;
}

/** The WHERE of an audience, on a query that has `members` in it. */
function visible(audience: Audience) {
  return (eb: ExpressionBuilder<DB, 'members'>) => {
    const current = [eb('members.archived_at', 'is', null), eb('members.status', '!=', 'left')];
    const self = audience.memberId;
    return eb.and(self === null ? current : [...current, eb.or([eb('members.listed', '=', 1), eb('members.id', '=', self)])]);
  };
}

export async function aliases(db: Kysely<DB>) {
  return db.selectFrom('tag_aliases').selectAll().orderBy('alias').execute();
}

/** Alias → tag, for reading tags as their canonical spelling. */
export async function aliasMap(db: Kysely<DB>): Promise<Map<string, string>> {
  return new Map((await aliases(db)).map((a) => [a.alias, a.tag]));
}

export const tagsOf = (db: Kysely<DB>, memberId: string) => db.selectFrom('member_tags').select(['kind', 'tag']).where('member_id', '=', memberId).execute();

/**
 * The distinct tags of one kind that current members hold (the vocabulary matching reads), from
 * the counts: only those containing one of `words`, or among `tags`.
 */
export async function vocabulary(db: Kysely<DB>, kind: 'offers' | 'needs', near: { words: readonly string[]; tags: readonly string[] }): Promise<string[]> {
  const q = db
    .selectFrom('tag_counts')
    .select('tag')
    .where('kind', '=', kind)
    .where('current_n', '>', 0)
    .where((eb) => eb.or([...near.words.map((w) => containsText(db, 'tag', w)), eb('tag', 'in', listOf(db, near.tags))]));
  return (await rowsAsArrays(db, q)).map((r) => r[0] as string);
}

/**
 * Members in the audience holding any of `tags` as `kind` (not `exclude`): who, which tag, and when
 * their profile last changed. A popular tag has thousands of holders: read as arrays, since
 * building an object per row cost as much as the query.
 */
export async function holders(db: Kysely<DB>, kind: 'offers' | 'needs', tags: readonly string[], audience: Audience, exclude: string) {
  if (tags.length === 0) return [];
  const q = db
    .selectFrom('member_tags')
    .innerJoin('members', 'members.id', 'member_tags.member_id')
    .select(['members.id', 'members.updated_at', 'member_tags.tag'])
    .where('member_tags.kind', '=', kind)
    .where('member_tags.tag', 'in', listOf(db, tags))
    .where('members.id', '!=', exclude)
    .where(visible(audience));
  return (await rowsAsArrays(db, q)).map(([id, updatedAt, tag]) => ({ id: id as string, updatedAt: updatedAt as number, tag: tag as string }));
}

/**
 * Whom `memberId` dealt with in the network, and how often (their own history: a few dozen rows): an
 * introduction that led to working together, a referral either way, a purchase either way,
 * a confirmed exchange of hours either way.
 */
export async function dealings(db: Kysely<DB>, memberId: string): Promise<Map<string, number>> {
  const pairs = (table: 'referrals' | 'trades' | 'exchanges' | 'introductions', a: string, b: string, extra = sql``) => sql`
    select ${sql.ref(b)} as other from ${sql.table(table)} where ${sql.ref(a)} = ${memberId} ${extra}
    union all
    select ${sql.ref(a)} as other from ${sql.table(table)} where ${sql.ref(b)} = ${memberId} ${extra}`;
  const rows = await sql<{ other: string; n: number }>`
    select other, count(*) as n from (
      ${pairs('introductions', 'needer_id', 'supplier_id', sql`and (needer_outcome = 'working together' or supplier_outcome = 'working together')`)}
      union all ${pairs('referrals', 'giver_id', 'receiver_id')}
      union all ${pairs('trades', 'buyer_id', 'seller_id')}
      union all ${pairs('exchanges', 'giver_id', 'receiver_id', sql`and state = 'confirmed'`)}
    ) d group by other`.execute(db);
  return new Map(rows.rows.map((r) => [r.other, Number(r.n)]));
}

/**
 * The first `limit` members of the audience, by name, who hold one of `spellings` as `kind`.
 * `held` (how many do) picks the cheaper way to find them: a tag many hold by walking the members
 * in name order until enough turn up (a dozen in the first few dozen), a tag few hold by reading
 * its holders and sorting them. One way for every tag cost the marketplace's first page 100 ms.
 */
export async function firstHolders(
  db: Kysely<DB>,
  f: { kind: 'needs' | 'offers'; spellings: readonly string[]; audience: Audience; limit: number; held: number; population: number },
) {
  if (f.spellings.length === 0 || f.held === 0) return [];
  const holds = (eb: ExpressionBuilder<DB, 'member_tags'>) => eb.and([eb('member_tags.kind', '=', f.kind), eb('member_tags.tag', 'in', f.spellings)]);
  const columns = ['members.id', 'members.name', 'members.business_name'] as const;
  if (f.held * f.held > f.limit * f.population) {
    return db
      .selectFrom('members')
      .select(columns)
      .where(visible(f.audience))
      .where((eb) => eb.exists(eb.selectFrom('member_tags').select('member_tags.tag').whereRef('member_tags.member_id', '=', 'members.id').where(holds)))
      .orderBy(caseless(db, 'members.name'))
      .orderBy('members.number')
      .limit(f.limit)
      .execute();
  }
  // grouped rather than DISTINCT: PostgreSQL orders a DISTINCT only by what it selects
  return db
    .selectFrom('member_tags')
    .innerJoin('members', 'members.id', 'member_tags.member_id')
    .select(columns)
    .groupBy(['members.id', 'members.name', 'members.business_name', 'members.number'])
    .where(holds)
    .where(visible(f.audience))
    .orderBy(caseless(db, 'members.name'))
    .orderBy('members.number')
    .limit(f.limit)
    .execute();
}

/** How many members there are, left and archived too (a size for choosing how to read, not a count to show). */
export async function memberCount(db: Kysely<DB>): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('members')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/**
 * Every tag held by the audience's members, with how many need and offer it (as written: aliases
 * are folded by the caller). Read from the counts the triggers keep (schema 15): the desk's are
 * the current members', a member's the listed ones', plus their own tags when they are not listed.
 */
export async function tagTotals(db: Kysely<DB>, audience: Audience): Promise<{ tag: string; needs: number; offers: number }[]> {
  const n = audience.memberId === null ? 'current_n' : 'listed_n';
  const rows = await db.selectFrom('tag_counts').select(['tag', 'kind', n]).where(n, '>', 0).execute();
  if (audience.memberId !== null) {
    const self = await db
      .selectFrom('member_tags')
      .innerJoin('members', 'members.id', 'member_tags.member_id')
      .select(['member_tags.tag', 'member_tags.kind', sql.lit(1).as(n)])
      .where('member_tags.member_id', '=', audience.memberId)
      .where('members.listed', '=', 0)
      .where(visible({ memberId: null }))
      .execute();
    rows.push(...self);
  }
  const totals = new Map<string, { tag: string; needs: number; offers: number }>();
  for (const r of rows) {
    const t = totals.get(r.tag) ?? totals.set(r.tag, { tag: r.tag, needs: 0, offers: 0 }).get(r.tag)!;
    t[r.kind] += Number(r[n]);
  }
  return [...totals.values()];
}

/** One page of current members for the balances, by name. */
export async function memberPage(db: Kysely<DB>, f: { q: string; limit: number; offset: number; only: string | null }) {
  let q = db.selectFrom('members').where('archived_at', 'is', null).where('status', '!=', 'left');
  if (f.only !== null) q = q.where('id', '=', f.only);
  if (f.q) q = q.where(containsText(db, 'name', f.q));
  const [rows, total] = await Promise.all([
    q.select(['id', 'name', 'business_name']).orderBy('name').orderBy('number').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.n), rows };
}

export type BalanceKey = 'referralsGiven' | 'referralsReceived' | 'valueGiven' | 'valueReceived' | 'sold' | 'bought' | 'minutesGiven' | 'minutesReceived';

/**
 * Each member's sums over the ledger's movements, for `ids` (null: every member): referrals
 * passed, won value, purchases, confirmed hours, on each side. Nothing is stored but movements.
 */
export async function balanceSums(db: Kysely<DB>, ids: readonly string[] | null): Promise<{ member: string; key: BalanceKey; value: number }[]> {
  if (ids !== null && ids.length === 0) return [];
  const part = (table: string, side: string, key: BalanceKey, amount: string, where: string) => {
    const only = ids === null ? sql`` : sql`and ${sql.ref(side)} in (${sql.join(ids)})`;
    return sql`select ${sql.ref(side)} as member, ${key} as key, ${sql.raw(amount)} as value from ${sql.table(table)} where ${sql.raw(where)} ${only} group by ${sql.ref(side)}`;
  };
  const rows = await sql<{ member: string; key: BalanceKey; value: number }>`
    ${part('referral_moves', 'giver_id', 'referralsGiven', 'count(*)', "status = 'passed'")}
    union all ${part('referral_moves', 'receiver_id', 'referralsReceived', 'count(*)', "status = 'passed'")}
    union all ${part('referral_moves', 'giver_id', 'valueGiven', 'sum(value_minor)', "status = 'won'")}
    union all ${part('referral_moves', 'receiver_id', 'valueReceived', 'sum(value_minor)', "status = 'won'")}
    union all ${part('trades', 'seller_id', 'sold', 'sum(value_minor)', '1 = 1')}
    union all ${part('trades', 'buyer_id', 'bought', 'sum(value_minor)', '1 = 1')}
    union all ${part('exchanges', 'giver_id', 'minutesGiven', 'sum(minutes)', "state = 'confirmed'")}
    union all ${part('exchanges', 'receiver_id', 'minutesReceived', 'sum(minutes)', "state = 'confirmed'")}`.execute(db);
  return rows.rows.map((r) => ({ ...r, value: Number(r.value) }));
}
