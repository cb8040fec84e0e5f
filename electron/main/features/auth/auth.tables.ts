/** The auth feature's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). */
export interface AccessGuardsTable {
  scope: 'pin' | 'password' | 'client';
  /** A member's id for a PIN (or what was typed when nobody matched), `account@screen` for a password, or the client. */
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

/** A person who signs in: staff (manager, front desk) or a member (her role comes from the register). */
export interface AccountsTable {
  id: string;
  kind: 'staff' | 'member';
  member_id: string | null;
  name: string;
  email: string;
  role: 'manager' | 'frontdesk' | 'member';
  disabled_at: number | null;
  /** Raised by "sign out everywhere": sessions from before it end. */
  session_epoch: number;
  last_sign_in_at: number | null;
  created_at: number;
  updated_at: number;
}

/** On this machine only (backups hold them; exports never). */
export interface AccountPasswordsTable {
  account_id: string;
  hash: string; // scrypt
  updated_at: number;
}

/** One-time sign-in codes: only their SHA-256, single use, expiring. */
export interface SignInCodesTable {
  code_hash: string;
  account_id: string;
  purpose: 'invite' | 'reset';
  expires_at: number;
  used_at: number | null;
  created_at: number;
}

export interface AuthTables {
  credentials: CredentialsTable;
  access_guards: AccessGuardsTable;
  accounts: AccountsTable;
  account_passwords: AccountPasswordsTable;
  sign_in_codes: SignInCodesTable;
}
