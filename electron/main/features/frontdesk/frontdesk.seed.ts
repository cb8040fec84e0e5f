import { type Ctx, FRONT_DESK } from '../../context';
import { occupancy } from '../bookings';
import { checkIn } from './frontdesk.service';

/** The members whose booking is on now have arrived: Today shows who is in, as the board does. */
export async function seedArrivals(ctx: Ctx): Promise<void> {
  const now = ctx.now().getTime();
  const ongoing = await occupancy(ctx.db, ctx.siteId, now, now + 1);
  const memberIds = [...new Set(ongoing.flatMap((b) => (b.memberId ? [b.memberId] : [])))];
  for (const memberId of memberIds) await checkIn(ctx, FRONT_DESK, memberId);
}
