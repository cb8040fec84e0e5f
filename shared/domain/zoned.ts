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

const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

/**
 * The zone's UTC offset (minutes) at an instant. Offsets and their changes fall on quarter
 * hours in every zone, so one Intl lookup per zone and quarter hour serves every booking in it:
 * a day board formats hundreds of bookings, and Intl is slow.
 */
export function offsetMinutes(ms: number, zone: string): number {
  const key = `${zone}|${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 200_000) offsets.clear();
    offset = -new TZDate(ms, zone).getTimezoneOffset();
    offsets.set(key, offset);
  }
  return offset;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The local date and time of an instant in a zone. */
export function zonedParts(ms: number, zone: string): { date: string; time: string; weekday: number; minutes: number } {
  const local = new Date(ms + offsetMinutes(ms, zone) * 60_000);
  const day = local.getUTCDay();
  const hours = local.getUTCHours();
  const mins = local.getUTCMinutes();
  return {
    date: `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`,
    time: `${pad2(hours)}:${pad2(mins)}`,
    weekday: day === 0 ? 7 : day,
    minutes: hours * 60 + mins,
  };
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
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
};

export const timeOfMinutes = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
