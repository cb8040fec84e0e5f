import type { Ctx } from '../../context';
import { activeMembersWithOffers } from '../../demo/generateBids';
import { generateSupport } from '../../demo/generateSupport';
import { hasRows } from '../../db/tables';
import { immediate } from '../../db/tx';
import { todayIn } from '@shared/domain/dates';
import { readCoop } from '../settings';

/**
 * The demo co-op's mutual support: three months of help asked and given (three requests still
 * waiting on the board), a few mentors, members asking for one, two agreed pairs with their
 * meetings, and commitments kept and missed.
 */
export async function seedSupport(ctx: Ctx): Promise<void> {
  if (await hasRows(ctx.db, 'help_requests')) return;
  const coop = await readCoop(ctx.db);
  const today = todayIn(coop.timeZone, ctx.now());
  await immediate(ctx.db, async (trx) => {
    const members = await activeMembersWithOffers(trx);
    if (members.length < 8) return;
    await generateSupport(trx, {
      members,
      today,
      now: ctx.now().getTime(),
      seed: 16,
      requests: 40,
      open: 3,
      mentors: 4,
      mentees: 4,
      pairs: 2,
      commitments: 30,
      days: 90,
    });
  });
  ctx.emit('support.changed');
}
