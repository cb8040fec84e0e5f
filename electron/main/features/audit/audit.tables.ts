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

/** A command already carried out for a caller under an idempotency key, with its answer (schema 7; on this machine only). */
export interface CommandReplaysTable {
  /** The account, the member or the client address that sent it. */
  caller: string;
  key: string;
  channel: string;
  /** SHA-256 of the channel and its validated input: the same key with other content is refused. */
  input_hash: string;
  /** The answer given, JSON. */
  result: string;
  created_at: number;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  command_replays: CommandReplaysTable;
}
