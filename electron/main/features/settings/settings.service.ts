import type { Kysely } from 'kysely';
import type { CoopSettings, DayHours, Settings, SiteSettings } from '../../../../shared/contract/settings.contract';
import { newId } from '../../../../shared/domain/ids';
import { isValidTimeZone, todayIn } from '../../../../shared/domain/dates';
import { type BookingRules, DEFAULT_BOOKING_RULES, type SiteCalendar } from '../../../../shared/domain/bookingRules';
import type { Ctx } from '../../context';
import type { DB } from '../../db/schema';
import { immediate } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import * as repo from './settings.repository';

const DEFAULT_OPENS = '08:00';
const DEFAULT_CLOSES = '18:00';

function machineTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}

/** First launch: the co-op row and one site open Monday to Friday, 08:00–18:00. */
export async function ensureDefaults(ctx: Ctx): Promise<void> {
  await immediate(ctx.db, async (trx) => {
    const now = ctx.now().getTime();
    const zone = machineTimeZone();
    if (!(await repo.findCoop(trx))) {
      await repo.insertCoop(trx, { name: 'Our co-op', currency: 'EUR', time_zone: zone, ownership_months: 14 }, now);
    }
    if (!(await repo.findFirstSite(trx))) {
      const id = newId();
      await repo.insertSite(
        trx,
        { id, name: 'Main site', address: '', time_zone: zone, booking_rules: JSON.stringify(DEFAULT_BOOKING_RULES) },
        now,
      );
      await repo.replaceSiteHours(
        trx,
        id,
        [1, 2, 3, 4, 5, 6, 7].map((weekday) =>
          weekday <= 5
            ? { weekday, opens: DEFAULT_OPENS, closes: DEFAULT_CLOSES }
            : { weekday, opens: null, closes: null },
        ),
      );
    }
  });
}

async function readCoop(db: Kysely<DB>): Promise<CoopSettings> {
  const coop = await repo.findCoop(db);
  if (!coop) throw new AppError('INTERNAL', 'The co-op settings are missing from the database.');
  return {
    name: coop.name,
    currency: coop.currency,
    timeZone: coop.time_zone,
    ownershipMonths: coop.ownership_months,
  };
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

export async function getSettings(ctx: Ctx, db: Kysely<DB> = ctx.db): Promise<Settings> {
  const coop = await readCoop(db);
  const site = await loadSite(db, await defaultSiteId(db));
  const today = todayIn(site.timeZone, ctx.now());
  return {
    coop,
    site: { id: site.id, name: site.name, address: site.address, timeZone: site.timeZone, hours: site.hours },
    bookingRules: site.rules,
    closures: site.closures.filter((c) => c.date >= today),
  };
}

export interface LoadedSite extends SiteCalendar {
  id: string;
  address: string;
  rules: BookingRules;
  currency: string;
}

/** A site as the booking rules need it: zone, hours, closures from `fromDate` on, default rules. */
export async function loadSite(db: Kysely<DB>, siteId: string, fromDate = '0000-01-01'): Promise<LoadedSite> {
  const site = await repo.findSite(db, siteId);
  if (!site) throw notFound('The site');
  const [hours, closures, coop] = await Promise.all([
    repo.findSiteHours(db, siteId),
    repo.findClosures(db, siteId, fromDate),
    repo.findCoop(db),
  ]);
  return {
    id: site.id,
    name: site.name,
    address: site.address,
    timeZone: site.time_zone,
    hours: weekHours(hours),
    closures,
    rules: { ...DEFAULT_BOOKING_RULES, ...(JSON.parse(site.booking_rules) as Partial<BookingRules>) },
    currency: coop?.currency ?? 'EUR',
  };
}

/** The site used when a request names none: the first one created. */
export async function defaultSiteId(db: Kysely<DB>): Promise<string> {
  const site = await repo.findFirstSite(db);
  if (!site) throw new AppError('INTERNAL', 'No site is set up in the database.');
  return site.id;
}

async function changeSite(ctx: Ctx, siteId: string, work: (trx: Kysely<DB>) => Promise<void>): Promise<Settings> {
  const result = await immediate(ctx.db, async (trx) => {
    if (!(await repo.findSite(trx, siteId))) throw notFound('The site');
    await work(trx);
    return getSettings(ctx, trx);
  });
  ctx.emit('settings.changed');
  return result;
}

export const updateBookingRules = (ctx: Ctx, siteId: string, rules: BookingRules) =>
  changeSite(ctx, siteId, (trx) => repo.updateSiteRules(trx, siteId, JSON.stringify(rules), ctx.now().getTime()));

export const addClosure = (ctx: Ctx, siteId: string, date: string, reason: string) =>
  changeSite(ctx, siteId, (trx) => repo.upsertClosure(trx, siteId, date, reason));

export const removeClosure = (ctx: Ctx, siteId: string, date: string) =>
  changeSite(ctx, siteId, async (trx) => {
    if ((await repo.deleteClosure(trx, siteId, date)) === 0) {
      throw new AppError('NOT_FOUND', `The site is not marked closed on ${date}.`, { date: 'Not a closure' });
    }
  });

export async function updateCoop(ctx: Ctx, input: CoopSettings): Promise<Settings> {
  const result = await immediate(ctx.db, async (trx) => {
    await repo.updateCoop(
      trx,
      {
        name: input.name,
        currency: input.currency,
        time_zone: input.timeZone,
        ownership_months: input.ownershipMonths,
      },
      ctx.now().getTime(),
    );
    return getSettings(ctx, trx);
  });
  ctx.emit('settings.changed');
  ctx.emit('members.changed'); // ownership dates depend on the months setting
  return result;
}

export async function updateSite(ctx: Ctx, input: SiteSettings): Promise<Settings> {
  const result = await immediate(ctx.db, async (trx) => {
    if (!(await repo.findSite(trx, input.id))) throw notFound('The site');
    await repo.updateSite(trx, { id: input.id, name: input.name, address: input.address, time_zone: input.timeZone }, ctx.now().getTime());
    await repo.replaceSiteHours(
      trx,
      input.id,
      input.hours.map((h) => ({
        weekday: h.weekday,
        opens: h.open ? h.opens : null,
        closes: h.open ? h.closes : null,
      })),
    );
    return getSettings(ctx, trx);
  });
  ctx.emit('settings.changed');
  return result;
}

/** What ownership needs: the months setting and "today" in the co-op's zone. */
export async function ownershipClock(ctx: Ctx, db: Kysely<DB> = ctx.db): Promise<{ months: number; today: string }> {
  const coop = await readCoop(db);
  return { months: coop.ownershipMonths, today: todayIn(coop.timeZone, ctx.now()) };
}
