import type { BoardBooking, Calendar, CalendarDay, DayBoard } from '@shared/contract/bookings.contract';
import { MONTH_LISTED } from '@shared/contract/bookings.contract';
import type { BookableKind } from '@shared/contract/bookables.contract';
import { openingWindow } from '@shared/domain/bookingRules';
import { addDaysIso, minutesOf, timeOfMinutes, weekdayOf, zonedInstant, zonedParts } from '@shared/domain/zoned';
import type { Actor, Ctx } from '../../context';
import { notFound } from '../../errors';
import * as bookables from '../bookables';
import { type LoadedSite, loadSite } from '../sites';
import * as repo from './bookings.repository';
import { hiddenFrom, localSpan } from './bookings.policy';

/** The day board and the calendars: what a site's bookables hold over a day, a week or a month. */

function roundDown(time: string): string {
  return timeOfMinutes(Math.floor(minutesOf(time) / 60) * 60);
}
function roundUp(time: string): string {
  return timeOfMinutes(Math.min(24 * 60, Math.ceil(minutesOf(time) / 60) * 60));
}

function toBoardBooking(
  [id, bookableId, memberName, guestName, title, quantity, startMs, endMs, state, memberId]: repo.BoardRow,
  zone: string,
  actor: Actor,
): BoardBooking {
  const hidden = hiddenFrom(actor, memberId);
  return {
    id,
    bookableId,
    memberName: hidden ? null : memberName,
    guestName: hidden ? '' : guestName,
    title: hidden ? '' : title,
    quantity,
    status: state === 'in' ? 'confirmed' : (state as BoardBooking['status']),
    checkedIn: state === 'in',
    ...localSpan(startMs, endMs, zone),
  };
}

function dayOf(site: LoadedSite, date: string): Omit<CalendarDay, 'count' | 'load'> {
  const window = openingWindow(date, site, weekdayOf(date));
  const closure = site.closures.find((c) => c.date === date);
  return { date, opens: window?.opens ?? null, closes: window?.closes ?? null, closure: closure ? closure.reason || 'closed' : null };
}

/** Hours to draw: the opening hours of those days (08–18 when all are closed), widened to hold every booking. */
function hoursToShow(days: Omit<CalendarDay, 'count' | 'load'>[], bookings: BoardBooking[]): { fromTime: string; toTime: string } {
  const open = days.filter((d) => d.opens && !d.closure);
  let fromTime = open.length ? roundDown(open.reduce((t, d) => (d.opens! < t ? d.opens! : t), '24:00')) : '08:00';
  let toTime = open.length ? roundUp(open.reduce((t, d) => (d.closes! > t ? d.closes! : t), '00:00')) : '18:00';
  for (const b of bookings) {
    fromTime = b.localDate < days[0].date ? '00:00' : b.localStart < fromTime ? roundDown(b.localStart) : fromTime;
    toTime = b.localEnd.length > 5 ? '24:00' : b.localEnd > toTime ? roundUp(b.localEnd) : toTime;
  }
  return { fromTime, toTime };
}

/** What the load and count of a day need of a booking. */
type Held = Pick<BoardBooking, 'id' | 'bookableId' | 'quantity' | 'localDate' | 'localStart' | 'localEnd'> & { status: string };

/**
 * How full a day was or is: the share of its open hours the shown bookables are taken, each
 * booking weighted by what it holds (a room whole, a desk's seats or equipment's units out of
 * its capacity); 0 on a closed day. Released no-shows hold nothing.
 */
export function dayLoad(day: Omit<CalendarDay, 'count' | 'load'>, bookings: readonly Held[], shown: DayBoard['bookables']): number {
  if (!day.opens || !day.closes || day.closure || shown.length === 0) return 0;
  const [opens, closes] = [minutesOf(day.opens), minutesOf(day.closes)];
  const capacity = new Map(shown.map((b) => [b.id, b.kind === 'room' ? 1 : Math.max(1, b.capacity)]));
  let held = 0;
  for (const b of bookings) {
    if (b.localDate !== day.date || b.status === 'released' || !capacity.has(b.bookableId)) continue;
    const end = b.localEnd.length > 5 ? 24 * 60 : minutesOf(b.localEnd);
    const minutes = Math.max(0, Math.min(end, closes) - Math.max(minutesOf(b.localStart), opens));
    const units = capacity.get(b.bookableId) === 1 ? 1 : Math.min(b.quantity, capacity.get(b.bookableId)!);
    held += (minutes * units) / capacity.get(b.bookableId)!;
  }
  return Math.min(1, Math.round((held / ((closes - opens) * shown.length)) * 100) / 100);
}

