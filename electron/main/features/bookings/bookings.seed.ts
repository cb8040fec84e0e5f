import type { Ctx } from '../../context';
import { activeMemberIds, generateBookings } from '../../demo/generateBookings';
import { hasRows } from '../../db/tables';
import { immediate } from '../../db/tx';
import { addDaysIso } from '@shared/domain/zoned';
import { ownershipClock } from '../settings';
import { loadSite } from '../sites';

/** Rooms, desks and equipment with two weeks of history and four weeks ahead, when none exist yet. */
export async function seedBookings(ctx: Ctx): Promise<void> {
  if (await hasRows(ctx.db, 'bookables')) return;
  const { today } = await ownershipClock(ctx);
  const memberIds = await activeMemberIds(ctx.db);
  const site = await loadSite(ctx.db, ctx.siteId);
  await immediate(ctx.db, (trx) =>
    generateBookings(trx, {
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
