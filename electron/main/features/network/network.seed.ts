import type { Ctx } from '../../context';
import { activeMembersWithOffers } from '../../demo/generateBids';
import { generateNetwork } from '../../demo/generateNetwork';
import { hasRows } from '../../db/tables';
import { immediate } from '../../db/tx';
import { todayIn } from '@shared/domain/dates';
import { newId } from '@shared/domain/ids';
import { readCoop } from '../settings';
import { insertIntroduction, putAliases } from './ledger.repository';

/**
 * Half a year of the demo co-op's network: referrals at every step (some won), purchases between
 * members, hours exchanged (a few waiting for confirmation), an introduction, and two tag
 * aliases the manager set ("web designer" is read as "web design").
 */
export async function seedNetwork(ctx: Ctx): Promise<void> {
  if (await hasRows(ctx.db, 'referrals')) return;
  const coop = await readCoop(ctx.db);
  const today = todayIn(coop.timeZone, ctx.now());
  const now = ctx.now().getTime();
  await immediate(ctx.db, async (trx) => {
    const members = await activeMembersWithOffers(trx);
    if (members.length < 2) return;
    await generateNetwork(trx, { members, today, now, seed: 9, referrals: 24, trades: 40, exchanges: 45, days: 180 });
    await putAliases(trx, [
      { alias: 'web designer', tag: 'web design', created_at: now },
      { alias: 'bookkeeper', tag: 'bookkeeping', created_at: now },
    ]);
    const [a, b] = members;
    const intro = { id: newId(), tag: b!.offers[0] ?? 'advice', needer_id: a!.id, supplier_id: b!.id, by_member_id: null, created_at: now, updated_at: now };
    await insertIntroduction(trx, { ...intro, needer_outcome: 'talking', supplier_outcome: 'open' });
  });
  ctx.emit('network.changed');
}
