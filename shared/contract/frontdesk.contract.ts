import type { Lockout } from './auth.contract';
import * as z from 'zod';
import { command, query, contractPart } from './common';
import { byId, empty, id, isoDate, instant } from './fields';

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
  /** The pass on the price list it was sold as (null: sold before the list). */
  priceName: string | null;
  price: number;
  currency: string;
  /** A guest's pass is paid at the desk; a member's goes on their monthly statement. */
  paid: boolean;
  /** The desk seat it holds for the day (null: sold before passes held one). */
  deskName: string | null;
}

/** A day pass on the co-op's price list. */
export interface DayPassPrice {
  id: string;
  name: string;
  priceMinor: number;
  archived: boolean;
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
  /**
   * Sells a pass from the price list: it holds a desk seat for the day through the booking engine
   * (refused when no desk has a seat free). A member's pass goes on their statement.
   */
  'dayPasses.create': command<DayPass>()(
    z
      .object({
        name: z.string().trim().max(120, 'Too long (at most 120 characters)').default(''),
        memberId: id.nullable().default(null),
        priceId: z.string({ error: 'Choose a pass from the price list' }).trim().min(1, 'Choose a pass from the price list').max(64),
        paid: z.boolean().default(false),
        date: isoDate.optional(),
      })
      .refine((p) => p.memberId !== null || p.name !== '', { message: 'Name is required', path: ['name'] }),
    'desk',
    { audit: 'sold a day pass' },
  ),
  'dayPasses.prices': query<DayPassPrice[]>()(empty, 'desk'),
  'dayPasses.savePrice': command<DayPassPrice[]>()(
    z.object({
      id: id.nullable().default(null),
      name: z.string({ error: 'Enter a name' }).trim().min(1, 'Enter a name').max(80, 'Too long (at most 80 characters)'),
      priceMinor: z.number({ error: 'Enter a price' }).int('Whole cents').min(0, 'A price cannot be negative').max(1_000_000, 'Too large'),
      archived: z.boolean().default(false),
    }),
    'manager',
    { audit: 'saved a day pass price' },
  ),
  'dayPasses.markPaid': command<DayPass>()(byId, 'desk', { audit: 'marked a day pass paid' }),
  'dayPasses.day': query<DayPass[]>()(z.object({ date: isoDate }), 'desk'),
});
