import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export const findCoop = (db: Kysely<DB>) => db.selectFrom('coop').selectAll().where('id', '=', 1).executeTakeFirst();

export async function insertCoop(db: Kysely<DB>, coop: { name: string; currency: string; time_zone: string; ownership_months: number }, now: number) {
  await db
    .insertInto('coop')
    .values({ id: 1, ...coop, created_at: now, updated_at: now })
    .execute();
}

export async function updateCoop(db: Kysely<DB>, coop: { name: string; currency: string; time_zone: string; ownership_months: number }, now: number) {
  await db
    .updateTable('coop')
    .set({ ...coop, updated_at: now })
    .where('id', '=', 1)
    .execute();
}
