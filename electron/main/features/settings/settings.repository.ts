import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export const findCoop = (db: Kysely<DB>) => db.selectFrom('coop').selectAll().where('id', '=', 1).executeTakeFirst();

export const findFirstSite = (db: Kysely<DB>) =>
  db.selectFrom('sites').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();

export const findSite = (db: Kysely<DB>, id: string) =>
  db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();

export const findSiteHours = (db: Kysely<DB>, siteId: string) =>
  db.selectFrom('site_hours').selectAll().where('site_id', '=', siteId).orderBy('weekday').execute();

export async function insertCoop(
  db: Kysely<DB>,
  coop: { name: string; currency: string; time_zone: string; ownership_months: number },
  now: number,
) {
  await db
    .insertInto('coop')
    .values({ id: 1, ...coop, created_at: now, updated_at: now })
    .execute();
}

export async function updateCoop(
  db: Kysely<DB>,
  coop: { name: string; currency: string; time_zone: string; ownership_months: number },
  now: number,
) {
  await db
    .updateTable('coop')
    .set({ ...coop, updated_at: now })
    .where('id', '=', 1)
    .execute();
}

export async function insertSite(
  db: Kysely<DB>,
  site: { id: string; name: string; address: string; time_zone: string },
  now: number,
) {
  await db
    .insertInto('sites')
    .values({ ...site, created_at: now, updated_at: now })
    .execute();
}

export async function updateSite(
  db: Kysely<DB>,
  site: { id: string; name: string; address: string; time_zone: string },
  now: number,
) {
  await db
    .updateTable('sites')
    .set({ name: site.name, address: site.address, time_zone: site.time_zone, updated_at: now })
    .where('id', '=', site.id)
    .execute();
}

export async function replaceSiteHours(
  db: Kysely<DB>,
  siteId: string,
  hours: { weekday: number; opens: string | null; closes: string | null }[],
) {
  await db.deleteFrom('site_hours').where('site_id', '=', siteId).execute();
  await db
    .insertInto('site_hours')
    .values(hours.map((h) => ({ site_id: siteId, ...h })))
    .execute();
}
