import type { Ctx } from '../../context';
import { activeMembersWithOffers, generateBids } from '../../demo/generateBids';
import { hasRows } from '../../db/tables';
import { immediate } from '../../db/tx';
import { getSettings } from '../settings';
import { notifyNow } from '../notifications';
import { invitedPlaces } from './bids.repository';

/** A dozen joint bids at every stage, teamed from members who offer what each needs. */
export async function seedBids(ctx: Ctx): Promise<void> {
  if (await hasRows(ctx.db, 'bids')) return;
  const { coop } = await getSettings(ctx);
  await immediate(ctx.db, async (trx) =>
    generateBids(trx, { count: 14, seed: 5, now: ctx.now().getTime(), currency: coop.currency, members: await activeMembersWithOffers(trx) }),
  );
  // Whoever the demo left with an open invitation has been told, as a real invitation tells them.
  for (const place of await invitedPlaces(ctx.db))
    await notifyNow(ctx, [place.member_id], {
      kind: 'bid-invited',
      title: `You are invited to the joint bid “${place.title}”`,
      body: 'Accept or decline on the bid.',
      href: `/bids/${place.bid_id}`,
    });
  ctx.emit('bids.changed');
}
