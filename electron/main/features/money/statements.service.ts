import type { MonthStatements, Statement, StatementLine, StatementSummary } from '@shared/contract/money.contract';
import type { MemberRef } from '@shared/contract/network.contract';
import { formatMonth, todayIn } from '@shared/domain/dates';
import { newId } from '@shared/domain/ids';
import type { Kysely } from 'kysely';
import type { Actor, Ctx } from '../../context';
import type { DB } from '../../db/schema';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { requireSelf } from '../../permissions';
import { memberRefs } from '../members';
import { notify } from '../notifications';
import { readCoop } from '../settings';
import { billable, monthLines, monthRange, statementNumber, totals } from './statements.model';
import * as repo from './statements.repository';
import type { StatementsTable } from './money.tables';

/**
 * Monthly statements: drafts while a month goes on, issued once it has ended — numbered from a
 * counter moved inside the issuing transaction, their lines written then and never changed (a
 * correction is an adjustment on a later month).
 */

export async function moneySettings(db: Kysely<DB>) {
  const row = await repo.readSettings(db);
  return { taxBp: row?.tax_bp ?? 0, nextNumber: row?.next_number ?? 1 };
}

export async function saveSettings(ctx: Ctx, taxBp: number) {
  await commit(ctx, 'money.changed', async (trx) => {
    const s = await moneySettings(trx);
    await repo.putSettings(trx, { id: 1, tax_bp: taxBp, next_number: s.nextNumber, updated_at: ctx.now().getTime() });
  });
  return moneySettings(ctx.db);
}

const SELF = 'You see your own statements.';

function summary(row: StatementsTable, member: MemberRef, lines: number): StatementSummary {
  return {
    id: row.id,
    number: statementNumber(row.number),
    member,
    month: row.month,
    currency: row.currency,
    lines,
    subtotal: row.subtotal_minor,
    taxBp: row.tax_bp,
    tax: row.tax_minor,
    total: row.total_minor,
    issuedAt: new Date(row.issued_at).toISOString(),
  };
}

const draft = (member: MemberRef, month: string, currency: string, lines: StatementLine[], taxBp: number): Statement => ({
  id: null,
  number: null,
  member,
  month,
  currency,
  lines,
  ...totals(lines, taxBp),
  issuedAt: null,
});

