import { addDaysIso, weekdayOf } from './zoned';

/**
 * Recurring series, evaluated on local calendar dates so that a weekly 09:00 booking stays at
 * 09:00 across daylight-saving changes (the time of day is applied to each date afterwards).
 */
export interface Recurrence {
  freq: 'daily' | 'weekly' | 'monthly';
  /** Every N days/weeks/months. */
  interval: number;
  /** Weekly: ISO weekdays (1 = Monday … 7 = Sunday); empty means the first date's weekday. */
  byWeekday?: number[];
  /** Monthly: the same date (14th) or the same weekday position (2nd Tuesday, last Friday). */
  monthlyBy?: 'date' | 'weekday';
  /** Ends on this date (inclusive) … */
  until?: string;
  /** … or after this many occurrences. */
  count?: number;
}

/** A hard stop so a typo cannot create ten thousand bookings. */
export const MAX_OCCURRENCES = 366;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date of the n-th (1..4, or -1 for last) given weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = weekdayOf(isoOf(year, month, 1));
    const day = 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
    return isoOf(year, month, day);
  }
  const lastDay = daysInMonth(year, month);
  const last = weekdayOf(isoOf(year, month, lastDay));
  return isoOf(year, month, lastDay - ((last - weekday + 7) % 7));
}

/** Every occurrence date, the first date included, in order. */
export function occurrenceDates(first: string, rule: Recurrence): string[] {
  const limit = Math.min(rule.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
  const until = rule.until ?? '9999-12-31';
  const dates: string[] = [];
  const push = (date: string) => {
    if (date >= first && date <= until && dates.length < limit) dates.push(date);
  };
  const interval = Math.max(1, rule.interval);
  const done = (date: string) => dates.length >= limit || date > until;

  if (rule.freq === 'daily') {
    for (let d = first; !done(d); d = addDaysIso(d, interval)) push(d);
  } else if (rule.freq === 'weekly') {
    const days = [...new Set(rule.byWeekday?.length ? rule.byWeekday : [weekdayOf(first)])].sort();
    const monday = addDaysIso(first, 1 - weekdayOf(first));
    for (let week = monday; !done(week); week = addDaysIso(week, 7 * interval)) {
      for (const wd of days) push(addDaysIso(week, wd - 1));
    }
  } else {
    const [y, m, d] = first.split('-').map(Number);
    const wd = weekdayOf(first);
    const n = Math.ceil(d / 7) === 5 ? -1 : Math.ceil(d / 7);
    // Months without the date (31 February) are skipped, as in RFC 5545.
    for (let i = 0; i < MAX_OCCURRENCES * interval; i += interval) {
      const year = y + Math.floor((m - 1 + i) / 12);
      const month = ((m - 1 + i) % 12) + 1;
      const date = rule.monthlyBy === 'weekday' ? nthWeekday(year, month, wd, n) : d <= daysInMonth(year, month) ? isoOf(year, month, d) : null;
      if (date && done(date)) break;
      if (date) push(date);
    }
  }
  return dates;
}

/** "Every week on Tue and Thu, 12 times" — how the series reads to a person. */
export function describeRecurrence(rule: Recurrence): string {
  const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const every =
    rule.interval > 1
      ? `Every ${rule.interval} ${rule.freq === 'daily' ? 'days' : rule.freq === 'weekly' ? 'weeks' : 'months'}`
      : `Every ${rule.freq === 'daily' ? 'day' : rule.freq === 'weekly' ? 'week' : 'month'}`;
  const on =
    rule.freq === 'weekly' && rule.byWeekday?.length
      ? ` on ${rule.byWeekday.map((d) => names[d - 1]).join(', ')}`
      : rule.freq === 'monthly'
        ? rule.monthlyBy === 'weekday'
          ? ' on the same weekday'
          : ' on the same date'
        : '';
  const end = rule.count ? `, ${rule.count} times` : rule.until ? `, until ${rule.until}` : '';
  return every + on + end;
}
