import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CoopSettings, NewSite, Settings, setUpInput, SiteSettings } from '@shared/contract/settings.contract';
import { isValidTimeZone, todayIn } from '@shared/domain/dates';
import type { BookingRules } from '@shared/domain/bookingRules';
import { type Ctx, type Session, withSite } from '../../context';
import type { DB } from '../../db/schema';
import { commit, immediate } from '../../db/tx';
import { AppError } from '../../errors';
import * as sites from '../sites';
import * as repo from './settings.repository';

function machineTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}

/** A co-op still called this, with nobody in its register, has not been set up yet. */
export const DEFAULT_COOP_NAME = 'Our co-op';

/** First launch: the co-op row and one site open Monday to Friday, 08:00–18:00. */
export async function ensureDefaults(ctx: Ctx): Promise<void> {
  await immediate(ctx.db, async (trx) => {
    const now = ctx.now().getTime();
    const zone = machineTimeZone();
    if (!(await repo.findCoop(trx))) {
      await repo.insertCoop(trx, { name: DEFAULT_COOP_NAME, currency: 'EUR', time_zone: zone, ownership_months: 14 }, now);
    }
    await sites.ensureSite(trx, zone, now);
  });
}

export async function readCoop(db: Kysely<DB>): Promise<CoopSettings> {
  const coop = await repo.findCoop(db);
  if (!coop) throw new AppError('INTERNAL', 'The co-op settings are missing from the database.');
  return {
    name: coop.name,
    currency: coop.currency,
    timeZone: coop.time_zone,
    ownershipMonths: coop.ownership_months,
  };
}

export async function getSettings(ctx: Ctx, db: Kysely<DB> = ctx.db): Promise<Settings> {
  const coop = await readCoop(db);
  const site = await sites.loadSite(db, ctx.siteId);
  const today = todayIn(site.timeZone, ctx.now());
  return {
    coop,
    site: { id: site.id, name: site.name, address: site.address, timeZone: site.timeZone, hours: site.hours },
    bookingRules: site.rules,
    closures: site.closures.filter((c) => c.date >= today),
    sites: await sites.listSites(db),
  };
}

/** Another site of the co-op; this session stays where it is (switching goes there). */
export const addSite = (ctx: Ctx, input: NewSite) =>
  commit(ctx, 'settings.changed', async (trx) => {
    await sites.addSite(trx, { name: input.name, address: input.address ?? '', timeZone: input.timeZone }, ctx.now().getTime());
    return getSettings(ctx, trx);
  });

/** This session works at another site from now on: its board, its rooms and its rules (the desk's own site stays its start). */
export async function switchSite(ctx: Ctx, session: Session, siteId: string): Promise<Settings> {
  await sites.requireSite(ctx.db, siteId);
  session.siteId = siteId;
  return getSettings(withSite(ctx, siteId));
}

async function changeSite(ctx: Ctx, siteId: string, work: (trx: Kysely<DB>) => Promise<void>): Promise<Settings> {
  return commit(ctx, 'settings.changed', async (trx) => {
    await sites.requireSite(trx, siteId);
    await work(trx);
    return getSettings(ctx, trx);
  });
}

export const updateBookingRules = (ctx: Ctx, siteId: string, rules: BookingRules) =>
  changeSite(ctx, siteId, (trx) => sites.updateRules(trx, siteId, rules, ctx.now().getTime()));

export const addClosure = (ctx: Ctx, siteId: string, date: string, reason: string) =>
  changeSite(ctx, siteId, (trx) => sites.addClosure(trx, siteId, date, reason));

export const removeClosure = (ctx: Ctx, siteId: string, date: string) => changeSite(ctx, siteId, (trx) => sites.removeClosure(trx, siteId, date));

/**
 * One time zone governs the co-op and its site (a co-op's desk is in one place): changing it on
 * either changes both, in the same transaction.
 */
export async function updateCoop(ctx: Ctx, input: CoopSettings): Promise<Settings> {
  // Members too: their ownership dates depend on the months setting.
  return commit(ctx, ['settings.changed', 'members.changed'], async (trx) => {
    const { site } = await getSettings(ctx, trx);
    if (site.timeZone !== input.timeZone) await sites.updateSite(trx, { ...site, timeZone: input.timeZone }, ctx.now().getTime());
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
}

/**
 * The first-run set-up in one transaction: the co-op's name and currency, one time zone for the
 * co-op and its site, and the days and hours it is open.
 */
export async function setUp(ctx: Ctx, input: z.output<typeof setUpInput>): Promise<Settings> {
  return commit(ctx, ['settings.changed', 'members.changed'], async (trx) => {
    const { coop, site } = await getSettings(ctx, trx);
    const now = ctx.now().getTime();
    await repo.updateCoop(trx, { name: input.coopName, currency: input.currency, time_zone: input.timeZone, ownership_months: coop.ownershipMonths }, now);
    const hours = site.hours.map((d) => ({ ...d, open: input.openDays.includes(d.weekday), opens: input.opens, closes: input.closes }));
    await sites.updateSite(trx, { ...site, timeZone: input.timeZone, hours }, now);
    return getSettings(ctx, trx);
  });
}

export async function updateSite(ctx: Ctx, input: SiteSettings): Promise<Settings> {
  return commit(ctx, ['settings.changed', 'members.changed'], async (trx) => {
    await sites.updateSite(trx, input, ctx.now().getTime());
    const coop = await readCoop(trx);
    if (coop.timeZone !== input.timeZone) {
      await repo.updateCoop(
        trx,
        { name: coop.name, currency: coop.currency, time_zone: input.timeZone, ownership_months: coop.ownershipMonths },
        ctx.now().getTime(),
      );
    }
    return getSettings(ctx, trx);
  });
}

/** What ownership needs: the months setting and "today" in the co-op's zone. */
export async function ownershipClock(ctx: Ctx, db: Kysely<DB> = ctx.db): Promise<{ months: number; today: string }> {
  const coop = await readCoop(db);
  return { months: coop.ownershipMonths, today: todayIn(coop.timeZone, ctx.now()) };
}
