import * as z from 'zod';
import type { Violation } from '../domain/bookingRules';
import { MAX_OCCURRENCES } from '../domain/recurrence';
import { BOOKABLE_KINDS, type Bookable, type BookableKind } from './bookables.contract';
import { command, query, contractPart } from './common';
import { byId, clockTime, id, instant, isoDate } from './fields';

export { clockTime, instant };

const who = {
  memberId: id.nullable().default(null),
  guestName: z.string().trim().max(120, 'Guest name is too long').default(''),
  quantity: z.number({ error: 'Enter a number' }).int('Whole numbers only').min(1, 'At least 1').max(500, 'At most 500').default(1),
  title: z.string().trim().max(200, 'Title is too long').default(''),
};
const someone = (b: { memberId: string | null; guestName: string }) => b.memberId !== null || b.guestName !== '';
const someoneMessage = { message: 'Choose a member, or give a guest’s name', path: ['memberId'] };

/** One booking: a time range, or a whole day (the site's opening hours that date). */
export const bookingRequest = z
  .object({
    bookableId: id,
    ...who,
    start: instant.optional(),
    end: instant.optional(),
    date: isoDate.optional(),
  })
  .refine(someone, someoneMessage)
  .refine((b) => b.date !== undefined || (b.start !== undefined && b.end !== undefined), {
    message: 'Give a start and an end, or a date for a whole day',
    path: ['start'],
  });
export type BookingRequest = z.input<typeof bookingRequest>;

export const recurrenceSchema = z
  .object({
    freq: z.enum(['daily', 'weekly', 'monthly'], { error: 'Repeat daily, weekly or monthly' }),
    interval: z.number().int().min(1, 'At least every 1').max(52, 'At most every 52').default(1),
    byWeekday: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    monthlyBy: z.enum(['date', 'weekday']).default('date'),
    until: isoDate.optional(),
    count: z.number().int().min(1, 'At least once').max(MAX_OCCURRENCES, `At most ${MAX_OCCURRENCES} times`).optional(),
  })
  .refine((r) => (r.until === undefined) !== (r.count === undefined), {
    message: 'End the series on a date or after a number of times (one of the two)',
    path: ['count'],
  });

export const seriesRequest = z
  .object({
    bookableId: id,
    ...who,
    firstDate: isoDate,
    startTime: clockTime,
    endTime: clockTime,
    recurrence: recurrenceSchema,
  })
  .refine(someone, someoneMessage)
  .refine((s) => s.startTime < s.endTime, { message: 'The end must be after the start', path: ['endTime'] })
  .refine((s) => s.recurrence.until === undefined || s.recurrence.until >= s.firstDate, {
    message: 'The series ends before it starts',
    path: ['recurrence', 'until'],
  });
export type SeriesRequest = z.input<typeof seriesRequest>;

export const SCOPES = ['this', 'following', 'all'] as const;
export type Scope = (typeof SCOPES)[number];
const scope = z.enum(SCOPES, { error: 'Scope is this, following or all' }).default('this');

export type BookingStatus = 'pending' | 'confirmed' | 'cancelled' | 'released' | 'declined';

export interface Booking {
  id: string;
  bookableId: string;
  bookableName: string;
  kind: BookableKind;
  memberId: string | null;
  memberName: string | null;
  guestName: string;
  title: string;
  quantity: number;
  /** UTC instants. */
  start: string;
  end: string;
  /** The same in the site's zone, for display: 2026-03-30, 09:00, 10:30. */
  localDate: string;
  localStart: string;
  localEnd: string;
  status: BookingStatus;
  seriesId: string | null;
  checkedInAt: string | null;
  cancelledAt: string | null;
  cutoffOverridden: boolean;
  /** What the member pays, after their plan's credits; frozen when booked. */
  price: number;
  /** What their plan covered: minutes of room or resource hours, or desk days. */
  creditsUsed: number;
  currency: string;
}

/** What a day-board block shows; the full booking comes from bookings.get when opened. */
export type BoardBooking = Pick<
  Booking,
  'id' | 'bookableId' | 'memberName' | 'guestName' | 'title' | 'quantity' | 'status' | 'localDate' | 'localStart' | 'localEnd'
> & { checkedIn: boolean };

export interface Occurrence {
  date: string;
  start: string;
  end: string;
  violations: Violation[];
}

export interface SeriesPlan {
  description: string;
  occurrences: Occurrence[];
  free: number;
  clashing: number;
}

export interface DayBoard {
  date: string;
  timeZone: string;
  siteId: string;
  siteName: string;
  /** The site's hours that day, or null when closed. */
  opens: string | null;
  closes: string | null;
  closure: string | null;
  /** The hours the board shows (local HH:MM), wide enough for every booking that day. */
  fromTime: string;
  toTime: string;
  bookables: Pick<Bookable, 'id' | 'kind' | 'name' | 'capacity' | 'features'>[];
  bookings: BoardBooking[];
}

