/** The bookings feature's tables, as Kysely sees them (joined into the database type in `db/schema.ts`). */
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
  /** What the member is charged, after their plan's credits and discount; frozen when booked. */
  price_minor: number;
  currency: string;
  /** Schema 14: what the member's plan covered — minutes of room or resource hours, or desk days. */
  credits_used: number;
  checked_in_at: number | null;
  cancelled_at: number | null;
  cancelled_by: string | null;
  cancel_reason: string;
  cutoff_overridden: number;
  created_at: number;
  updated_at: number;
}

export interface BookingsTables {
  booking_series: BookingSeriesTable;
  bookings: BookingsTable;
  bookable_spans: BookableSpansTable;
}
