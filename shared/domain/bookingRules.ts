import { formatDuration } from './durations';
import { addDaysIso, zonedInstant, zonedParts } from './zoned';

/**
 * The booking rules, as pure functions: the service runs them inside its transaction, the
 * booking dialog runs the same ones for instant feedback. Every refusal names its rule and
 * says in words what to change.
 */

export interface BookingRules {
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  maxDaysAhead: number;
  minNoticeMinutes: number;
  cancelCutoffMinutes: number;
  maxConcurrentPerMember: number;
  noShowGraceMinutes: number;
  membersOnly: boolean;
  approvalRequired: boolean;
  checkinRequired: boolean;
  withinOpeningHours: boolean;
}

/** A new site's defaults: quarter-hour slots, up to 10 hours, 90 days ahead, cancel until an hour before. */
export const DEFAULT_BOOKING_RULES: BookingRules = {
  slotMinutes: 15,
  minMinutes: 15,
  maxMinutes: 600,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  maxDaysAhead: 90,
  minNoticeMinutes: 0,
  cancelCutoffMinutes: 60,
  maxConcurrentPerMember: 20,
  noShowGraceMinutes: 30,
  membersOnly: true,
  approvalRequired: false,
  checkinRequired: false,
  withinOpeningHours: true,
};

export interface SiteCalendar {
  name: string;
  timeZone: string;
  /** Weekday 1 (Monday) … 7 (Sunday): opening and closing time, or closed. */
  hours: { weekday: number; open: boolean; opens: string; closes: string }[];
  closures: { date: string; reason: string }[];
}

export type RuleName =
  | 'interval'
  | 'slot'
  | 'min-duration'
  | 'max-duration'
  | 'opening-hours'
  | 'closure'
  | 'past'
  | 'min-notice'
  | 'booking-window'
  | 'capacity'
  | 'max-concurrent'
  | 'members-only'
  | 'retired'
  | 'cancel-cutoff';

export interface Violation {
  rule: RuleName;
  message: string;
}

const WEEKDAY_PLURAL = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];
const MINUTE = 60_000;

/** The longest a single booking may last (a week's van hire); also bounds interval queries. */
export const MAX_BOOKING_SPAN_MS = 31 * 24 * 60 * MINUTE;

/** The time a booking holds the bookable: its own time plus the buffers either side. */
export function occupancy(start: number, end: number, rules: Pick<BookingRules, 'bufferBeforeMinutes' | 'bufferAfterMinutes'>) {
  return { occStart: start - rules.bufferBeforeMinutes * MINUTE, occEnd: end + rules.bufferAfterMinutes * MINUTE };
}

/** The opening window of a local date, or null when the site is closed all day. */
export function openingWindow(date: string, site: SiteCalendar, weekday: number): { start: number; end: number; opens: string; closes: string } | null {
  const day = site.hours.find((h) => h.weekday === weekday);
  if (!day || !day.open) return null;
  return { start: zonedInstant(date, day.opens, site.timeZone), end: zonedInstant(date, day.closes, site.timeZone), opens: day.opens, closes: day.closes };
}

export interface TimingInput {
  start: number;
  end: number;
  rules: BookingRules;
  site: SiteCalendar;
  now: number;
  /** "Room 2": used in messages. */
  bookableName: string;
}