/** One day of a calendar: its opening hours (null when closed), a closure, and how many bookings start that day. */
export interface CalendarDay {
  date: string;
  opens: string | null;
  closes: string | null;
  closure: string | null;
  count: number;
  /** How full the day is: the share (0–1) of its open hours the shown bookables are taken. */
  load: number;
}

/** A week (Monday to Sunday) or a month (whole weeks around it) of a site's bookables of one kind, or of one bookable. */
export interface Calendar {
  span: 'week' | 'month';
  /** The site's date today, for the today marker. */
  today: string;
  timeZone: string;
  siteName: string;
  /** Hours the week shows: every day's opening hours and every booking fit in. */
  fromTime: string;
  toTime: string;
  days: CalendarDay[];
  bookables: DayBoard['bookables'];
  /** A week: every booking. A month: the first MONTH_LISTED of each day (its count says how many). */
  bookings: BoardBooking[];
}
export const MONTH_LISTED = 3;

export interface FreeRoom {
  bookable: Bookable;
  /** Why it ranks where it does: "seats 6 (exact fit), has screen". */
  fit: string;
}

export const bookingsContract = contractPart('bookings', 'Bookings', ['bookings.changed'], {
  /** What stands in the way, and what it would cost: the price after the member's plan credits, and those credits in words. */
  'bookings.check': query<{ violations: Violation[]; price: number; currency: string; credits: string | null }>()(bookingRequest, 'member'),
  'bookings.create': command<Booking>()(bookingRequest, 'member', { audit: 'booked' }),
  'bookings.get': query<Booking>()(byId, 'member'),
  'bookings.planSeries': query<SeriesPlan>()(seriesRequest, 'member'),
  'bookings.createSeries': command<{ seriesId: string; booked: Booking[]; skipped: Occurrence[] }>()(
    seriesRequest.and(z.object({ onClash: z.enum(['book-free', 'none'], { error: 'Choose “book the free ones” or “none”' }) })),
    'member',
    { audit: 'booked a series:' },
  ),
  'bookings.cancel': command<{ cancelled: Booking[] }>()(
    z.object({ id, scope, override: z.boolean().default(false), reason: z.string().trim().max(300).default('') }),
    'member',
    { audit: 'cancelled' },
  ),
  'bookings.reschedule': command<{ moved: Booking[] }>()(
    z
      .object({ id, scope, date: isoDate.optional(), startTime: clockTime, endTime: clockTime })
      .refine((r) => r.startTime < r.endTime, { message: 'The end must be after the start', path: ['endTime'] }),
    'member',
    { audit: 'moved' },
  ),
  'bookings.checkIn': command<Booking>()(byId, 'member', { audit: 'checked in the booking' }),
  'bookings.approve': command<Booking>()(byId, 'desk', { audit: 'approved' }),
  'bookings.decline': command<Booking>()(z.object({ id, reason: z.string().trim().max(300).default('') }), 'desk', { audit: 'declined' }),
  'bookings.pending': query<Booking[]>()(z.object({}), 'desk'),
  'bookings.dayBoard': query<DayBoard>()(z.object({ siteId: id.optional(), date: isoDate }), 'member'),
  'bookings.calendar': query<Calendar>()(
    z.object({
      siteId: id.optional(),
      date: isoDate,
      span: z.enum(['week', 'month'], { error: 'Show a week or a month' }),
      kind: z.enum(BOOKABLE_KINDS, { error: 'Kind is desk, room or resource' }).optional(),
      bookableId: id.optional(),
    }),
    'member',
  ),
  'bookings.forMember': query<Booking[]>()(z.object({ memberId: id, when: z.enum(['upcoming', 'past']).default('upcoming') }), 'member'),
  'bookings.findRooms': query<FreeRoom[]>()(
    z
      .object({
        siteId: id.optional(),
        start: instant,
        end: instant,
        people: z.number().int().min(1, 'At least 1 person').max(500),
        features: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
      })
      .refine((r) => Date.parse(r.start) < Date.parse(r.end), { message: 'The end must be after the start', path: ['end'] }),
    'member',
  ),
  'bookings.nextFree': query<{ start: string; end: string } | null>()(
    z.object({ bookableId: id, from: instant, minutes: z.number().int().min(5).max(44640), quantity: z.number().int().min(1).default(1) }),
    'member',
  ),
  'bookings.freeDesks': query<{ bookable: Bookable; freeSeats: number }[]>()(z.object({ siteId: id.optional(), at: instant.optional() }), 'member'),
  /** The free desk seats of a site at a moment, all desks together (the day board's "12 desk seats free now"). */
  'bookings.deskSeatsFree': query<number>()(z.object({ siteId: id.optional(), at: instant.optional() }), 'member'),
  'bookings.ics': query<{ filename: string; ics: string }>()(
    z.union([z.object({ memberId: id }).strict(), z.object({ bookableId: id }).strict()], {
      error: 'Export the bookings of a member or of a bookable',
    }),
    'member',
  ),
});
