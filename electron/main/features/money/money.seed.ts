import { todayIn } from '@shared/domain/dates';
import { addMonthsIso } from '@shared/domain/dates';
import { type Ctx, FRONT_DESK } from '../../context';
import { activeMembersWithOffers } from '../../demo/generateBids';
import { hasRows } from '../../db/tables';
import { readCoop } from '../settings';
import { addAdjustment, recordPayment } from './accounts.service';
import { addCost } from './costs.service';
import * as repo from './money.repository';
import { change } from './periods.service';
import { save } from './plans.service';
import { closeMonth } from './statements.service';

/**
 * The demo co-op's money: three plans (a free community membership, Flex 8, Resident), every
 * current member on one since two months ago — one changed plan mid last month, one paused this
 * month — the premises' real costs of last month and this, each shared its own way, and last
 * month closed: its statements issued, most of them paid.
 */
export async function seedMoney(ctx: Ctx): Promise<void> {
  if (await hasRows(ctx.db, 'plans')) return;
  const members = await activeMembersWithOffers(ctx.db);
  if (members.length < 6) return;
  const plan = { id: null, discountPct: 0, archived: false, resourceHours: 0, bookableIds: [] };
  await save(ctx, FRONT_DESK, { ...plan, name: 'Community', priceMinor: 0, deskDays: 0, roomHours: 0, weight: 0 });
  await save(ctx, FRONT_DESK, { ...plan, name: 'Flex 8', priceMinor: 12_000, deskDays: 8, roomHours: 4, resourceHours: 4, weight: 1, discountPct: 10 });
  await save(ctx, FRONT_DESK, { ...plan, name: 'Resident', priceMinor: 26_000, deskDays: 22, roomHours: 10, resourceHours: 10, weight: 2, discountPct: 20 });
  const [community, flex, resident] = await repo.plans(ctx.db);
  const today = todayIn((await readCoop(ctx.db)).timeZone, ctx.now());
  const thisMonth = `${today.slice(0, 7)}-01`;
  const lastMonth = addMonthsIso(thisMonth, -1);
  const start = addMonthsIso(thisMonth, -2);
  for (const [i, m] of members.entries()) {
    const planId = i % 5 === 0 ? community!.id : i % 3 === 0 ? resident!.id : flex!.id;
    await change(ctx, FRONT_DESK, { memberId: m.id, action: 'start', planId, on: start });
  }
  await change(ctx, FRONT_DESK, { memberId: members[1]!.id, action: 'start', planId: resident!.id, on: `${lastMonth.slice(0, 7)}-15` });
  if (today.slice(8) > '02') await change(ctx, FRONT_DESK, { memberId: members[2]!.id, action: 'pause', planId: null, on: `${today.slice(0, 7)}-02` });
  for (const month of [lastMonth.slice(0, 7), thisMonth.slice(0, 7)]) {
    await addCost(ctx, { month, category: 'rent', label: 'Rent of the ground floor', amountMinor: 240_000, split: 'equal' });
    await addCost(ctx, { month, category: 'utilities', label: 'Electricity and heating', amountMinor: 61_000, split: 'usage' });
    await addCost(ctx, { month, category: 'cleaning', label: 'Cleaning, twice a week', amountMinor: 32_000, split: 'equal' });
    await addCost(ctx, { month, category: 'insurance', label: 'Contents and liability', amountMinor: 9_500, split: 'weight' });
  }
  // last month is closed: its statements issued, most paid by transfer, one in cash, a few still owed
  const issued = (await closeMonth(ctx, lastMonth.slice(0, 7))).issued;
  for (const [i, s] of issued.entries()) {
    if (i % 4 === 3) continue;
    await recordPayment(ctx, FRONT_DESK, {
      memberId: s.member.id,
      paidOn: `${thisMonth.slice(0, 7)}-01`,
      amountMinor: s.total,
      method: i % 4 === 2 ? 'cash' : 'transfer',
      reference: `Statement ${s.number}`,
    });
  }
  await addAdjustment(ctx, FRONT_DESK, {
    memberId: members[1]!.id,
    month: thisMonth.slice(0, 7),
    description: 'Projector out of order on a booked day: a credit',
    amountMinor: -1_500,
  });
}
