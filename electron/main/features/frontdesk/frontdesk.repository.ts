import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';

const visitorQuery = (db: Kysely<DB>) =>
  db
    .selectFrom('visitors')
    .innerJoin('members', 'members.id', 'visitors.host_member_id')
    .innerJoin('sites', 'sites.id', 'visitors.site_id')
    .select([
      'visitors.id',
      'visitors.name',
      'visitors.company',
      'visitors.host_member_id',
      'members.name as host_name',
      'visitors.expected_at',
      'visitors.arrived_at',
      'visitors.left_at',
      'sites.time_zone',
    ]);

export type VisitorRow = Awaited<ReturnType<ReturnType<typeof visitorQuery>['execute']>>[number];

export const findVisitor = (db: Kysely<DB>, id: string) => visitorQuery(db).where('visitors.id', '=', id).executeTakeFirst();

export const visitorsBetween = (db: Kysely<DB>, siteId: string, from: number, to: number) =>
  visitorQuery(db)
    .where('visitors.site_id', '=', siteId)
    .where('visitors.expected_at', '>=', from)
    .where('visitors.expected_at', '<', to)
    .orderBy('visitors.expected_at')
    .execute();

export async function insertVisitor(db: Kysely<DB>, row: DB['visitors']): Promise<void> {
  await db.insertInto('visitors').values(row).execute();
}

export async function setVisitorTime(db: Kysely<DB>, id: string, column: 'arrived_at' | 'left_at', at: number): Promise<void> {
  await db
    .updateTable('visitors')
    .set({ [column]: at })
    .where('id', '=', id)
    .execute();
}

export const findPass = (db: Kysely<DB>, id: string) => db.selectFrom('day_passes').selectAll().where('id', '=', id).executeTakeFirst();

/** A day's passes with their price's name and the desk each holds. */
export const passesAt = (db: Kysely<DB>, siteId: string, date: string) =>
  db
    .selectFrom('day_passes')
    .leftJoin('day_pass_prices', 'day_pass_prices.id', 'day_passes.price_id')
    .leftJoin('bookings', 'bookings.id', 'day_passes.booking_id')
    .leftJoin('bookables', 'bookables.id', 'bookings.bookable_id')
    .selectAll('day_passes')
    .select(['day_pass_prices.name as price_name', 'bookables.name as desk_name'])
    .where('day_passes.site_id', '=', siteId)
    .where('day_passes.date', '=', date)
    .orderBy('day_passes.created_at')
    .execute();

/** Members' passes dated `from`..`to` (every site), with their price's name. */
export function memberPassesBetween(db: Kysely<DB>, from: string, to: string, memberId?: string) {
  let q = db
    .selectFrom('day_passes')
    .leftJoin('day_pass_prices', 'day_pass_prices.id', 'day_passes.price_id')
    .select(['day_passes.member_id', 'day_passes.date', 'day_passes.price_minor', 'day_pass_prices.name as price_name'])
    .where('day_passes.member_id', 'is not', null)
    .where('day_passes.date', '>=', from)
    .where('day_passes.date', '<=', to);
  if (memberId) q = q.where('day_passes.member_id', '=', memberId);
  return q.orderBy('day_passes.date').orderBy('day_passes.created_at').execute();
}

export const passPrices = (db: Kysely<DB>) => db.selectFrom('day_pass_prices').selectAll().orderBy('price_minor').orderBy('name').execute();
export const passPrice = (db: Kysely<DB>, id: string) => db.selectFrom('day_pass_prices').selectAll().where('id', '=', id).executeTakeFirst();
export const passPriceByName = (db: Kysely<DB>, name: string) =>
  db
    .selectFrom('day_pass_prices')
    .selectAll()
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
export const insertPassPrice = (db: Kysely<DB>, row: DB['day_pass_prices']) => db.insertInto('day_pass_prices').values(row).execute();
export const updatePassPrice = (db: Kysely<DB>, id: string, set: Partial<DB['day_pass_prices']>) =>
  db.updateTable('day_pass_prices').set(set).where('id', '=', id).execute();

export async function insertPass(db: Kysely<DB>, row: DB['day_passes']): Promise<void> {
  await db.insertInto('day_passes').values(row).execute();
}

export async function markPaid(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('day_passes').set({ paid: 1 }).where('id', '=', id).execute();
}
