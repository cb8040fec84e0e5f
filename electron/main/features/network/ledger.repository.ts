import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { ExchangesTable, IntroductionsTable, ReferralMovesTable, ReferralsTable, TagAliasesTable, TradesTable } from './network.tables';

/** The network's records one at a time: introductions, referrals and their moves, purchases, exchanges, aliases, limits. */

type Recent = { whose: string | null; limit: number };

export const findIntroduction = (db: Kysely<DB>, id: string) => db.selectFrom('introductions').selectAll().where('id', '=', id).executeTakeFirst();
export const insertIntroduction = (db: Kysely<DB>, row: IntroductionsTable) => db.insertInto('introductions').values(row).execute();
export const setIntroOutcome = (
  db: Kysely<DB>,
  id: string,
  side: 'needer_outcome' | 'supplier_outcome',
  outcome: IntroductionsTable['needer_outcome'],
  at: number,
) =>
  db
    .updateTable('introductions')
    .set({ [side]: outcome, updated_at: at })
    .where('id', '=', id)
    .execute();
export function recentIntroductions(db: Kysely<DB>, f: Recent) {
  let q = db.selectFrom('introductions').selectAll().orderBy('created_at', 'desc').limit(f.limit);
  const whose = f.whose;
  if (whose !== null) q = q.where((eb) => eb.or([eb('needer_id', '=', whose), eb('supplier_id', '=', whose)]));
  return q.execute();
}

export const findReferral = (db: Kysely<DB>, id: string) => db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
export const insertReferral = (db: Kysely<DB>, row: ReferralsTable) => db.insertInto('referrals').values(row).execute();
export function recentReferrals(db: Kysely<DB>, f: Recent) {
  let q = db.selectFrom('referrals').selectAll().orderBy('created_at', 'desc').limit(f.limit);
  const whose = f.whose;
  if (whose !== null) q = q.where((eb) => eb.or([eb('giver_id', '=', whose), eb('receiver_id', '=', whose)]));
  return q.execute();
}
export const movesOf = (db: Kysely<DB>, referralIds: readonly string[]) =>
  referralIds.length === 0 ? Promise.resolve([]) : db.selectFrom('referral_moves').selectAll().where('referral_id', 'in', referralIds).orderBy('seq').execute();
export const lastMove = (db: Kysely<DB>, referralId: string) =>
  db.selectFrom('referral_moves').selectAll().where('referral_id', '=', referralId).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
export const insertMove = (db: Kysely<DB>, row: ReferralMovesTable) => db.insertInto('referral_moves').values(row).execute();

export const insertTrade = (db: Kysely<DB>, row: TradesTable) => db.insertInto('trades').values(row).execute();
export function recentTrades(db: Kysely<DB>, f: Recent) {
  let q = db.selectFrom('trades').selectAll().orderBy('on_date', 'desc').orderBy('at', 'desc').limit(f.limit);
  const whose = f.whose;
  if (whose !== null) q = q.where((eb) => eb.or([eb('buyer_id', '=', whose), eb('seller_id', '=', whose)]));
  return q.execute();
}
/** Purchases since `start` summed by month (YYYY-MM) and by sector. */
export async function tradeTotals(db: Kysely<DB>, start: string) {
  const base = db.selectFrom('trades').where('on_date', '>=', start);
  const [byMonth, bySector] = await Promise.all([
    base
      .select((eb) => [
        eb.fn<string>('substr', ['on_date', eb.val(1), eb.val(7)]).as('month'),
        eb.fn.sum<number>('value_minor').as('value'),
        eb.fn.countAll<number>().as('count'),
      ])
      .groupBy('month')
      .orderBy('month')
      .execute(),
    base
      .select((eb) => ['sector', eb.fn.sum<number>('value_minor').as('value'), eb.fn.countAll<number>().as('count')])
      .groupBy('sector')
      .orderBy('value', 'desc')
      .execute(),
  ]);
  return { byMonth, bySector };
}

export const findExchange = (db: Kysely<DB>, id: string) => db.selectFrom('exchanges').selectAll().where('id', '=', id).executeTakeFirst();
export const insertExchange = (db: Kysely<DB>, row: ExchangesTable) => db.insertInto('exchanges').values(row).execute();
export const answerExchange = (db: Kysely<DB>, id: string, state: ExchangesTable['state'], at: number) =>
  db.updateTable('exchanges').set({ state, answered_at: at }).where('id', '=', id).execute();
export function recentExchanges(db: Kysely<DB>, f: Recent) {
  let q = db.selectFrom('exchanges').selectAll().orderBy('on_date', 'desc').orderBy('at', 'desc').limit(f.limit);
  const whose = f.whose;
  if (whose !== null) q = q.where((eb) => eb.or([eb('giver_id', '=', whose), eb('receiver_id', '=', whose)]));
  return q.execute();
}
/** Every exchange with both names, oldest first (the CSV). */
export const exchangeLedger = (db: Kysely<DB>) =>
  db
    .selectFrom('exchanges as e')
    .innerJoin('members as g', 'g.id', 'e.giver_id')
    .innerJoin('members as r', 'r.id', 'e.receiver_id')
    .select(['e.on_date', 'g.name as giver', 'r.name as receiver', 'e.minutes', 'e.what', 'e.state'])
    .orderBy('e.on_date')
    .orderBy('e.at')
    .execute();

/** Records `alias` → `tag`; aliases that pointed at `alias` now point at `tag`. */
export async function putAlias(db: Kysely<DB>, row: TagAliasesTable): Promise<void> {
  await db.updateTable('tag_aliases').set({ tag: row.tag }).where('tag', '=', row.alias).execute();
  await db
    .insertInto('tag_aliases')
    .values(row)
    .onConflict((oc) => oc.column('alias').doUpdateSet({ tag: row.tag, created_at: row.created_at }))
    .execute();
}
export const putAliases = (db: Kysely<DB>, rows: TagAliasesTable[]) => db.insertInto('tag_aliases').values(rows).execute();
export const deleteAlias = async (db: Kysely<DB>, alias: string) =>
  Number((await db.deleteFrom('tag_aliases').where('alias', '=', alias).executeTakeFirst()).numDeletedRows);

export const readLimits = (db: Kysely<DB>) => db.selectFrom('network_settings').selectAll().where('id', '=', 1).executeTakeFirst();
export const writeLimits = (db: Kysely<DB>, min: number | null, max: number | null) =>
  db
    .insertInto('network_settings')
    .values({ id: 1, min_hours: min, max_hours: max })
    .onConflict((oc) => oc.column('id').doUpdateSet({ min_hours: min, max_hours: max }))
    .execute();
