import type { EventKind, EventState, RsvpState } from '@shared/domain/events';

/** Events' tables, as Kysely sees them (joined into the database type in `db/schema.ts`). Schemas 10 and 11. */

export interface EventsTable {
  id: string;
  site_id: string;
  kind: EventKind;
  title: string;
  description: string;
  starts_at: number;
  ends_at: number;
  /** The room booked for it through the booking engine (null: an outside venue). */
  booking_id: string | null;
  room_id: string | null;
  venue: string;
  capacity: number;
  guests_allowed: number;
  price_minor: number;
  rsvp_deadline: number | null;
  min_attendees: number | null;
  decide_by: number | null;
  state: EventState;
  cancel_reason: string;
  reminded_at: number | null;
  created_at: number;
  updated_at: number;
  /** Schema 11: the series it is one of, and the community of practice it is a session of. */
  series_id: string | null;
  community_id: string | null;
}

/** A recurring event's rule (JSON of a `Recurrence`); each occurrence is an event. */
export interface EventSeriesTable {
  id: string;
  site_id: string;
  rule: string;
  created_at: number;
}

/** A member exhibiting at a fair, with their stand. */
export interface FairExhibitorsTable {
  event_id: string;
  member_id: string;
  stand: string;
}

/** A need a visitor (a member, or a guest with a contact) told at a fair: it feeds the offers-and-needs matching. */
export interface FairNeedsTable {
  id: string;
  event_id: string;
  member_id: string | null;
  visitor_name: string;
  contact: string;
  tag: string;
  noted_at: number;
}

export interface EventHostsTable {
  event_id: string;
  member_id: string;
}

/** A reply: a member's (or a guest's the desk entered), going or waitlisted in order (`seq`), and whether they came. */
export interface EventRsvpsTable {
  id: string;
  event_id: string;
  member_id: string | null;
  guest_name: string;
  state: RsvpState;
  seq: number;
  created_at: number;
  updated_at: number;
  attended_at: number | null;
  walk_in: number;
}

export interface EventsTables {
  event_series: EventSeriesTable;
  events: EventsTable;
  fair_exhibitors: FairExhibitorsTable;
  fair_needs: FairNeedsTable;
  event_hosts: EventHostsTable;
  event_rsvps: EventRsvpsTable;
}
