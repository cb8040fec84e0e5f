import type { BalanceRow, NetworkSettings } from '@shared/contract/network.contract';
import { type Balance, emptyBalance, hoursBalance } from '@shared/domain/network';
import { type Actor, type Ctx, isStaff } from '../../context';
import { toCsv } from '../../csv';
import { commit } from '../../db/tx';
import { AppError } from '../../errors';
import { readCoop } from '../settings';
import { seesAmounts } from './network.policy';
import * as ledger from './ledger.repository';
import * as repo from './network.repository';

/** Each member's balance from the movements (`ids` null: everyone who has any). */
export async function balancesOf(ctx: Ctx, ids: readonly string[] | null): Promise<Map<string, Balance>> {
  const out = new Map<string, Balance>();
  for (const s of await repo.balanceSums(ctx.db, ids)) {
    const b = out.get(s.member) ?? out.set(s.member, emptyBalance()).get(s.member)!;
    b[s.key] += s.value;
  }
  return out;
}

/** Until the manager sets them: no one below −10 hours (TimeOverflow's usual), no ceiling. */
const DEFAULT_LIMITS: NetworkSettings = { minHours: -10, maxHours: null };

export async function settings(ctx: Ctx): Promise<NetworkSettings> {
  const row = await ledger.readLimits(ctx.db);
  return row ? { minHours: row.min_hours, maxHours: row.max_hours } : DEFAULT_LIMITS;
}

export async function saveSettings(ctx: Ctx, input: NetworkSettings): Promise<NetworkSettings> {
  return commit(ctx, 'network.changed', async (trx) => {
    await ledger.writeLimits(trx, input.minHours, input.maxHours);
    return input;
  });
}

const outside = (minutes: number, limits: NetworkSettings) =>
  (limits.minHours !== null && minutes < limits.minHours * 60) || (limits.maxHours !== null && minutes > limits.maxHours * 60);

/**
 * Balances, a page of members at a time (by name): the desk sees everyone's (amounts of money
 * only the manager), a member only their own.
 */
export async function balances(
  ctx: Ctx,
  actor: Actor,
  f: { q: string; memberId: string | null; limit: number; offset: number },
): Promise<{ total: number; currency: string; rows: BalanceRow[] }> {
  if (!isStaff(actor) && !actor.memberId) throw new AppError('FORBIDDEN', 'Sign in as a member to see your balance.');
  const page = await repo.memberPage(ctx.db, { ...f, only: isStaff(actor) ? f.memberId : actor.memberId });
  const ids = page.rows.map((r) => r.id);
  const [sums, limits, coop] = await Promise.all([balancesOf(ctx, ids), settings(ctx), readCoop(ctx.db)]);
  return {
    total: page.total,
    currency: coop.currency,
    rows: page.rows.map((m) => {
      const b = sums.get(m.id) ?? emptyBalance();
      const money = seesAmounts(actor, m.id, m.id);
      const hours = hoursBalance(b);
      return {
        member: { id: m.id, name: m.name, businessName: m.business_name },
        referralsGiven: b.referralsGiven,
        referralsReceived: b.referralsReceived,
        valueGiven: money ? b.valueGiven : null,
        valueReceived: money ? b.valueReceived : null,
        sold: money ? b.sold : null,
        bought: money ? b.bought : null,
        minutesGiven: b.minutesGiven,
        minutesReceived: b.minutesReceived,
        hoursBalance: hours,
        outsideLimits: outside(hours, limits),
      };
    }),
  };
}

/** The hours ledger as CSV: every exchange recorded, with its state (only confirmed ones count). */
export async function exportHoursCsv(ctx: Ctx): Promise<{ filename: string; csv: string }> {
  const rows = await ledger.exchangeLedger(ctx.db);
  const csv = toCsv(
    ['date', 'giver', 'receiver', 'hours', 'what', 'state'],
    rows.map((r) => [r.on_date, r.giver, r.receiver, (r.minutes / 60).toFixed(2), r.what, r.state]),
  );
  return { filename: `coopdesk-hours-${new Date(ctx.now()).toISOString().slice(0, 10)}.csv`, csv };
}
