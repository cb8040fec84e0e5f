/** The frontdesk feature's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). */
export interface VisitorsTable {
  id: string;
  site_id: string;
  name: string;
  company: string;
  host_member_id: string;
  expected_at: number;
  arrived_at: number | null;
  left_at: number | null;
  created_at: number;
}

export interface DayPassesTable {
  id: string;
  site_id: string;
  date: string;
  name: string;
  member_id: string | null;
  price_minor: number;
  currency: string;
  paid: number;
  created_at: number;
  /** Schema 14: its price on the co-op's list, and the desk seat it holds for the day (null on passes sold before). */
  price_id: string | null;
  booking_id: string | null;
}

/** Schema 14: the co-op's price list of day passes. */
export interface DayPassPricesTable {
  id: string;
  name: string;
  price_minor: number;
  archived_at: number | null;
  created_at: number;
}

export interface FrontdeskTables {
  visitors: VisitorsTable;
  day_pass_prices: DayPassPricesTable;
  day_passes: DayPassesTable;
}
