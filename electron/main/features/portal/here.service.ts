import type { CheckInCodes, CheckedInHere } from '@shared/contract/portal.contract';
import type { Actor, Ctx } from '../../context';
import { commit } from '../../db/tx';
import { AppError } from '../../errors';
import { bookablesAt } from '../bookables';
import { checkInOnArrival } from '../bookings';
import { currentMember } from '../members';
import { ensurePresent, openPresence } from '../presence';
import { portalUrl } from './portal.service';

/**
 * Checking in with a QR code: one printed at the desk (`#/here`) or on a room's door
 * (`#/here/<room>`) opens the portal, which checks the member in, and into their booking of that
 * room starting about now.
 */
export async function codes(ctx: Ctx): Promise<CheckInCodes> {
  const base = portalUrl(ctx);
  const rooms = (await bookablesAt(ctx.db, ctx.siteId)).filter((b) => b.kind === 'room');
  return { desk: `${base}#/here`, rooms: rooms.map((r) => ({ bookableId: r.id, name: r.name, url: `${base}#/here/${r.id}` })) };
}

export async function checkInHere(ctx: Ctx, actor: Actor, bookableId: string | undefined): Promise<CheckedInHere> {
  const memberId = actor.memberId;
  if (!memberId) throw new AppError('RULE', 'Only a member checks in: sign in with your member account.', undefined, 'members-only');
  const room = bookableId ? (await bookablesAt(ctx.db, ctx.siteId)).find((b) => b.id === bookableId) : undefined;
  if (bookableId && !room) throw new AppError('NOT_FOUND', 'This QR code names a room this site does not have.', { bookableId: 'Unknown room' });
  return commit(ctx, ['frontdesk.changed', 'bookings.changed'], async (trx) => {
    await currentMember(trx, memberId);
    const wasIn = Boolean(await openPresence(trx, memberId));
    const now = ctx.now().getTime();
    await ensurePresent(trx, memberId, ctx.siteId, now);
    const checked = await checkInOnArrival(trx, memberId, now);
    const here = room ? checked.find((b) => b.bookable_id === room.id) : undefined;
    const booking = here && room ? { id: here.id, bookableName: room.name } : null;
    const message = booking
      ? `Checked in to ${booking.bookableName}. Welcome!`
      : room
        ? `${wasIn ? 'You are in' : 'Checked in. Welcome'}; no booking of yours in ${room.name} waits for a check-in now.`
        : wasIn
          ? 'You were already checked in.'
          : 'Checked in. Welcome!';
    return { checkedIn: true, booking, message };
  });
}
