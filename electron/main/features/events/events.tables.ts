import type { EventKind, EventState, RsvpState } from '@shared/domain/events';

/** Events' tables, as Kysely sees them (joined into the database type in `db/schema.ts`). Schema 10. */

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
  events: EventsTable;
  event_hosts: EventHostsTable;
  event_rsvps: EventRsvpsTable;
}
