/** The auth feature's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). */
export interface AccessGuardsTable {
  scope: 'pin' | 'manager-password' | 'client';
  /** The account (a member's id, or what was typed when nobody matched; 'manager') or the client. */
  key: string;
  failures: number;
  locked_until: number | null;
  updated_at: number;
}

export interface CredentialsTable {
  member_id: string;
  pin_hash: string; // scrypt, see features/auth/secrets.service.ts
  failed_pins: number;
  locked_until: number | null;
  updated_at: number;
}

export interface AppSecretsTable {
  key: string; // 'manager-password'
  hash: string;
  updated_at: number;
}

export interface AuthTables {
  credentials: CredentialsTable;
  access_guards: AccessGuardsTable;
  app_secrets: AppSecretsTable;
}
