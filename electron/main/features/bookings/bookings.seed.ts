import type { Ctx } from '../../context';
import { activeMemberIds, generateBookings } from '../../demo/generateBookings';
import { hasRows } from '../../db/tables';
import { immediate } from '../../db/tx';
import { addDaysIso } from '@shared/domain/zoned';
import { ownershipClock } from '../settings';
import { addSite, loadSite } from '../sites';

/**
 * Rooms, desks and equipment with two weeks of history and four weeks ahead, when none exist yet;
 * and a second, smaller site on the harbour, so a newcomer sees how a co-op of several premises
 * works (the desk's site switcher, members booking at either).
 */
export async function seedBookings(ctx: Ctx): Promise<void> {
  if (await hasRows(ctx.db, 'bookables')) return;
  const { today } = await ownershipClock(ctx);
  const memberIds = await activeMemberIds(ctx.db);
  const site = await loadSite(ctx.db, ctx.siteId);
  const dates = { from: addDaysIso(today, -14), to: addDaysIso(today, 28), now: ctx.now().getTime() };
  await immediate(ctx.db, async (trx) => {
    await generateBookings(trx, {
      siteId: site.id,
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
      ...dates,
      seed: 21,
      busy: 0.45,
    });
    const harbourId = await addSite(trx, { name: 'Harbour Yard', address: '2 Quay Street', timeZone: site.timeZone }, dates.now);
    const harbour = await loadSite(trx, harbourId);
    await generateBookings(trx, {
      siteId: harbour.id,
      timeZone: harbour.timeZone,
      hours: harbour.hours,
      memberIds,
      rooms: 2,
      desks: 4,
      resources: 0,
      names: { rooms: ['Net Loft', 'Chart Room'], desks: ['Harbour desk 1', 'Harbour desk 2', 'Harbour desk 3', 'Harbour desk 4'] },
      ...dates,
      seed: 22,
      busy: 0.3,
    });
  });
  ctx.emit('bookables.changed');
  ctx.emit('bookings.changed');
}
