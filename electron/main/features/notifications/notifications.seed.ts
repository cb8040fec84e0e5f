import type { Ctx } from '../../context';
import { activeMemberIds } from '../../demo/generateBookings';
import { hasRows } from '../../db/tables';
import { notifyNow } from './notifications.service';

/** Every member of the demo co-op finds a first message in their inbox, saying what will arrive there. */
export async function seedNotifications(ctx: Ctx): Promise<void> {
  if (await hasRows(ctx.db, 'notifications')) return;
  await notifyNow(ctx, await activeMemberIds(ctx.db), {
    kind: 'news',
    title: 'Your inbox at the co-op',
    body: 'Bookings approved or declined, a visitor at the front desk, invitations to joint bids and tasks that are due show here — and by e-mail too, if you choose.',
  });
}
