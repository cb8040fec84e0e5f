/** The audit feature's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). */
export interface AuditLogTable {
  id: string;
  at: number;
  actor_role: string;
  actor_member_id: string | null;
  actor_account_id: string | null;
  /** Who acted, as named then ("Kasia Nowak"); empty for the app itself and the desk before accounts. */
  actor_name: string;
  channel: string;
  record_id: string | null;
  details: string; // JSON of the input, secrets removed
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
