import type { BidStage, PlaceStatus } from '@shared/domain/bids';

/** The bids feature's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). */
export interface BidsTable {
  id: string;
  title: string;
  client: string;
  description: string;
  estimated_value_minor: number;
  final_value_minor: number | null;
  currency: string;
  deadline_at: number | null;
  delivery_start: string | null;
  delivery_end: string | null;
  source: 'member' | 'tender' | 'referral' | 'other';
  source_member_id: string | null;
  source_note: string;
  visibility: 'open' | 'team';
  stage: BidStage;
  lead_member_id: string | null;
  lessons: string;
  created_by_member_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface BidSkillsTable {
  bid_id: string;
  tag: string;
  days: number;
}

export interface BidTeamTable {
  bid_id: string;
  member_id: string;
  status: PlaceStatus;
  role: string;
  work_share: number; // basis points: 10000 = 100 %
  revenue_share: number;
  invited_at: number;
  responded_at: number | null;
}

export type BidActivityKind = 'created' | 'move' | 'go' | 'no-go' | 'note' | 'decision' | 'team' | 'outcome';

export interface BidActivityTable {
  id: string;
  bid_id: string;
  kind: BidActivityKind;
  from_stage: string | null;
  to_stage: string | null;
  text: string;
  agreed_by: string; // JSON member ids who agreed to a go/no-go
  actor_role: string;
  actor_member_id: string | null;
  at: number;
}

export interface BidTasksTable {
  id: string;
  bid_id: string;
  title: string;
  owner_member_id: string | null;
  due_date: string | null;
  done_at: number | null;
  created_at: number;
}

export interface BidDocumentsTable {
  id: string;
  bid_id: string;
  name: string;
  stored_name: string;
  size: number;
  added_by_member_id: string | null;
  added_at: number;
}

export interface RemindersSentTable {
  kind: string;
  last_date: string;
}

export interface BidsTables {
  bids: BidsTable;
  bid_skills: BidSkillsTable;
  bid_team: BidTeamTable;
  bid_activity: BidActivityTable;
  bid_tasks: BidTasksTable;
  bid_documents: BidDocumentsTable;
  reminders_sent: RemindersSentTable;
}
