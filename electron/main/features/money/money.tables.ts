import type { CostCategory, PaymentMethod, PlanPeriodState, Split, StatementLineKind } from '@shared/contract/money.contract';

/** Money's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). Schemas 13 and 14. */

export interface PlansTable {
  id: string;
  name: string;
  price_minor: number;
  desk_days: number;
  room_hours: number;
  resource_hours: number;
  discount_pct: number;
  weight: number;
  archived_at: number | null;
  created_at: number;
  updated_at: number;
}

/** A member's plan over time: one period at a time, from a day to its last day (null: open). */
export interface MemberPlansTable {
  id: string;
  member_id: string;
  plan_id: string;
  state: PlanPeriodState;
  starts_on: string;
  ends_on: string | null;
  created_at: number;
}

export interface CostsTable {
  id: string;
  month: string;
  category: CostCategory;
  label: string;
  amount_minor: number;
  split: Split;
  created_at: number;
}

/** Schema 14: the tax rate (basis points) and the next statement number; one row, absent until first used. */
export interface MoneySettingsTable {
  id: 1;
  tax_bp: number;
  next_number: number;
  updated_at: number;
}

/** Issued once, never changed: a correction is an adjustment on a later statement. */
export interface StatementsTable {
  id: string;
  number: number;
  member_id: string;
  month: string;
  currency: string;
  subtotal_minor: number;
  tax_bp: number;
  tax_minor: number;
  total_minor: number;
  issued_at: number;
}

export interface StatementLinesTable {
  statement_id: string;
  seq: number;
  kind: StatementLineKind;
  on_date: string;
  description: string;
  credits: string;
  amount_minor: number;
}

export interface AdjustmentsTable {
  id: string;
  member_id: string;
  month: string;
  description: string;
  amount_minor: number;
  created_at: number;
}

export interface PaymentsTable {
  id: string;
  member_id: string;
  paid_on: string;
  amount_minor: number;
  method: PaymentMethod;
  reference: string;
  created_at: number;
}

/** Schema 14: the bookables a plan's credits and discount cover; a plan with none listed covers all. */
export interface PlanBookablesTable {
  plan_id: string;
  bookable_id: string;
}

export interface MoneyTables {
  plans: PlansTable;
  member_plans: MemberPlansTable;
  costs: CostsTable;
  plan_bookables: PlanBookablesTable;
  money_settings: MoneySettingsTable;
  statements: StatementsTable;
  statement_lines: StatementLinesTable;
  adjustments: AdjustmentsTable;
  payments: PaymentsTable;
}
