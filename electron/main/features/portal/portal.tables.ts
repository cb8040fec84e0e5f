/** The portal feature's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). */
/** How the member portal is served; on this machine only (its key is a secret). */
export interface PortalSettingsTable {
  id: number;
  enabled: number;
  address: string;
  port: number;
  cert_pem: string;
  key_pem: string;
  /** 1: the co-op's own certificate; 0: one the app made for itself. */
  own_cert: number;
  updated_at: number;
}

/** A member's private calendar subscription link: only its hash is kept. */
export interface CalendarFeedsTable {
  member_id: string;
  token_hash: string;
  created_at: number;
  last_read_at: number | null;
}

export interface PortalTables {
  portal_settings: PortalSettingsTable;
  calendar_feeds: CalendarFeedsTable;
}
