import type { Lockout } from './auth.contract';
import { z } from 'zod';
import { command, query, contractPart } from './common';
import { byId, id, isoDate, instant } from './fields';

export interface PresenceEntry {
  id: string;
  memberId: string;
  name: string;
  number: number;
  checkedInAt: string;
  checkedOutAt: string | null;
  /** Local time in the site's zone, e.g. 09:02. */
  since: string;
}

export interface Visitor {
  id: string;
  name: string;
  company: string;
  hostMemberId: string;
  hostName: string;
  expectedAt: string;
  expectedLocal: string;
  arrivedAt: string | null;
  leftAt: string | null;
}

export interface DayPass {
  id: string;
  date: string;
  name: string;
  memberId: string | null;
  price: number;
  currency: string;
  paid: boolean;
}

export interface TodayBooking {
  bookingId: string;
  bookableName: string;
  memberId: string | null;
  who: string;
  localStart: string;
  localEnd: string;
  title: string;
  checkedIn: boolean;
}

export interface Today {
  date: string;
  now: string;
  siteName: string;
  timeZone: string;
  opens: string | null;
  closes: string | null;
  present: PresenceEntry[];
  /** Booked for a time that has begun, not checked in. */
  late: TodayBooking[];
  /** Starting within the next hour, not here yet. */
  arriving: TodayBooking[];
  rooms: { bookableId: string; name: string; bookings: TodayBooking[] }[];
  desks: { total: number; freeNow: number; freeRestOfDay: number };
  visitors: Visitor[];
  dayPasses: DayPass[];
  lockouts: Lockout[];
}

const member = id;

export const frontdeskContract = contractPart('frontdesk', 'Check-ins, visitors and day passes', ['frontdesk.changed'], {
  'frontdesk.today': query<Today>()(z.object({ siteId: id.optional() }), 'desk'),
  'frontdesk.checkIn': command<PresenceEntry>()(z.object({ memberId: member }), 'member', { audit: 'checked in' }),
  'frontdesk.checkOut': command<PresenceEntry>()(z.object({ memberId: member }), 'member', { audit: 'checked out' }),
  'frontdesk.presence': query<PresenceEntry[]>()(z.object({ memberId: member, limit: z.number().int().min(1).max(500).default(60) }), 'member'),
  'visitors.create': command<Visitor>()(
    z.object({
      name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(120),
      company: z.string().trim().max(120).default(''),
      hostMemberId: z.string({ error: 'Choose the member they are visiting' }).trim().min(1, 'Choose the member they are visiting').max(64),
      expectedAt: instant,
    }),
    'desk',
    { audit: 'expects a visitor' },
  ),
  'visitors.arrive': command<Visitor>()(byId, 'desk', { audit: 'welcomed a visitor' }),
  'visitors.leave': command<Visitor>()(byId, 'desk', { audit: 'saw a visitor out' }),
  'visitors.day': query<Visitor[]>()(z.object({ date: isoDate }), 'desk'),
  'visitors.exportDay': query<{ filename: string; csv: string }>()(z.object({ date: isoDate }), 'desk'),
  'dayPasses.create': command<DayPass>()(
    z.object({
      name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(120),
      memberId: id.nullable().default(null),
      price: z.number({ error: 'Enter the price' }).int('In cents/pence').min(0, 'Cannot be negative').max(1_000_000),
      paid: z.boolean().default(false),
      date: isoDate.optional(),
    }),
    'desk',
    { audit: 'sold a day pass' },
  ),
  'dayPasses.markPaid': command<DayPass>()(byId, 'desk', { audit: 'marked a day pass paid' }),
  'dayPasses.day': query<DayPass[]>()(z.object({ date: isoDate }), 'desk'),
});
