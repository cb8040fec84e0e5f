import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { zonedLocalIso } from '@shared/domain/zoned';
import type { BookingRow } from './bookings.repository';

/**
 * An iCalendar file of bookings, in the site's zone: every event carries TZID and the file
 * a VTIMEZONE, so calendars show 09:00 as 09:00 across daylight-saving changes.
 */
export function bookingsCalendar(name: string, zone: string, location: string, rows: BookingRow[]): string {
  const calendar = ical({
    name,
    prodId: { company: 'Coopdesk', product: 'Coopdesk', language: 'EN' },
    timezone: { name: zone, generator: getVtimezoneComponent },
  });
  for (const row of rows) {
    const who = row.member_name ?? row.guest_name;
    calendar.createEvent({
      id: `${row.id}@coopdesk`,
      start: zonedLocalIso(row.start_ms, zone),
      end: zonedLocalIso(row.end_ms, zone),
      timezone: zone,
      stamp: new Date(row.updated_at),
      summary: `${row.bookable_name}${row.title ? `: ${row.title}` : ''} (${who})`,
      description: row.quantity > 1 ? `${row.quantity} places` : undefined,
      location,
      status: row.status === 'pending' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
