import { TZDate } from '@date-fns/tz';
import { format, parseISO } from 'date-fns';

/** Calendar dates are plain `YYYY-MM-DD` strings; these helpers never depend on the machine's zone. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The co-op's one date format on screen and in messages: "14 Mar 2025". */
export const DATE_FORMAT = 'd MMM yyyy';

/** "14 Mar 2025" from "2025-03-14" (or from the date part of a longer ISO text). */
export const formatIsoDate = (iso: string): string => format(parseISO(iso.slice(0, 10)), DATE_FORMAT);

/** A month "2026-11" in words: "November 2026". */
export const formatMonth = (month: string): string => format(parseISO(`${month}-01`), 'MMMM yyyy');

export function isIsoDateShape(value: string): boolean {
  return ISO_DATE.test(value);
}

/** True when `value` is `YYYY-MM-DD` and names a real day (no 2025-02-30). */
export function isRealIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= daysInMonth;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Adds calendar months; the 31st clamps to the month's last day (as date-fns' addMonths does).
 * Plain arithmetic: it runs for every row of the directory, where Intl-based dates are too slow.
 */
export function addMonthsIso(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** Today's calendar date in an IANA time zone. */
export function todayIn(timeZone: string, now: Date): string {
  return format(new TZDate(now.getTime(), timeZone), 'yyyy-MM-dd');
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Whole months from `fromIso` to `toIso` (0 when `toIso` is earlier). */
export function monthsBetween(fromIso: string, toIso: string): number {
  if (toIso <= fromIso) return 0;
  const [fy, fm, fd] = fromIso.split('-').map(Number);
  const [ty, tm, td] = toIso.split('-').map(Number);
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd && addMonthsIso(fromIso, months) > toIso) months -= 1;
  return Math.max(0, months);
}
