import type { Kysely } from 'kysely';
import type { DayHours } from '@shared/contract/settings.contract';
import { newId } from '@shared/domain/ids';
import { type BookingRules, DEFAULT_BOOKING_RULES, type SiteCalendar } from '@shared/domain/bookingRules';
import type { DB } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import * as repo from './sites.repository';

export const DEFAULT_OPENS = '08:00';
export const DEFAULT_CLOSES = '18:00';

export interface LoadedSite extends SiteCalendar {
  id: string;
  address: string;
  rules: BookingRules;
  currency: string;
}

/** Monday to Sunday, with the default hours shown (greyed) on closed days. */
function weekHours(rows: { weekday: number; opens: string | null; closes: string | null }[]): DayHours[] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
    const row = rows.find((r) => r.weekday === weekday);
    return row?.opens && row.closes
      ? { weekday, open: true, opens: row.opens, closes: row.closes }
      : { weekday, open: false, opens: DEFAULT_OPENS, closes: DEFAULT_CLOSES };
  });
}

/** A site as the booking rules need it: zone, hours, closures from `fromDate` on, default rules. */
export async function loadSite(db: Kysely<DB>, siteId: string, fromDate = '0000-01-01'): Promise<LoadedSite> {
  const site = await repo.findSite(db, siteId);
  if (!site) throw notFound('The site');
  const [hours, closures, currency] = await Promise.all([repo.findSiteHours(db, siteId), repo.findClosures(db, siteId, fromDate), repo.coopCurrency(db)]);
  return {
    id: site.id,
    name: site.name,
    address: site.address,
    timeZone: site.time_zone,
    hours: weekHours(hours),
    closures,
    rules: { ...DEFAULT_BOOKING_RULES, ...(JSON.parse(site.booking_rules) as Partial<BookingRules>) },
    currency,
  };
}

/** The site used when a session names none: the first one created. */
export async function defaultSiteId(db: Kysely<DB>): Promise<string> {
  const site = await repo.findFirstSite(db);
  if (!site) throw new AppError('INTERNAL', 'No site is set up in the database.');
  return site.id;
}

/** First launch: one site open Monday to Friday, 08:00–18:00, in the given zone. */
export async function ensureSite(trx: Kysely<DB>, zone: string, now: number): Promise<void> {
  if (await repo.findFirstSite(trx)) return;
  await addSite(trx, { name: 'Main site', address: '', timeZone: zone }, now);
}

/** Another of the co-op's premises: open Monday to Friday, 08:00–18:00, with the default booking rules until the manager says otherwise. */
export async function addSite(trx: Kysely<DB>, site: { name: string; address: string; timeZone: string }, now: number): Promise<string> {
  const taken = await repo.findSiteNamed(trx, site.name);
  if (taken?.name.toLowerCase() === site.name.toLowerCase())
    throw new AppError('VALIDATION', `There is a site called ${taken.name} already.`, { name: 'Another site has this name' });
  const id = newId();
  await repo.insertSite(
    trx,
    { id, name: site.name, address: site.address, time_zone: site.timeZone, booking_rules: JSON.stringify(DEFAULT_BOOKING_RULES) },
    now,
  );
  await repo.replaceSiteHours(
    trx,
    id,
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => (weekday <= 5 ? { weekday, opens: DEFAULT_OPENS, closes: DEFAULT_CLOSES } : { weekday, opens: null, closes: null })),
  );
  return id;
}

/** Every site, the first created first. */
export const listSites = (db: Kysely<DB>): Promise<{ id: string; name: string }[]> => repo.findAllSites(db);

/**
 * The site this Coopdesk works at unless a session says otherwise: the one it was started for
 * (COOPDESK_SITE: an id or a name), else the co-op's first. A site named that does not
 * exist stops the start with a message rather than working at the wrong one.
 */
export async function homeSiteId(db: Kysely<DB>, wanted?: string): Promise<string> {
  if (!wanted) return defaultSiteId(db);
  const site = await repo.findSiteNamed(db, wanted);
  if (!site) {
    const names = (await repo.findAllSites(db)).map((s) => s.name).join(', ');
    throw new AppError('NOT_FOUND', `This Coopdesk was started for the site “${wanted}”, and the co-op has no site of that name (its sites: ${names}).`);
  }
  return site.id;
}

export async function requireSite(db: Kysely<DB>, siteId: string): Promise<void> {
  if (!(await repo.findSite(db, siteId))) throw notFound('The site');
}

export async function updateSite(
  trx: Kysely<DB>,
  site: { id: string; name: string; address: string; timeZone: string; hours: DayHours[] },
  now: number,
): Promise<void> {
  await requireSite(trx, site.id);
  await repo.updateSite(trx, { id: site.id, name: site.name, address: site.address, time_zone: site.timeZone }, now);
  await repo.replaceSiteHours(
    trx,
    site.id,
    site.hours.map((h) => ({ weekday: h.weekday, opens: h.open ? h.opens : null, closes: h.open ? h.closes : null })),
  );
}

export const updateRules = (trx: Kysely<DB>, siteId: string, rules: BookingRules, now: number) => repo.updateSiteRules(trx, siteId, JSON.stringify(rules), now);
export const addClosure = (trx: Kysely<DB>, siteId: string, date: string, reason: string) => repo.upsertClosure(trx, siteId, date, reason);

export async function removeClosure(trx: Kysely<DB>, siteId: string, date: string): Promise<void> {
  if ((await repo.deleteClosure(trx, siteId, date)) === 0) {
    throw new AppError('NOT_FOUND', `The site is not marked closed on ${date}.`, { date: 'Not a closure' });
  }
}
