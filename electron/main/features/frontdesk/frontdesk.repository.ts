import type { Kysely } from 'kysely';
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

export const passesAt = (db: Kysely<DB>, siteId: string, date: string) =>
  db.selectFrom('day_passes').selectAll().where('site_id', '=', siteId).where('date', '=', date).orderBy('created_at').execute();

export async function insertPass(db: Kysely<DB>, row: DB['day_passes']): Promise<void> {
  await db.insertInto('day_passes').values(row).execute();
}

export async function markPaid(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('day_passes').set({ paid: 1 }).where('id', '=', id).execute();
}
