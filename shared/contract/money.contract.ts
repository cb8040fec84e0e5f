import * as z from 'zod';
import { command, contractPart, query } from './common';
import { byId, empty, id, isoDate } from './fields';
import type { MemberRef } from './network.contract';

/** Money at cost: plans and each member's plan over time; the co-op's real costs shared among members. */

export const COST_CATEGORIES = ['rent', 'utilities', 'insurance', 'cleaning', 'equipment', 'other'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export const COST_CATEGORY_WORDS: Record<CostCategory, string> = {
  rent: 'Rent',
  utilities: 'Utilities',
  insurance: 'Insurance',
  cleaning: 'Cleaning',
  equipment: 'Equipment',
  other: 'Other',
};
export const SPLITS = ['usage', 'equal', 'weight'] as const;
export type Split = (typeof SPLITS)[number];
export const SPLIT_WORDS: Record<Split, string> = {
  usage: 'by use of the premises (hours booked)',
  equal: 'equally among members (by days on a plan)',
  weight: 'by plan weight',
};

export interface Plan {
  id: string;
  name: string;
  /** A month's price in minor units; 0 is a free (community) membership. */
  priceMinor: number;
  deskDays: number;
  roomHours: number;
  resourceHours: number;
  /** Off the rates of what is booked beyond the included credits. */
  discountPct: number;
  /** Its share in costs split by plan weight. */
  weight: number;
  /** The bookables its credits and discount cover; empty: all of them. */
  bookableIds: string[];
  archived: boolean;
  /** Members on it today. */
  members: number;
}

export type PlanPeriodState = 'active' | 'paused';

export interface PlanPeriod {
  id: string;
  plan: { id: string; name: string };
  state: PlanPeriodState;
  startsOn: string;
  /** The last day, inclusive; null while it goes on. */
  endsOn: string | null;
}

export interface MemberPlan {
  memberId: string;
  currency: string;
  /** The period today falls in, if any. */
  current: (PlanPeriod & { priceMinor: number; deskDays: number; roomHours: number; resourceHours: number }) | null;
  history: PlanPeriod[];
  /** This month: the plan's price for the days on it, and the member's share of the co-op's real costs. */
  month: { month: string; pays: number; share: number };
}

export interface Cost {
  id: string;
  month: string;
  category: CostCategory;
  label: string;
  amountMinor: number;
  split: Split;
  /** A split by use with nobody having booked is shared equally, and says so. */
  fellBackToEqual: boolean;
}

export interface CostMonth {
  month: string;
  currency: string;
  costs: Cost[];
  /** What members on plans pay this month (prorated by days). */
  income: number;
  total: number;
  /** Income less costs: positive a surplus, negative a deficit. */
  surplus: number;
  /** Each member on a plan this month: what they pay beside their share of the real costs. */
  members: { member: MemberRef; plan: string; pays: number; share: number }[];
}

export const STATEMENT_LINE_KINDS = ['plan', 'usage', 'day-pass', 'event', 'adjustment'] as const;
export type StatementLineKind = (typeof STATEMENT_LINE_KINDS)[number];
export const PAYMENT_METHODS = ['transfer', 'cash', 'card'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_WORDS: Record<PaymentMethod, string> = { transfer: 'Bank transfer', cash: 'Cash', card: 'Card' };

export interface StatementLine {
  kind: StatementLineKind;
  /** The day it is for (a plan's line: the first day of its period in the month). */
  onDate: string;
  description: string;
  /** What the plan covered, in words ("1.5 of your 8 room hours left"); empty where nothing. */
  credits: string;
  amountMinor: number;
}

/** A member's month: issued (numbered, never changed again) or, before the month is closed, a draft. */
export interface Statement {
  /** Null on a draft. */
  id: string | null;
  /** "2026-0007"; null on a draft. */
  number: string | null;
  member: MemberRef;
  month: string;
  currency: string;
  lines: StatementLine[];
  subtotal: number;
  /** Basis points: 2000 is 20%. */
  taxBp: number;
  tax: number;
  total: number;
  issuedAt: string | null;
}

export type StatementSummary = Omit<Statement, 'lines'> & { lines: number };

export interface MonthStatements {
  month: string;
  currency: string;
  /** The month has ended in the co-op's zone: its statements may be issued. */
  ended: boolean;
  issued: StatementSummary[];
  /** Members with something to bill and no statement yet: what closing the month would issue. */
  drafts: StatementSummary[];
}

export interface Payment {
  id: string;
  member: MemberRef;
  paidOn: string;
  amountMinor: number;
  method: PaymentMethod;
  reference: string;
}

export interface Adjustment {
  id: string;
  member: MemberRef;
  month: string;
  description: string;
  amountMinor: number;
}

/** What a member was billed and paid; `owes` is billed less paid (negative: in credit). */
export interface Balance {
  member: MemberRef;
  billed: number;
  paid: number;
  owes: number;
}

export interface MemberAccount {
  memberId: string;
  currency: string;
  statements: StatementSummary[];
  payments: Payment[];
  /** Adjustments not yet on a statement. */
  adjustments: Adjustment[];
  balance: Balance;
}

export interface MoneySettings {
  taxBp: number;
  /** The number the next statement gets. */
  nextNumber: number;
}

export const month = z.string({ error: 'Choose a month' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month such as 2027-03');
const count = (label: string) =>
  z
    .number({ error: `Enter ${label}` })
    .int('A whole number')
    .min(0, 'Cannot be negative')
    .max(10_000, 'Too many');

export const planInput = z.object({
  id: id.nullable().default(null),
  name: z.string({ error: 'Enter a name' }).trim().min(1, 'Enter a name').max(80, 'Too long (at most 80 characters)'),
  priceMinor: z.number({ error: 'Enter a price' }).int('Whole cents').min(0, 'A price cannot be negative').max(100_000_000, 'Too large'),
  deskDays: count('desk days'),
  roomHours: count('room hours'),
  resourceHours: count('resource hours'),
  discountPct: z.number({ error: 'Enter a share' }).int('Whole per cent').min(0, 'Cannot be negative').max(100, 'At most 100%'),
  weight: z.number({ error: 'Enter a weight' }).int('A whole number').min(0, 'Cannot be negative').max(100, 'At most 100'),
  bookableIds: z.array(id).max(1000, 'Too many').default([]),
  archived: z.boolean().default(false),
});

// a month's statement reads bookings, day passes, events and members: their changes refresh money's screens too
export const moneyContract = contractPart(
  'money',
  'Plans and costs',
  ['money.changed', 'bookings.changed', 'frontdesk.changed', 'events.changed', 'members.changed'],
  {
    'money.plans': query<Plan[]>()(empty, 'member'),
    'money.savePlan': command<Plan[]>()(planInput, 'manager', { audit: 'saved a plan' }),
    'money.memberPlan': query<MemberPlan>()(z.object({ memberId: id.nullable().default(null) }), 'member'),
    /** A member's plan from a day: started (or changed to another), paused, resumed, or ended (the last day). */
    'money.changePlan': command<MemberPlan>()(
      z
        .object({
          memberId: id,
          action: z.enum(['start', 'pause', 'resume', 'end'], { error: 'Start, pause, resume or end' }),
          planId: id.nullable().default(null),
          on: isoDate,
        })
        .refine((c) => c.action !== 'start' || c.planId !== null, { message: 'Choose the plan', path: ['planId'] }),
      'manager',
      { audit: 'changed the plan of' },
    ),
    'money.costs': query<CostMonth>()(z.object({ month }), 'manager'),
    'money.addCost': command<CostMonth>()(
      z.object({
        month,
        category: z.enum(COST_CATEGORIES, { error: 'Choose what kind of cost' }),
        label: z.string().trim().max(120, 'Too long (at most 120 characters)').default(''),
        amountMinor: z.number({ error: 'Enter an amount' }).int('Whole cents').min(1, 'Enter an amount above zero').max(1_000_000_000, 'Too large'),
        split: z.enum(SPLITS, { error: 'Choose how it is shared' }),
      }),
      'manager',
      { audit: 'entered a cost of the premises' },
    ),
    'money.removeCost': command<CostMonth>()(byId, 'manager', { audit: 'removed a cost of the premises' }),
    'money.statements': query<MonthStatements>()(z.object({ month }), 'manager'),
    /** Issues the month's statements: numbered, then never changed. Refused before the month has ended. */
    'money.closeMonth': command<MonthStatements>()(z.object({ month }), 'manager', { audit: 'closed the month and issued statements' }),
    /** An issued statement by id, or a member's draft for a month. */
    'money.statement': query<Statement>()(
      z.union([z.object({ id }), z.object({ memberId: id, month })], { error: 'Choose a statement, or a member and a month' }),
      'member',
    ),
    'money.statementFile': query<{ filename: string; base64: string }>()(z.object({ id, format: z.enum(['pdf', 'csv'], { error: 'PDF or CSV' }) }), 'member'),
    'money.account': query<MemberAccount>()(z.object({ memberId: id.nullable().default(null) }), 'member'),
    'money.owing': query<{ currency: string; balances: Balance[] }>()(empty, 'manager'),
    'money.recordPayment': command<MemberAccount>()(
      z.object({
        memberId: id,
        paidOn: isoDate,
        amountMinor: z.number({ error: 'Enter an amount' }).int('Whole cents').min(1, 'A payment is more than zero').max(1_000_000_000, 'Too large'),
        method: z.enum(PAYMENT_METHODS, { error: 'Bank transfer, cash or card' }),
        reference: z.string().trim().max(120, 'Too long (at most 120 characters)').default(''),
      }),
      'manager',
      { audit: 'recorded a payment from' },
    ),
    /** A correction or a credit (negative) on a month's statement not yet issued. */
    'money.addAdjustment': command<MemberAccount>()(
      z.object({
        memberId: id,
        month,
        description: z.string({ error: 'Say what it is for' }).trim().min(1, 'Say what it is for').max(200, 'Too long (at most 200 characters)'),
        amountMinor: z
          .number({ error: 'Enter an amount' })
          .int('Whole cents')
          .min(-1_000_000_000, 'Too large')
          .max(1_000_000_000, 'Too large')
          .refine((n) => n !== 0, 'Enter an amount other than zero'),
      }),
      'manager',
      { audit: 'added an adjustment for' },
    ),
    'money.settings': query<MoneySettings>()(empty, 'manager'),
    'money.saveSettings': command<MoneySettings>()(
      z.object({
        taxBp: z.number({ error: 'Enter a tax rate' }).int('Whole hundredths of a per cent').min(0, 'Cannot be negative').max(10_000, 'At most 100%'),
      }),
      'manager',
      { audit: 'changed the tax rate' },
    ),
    /** Statement lines and payments of the months `from`..`to`, as CSV an accountant imports. */
    'money.accountingExport': query<{ filename: string; csv: string }>()(
      z.object({ from: month, to: month }).refine((r) => r.from <= r.to, { message: 'The last month comes after the first', path: ['to'] }),
      'manager',
    ),
  },
);
