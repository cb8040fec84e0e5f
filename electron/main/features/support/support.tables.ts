import type { CheckinKind, CommitmentState, HelpHow, HelpKind, HelpState } from '@shared/domain/support';

/** Mutual support's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). Schema 9. */

export interface HelpRequestsTable {
  id: string;
  asker_id: string;
  kind: HelpKind;
  text: string;
  here_today: number;
  state: HelpState;
  helper_id: string | null;
  how: HelpHow | null;
  /** How many members were told when it was asked. */
  told: number;
  created_at: number;
  claimed_at: number | null;
  resolved_at: number | null;
  thanks: string | null;
  raised_at: number | null;
}

export interface HelpRequestSkillsTable {
  request_id: string;
  tag: string;
}

export interface MentorOffersTable {
  member_id: string;
  hours_per_month: number;
  note: string;
  active: number;
  updated_at: number;
}

export interface MentorRequestsTable {
  member_id: string;
  about: string;
  active: number;
  created_at: number;
  updated_at: number;
}

/** The skills of a mentor's offer (`mentor`) or of a request for a mentor (`mentee`). */
export interface MentoringSkillsTable {
  member_id: string;
  side: 'mentor' | 'mentee';
  tag: string;
}

export interface MentorPairsTable {
  id: string;
  mentor_id: string;
  mentee_id: string;
  about: string;
  hours_per_month: number;
  starts_on: string;
  ends_on: string;
  mentor_agreed: number;
  mentee_agreed: number;
  state: 'proposed' | 'active' | 'declined' | 'ended';
  ended_on: string | null;
  proposed_by: string | null;
  created_at: number;
  updated_at: number;
}

/** A meeting of a pair; its notes are the pair's only. */
export interface MentorMeetingsTable {
  id: string;
  pair_id: string;
  on_date: string;
  minutes: number;
  notes: string;
  by_member_id: string;
  at: number;
}

export interface CommitmentsTable {
  id: string;
  member_id: string;
  text: string;
  due_on: string;
  state: CommitmentState;
  created_at: number;
  /** When the reminder before the due date went out. */
  reminded_at: number | null;
  /** When the partners were nudged about a miss. */
  nudged_at: number | null;
  closed_on: string | null;
}

export interface CommitmentPartnersTable {
  commitment_id: string;
  partner_id: string;
}

export interface CommitmentCheckinsTable {
  id: string;
  commitment_id: string;
  kind: CheckinKind;
  note: string;
  on_date: string;
  at: number;
}

export interface SupportSettingsTable {
  id: number;
  raise_after_minutes: number;
}

export interface SupportTables {
  help_requests: HelpRequestsTable;
  help_request_skills: HelpRequestSkillsTable;
  mentor_offers: MentorOffersTable;
  mentor_requests: MentorRequestsTable;
  mentoring_skills: MentoringSkillsTable;
  mentor_pairs: MentorPairsTable;
  mentor_meetings: MentorMeetingsTable;
  commitments: CommitmentsTable;
  commitment_partners: CommitmentPartnersTable;
  commitment_checkins: CommitmentCheckinsTable;
  support_settings: SupportSettingsTable;
}
