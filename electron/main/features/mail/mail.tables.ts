/** The mail feature's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). */
/** The co-op's own mail server; on this machine only (its password is a secret). */
export interface MailSettingsTable {
  id: number;
  host: string;
  port: number;
  secure: number;
  username: string;
  password: string;
  sender: string;
  updated_at: number;
}

export interface MailTables {
  mail_settings: MailSettingsTable;
}
