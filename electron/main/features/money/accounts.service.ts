import type { Adjustment, Balance, MemberAccount, Payment, PaymentMethod } from '@shared/contract/money.contract';
import { formatMonth, todayIn } from '@shared/domain/dates';
import { newId } from '@shared/domain/ids';
import type { Kysely } from 'kysely';
import type { Actor, Ctx } from '../../context';
import type { DB } from '../../db/schema';
import { toCsv } from '../../csv';
import { commit } from '../../db/tx';
import { AppError } from '../../errors';
import { requireSelf } from '../../permissions';
import { memberRefs } from '../members';
import { readCoop } from '../settings';
import { daysInMonth } from '@shared/domain/money';
import { statementNumber } from './statements.model';
import { statementSummaries } from './statements.service';
import * as repo from './statements.repository';

/** A member's account: statements billed, payments made by hand, adjustments waiting for a statement, and the balance. */

export async function account(ctx: Ctx, actor: Actor, memberId: string | null): Promise<MemberAccount> {
  const id = memberId ?? actor.memberId;
  if (!id) throw new AppError('VALIDATION', 'Choose the member.', { memberId: 'Choose the member' });
  requireSelf(actor, id, 'You see your own account.');
  const coop = await readCoop(ctx.db);
  const [statements, payments, adjustments, sums, names] = await Promise.all([
    statementSummaries(ctx.db, id),
    repo.paymentsOf(ctx.db, id),
    repo.adjustmentsOfMember(ctx.db, id),
    repo.balances(ctx.db, id),
    memberRefs(ctx.db, [id]),
  ]);
  const member = names.get(id)!;
  const billedMonths = new Set(statements.map((s) => s.month));
  const sum = sums.get(id) ?? { billed: 0, paid: 0 };
  return {
    memberId: id,
    currency: coop.currency,
    statements,
    payments: payments.map((p): Payment => ({ id: p.id, member, paidOn: p.paid_on, amountMinor: p.amount_minor, method: p.method, reference: p.reference })),
    adjustments: adjustments
      .filter((a) => !billedMonths.has(a.month))
      .map((a): Adjustment => ({ id: a.id, member, month: a.month, description: a.description, amountMinor: a.amount_minor })),
    balance: { member, ...sum, owes: sum.billed - sum.paid },
  };
}

/** Every member whose statements and payments do not cancel out: who owes most first, then those in credit. */
export async function owing(ctx: Ctx): Promise<{ currency: string; balances: Balance[] }> {
  const [coop, sums] = await Promise.all([readCoop(ctx.db), repo.balances(ctx.db)]);
  const open = [...sums.entries()].filter(([, s]) => s.billed !== s.paid);
  const names = await memberRefs(
    ctx.db,
    open.map(([id]) => id),
  );
  return {
    currency: coop.currency,
    balances: open
      .map(([id, s]) => ({ member: names.get(id)!, ...s, owes: s.billed - s.paid }))
      .sort((a, b) => b.owes - a.owes || a.member.name.localeCompare(b.member.name)),
  };
}

/** A member on the register, whether or not they have left: a member who left still pays their last statement. */
async function knownMember(db: Kysely<DB>, memberId: string): Promise<void> {
  if (!(await memberRefs(db, [memberId])).has(memberId)) throw new AppError('VALIDATION', 'That member does not exist.', { memberId: 'Unknown member' });
}

export async function recordPayment(
  ctx: Ctx,
  actor: Actor,
  input: { memberId: string; paidOn: string; amountMinor: number; method: PaymentMethod; reference: string },
): Promise<MemberAccount> {
  await commit(ctx, 'money.changed', async (trx) => {
    await knownMember(trx, input.memberId);
    const coop = await readCoop(trx);
    if (input.paidOn > todayIn(coop.timeZone, ctx.now()))
      throw new AppError('VALIDATION', 'A payment is recorded once it is made.', { paidOn: 'In the future' });
    await repo.insertPayment(trx, {
      id: newId(),
      member_id: input.memberId,
      paid_on: input.paidOn,
      amount_minor: input.amountMinor,
      method: input.method,
      reference: input.reference,
      created_at: ctx.now().getTime(),
    });
  });
  return account(ctx, actor, input.memberId);
}

/** An adjustment goes on a month whose statement is not issued yet: an issued one is never changed. */
export async function addAdjustment(ctx: Ctx, actor: Actor, input: { memberId: string; month: string; description: string; amountMinor: number }) {
  await commit(ctx, 'money.changed', async (trx) => {
    await knownMember(trx, input.memberId);
    if (await repo.statementFor(trx, input.memberId, input.month))
      throw new AppError('RULE', `The statement for ${formatMonth(input.month)} is issued and never changes: put the correction on a later month.`, {
        month: 'Already issued',
      });
    await repo.insertAdjustment(trx, { id: newId(), ...pick(input), created_at: ctx.now().getTime() });
  });
  return account(ctx, actor, input.memberId);
}
const pick = (i: { memberId: string; month: string; description: string; amountMinor: number }) => ({
  member_id: i.memberId,
  month: i.month,
  description: i.description,
  amount_minor: i.amountMinor,
});

const decimal = (minor: number) => (minor / 100).toFixed(2);

/**
 * The accountant's file: one row per statement line (and one for each statement's tax), then one
 * per payment in those months, with the member's name, amounts as decimals with a point (a
 * payment negative: it reduces what is owed), dates as ISO: what accounting software imports.
 */
export async function accountingExport(ctx: Ctx, from: string, to: string): Promise<{ filename: string; csv: string }> {
  const [lines, payments] = await Promise.all([
    repo.linesBetween(ctx.db, from, to),
    repo.paymentsBetween(ctx.db, `${from}-01`, `${to}-${String(daysInMonth(to)).padStart(2, '0')}`),
  ]);
  const ids = [...new Set([...lines.map((l) => l.member_id), ...payments.map((p) => p.member_id)])];
  const names = await memberRefs(ctx.db, ids);
  const rows: unknown[][] = [];
  const taxRow = (l: (typeof lines)[number]) =>
    rows.push([
      'tax',
      l.month,
      `${l.month}-${String(daysInMonth(l.month)).padStart(2, '0')}`,
      statementNumber(l.number),
      names.get(l.member_id)!.name,
      'tax',
      `Tax at ${l.tax_bp / 100}%`,
      decimal(l.tax_minor),
      l.currency,
    ]);
  lines.forEach((l, i) => {
    rows.push([
      'statement',
      l.month,
      l.on_date,
      statementNumber(l.number),
      names.get(l.member_id)!.name,
      l.kind,
      l.description,
      decimal(l.amount_minor),
      l.currency,
    ]);
    const next = lines[i + 1];
    if ((!next || next.number !== l.number) && l.tax_minor !== 0) taxRow(l);
  });
  const coop = await readCoop(ctx.db);
  for (const p of payments)
    rows.push(['payment', p.paid_on.slice(0, 7), p.paid_on, '', names.get(p.member_id)!.name, p.method, p.reference, decimal(-p.amount_minor), coop.currency]);
  return {
    filename: `coopdesk-accounts-${from}${from === to ? '' : `-to-${to}`}.csv`,
    csv: toCsv(['type', 'month', 'date', 'statement', 'member', 'kind', 'description', 'amount', 'currency'], rows),
  };
}
