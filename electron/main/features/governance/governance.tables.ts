import type { Outcome, ProposalKind, Threshold } from '@shared/domain/governance';
import type { ProposalState } from '@shared/contract/governance.contract';

/** Governance's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). Schema 12. */

export interface ProposalsTable {
  id: string;
  number: number;
  title: string;
  body: string;
  kind: ProposalKind;
  proposer_id: string | null;
  state: ProposalState;
  secret: number;
  quorum_pct: number;
  threshold: Threshold;
  seats: number;
  max_choices: number;
  elects_guardians: number;
  rules_text: string | null;
  opens_at: number;
  closes_at: number;
  opened_at: number | null;
  closed_at: number | null;
  reminded_at: number | null;
  /** What owners were told of: 0 nothing yet, 1 that voting opened, 2 the result. */
  announced: number;
  eligible: number | null;
  outcome: Outcome | null;
  result: string | null;
  created_at: number;
  updated_at: number;
}

export interface ProposalOptionsTable {
  id: string;
  proposal_id: string;
  position: number;
  label: string;
  member_id: string | null;
}

export interface ProposalCommentsTable {
  id: string;
  proposal_id: string;
  member_id: string | null;
  body: string;
  amendment: string | null;
  amendment_state: 'open' | 'accepted' | 'declined' | null;
  created_at: number;
}

/** The voter list frozen when voting opens, with who voted and who cast it — never what. */
export interface ProposalVotersTable {
  proposal_id: string;
  member_id: string;
  voted_at: number | null;
  cast_by: string | null;
}

export interface BallotsTable {
  proposal_id: string;
  voter_id: string;
  choices: string;
}

/** A secret ballot: its receipt and what was voted; no voter, no time. */
export interface SecretBallotsTable {
  receipt: string;
  proposal_id: string;
  choices: string;
}

/** While voting is open only: which receipt is whose, so that a voter may change their ballot. */
export interface SecretLinksTable {
  proposal_id: string;
  voter_id: string;
  receipt: string;
}

export interface ProxiesTable {
  id: string;
  grantor_id: string;
  holder_id: string;
  proposal_id: string | null;
  created_at: number;
  revoked_at: number | null;
}

export interface ProposalReferralsTable {
  id: string;
  proposal_id: string;
  guardian_id: string;
  reasons: string;
  threshold_from: Threshold;
  threshold_to: Threshold;
  created_at: number;
}

export interface CoopRulesTable {
  version: number;
  text: string;
  proposal_id: string | null;
  adopted_at: number;
}

export interface GovernanceSettingsTable {
  id: number;
  quorum_pct: number;
  threshold: Threshold;
  proxy_cap: number;
  paused_may_vote: number;
  voting_days: number;
}

export interface GovernanceTables {
  proposals: ProposalsTable;
  proposal_options: ProposalOptionsTable;
  proposal_comments: ProposalCommentsTable;
  proposal_voters: ProposalVotersTable;
  ballots: BallotsTable;
  secret_ballots: SecretBallotsTable;
  secret_links: SecretLinksTable;
  proxies: ProxiesTable;
  proposal_referrals: ProposalReferralsTable;
  coop_rules: CoopRulesTable;
  governance_settings: GovernanceSettingsTable;
}
