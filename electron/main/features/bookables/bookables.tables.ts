/** The bookables feature's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). */
export interface BookablesTable {
  id: string;
  site_id: string;
  kind: 'desk' | 'room' | 'resource';
  name: string;
  description: string;
  capacity: number;
  features: string; // JSON string[]
  hourly_rate_minor: number;
  owner_member_id: string | null;
  rule_overrides: string; // JSON Partial<BookingRules>
  retired_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface BookablesTables {
  bookables: BookablesTable;
}
