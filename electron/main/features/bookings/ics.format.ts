import { type CalendarEntry, calendarFile } from '../../ics';
import type { BookingRow } from './bookings.repository';

/** Bookings as calendar entries: "Garden Room: Client meeting (Ana Ribeiro)". */
export const bookingEntries = (rows: readonly BookingRow[], location: string): CalendarEntry[] =>
  rows.map((row) => ({
    uid: `${row.id}@coopdesk`,
    start: row.start_ms,
    end: row.end_ms,
    stamp: row.updated_at,
    summary: `${row.bookable_name}${row.title ? `: ${row.title}` : ''} (${row.member_name ?? row.guest_name})`,
    description: row.quantity > 1 ? `${row.quantity} places` : undefined,
    location,
    status: row.status === 'pending' ? 'tentative' : 'confirmed',
  }));

/** An iCalendar file of bookings (and any other entries: a member's events), in the site's zone. */
export const bookingsCalendar = (name: string, zone: string, location: string, rows: BookingRow[], more: readonly CalendarEntry[] = []): string =>
  calendarFile(name, zone, [...bookingEntries(rows, location), ...more]);
