/** The settings feature's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). */
export interface CoopTable {
  id: number; // always 1: the co-op this database belongs to
  name: string;
  currency: string;
  time_zone: string;
  ownership_months: number;
  created_at: number;
  updated_at: number;
}

export interface SettingsTables {
  coop: CoopTable;
}