/** A member's issued statements, the latest first. */
export async function statementSummaries(db: Kysely<DB>, memberId: string): Promise<StatementSummary[]> {
  const rows = await repo.statementsOfMember(db, memberId);
  const [names, counts] = await Promise.all([
    memberRefs(db, [memberId]),
    repo.lineCounts(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => summary(r, names.get(memberId)!, counts.get(r.id) ?? 0));
}

/** Whether `month` has ended in the co-op's zone. */
const ended = (month: string, zone: string, now: Date) => todayIn(zone, now).slice(0, 7) > month;

export async function monthStatements(ctx: Ctx, month: string): Promise<MonthStatements> {
  const coop = await readCoop(ctx.db);
  const [issued, lines, settings] = await Promise.all([
    repo.statementsOf(ctx.db, month),
    monthLines(ctx.db, monthRange(month, coop.timeZone), coop.timeZone),
    moneySettings(ctx.db),
  ]);
  const have = new Set(issued.map((s) => s.member_id));
  const open = [...lines.entries()].filter(([id, l]) => !have.has(id) && billable(l));
  const [names, counts] = await Promise.all([
    memberRefs(ctx.db, [...issued.map((s) => s.member_id), ...open.map(([id]) => id)]),
    repo.lineCounts(
      ctx.db,
      issued.map((s) => s.id),
    ),
  ]);
  const byName = (a: StatementSummary, b: StatementSummary) => a.member.name.localeCompare(b.member.name);
  return {
    month,
    currency: coop.currency,
    ended: ended(month, coop.timeZone, ctx.now()),
    issued: issued.map((s) => summary(s, names.get(s.member_id)!, counts.get(s.id) ?? 0)).sort(byName),
    drafts: open
      .map(([id, l]) => {
        const { lines: _lines, ...d } = draft(names.get(id)!, month, coop.currency, l, settings.taxBp);
        return { ...d, lines: l.length };
      })
      .sort(byName),
  };
}

/** Issues every statement of the month not yet issued, in one transaction; then tells the members. */
export async function closeMonth(ctx: Ctx, month: string): Promise<MonthStatements> {
  const coop = await readCoop(ctx.db);
  const members = await commit(ctx, 'money.changed', async (trx) => {
    if (!ended(month, coop.timeZone, ctx.now()))
      throw new AppError('RULE', `${formatMonth(month)} has not ended yet: its statements are issued once it has.`, { month: 'Not ended yet' });
    const have = new Set((await repo.statementsOf(trx, month)).map((s) => s.member_id));
    const open = [...(await monthLines(trx, monthRange(month, coop.timeZone), coop.timeZone)).entries()].filter(([id, l]) => !have.has(id) && billable(l));
    if (open.length === 0)
      throw new AppError(
        'CONFLICT',
        have.size > 0 ? `Every statement of ${formatMonth(month)} is issued.` : `Nobody has anything to pay for ${formatMonth(month)}.`,
      );
    const settings = await moneySettings(trx);
    const now = ctx.now().getTime();
    // numbered in the order of the members' names
    const names = await memberRefs(
      trx,
      open.map(([id]) => id),
    );
    open.sort(([a], [b]) => names.get(a)!.name.localeCompare(names.get(b)!.name) || a.localeCompare(b));
    const rows: StatementsTable[] = open.map(([memberId, lines], i) => ({
      id: newId(),
      number: settings.nextNumber + i,
      member_id: memberId,
      month,
      currency: coop.currency,
      ...(({ subtotal, taxBp, tax, total }) => ({ subtotal_minor: subtotal, tax_bp: taxBp, tax_minor: tax, total_minor: total }))(
        totals(lines, settings.taxBp),
      ),
      issued_at: now,
    }));
    await repo.insertStatements(trx, rows);
    await repo.insertLines(
      trx,
      rows.flatMap((row, i) =>
        open[i]![1].map((l, seq) => ({
          statement_id: row.id,
          seq,
          kind: l.kind,
          on_date: l.onDate,
          description: l.description,
          credits: l.credits,
          amount_minor: l.amountMinor,
        })),
      ),
    );
    await repo.putSettings(trx, { id: 1, tax_bp: settings.taxBp, next_number: settings.nextNumber + rows.length, updated_at: now });
    return rows.map((r) => r.member_id);
  });
  await notify(ctx, members, {
    kind: 'statement',
    title: `Your statement for ${formatMonth(month)} is ready`,
    body: 'See it under My plan.',
    href: '/money/mine',
  });
  return monthStatements(ctx, month);
}

/** An issued statement, or a member's draft of a month (their own only, unless staff). */
export async function getStatement(ctx: Ctx, actor: Actor, input: { id: string } | { memberId: string; month: string }): Promise<Statement> {
  const coop = await readCoop(ctx.db);
  if ('id' in input) {
    const row = await repo.statement(ctx.db, input.id);
    if (!row) throw notFound('The statement');
    requireSelf(actor, row.member_id, SELF);
    const [names, lines] = await Promise.all([memberRefs(ctx.db, [row.member_id]), repo.linesOf(ctx.db, row.id)]);
    return {
      ...summary(row, names.get(row.member_id)!, lines.length),
      lines: lines.map((l) => ({ kind: l.kind, onDate: l.on_date, description: l.description, credits: l.credits, amountMinor: l.amount_minor })),
    };
  }
  requireSelf(actor, input.memberId, SELF);
  // a member who has left still has their last months to bill
  const names = await memberRefs(ctx.db, [input.memberId]);
  if (!names.has(input.memberId)) throw notFound('The member');
  const issued = await repo.statementFor(ctx.db, input.memberId, input.month);
  if (issued) return getStatement(ctx, actor, { id: issued.id });
  const [lines, settings] = await Promise.all([
    monthLines(ctx.db, monthRange(input.month, coop.timeZone), coop.timeZone, input.memberId),
    moneySettings(ctx.db),
  ]);
  return draft(names.get(input.memberId)!, input.month, coop.currency, lines.get(input.memberId) ?? [], settings.taxBp);
}
