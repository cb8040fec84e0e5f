import { TZDate } from '@date-fns/tz';

/**
 * Wall-clock time in a site's IANA zone. Instants are UTC milliseconds; people think in
 * local dates ("2026-03-30") and times ("09:00"). All conversions go through here.
 */

/** The instant of a local date and time in a zone. In a spring-forward gap the time moves forward. */
export function zonedInstant(date: string, time: string, zone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  if (time === '24:00') return zonedInstant(addDaysIso(date, 1), '00:00', zone);
  const [hh, mm] = time.split(':').map(Number);
  return new TZDate(y, m - 1, d, hh, mm, zone).getTime();
}

// Stryker disable next-line all: a cache's key width only changes how often Intl is asked, never the answer
const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

/**
 * The zone's UTC offset (minutes) at an instant. Offsets and their changes fall on quarter
 * hours in every zone, so one Intl lookup per zone and quarter hour serves every booking in it:
 * a day board formats hundreds of bookings, and Intl is slow.
 */
export function offsetMinutes(ms: number, zone: string): number {
  // Stryker disable all: the cache saves time only; a different key or bound gives the same offsets
  const key = `${zone}|${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 200_000) offsets.clear();
    // Stryker restore all
    offset = -new TZDate(ms, zone).getTimezoneOffset();
    offsets.set(key, offset);
  }
  return offset;
}

const DAY_MS = 86_400_000;
/** "00:00" … "23:59", built once: formatting times is the board's inner loop. */
const TIMES = Array.from({ length: 1440 }, (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const dates = new Map<number, string>();

/** "YYYY-MM-DD" of a day number since the epoch (cached: a screen shows few distinct days). */
function dateOfDay(day: number): string {
  let date = dates.get(day);
  // Stryker disable next-line all: as above, a cache
  if (date === undefined) {
    // Stryker disable next-line all: as above, a cache
    if (dates.size > 50_000) dates.clear();
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  return date;
}

/** The local date and time of an instant in a zone. */
export function zonedParts(ms: number, zone: string): { date: string; time: string; weekday: number; minutes: number } {
  const local = ms + offsetMinutes(ms, zone) * 60_000;
  const day = Math.floor(local / DAY_MS);
  const minutes = Math.floor((local - day * DAY_MS) / 60_000);
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (4)
  return { date: dateOfDay(day), time: TIMES[minutes], weekday, minutes };
}

/** "2026-03-30T09:00:00" in the zone: what .ics files and date inputs want. */
export function zonedLocalIso(ms: number, zone: string): string {
  const p = zonedParts(ms, zone);
  return `${p.date}T${p.time}:00`;
}

/** Local midnight to the next local midnight: a calendar day (23 or 25 hours on DST days). */
export function zonedDayRange(date: string, zone: string): { start: number; end: number } {
  return { start: zonedInstant(date, '00:00', zone), end: zonedInstant(addDaysIso(date, 1), '00:00', zone) };
}

/** A calendar month "2026-11" in the zone: its first and last days, and local midnight of the first to that of the next month's first. */
export function zonedMonthRange(month: string, zone: string): { first: string; last: string; start: number; end: number } {
  const first = `${month}-01`;
  const next = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 10);
  return { first, last: addDaysIso(next, -1), start: zonedInstant(first, '00:00', zone), end: zonedInstant(next, '00:00', zone) };
}

export function addDaysIso(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export const minutesOf = (time: string) => {
  // "HH:MM" read digit by digit: a month of rooms asks this of thousands of bookings
  if (time.length === 5 && time[2] === ':') {
    const digit = (i: number) => time.charCodeAt(i) - 48;
    return (digit(0) * 10 + digit(1)) * 60 + digit(3) * 10 + digit(4);
  }
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
};

export const timeOfMinutes = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
