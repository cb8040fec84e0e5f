/** The presence feature's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). */
export interface PresenceTable {
  id: string;
  member_id: string;
  site_id: string;
  checked_in_at: number;
  checked_out_at: number | null;
}

export interface PresenceTables {
  presence: PresenceTable;
}
