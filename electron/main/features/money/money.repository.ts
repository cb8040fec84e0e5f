import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { CostsTable, MemberPlansTable, PlansTable } from './money.tables';

export const plans = (db: Kysely<DB>) => db.selectFrom('plans').selectAll().orderBy('price_minor').orderBy('name').execute();
export const plan = (db: Kysely<DB>, id: string) => db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
export const planByName = (db: Kysely<DB>, name: string) =>
  db
    .selectFrom('plans')
    .selectAll()
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
export const insertPlan = (db: Kysely<DB>, row: PlansTable) => db.insertInto('plans').values(row).execute();
export const updatePlan = (db: Kysely<DB>, id: string, set: Partial<PlansTable>) => db.updateTable('plans').set(set).where('id', '=', id).execute();

/** How many members are on each plan on `day` (active or paused). */
export async function membersOn(db: Kysely<DB>, day: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('member_plans')
    .select('plan_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('starts_on', '<=', day)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', day)]))
    .groupBy('plan_id')
    .execute();
  return new Map(rows.map((r) => [r.plan_id, Number(r.n)]));
}

export const periodsOf = (db: Kysely<DB>, memberId: string) =>
  db.selectFrom('member_plans').selectAll().where('member_id', '=', memberId).orderBy('starts_on', 'desc').execute();
export const openPeriod = (db: Kysely<DB>, memberId: string) =>
  db.selectFrom('member_plans').selectAll().where('member_id', '=', memberId).where('ends_on', 'is', null).executeTakeFirst();
export const insertPeriod = (db: Kysely<DB>, row: MemberPlansTable) => db.insertInto('member_plans').values(row).execute();
export const endPeriod = (db: Kysely<DB>, id: string, endsOn: string) => db.updateTable('member_plans').set({ ends_on: endsOn }).where('id', '=', id).execute();

/** Every period that touches the days `from`..`to`, with its plan's price and weight. */
export const periodsIn = (db: Kysely<DB>, from: string, to: string, memberId?: string) => {
  let q = db
    .selectFrom('member_plans')
    .innerJoin('plans', 'plans.id', 'member_plans.plan_id')
    .select([
      'member_plans.member_id',
      'member_plans.state',
      'member_plans.starts_on',
      'member_plans.ends_on',
      'plans.name',
      'plans.price_minor',
      'plans.weight',
    ])
    .where('member_plans.starts_on', '<=', to)
    .where((eb) => eb.or([eb('member_plans.ends_on', 'is', null), eb('member_plans.ends_on', '>=', from)]));
  if (memberId) q = q.where('member_plans.member_id', '=', memberId);
  return q.execute();
};

export const costsOf = (db: Kysely<DB>, month: string) => db.selectFrom('costs').selectAll().where('month', '=', month).orderBy('created_at').execute();
export const cost = (db: Kysely<DB>, id: string) => db.selectFrom('costs').selectAll().where('id', '=', id).executeTakeFirst();
export const insertCost = (db: Kysely<DB>, row: CostsTable) => db.insertInto('costs').values(row).execute();
export const deleteCost = (db: Kysely<DB>, id: string) => db.deleteFrom('costs').where('id', '=', id).execute();

/** The plan a member is on `day` (active or paused), with what it includes. */
export const planOn = (db: Kysely<DB>, memberId: string, day: string) =>
  db
    .selectFrom('member_plans')
    .innerJoin('plans', 'plans.id', 'member_plans.plan_id')
    .select(['member_plans.state', 'plans.id', 'plans.desk_days', 'plans.room_hours', 'plans.resource_hours', 'plans.discount_pct'])
    .where('member_plans.member_id', '=', memberId)
    .where('member_plans.starts_on', '<=', day)
    .where((eb) => eb.or([eb('member_plans.ends_on', 'is', null), eb('member_plans.ends_on', '>=', day)]))
    .executeTakeFirst();

export async function coverage(db: Kysely<DB>): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('plan_bookables').selectAll().execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.plan_id, [...(out.get(r.plan_id) ?? []), r.bookable_id]);
  return out;
}
/** Whether a plan's credits cover a bookable: listed, or the plan lists none. */
export async function covers(db: Kysely<DB>, planId: string, bookableId: string): Promise<boolean> {
  const rows = await db.selectFrom('plan_bookables').select('bookable_id').where('plan_id', '=', planId).execute();
  return rows.length === 0 || rows.some((r) => r.bookable_id === bookableId);
}
export async function setCoverage(db: Kysely<DB>, planId: string, bookableIds: readonly string[]): Promise<void> {
  await db.deleteFrom('plan_bookables').where('plan_id', '=', planId).execute();
  if (bookableIds.length > 0)
    await db
      .insertInto('plan_bookables')
      .values(bookableIds.map((bookable_id) => ({ plan_id: planId, bookable_id })))
      .execute();
}
