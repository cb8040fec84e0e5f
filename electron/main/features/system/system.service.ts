import type { z } from 'zod';
import { memberFields } from '@shared/contract/members.contract';
import type { SystemStatus } from '@shared/contract/system.contract';
import { type Actor, type Ctx, FRONT_DESK } from '../../context';
import { generateMembers } from '../../demo/generate';
import { AppError } from '../../errors';
import { occupancy } from '../bookings';
import { checkIn } from '../frontdesk';
import * as members from '../members';
import { DEFAULT_COOP_NAME, getSettings, ownershipClock, updateCoop, updateSite } from '../settings';
import { loadSite } from '../sites';
import { activeMembersWithOffers, generateBids } from '../../demo/generateBids';
import { activeMemberIds, generateBookings } from '../../demo/generateBookings';
import { hasRows } from '../../db/tables';
import { immediate } from '../../db/tx';
import { addDaysIso } from '@shared/domain/zoned';

export const APP_VERSION = '0.1.0';
const DEMO_SIZE = 36;
const DEMO_NAME = 'Millbrook Works Co-op';

/** What anyone may know of the install; the machine's data folder only the front desk. */
export async function status(ctx: Ctx, actor: Actor): Promise<SystemStatus> {
  const [settings, memberCount] = await Promise.all([getSettings(ctx), members.count(ctx)]);
  return {
    coopName: settings.coop.name,
    memberCount,
    demoOffered: memberCount === 0,
    firstRun: memberCount === 0 && settings.coop.name === DEFAULT_COOP_NAME,
    dataDir: actor.role === 'manager' ? ctx.dataDir : '',
    schemaVersion: ctx.schemaVersion,
    appVersion: APP_VERSION,
  };
}

/** Fills an empty register with a living demo co-op so a newcomer sees the app at work. */
export async function loadDemo(ctx: Ctx): Promise<{ created: number }> {
  if ((await members.count(ctx)) > 0) {
    throw new AppError('CONFLICT', 'The demo co-op can only be loaded into an empty register.');
  }
  await demoZone(ctx);
  const { today } = await ownershipClock(ctx);
  const demo = generateMembers({ count: DEMO_SIZE, today, seed: 7 }).map((m) => memberFields.parse(m));
  const created = await members.createMany(ctx, demo as z.output<typeof memberFields>[]);
  const { coop, site } = await getSettings(ctx);
  if (coop.name === DEFAULT_COOP_NAME) await updateCoop(ctx, { ...coop, name: DEMO_NAME });
  await demoBookings(ctx, site.id, today);
  await demoArrivals(ctx, site.id);
  await demoBids(ctx);
  return { created };
}

/**
 * A fresh install's site is in UTC until someone sets it; the demo takes the computer's zone (a
 * co-op's desk is where the co-op is), or London when the computer is on UTC too.
 */
async function demoZone(ctx: Ctx): Promise<void> {
  const { site } = await getSettings(ctx);
  if (site.timeZone !== 'UTC') return;
  const machine = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const zone = machine && machine !== 'UTC' && machine !== 'Etc/UTC' ? machine : 'Europe/London';
  await updateSite(ctx, { ...site, timeZone: zone }); // the co-op's zone follows the site's
}

/** The members whose booking is on now have arrived: Today shows who is in, as the board does. */
async function demoArrivals(ctx: Ctx, siteId: string): Promise<void> {
  const now = ctx.now().getTime();
  const ongoing = await occupancy(ctx.db, siteId, now, now + 1);
  const memberIds = [...new Set(ongoing.flatMap((b) => (b.memberId ? [b.memberId] : [])))];
  for (const memberId of memberIds) await checkIn(ctx, FRONT_DESK, memberId);
}

/** A dozen joint bids at every stage, teamed from members who offer what each needs. */
async function demoBids(ctx: Ctx): Promise<void> {
  if (await hasRows(ctx.db, 'bids')) return;
  const { coop } = await getSettings(ctx);
  await immediate(ctx.db, async (trx) =>
    generateBids(trx, { count: 14, seed: 5, now: ctx.now().getTime(), currency: coop.currency, members: await activeMembersWithOffers(trx) }),
  );
  ctx.emit('bids.changed');
}

/** Rooms, desks and equipment with two weeks of history and four weeks ahead, when none exist yet. */
async function demoBookings(ctx: Ctx, siteId: string, today: string): Promise<void> {
  if (await hasRows(ctx.db, 'bookables')) return;
  const memberIds = await activeMemberIds(ctx.db);
  const site = await loadSite(ctx.db, siteId);
  await immediate(ctx.db, (trx) =>
    generateBookings(trx, {
      siteId,
      timeZone: site.timeZone,
      hours: site.hours,
      memberIds,
      rooms: 5,
      desks: 8,
      resources: 3,
      names: {
        rooms: ['Garden Room', 'Loft', 'Snug', 'Boardroom', 'Phone Booth'],
        desks: ['Window desk 1', 'Window desk 2', 'Window desk 3', 'Quiet desk 1', 'Quiet desk 2', 'Hot desk A', 'Hot desk B', 'Hot desk C'],
        resources: ['Projector', 'Cargo bike', 'Podcast kit'],
      },
      from: addDaysIso(today, -14),
      to: addDaysIso(today, 28),
      seed: 21,
      busy: 0.45,
      now: ctx.now().getTime(),
    }),
  );
  ctx.emit('bookables.changed');
  ctx.emit('bookings.changed');
}
