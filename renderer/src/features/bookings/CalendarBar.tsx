import { type ReactNode, useState } from 'react';
import type { BookableKind } from '@shared/contract/bookables.contract';
import { Link, useLocation, useSearch } from 'wouter';
import { addDaysIso, zonedParts } from '@shared/domain/zoned';
import { useApi, usePrefetchAround } from '../../api/hooks';
import { useShortcut } from '../../components/useShortcut';
import './calendar.css';
import { DateInput } from '../../components/DateField';
import { kindOf } from './kindShown';

export type CalendarView = 'day' | 'week' | 'month';

const UNIT: Record<CalendarView, string> = { day: 'day', week: 'week', month: 'month' };

/** The same date a day, a week or a month on (the 1st of the month, for months). */
export function stepDate(view: CalendarView, date: string, by: number): string {
  if (view === 'day') return addDaysIso(date, by);
  if (view === 'week') return addDaysIso(date, 7 * by);
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 10);
}

/** Where each view of a date lives; the week and month keep the kind of bookable shown. */
export function viewHref(view: CalendarView, date: string, search = ''): string {
  return view === 'day' ? `/bookings/${date}` : `/bookings/${view}/${date}${search}`;
}

/** Today at the site (the co-op's clock, not the computer's), once the settings are in. */
export function useSiteToday(): string | undefined {
  const settings = useApi('settings.get', {});
  // the moment the screen opened: a calendar left open past midnight keeps its day until it moves
  const [now] = useState(() => Date.now());
  return settings.data ? zonedParts(now, settings.data.site.timeZone).date : undefined;
}

/**
 * The bar every calendar shares: previous, Today, next, a date to go to, and Day / Week / Month.
 * `hrefOf` says where a date of this view is (a bookable's own week is not the rooms' week).
 */
export function CalendarBar({
  view,
  date,
  today,
  hrefOf,
  switcher = true,
  children,
}: {
  view: CalendarView;
  date: string;
  today: string | undefined;
  hrefOf: (date: string) => string;
  switcher?: boolean;
  children?: ReactNode;
}) {
  const [, navigate] = useLocation();
  const search = useSearch();
  const unit = UNIT[view];
  const hrefFor = (v: CalendarView) => viewHref(v, date, v === 'day' || !search ? '' : `?${search}`);
  // D, W and M switch the view and keep the date; not while a dialog is open over the calendar
  const switchTo = (v: CalendarView) => () => switcher && !document.querySelector('[role="dialog"]') && navigate(hrefFor(v));
  useShortcut('d', switchTo('day'));
  useShortcut('w', switchTo('week'));
  useShortcut('m', switchTo('month'));
  return (
    <div className="actions calendar-bar">
      <button type="button" aria-label={`Previous ${unit}`} onClick={() => navigate(hrefOf(stepDate(view, date, -1)))}>
        ‹
      </button>
      <button type="button" disabled={!today} onClick={() => today && navigate(hrefOf(today))}>
        Today
      </button>
      <button type="button" aria-label={`Next ${unit}`} onClick={() => navigate(hrefOf(stepDate(view, date, 1)))}>
        ›
      </button>
      <DateInput aria-label="Go to date" value={date} onValue={(d) => d && navigate(hrefOf(d))} />
      {switcher ? (
        <nav className="segmented" aria-label="Calendar view">
          {(['day', 'week', 'month'] as const).map((v) => {
            return (
              <Link key={v} href={hrefFor(v)} aria-current={v === view ? 'page' : undefined} aria-keyshortcuts={v[0].toUpperCase()}>
                {v[0].toUpperCase() + v.slice(1)}
              </Link>
            );
          })}
        </nav>
      ) : null}
      {children}
    </div>
  );
}

const KINDS: [BookableKind | '', string][] = [
  ['room', 'Rooms'],
  ['desk', 'Desks'],
  ['resource', 'Equipment'],
  ['', 'Everything'],
];

/** Which bookables a week or month of the site shows (see `kindOf`). */
export function useKindShown(): BookableKind | undefined {
  return kindOf(new URLSearchParams(useSearch()));
}

/** Rooms is the address without a kind: `?` empties it (an address without `?` keeps the page's search). */
export function KindSelect({ kind, hrefOf }: { kind: BookableKind | undefined; hrefOf: (search: string) => string }) {
  const [, navigate] = useLocation();
  return (
    <select aria-label="Show" value={kind ?? ''} onChange={(e) => navigate(hrefOf(e.target.value === 'room' ? '?' : `?kind=${e.target.value || 'all'}`))}>
      {KINDS.map(([value, label]) => (
        <option key={label} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}

/**
 * What the week of all rooms and the month read: the date shown (the route's, else today at the
 * site), the kind of bookable shown, the calendar itself with the span either side fetched ahead,
 * and the address's search part that keeps the kind when moving.
 */
export function useSiteCalendar(span: 'week' | 'month', routeDate: string | undefined) {
  const today = useSiteToday();
  const kind = useKindShown();
  const date = routeDate ?? today;
  const input = { date: date ?? '', span, kind };
  const calendar = useApi('bookings.calendar', input, { enabled: date !== undefined });
  usePrefetchAround(
    'bookings.calendar',
    calendar,
    [1, -1, 2].map((by) => ({ ...input, date: stepDate(span, input.date, by) })),
  );
  return { today, kind, date, calendar, search: kind === 'room' ? '' : `?kind=${kind ?? 'all'}` };
}
