import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export const findFirstSite = (db: Kysely<DB>) => db.selectFrom('sites').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();

export const findAllSites = (db: Kysely<DB>) => db.selectFrom('sites').select(['id', 'name']).orderBy('created_at').orderBy('id').execute();

/** A site by its id, or by its name whatever the case. */
export const findSiteNamed = (db: Kysely<DB>, idOrName: string) =>
  db
    .selectFrom('sites')
    .select(['id', 'name'])
    .where((e) => e.or([e('id', '=', idOrName), e(e.fn('lower', ['name']), '=', idOrName.toLowerCase())]))
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();

export const findSite = (db: Kysely<DB>, id: string) => db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();

export const findSiteHours = (db: Kysely<DB>, siteId: string) =>
  db.selectFrom('site_hours').selectAll().where('site_id', '=', siteId).orderBy('weekday').execute();

export async function insertSite(db: Kysely<DB>, site: { id: string; name: string; address: string; time_zone: string; booking_rules: string }, now: number) {
  await db
    .insertInto('sites')
    .values({ ...site, created_at: now, updated_at: now })
    .execute();
}

export async function updateSite(db: Kysely<DB>, site: { id: string; name: string; address: string; time_zone: string }, now: number) {
  await db.updateTable('sites').set({ name: site.name, address: site.address, time_zone: site.time_zone, updated_at: now }).where('id', '=', site.id).execute();
}

export async function replaceSiteHours(db: Kysely<DB>, siteId: string, hours: { weekday: number; opens: string | null; closes: string | null }[]) {
  await db.deleteFrom('site_hours').where('site_id', '=', siteId).execute();
  await db
    .insertInto('site_hours')
    .values(hours.map((h) => ({ site_id: siteId, ...h })))
    .execute();
}

export async function updateSiteRules(db: Kysely<DB>, siteId: string, rules: string, now: number) {
  await db.updateTable('sites').set({ booking_rules: rules, updated_at: now }).where('id', '=', siteId).execute();
}

export const findClosures = (db: Kysely<DB>, siteId: string, fromDate: string) =>
  db.selectFrom('site_closures').select(['date', 'reason']).where('site_id', '=', siteId).where('date', '>=', fromDate).orderBy('date').execute();

export async function upsertClosure(db: Kysely<DB>, siteId: string, date: string, reason: string) {
  await db
    .insertInto('site_closures')
    .values({ site_id: siteId, date, reason })
    .onConflict((oc) => oc.columns(['site_id', 'date']).doUpdateSet({ reason }))
    .execute();
}

export async function deleteClosure(db: Kysely<DB>, siteId: string, date: string): Promise<number> {
  const r = await db.deleteFrom('site_closures').where('site_id', '=', siteId).where('date', '=', date).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The co-op's currency, which a site's prices are in (the coop row is the settings feature's). */
export const coopCurrency = async (db: Kysely<DB>) =>
  (await db.selectFrom('coop').select('currency').where('id', '=', 1).executeTakeFirst())?.currency ?? 'EUR';
