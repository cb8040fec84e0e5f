import { type Ctx, FRONT_DESK } from '../../context';
import { hasRows } from '../../db/tables';
import { AppError } from '../../errors';
import { occupancy } from '../bookings';
import { checkIn } from './frontdesk.service';
import { createDayPass, savePrice } from './passes.service';

/**
 * The members whose booking is on now have arrived: Today shows who is in, as the board does.
 * The day passes on the price list, and a drop-in on one today (when a desk is free and the
 * co-op is open).
 */
export async function seedArrivals(ctx: Ctx): Promise<void> {
  const now = ctx.now().getTime();
  const ongoing = await occupancy(ctx.db, ctx.siteId, now, now + 1);
  const memberIds = [...new Set(ongoing.flatMap((b) => (b.memberId ? [b.memberId] : [])))];
  for (const memberId of memberIds) await checkIn(ctx, FRONT_DESK, memberId);
  if (await hasRows(ctx.db, 'day_pass_prices')) return;
  await savePrice(ctx, { id: null, name: 'Half day', priceMinor: 900, archived: false });
  const [, day] = await savePrice(ctx, { id: null, name: 'Day pass', priceMinor: 1500, archived: false });
  try {
    await createDayPass(ctx, { name: 'Jonas Weber', memberId: null, priceId: day!.id, paid: true });
  } catch (error) {
    // a closed day, or every desk taken: the demo simply has no drop-in today
    if (!(error instanceof AppError)) throw error;
  }
}
