import type { Ctx } from '../../context';
import { activeMembersWithOffers, generateBids } from '../../demo/generateBids';
import { hasRows } from '../../db/tables';
import { immediate } from '../../db/tx';
import { getSettings } from '../settings';

/** A dozen joint bids at every stage, teamed from members who offer what each needs. */
export async function seedBids(ctx: Ctx): Promise<void> {
  if (await hasRows(ctx.db, 'bids')) return;
  const { coop } = await getSettings(ctx);
  await immediate(ctx.db, async (trx) =>
    generateBids(trx, { count: 14, seed: 5, now: ctx.now().getTime(), currency: coop.currency, members: await activeMembersWithOffers(trx) }),
  );
  ctx.emit('bids.changed');
}
