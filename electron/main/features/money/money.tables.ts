import type { CostCategory, PlanPeriodState, Split } from '@shared/contract/money.contract';

/** Money's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). Schema 13. */

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

export interface MoneyTables {
  plans: PlansTable;
  member_plans: MemberPlansTable;
  costs: CostsTable;
}
