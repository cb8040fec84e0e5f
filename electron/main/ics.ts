import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { zonedLocalIso } from '@shared/domain/zoned';

/** One entry of a calendar file: a booking, an event. */
export interface CalendarEntry {
  /** Unique and stable (a calendar app updates the entry with the same id). */
  uid: string;
  start: number;
  end: number;
  stamp: number;
  summary: string;
  description?: string;
  location: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
}

const STATUS = { confirmed: ICalEventStatus.CONFIRMED, tentative: ICalEventStatus.TENTATIVE, cancelled: ICalEventStatus.CANCELLED };

/**
 * An iCalendar file in the site's zone: every entry carries TZID and the file a VTIMEZONE, so
 * calendars show 09:00 as 09:00 across daylight-saving changes.
 */
export function calendarFile(name: string, zone: string, entries: readonly CalendarEntry[]): string {
  const calendar = ical({
    name,
    prodId: { company: 'Coopdesk', product: 'Coopdesk', language: 'EN' },
    timezone: { name: zone, generator: getVtimezoneComponent },
  });
  for (const e of entries)
    calendar.createEvent({
      id: e.uid,
      start: zonedLocalIso(e.start, zone),
      end: zonedLocalIso(e.end, zone),
      timezone: zone,
      stamp: new Date(e.stamp),
      summary: e.summary,
      description: e.description,
      location: e.location,
      status: STATUS[e.status],
    });
  return calendar.toString();
}
