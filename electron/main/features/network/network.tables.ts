import type { IntroOutcome, ReferralStatus, Warmth } from '@shared/domain/network';

/** The business network's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). Schema 8. */

/** A tag merged into another by the manager ("website design" → "web design"): matching reads the alias as the tag. */
export interface TagAliasesTable {
  alias: string;
  tag: string;
  created_at: number;
}

export interface IntroductionsTable {
  id: string;
  tag: string;
  needer_id: string;
  supplier_id: string;
  /** The member who made it (null: the desk). */
  by_member_id: string | null;
  needer_outcome: IntroOutcome;
  supplier_outcome: IntroOutcome;
  created_at: number;
  updated_at: number;
}

export interface ReferralsTable {
  id: string;
  giver_id: string;
  receiver_id: string;
  lead: string;
  need: string;
  warmth: Warmth;
  contact_given: number;
  created_at: number;
}

/**
 * A referral's movements, in order (`seq`): where it stands is its last one, and a won one carries
 * the business's value. Who gave and received it are copied onto each movement so that balances
 * are sums over this one table.
 */
export interface ReferralMovesTable {
  referral_id: string;
  seq: number;
  giver_id: string;
  receiver_id: string;
  status: ReferralStatus;
  on_date: string;
  value_minor: number | null;
  by_member_id: string | null;
  at: number;
}

export interface TradesTable {
  id: string;
  buyer_id: string;
  seller_id: string;
  what: string;
  sector: string;
  value_minor: number;
  on_date: string;
  at: number;
}

export interface ExchangesTable {
  id: string;
  giver_id: string;
  receiver_id: string;
  minutes: number;
  what: string;
  on_date: string;
  state: 'pending' | 'confirmed' | 'declined';
  /** The member who wrote it down (null: the desk, for a member not using the portal). */
  recorded_by: string | null;
  at: number;
  answered_at: number | null;
}

export interface NetworkSettingsTable {
  id: number;
  min_hours: number | null;
  max_hours: number | null;
}

/** How many members hold a tag as written (schema 15, kept by triggers; derived, never exported). */
export interface TagCountsTable {
  tag: string;
  kind: 'offers' | 'needs';
  /** Current members: not archived, not left. */
  current_n: number;
  /** Current members listed in the directory. */
  listed_n: number;
}

export interface NetworkTables {
  tag_counts: TagCountsTable;
  tag_aliases: TagAliasesTable;
  introductions: IntroductionsTable;
  referrals: ReferralsTable;
  referral_moves: ReferralMovesTable;
  trades: TradesTable;
  exchanges: ExchangesTable;
  network_settings: NetworkSettingsTable;
}