/** Rules about when a booking may be: order, slots, duration, hours, closures, notice, window. */
export function checkTiming({ start, end, rules, site, now, bookableName }: TimingInput): Violation[] {
  const v: Violation[] = [];
  if (!(end > start)) {
    v.push({ rule: 'interval', message: 'The booking must end after it starts.' });
    return v;
  }
  const from = zonedParts(start, site.timeZone);
  const to = zonedParts(end, site.timeZone);
  const minutes = Math.round((end - start) / MINUTE);

  if (end - start > MAX_BOOKING_SPAN_MS) {
    v.push({ rule: 'max-duration', message: 'A single booking can last at most 31 days; book a series instead.' });
  }
  if (rules.slotMinutes > 1 && (from.minutes % rules.slotMinutes !== 0 || to.minutes % rules.slotMinutes !== 0)) {
    v.push({
      rule: 'slot',
      message: `${bookableName} is booked in steps of ${rules.slotMinutes} minutes (e.g. 10:00, 10:${String(rules.slotMinutes % 60).padStart(2, '0')}).`,
    });
  }
  if (minutes < rules.minMinutes) {
    v.push({ rule: 'min-duration', message: `${bookableName} is booked for at least ${formatDuration(rules.minMinutes)}.` });
  }
  if (minutes > rules.maxMinutes) {
    v.push({ rule: 'max-duration', message: `${bookableName} can be booked for at most ${formatDuration(rules.maxMinutes)} at a time.` });
  }

  const closure = site.closures.find((c) => c.date >= from.date && c.date <= (to.minutes === 0 && to.date > from.date ? addDaysIso(to.date, -1) : to.date));
  if (closure) {
    v.push({ rule: 'closure', message: `${site.name} is closed on ${closure.date}${closure.reason ? ` (${closure.reason})` : ''}.` });
  }
  if (rules.withinOpeningHours && !closure) {
    const window = openingWindow(from.date, site, from.weekday);
    if (!window) {
      v.push({ rule: 'opening-hours', message: `${site.name} is closed on ${WEEKDAY_PLURAL[from.weekday - 1]}.` });
    } else if (start < window.start) {
      v.push({ rule: 'opening-hours', message: `${site.name} opens at ${window.opens} on ${WEEKDAY_PLURAL[from.weekday - 1]}.` });
    } else if (end > window.end) {
      v.push({ rule: 'opening-hours', message: `${site.name} closes at ${window.closes} on ${WEEKDAY_PLURAL[from.weekday - 1]}.` });
    }
  }

  if (start < now) {
    v.push({ rule: 'past', message: 'That time has already started; choose a later start.' });
  } else if (start < now + rules.minNoticeMinutes * MINUTE) {
    v.push({ rule: 'min-notice', message: `${bookableName} must be booked at least ${formatDuration(rules.minNoticeMinutes)} ahead.` });
  }
  const latest = now + rules.maxDaysAhead * 24 * 60 * MINUTE;
  if (start > latest) {
    v.push({
      rule: 'booking-window',
      message: `${bookableName} can be booked up to ${rules.maxDaysAhead} days ahead (until ${zonedParts(latest, site.timeZone).date}).`,
    });
  }
  return v;
}

export interface Held {
  occStart: number;
  occEnd: number;
  quantity: number;
}

/** The most units held at any moment of [start, end) by the given bookings (a sweep over their edges). */
/** A member who arrives this long before a booking starts is checked in to it too. */
export const EARLY_CHECK_IN_MINUTES = 15;

export function peakLoad(held: readonly Held[], start: number, end: number): number {
  const edges: [number, number][] = [];
  for (const h of held) {
    if (h.occStart < end && h.occEnd > start) {
      edges.push([Math.max(h.occStart, start), h.quantity], [h.occEnd, -h.quantity]);
    }
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]); // at equal times, releases first: half-open intervals
  let load = 0;
  let peak = 0;
  for (const [, delta] of edges) {
    load += delta;
    peak = Math.max(peak, load);
  }
  return peak;
}

/**
 * The bookings that take part in a moment where more than `available` units are held: what
 * would no longer fit if a bookable's capacity (or kind) changed. Half-open intervals.
 */
export function overloaded<T extends Held & { id: string }>(held: readonly T[], available: number): T[] {
  const edges = held.flatMap((h): [number, number, T][] => [
    [h.occStart, h.quantity, h],
    [h.occEnd, -h.quantity, h],
  ]);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const active = new Set<T>();
  const over = new Set<T>();
  let load = 0;
  for (const [, delta, h] of edges) {
    load += delta;
    if (delta > 0) active.add(h);
    else active.delete(h);
    if (load > available) for (const a of active) over.add(a);
  }
  return held.filter((h) => over.has(h));
}

/**
 * May a booking starting at `start` still be cancelled at `now`? After the cut-off only a
 * manager may, with an override; the message says so to whoever asks.
 */
export function cancelViolation(start: number, now: number, rules: Pick<BookingRules, 'cancelCutoffMinutes'>, askedByManager = false): Violation | null {
  if (now <= start - rules.cancelCutoffMinutes * MINUTE) return null;
  const closed =
    rules.cancelCutoffMinutes > 0 ? `Cancellation closed ${formatDuration(rules.cancelCutoffMinutes)} before the start` : 'The booking has already started';
  return { rule: 'cancel-cutoff', message: askedByManager ? `${closed}. Tick “override the cut-off” to cancel anyway.` : `${closed}; ask a manager.` };
}