/** Everything the day board shows for one site and date. */
export async function dayBoard(ctx: Ctx, actor: Actor, input: { siteId?: string; date: string }): Promise<DayBoard> {
  const siteId = input.siteId ?? ctx.siteId;
  const site = await loadSite(ctx.db, siteId, input.date);
  const shown = await bookables.bookablesAt(ctx.db, siteId);
  const from = zonedInstant(input.date, '00:00', site.timeZone);
  const to = zonedInstant(addDaysIso(input.date, 1), '00:00', site.timeZone);
  // no-shows released that day stay on the board, drawn as released: the desk sees what happened
  const bookings = (await repo.onBoard(ctx.db, { siteId, from, to, withReleased: true })).map((b) => toBoardBooking(b, site.timeZone, actor));
  const day = dayOf(site, input.date);
  const window = day.opens ? { opens: day.opens, closes: day.closes } : null;
  const { fromTime, toTime } = hoursToShow([day], bookings);
  return {
    date: input.date,
    timeZone: site.timeZone,
    siteId,
    siteName: site.name,
    opens: window?.opens ?? null,
    closes: window?.closes ?? null,
    closure: day.closure,
    fromTime,
    toTime,
    bookables: shown,
    bookings,
  };
}

/** The dates a calendar covers: Monday to Sunday around `date`, or the whole weeks of its month. */
export function calendarDates(date: string, span: 'week' | 'month'): string[] {
  const first = span === 'week' ? date : `${date.slice(0, 8)}01`;
  const monday = addDaysIso(first, 1 - weekdayOf(first));
  if (span === 'week') return Array.from({ length: 7 }, (_, i) => addDaysIso(monday, i));
  const nextMonth = addDaysIso(`${date.slice(0, 8)}28`, 7).slice(0, 7);
  const dates: string[] = [];
  for (let d = monday; d.slice(0, 7) !== nextMonth || weekdayOf(d) !== 1; d = addDaysIso(d, 1)) dates.push(d);
  return dates;
}

type CalendarInput = { siteId?: string; date: string; span: 'week' | 'month'; kind?: BookableKind; bookableId?: string };

/** Bookings grouped by their local date, in order. */
function byLocalDate<T extends { localDate: string }>(bookings: readonly T[]): Map<string, T[]> {
  const byDate = new Map<string, T[]>();
  for (const b of bookings) {
    const ofDay = byDate.get(b.localDate);
    if (ofDay) ofDay.push(b);
    else byDate.set(b.localDate, [b]);
  }
  return byDate;
}

/**
 * What a calendar shows, and each day's bookings to count them and see how full it is. A week
 * shows every booking; a month lists the first few of each day, so only those are read whole.
 */
async function calendarBookings(ctx: Ctx, actor: Actor, scope: repo.BoardScope, span: 'week' | 'month', zone: string) {
  if (span === 'week') {
    const bookings = (await repo.onBoard(ctx.db, scope)).map((b) => toBoardBooking(b, zone, actor));
    return { bookings, byDate: byLocalDate<Held>(bookings) };
  }
  const held = (await repo.heldOnBoard(ctx.db, scope)).map(([id, bookableId, quantity, startMs, endMs, status]) => ({
    id,
    bookableId,
    quantity,
    status,
    ...localSpan(startMs, endMs, zone),
  }));
  const byDate = byLocalDate<Held>(held);
  const listed = [...byDate.values()].flatMap((ofDay) => ofDay.slice(0, MONTH_LISTED).map((b) => b.id));
  const bookings = (await repo.onBoard(ctx.db, scope, listed)).map((b) => toBoardBooking(b, zone, actor));
  return { bookings, byDate };
}

/** A week or a month of one bookable, or of every bookable of a kind (every bookable without one) at a site. */
export async function calendar(ctx: Ctx, actor: Actor, input: CalendarInput): Promise<Calendar> {
  let siteId = input.siteId ?? ctx.siteId;
  if (input.bookableId) {
    const row = await bookables.bookableRecord(ctx.db, input.bookableId);
    if (!row) throw notFound('The bookable');
    siteId = row.site_id;
  }
  const dates = calendarDates(input.date, input.span);
  const site = await loadSite(ctx.db, siteId, dates[0]);
  const shown = (await bookables.bookablesAt(ctx.db, siteId)).filter((b) =>
    input.bookableId ? b.id === input.bookableId : !input.kind || b.kind === input.kind,
  );
  const from = zonedInstant(dates[0], '00:00', site.timeZone);
  const to = zonedInstant(addDaysIso(dates[dates.length - 1], 1), '00:00', site.timeZone);
  const scope = { siteId, from, to, withReleased: true, bookableIds: shown.map((b) => b.id) };
  const { bookings, byDate } = shown.length ? await calendarBookings(ctx, actor, scope, input.span, site.timeZone) : { bookings: [], byDate: new Map() };
  const days = dates.map((d) => {
    const day = dayOf(site, d);
    const ofDay = byDate.get(d) ?? [];
    return { ...day, count: ofDay.length, load: dayLoad(day, ofDay, shown) };
  });
  return {
    span: input.span,
    today: zonedParts(ctx.now().getTime(), site.timeZone).date,
    timeZone: site.timeZone,
    siteName: site.name,
    ...hoursToShow(days, input.span === 'week' ? bookings : []),
    days,
    bookables: shown,
    bookings,
  };
}
