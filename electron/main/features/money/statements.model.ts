import type { StatementLine } from '@shared/contract/money.contract';
import { formatIsoDate } from '@shared/domain/dates';
import { daysInMonth, hoursOf, prorate, taxOn } from '@shared/domain/money';
import { zonedInstant, zonedMonthRange, zonedParts } from '@shared/domain/zoned';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { chargedBetween } from '../bookings';
import { feesBetween } from '../events';
import { memberPassesBetween } from '../frontdesk';
import * as repo from './money.repository';
import * as statements from './statements.repository';

/**
 * A month's statement lines, per member, from what happened in it: the plan prorated by calendar
 * days in the co-op's zone (joining, changing or leaving mid-month), bookings beyond the plan's
 * credits (with the credits they used), day passes, paid events the member went to, and adjustments. Issuing
 * writes exactly these lines; a draft is the same lines before the month is closed.
 */

export interface MonthRange {
  month: string;
  first: string;
  last: string;
  from: number;
  to: number;
}

export function monthRange(month: string, zone: string): MonthRange {
  const r = zonedMonthRange(month, zone);
  return { month, first: r.first, last: r.last, from: r.start, to: r.end };
}

const hours = (minutes: number) => `${hoursOf(minutes)} h`;
const CREDIT_WORDS = {
  desk: (n: number) => `${n} desk day${n === 1 ? '' : 's'}`,
  room: (n: number) => `${hours(n)} of room hours`,
  resource: (n: number) => `${hours(n)} of resource hours`,
};
const STATUS_WORDS: Record<string, string> = { released: ' (no-show)', cancelled: ' (cancelled after the cut-off)' };

/** Lines per member for the month (every member with any, or one); members' lines in date order, the plan first. */
export async function monthLines(db: Kysely<DB>, range: MonthRange, zone: string, memberId?: string): Promise<Map<string, StatementLine[]>> {
  const [periods, bookings, fees, passes, adjustments] = await Promise.all([
    repo.periodsIn(db, range.first, range.last, memberId),
    chargedBetween(db, range.from, range.to, memberId),
    feesBetween(db, range.from, range.to, memberId),
    memberPassesBetween(db, range.first, range.last, memberId),
    statements.adjustmentsIn(db, range.month, memberId),
  ]);
  const days = daysInMonth(range.month);
  const out = new Map<string, StatementLine[]>();
  const add = (member: string, line: StatementLine) => {
    const lines = out.get(member) ?? [];
    lines.push(line);
    out.set(member, lines);
  };
  for (const p of periods.sort((a, b) => a.starts_on.localeCompare(b.starts_on))) {
    if (p.state !== 'active') continue;
    const first = p.starts_on < range.first ? range.first : p.starts_on;
    const last = p.ends_on === null || p.ends_on > range.last ? range.last : p.ends_on;
    const amount = prorate(p.price_minor, Number(first.slice(8)), Number(last.slice(8)), days);
    const whole = first === range.first && last === range.last;
    add(p.member_id, {
      kind: 'plan',
      onDate: first,
      description: whole ? `${p.name} plan` : `${p.name} plan, ${formatIsoDate(first)} to ${formatIsoDate(last)}`,
      credits: '',
      amountMinor: amount,
    });
  }
  const dated: { member: string; at: number; line: StatementLine }[] = [];
  for (const b of bookings) {
    const from = zonedParts(b.startMs, zone);
    const to = zonedParts(b.endMs, zone);
    dated.push({
      member: b.memberId,
      at: b.startMs,
      line: {
        kind: 'usage',
        onDate: from.date,
        description: `${b.bookableName}, ${formatIsoDate(from.date)} ${from.time}–${to.time}${STATUS_WORDS[b.status] ?? ''}`,
        credits: b.creditsUsed > 0 ? `${CREDIT_WORDS[b.kind](b.creditsUsed)} from the plan` : '',
        amountMinor: b.priceMinor,
      },
    });
  }
  for (const p of passes) {
    const at = zonedInstant(p.date, '00:00', zone);
    dated.push({
      member: p.memberId,
      at,
      line: { kind: 'day-pass', onDate: p.date, description: `${p.name}, ${formatIsoDate(p.date)}`, credits: '', amountMinor: p.priceMinor },
    });
  }
  for (const f of fees) {
    const on = zonedParts(f.startsAt, zone).date;
    dated.push({
      member: f.memberId,
      at: f.startsAt,
      line: { kind: 'event', onDate: on, description: `${f.title}, ${formatIsoDate(on)}`, credits: '', amountMinor: f.priceMinor },
    });
  }
  for (const a of adjustments)
    // adjustments last, in the order they were entered
    dated.push({
      member: a.member_id,
      at: range.to + a.created_at,
      line: { kind: 'adjustment', onDate: range.last, description: a.description, credits: '', amountMinor: a.amount_minor },
    });
  for (const d of dated.sort((a, b) => a.at - b.at)) add(d.member, d.line);
  return out;
}

/** What lines come to: the subtotal, the tax on it at the co-op's rate, the total. */
export function totals(lines: readonly StatementLine[], taxBp: number) {
  const subtotal = lines.reduce((s, l) => s + l.amountMinor, 0);
  const tax = taxOn(subtotal, taxBp);
  return { subtotal, taxBp, tax, total: subtotal + tax };
}

/** A statement is issued for a member whose month has anything to pay or credit. */
export const billable = (lines: readonly StatementLine[]) => lines.some((l) => l.amountMinor !== 0);

export const statementNumber = (n: number) => String(n).padStart(5, '0');
