import type { Cost, CostMonth, Split } from '@shared/contract/money.contract';
import { newId } from '@shared/domain/ids';
import { daysInMonth, prorate, splitLargestRemainder } from '@shared/domain/money';
import { addDaysIso, zonedInstant } from '@shared/domain/zoned';
import type { Kysely } from 'kysely';
import type { Ctx } from '../../context';
import type { DB } from '../../db/schema';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { bookedHours } from '../bookings';
import { memberRefs } from '../members';
import { readCoop } from '../settings';
import * as repo from './money.repository';

/**
 * Costs kept at cost: the co-op enters its real costs per month and how each is shared among the
 * members on a plan that month — by their days on a plan, by plan weight (times those days), or by
 * their hours booked. Every split sums exactly to the cost (largest remainder on minor units).
 */

const day = (iso: string) => Number(iso.slice(8, 10));

/** A month's figures: what each member on a plan pays (prorated by calendar days) and their share of each cost. */
export async function monthFigures(db: Kysely<DB>, month: string) {
  const coop = await readCoop(db);
  const days = daysInMonth(month);
  const from = `${month}-01`;
  const to = `${month}-${String(days).padStart(2, '0')}`;
  const [periods, costs] = await Promise.all([repo.periodsIn(db, from, to), repo.costsOf(db, month)]);
  const members = new Map<string, { pays: number; activeDays: number; plan: string; weight: number; share: number }>();
  // in a fixed order (a remainder's last unit goes to the earlier member on a tie): by start, then by member
  for (const p of periods.sort((a, b) => a.starts_on.localeCompare(b.starts_on) || a.member_id.localeCompare(b.member_id))) {
    if (p.state !== 'active') continue;
    const first = p.starts_on < from ? 1 : day(p.starts_on);
    const last = p.ends_on === null || p.ends_on > to ? days : day(p.ends_on);
    const m = members.get(p.member_id) ?? { pays: 0, activeDays: 0, plan: p.name, weight: p.weight, share: 0 };
    m.pays += prorate(p.price_minor, first, last, days);
    m.activeDays += last - first + 1;
    m.plan = p.name;
    m.weight = p.weight;
    members.set(p.member_id, m);
  }
  const ids = [...members.keys()];
  const hours = costs.some((c) => c.split === 'usage')
    ? await bookedHours(db, zonedInstant(from, '00:00', coop.timeZone), zonedInstant(addDaysIso(to, 1), '00:00', coop.timeZone))
    : new Map<string, number>();
  const shared: Cost[] = costs.map((c) => {
    const { weights, fellBack } = weightsFor(c.split, ids, members, hours);
    if (ids.length > 0) splitLargestRemainder(c.amount_minor, weights).forEach((part, i) => (members.get(ids[i]!)!.share += part));
    return { id: c.id, month: c.month, category: c.category, label: c.label, amountMinor: c.amount_minor, split: c.split, fellBackToEqual: fellBack };
  });
  return { currency: coop.currency, costs: shared, members: [...members.entries()].map(([id, m]) => ({ id, ...m })) };
}

function weightsFor(split: Split, ids: string[], members: Map<string, { activeDays: number; weight: number }>, hours: Map<string, number>) {
  const byDays = ids.map((id) => members.get(id)!.activeDays);
  const pick =
    split === 'usage'
      ? ids.map((id) => hours.get(id) ?? 0)
      : split === 'weight'
        ? ids.map((id) => members.get(id)!.weight * members.get(id)!.activeDays)
        : byDays;
  const fellBack = pick.every((w) => w === 0);
  return { weights: fellBack ? byDays : pick, fellBack: fellBack && split !== 'equal' };
}

export async function costMonth(ctx: Ctx, month: string): Promise<CostMonth> {
  const f = await monthFigures(ctx.db, month);
  const names = await memberRefs(
    ctx.db,
    f.members.map((m) => m.id),
  );
  const income = f.members.reduce((s, m) => s + m.pays, 0);
  const total = f.costs.reduce((s, c) => s + c.amountMinor, 0);
  return {
    month,
    currency: f.currency,
    costs: f.costs,
    income,
    total,
    surplus: income - total,
    members: f.members
      .map((m) => ({ member: names.get(m.id)!, plan: m.plan, pays: m.pays, share: m.share }))
      .sort((a, b) => a.member.name.localeCompare(b.member.name)),
  };
}

export async function addCost(
  ctx: Ctx,
  input: { month: string; category: Cost['category']; label: string; amountMinor: number; split: Split },
): Promise<CostMonth> {
  await commit(ctx, 'money.changed', async (trx) => {
    const f = await monthFigures(trx, input.month);
    if (f.members.length === 0)
      throw new AppError('VALIDATION', `Nobody is on a plan in ${input.month}: a cost is shared among the members on a plan.`, { month: 'Nobody to share it' });
    await repo.insertCost(trx, {
      id: newId(),
      month: input.month,
      category: input.category,
      label: input.label,
      amount_minor: input.amountMinor,
      split: input.split,
      created_at: ctx.now().getTime(),
    });
  });
  return costMonth(ctx, input.month);
}

export async function removeCost(ctx: Ctx, id: string): Promise<CostMonth> {
  const month = await commit(ctx, 'money.changed', async (trx) => {
    const row = await repo.cost(trx, id);
    if (!row) throw notFound('The cost');
    await repo.deleteCost(trx, id);
    return row.month;
  });
  return costMonth(ctx, month);
}
