import type { BidStage, PlaceStatus } from '@shared/domain/bids';

/** Table types for Kysely. Instants are INTEGER ms since the epoch (UTC); dates are TEXT YYYY-MM-DD. */

export interface CoopTable {
  id: number; // always 1: the co-op this database belongs to
  name: string;
  currency: string;
  time_zone: string;
  ownership_months: number;
  created_at: number;
  updated_at: number;
}

export interface SitesTable {
  id: string;
  name: string;
  address: string;
  time_zone: string;
  booking_rules: string; // JSON BookingRules: the site's defaults
  created_at: number;
  updated_at: number;
}

export interface SiteHoursTable {
  site_id: string;
  weekday: number; // 1 = Monday … 7 = Sunday (ISO)
  opens: string | null; // 'HH:MM' in the site's zone; null = closed all day
  closes: string | null;
}

export interface MembersTable {
  id: string;
  number: number;
  name: string;
  email: string;
  phone: string;
  business_name: string;
  business_description: string;
  website: string;
  member_since: string;
  status: 'active' | 'paused' | 'left';
  role: 'member' | 'manager' | 'guardian';
  notes: string;
  /** 1: email and phone are shown to other members (schema 5). */
  share_contact: number;
  archived_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface MemberTagsTable {
  member_id: string;
  kind: 'offers' | 'needs';
  tag: string;
}

export interface SiteClosuresTable {
  site_id: string;
  date: string;
  reason: string;
}

export interface BookablesTable {
  id: string;
  site_id: string;
  kind: 'desk' | 'room' | 'resource';
  name: string;
  description: string;
  capacity: number;
  features: string; // JSON string[]
  hourly_rate_minor: number;
  owner_member_id: string | null;
  rule_overrides: string; // JSON Partial<BookingRules>
  retired_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface BookingSeriesTable {
  id: string;
  bookable_id: string;
  member_id: string | null;
  recurrence: string; // JSON Recurrence
  created_at: number;
}

/** The longest occupancy each bookable has had, kept by triggers; bounds interval scans. */
export interface BookableSpansTable {
  bookable_id: string;
  longest_ms: number;
}

export type BookingStatus = 'pending' | 'confirmed' | 'cancelled' | 'released' | 'declined';

export interface BookingsTable {
  id: string;
  bookable_id: string;
  member_id: string | null;
  guest_name: string;
  title: string;
  quantity: number; // people in a room; desks or items taken otherwise
  units: number; // what the booking holds of the bookable: 1 for a room (taken whole), else quantity
  start_ms: number;
  end_ms: number;
  occ_start_ms: number; // start minus the buffer before
  occ_end_ms: number; // end plus the buffer after
  status: BookingStatus;
  series_id: string | null;
  price_minor: number;
  currency: string;
  checked_in_at: number | null;
  cancelled_at: number | null;
  cancelled_by: string | null;
  cancel_reason: string;
  cutoff_overridden: number;
  created_at: number;
  updated_at: number;
}

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
  pin_hash: string; // scrypt, see features/auth/secrets.ts
  failed_pins: number;
  locked_until: number | null;
  updated_at: number;
}

export interface AppSecretsTable {
  key: string; // 'manager-password'
  hash: string;
  updated_at: number;
}

export interface PresenceTable {
  id: string;
  member_id: string;
  site_id: string;
  checked_in_at: number;
  checked_out_at: number | null;
}

export interface VisitorsTable {
  id: string;
  site_id: string;
  name: string;
  company: string;
  host_member_id: string;
  expected_at: number;
  arrived_at: number | null;
  left_at: number | null;
  created_at: number;
}

export interface DayPassesTable {
  id: string;
  site_id: string;
  date: string;
  name: string;
  member_id: string | null;
  price_minor: number;
  currency: string;
  paid: number;
  created_at: number;
}

export interface AuditLogTable {
  id: string;
  at: number;
  actor_role: string;
  actor_member_id: string | null;
  channel: string;
  record_id: string | null;
  details: string; // JSON of the input, secrets removed
}

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

export interface DB {
  coop: CoopTable;
  sites: SitesTable;
  site_hours: SiteHoursTable;
  members: MembersTable;
  member_tags: MemberTagsTable;
  site_closures: SiteClosuresTable;
  bookables: BookablesTable;
  booking_series: BookingSeriesTable;
  bookings: BookingsTable;
  bookable_spans: BookableSpansTable;
  credentials: CredentialsTable;
  access_guards: AccessGuardsTable;
  app_secrets: AppSecretsTable;
  presence: PresenceTable;
  visitors: VisitorsTable;
  day_passes: DayPassesTable;
  audit_log: AuditLogTable;
  bids: BidsTable;
  bid_skills: BidSkillsTable;
  bid_team: BidTeamTable;
  bid_activity: BidActivityTable;
  bid_tasks: BidTasksTable;
  bid_documents: BidDocumentsTable;
  reminders_sent: RemindersSentTable;
}
