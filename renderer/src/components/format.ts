import { TZDate } from '@date-fns/tz';
import { format, formatDistanceStrict, parseISO } from 'date-fns';
import { DATE_FORMAT, formatIsoDate } from '@shared/domain/dates';
import { zonedInstant } from '@shared/domain/zoned';

/** ISO instant of a local date and time in the site's zone (what the API takes). */
export const instantIso = (date: string, time: string, zone: string) => new Date(zonedInstant(date, time, zone)).toISOString();

/**
 * The app's one way of writing dates and times: "14 Mar 2025", 24-hour "09:30", in the site's
 * zone for instants (the co-op's clock, whatever the computer's zone).
 */
const DATE = DATE_FORMAT;
const TIME = 'HH:mm';

/**
 * "10,000": a whole count with its thousands grouped, the same on every screen whatever the
 * browser's language. Not `toLocaleString`: its first call sets up a number formatter (2.5 ms
 * on a 2-core machine, 20 ms as a page's first Intl formatter), and the sidebar's count is on
 * every first screen.
 */
export const formatCount = (n: number) => String(Math.trunc(n)).replace(/\B(?=(\d{3})+$)/g, ',');

/** "14 Mar 2025" from "2025-03-14" (or from the date part of a longer ISO text). */
export const formatDate = formatIsoDate;

/** "14 Mar 2025, 09:30" for an instant, in `zone`. */
export function formatDateTime(instant: string, zone: string): string {
  return format(new TZDate(instant, zone), `${DATE}, ${TIME}`);
}

/** "09:30" for an instant, in `zone`. */
export function formatTime(instant: string, zone: string): string {
  return format(new TZDate(instant, zone), TIME);
}

/** "Fri 14 Mar" from "2025-03-14": a calendar's column heading. */
export function formatWeekday(iso: string): string {
  return format(parseISO(iso), 'EEE d MMM');
}

/** "March 2025" from "2025-03-14": a month calendar's title. */
export function formatMonthYear(iso: string): string {
  return format(parseISO(iso), 'MMMM yyyy');
}

/** "Mar 2025" from "2025-03-14". */
export function formatMonth(iso: string): string {
  return format(parseISO(iso), 'MMM yyyy');
}

/** "in 5 months" / "3 months ago" between two calendar dates. */
export function relativeDays(iso: string, todayIso: string): string {
  return formatDistanceStrict(parseISO(iso), parseISO(todayIso), { addSuffix: true, roundingMethod: 'floor' });
}

export function todayLocal(): string {
  return format(new Date(), 'yyyy-MM-dd');
}

export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(filename, new Blob(['\uFEFF', text], { type }));
}

/** Hands a file to the browser's downloads. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
