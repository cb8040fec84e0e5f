import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  BoardBooking,
  Booking,
  bookingRequest,
  DayBoard,
  FreeRoom,
  Occurrence,
  Scope,
  SeriesPlan,
  seriesRequest,
} from '../../../../shared/contract/bookings.contract';
import type { Bookable } from '../../../../shared/contract/bookables.contract';
import {
  type BookingRules,
  type Violation,
  cancelViolation,
  checkTiming,
  occupancy,
  openingWindow,
  peakLoad,
} from '../../../../shared/domain/bookingRules';
import { newId } from '../../../../shared/domain/ids';
import { type Recurrence, describeRecurrence, occurrenceDates } from '../../../../shared/domain/recurrence';
import { addDaysIso, minutesOf, timeOfMinutes, weekdayOf, zonedInstant, zonedParts } from '../../../../shared/domain/zoned';
import type { Actor, Ctx } from '../../context';
import type { DB } from '../../db/schema';
import { immediate } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import * as bookablesRepo from '../bookables/bookables.repository';
import { effectiveRules, toBookable } from '../bookables/bookables.service';
import * as membersRepo from '../members/members.repository';
import { currentMember } from '../members/members.service';
import { type LoadedSite, defaultSiteId, loadSite } from '../settings/settings.service';
import { bookingsCalendar } from './bookings.ics';
import * as repo from './bookings.repository';
import { requireSelf } from '../../permissions';
import { ensurePresent } from '../frontdesk/frontdesk.service';

type Request = z.output<typeof bookingRequest>;
type SeriesInput = z.output<typeof seriesRequest>;
const MINUTE = 60_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The booking's date, start and end in the site's zone; the end carries its date when it is another day. */
function localSpan(startMs: number, endMs: number, zone: string) {
  const from = zonedParts(startMs, zone);
  const to = zonedParts(endMs, zone);
  return { localDate: from.date, localStart: from.time, localEnd: to.date === from.date ? to.time : `${to.date} ${to.time}` };
}

export function toBooking(row: repo.BookingRow): Booking {
  return {
    id: row.id,
    bookableId: row.bookable_id,
    bookableName: row.bookable_name,
    kind: row.kind,
    memberId: row.member_id,
    memberName: row.member_name,
    guestName: row.guest_name,
    title: row.title,
    quantity: row.quantity,
    start: new Date(row.start_ms).toISOString(),
    end: new Date(row.end_ms).toISOString(),
    ...localSpan(row.start_ms, row.end_ms, row.time_zone),
    status: row.status,
    seriesId: row.series_id,
    checkedInAt: iso(row.checked_in_at),
    cancelledAt: iso(row.cancelled_at),
    cutoffOverridden: row.cutoff_overridden === 1,
    price: row.price_minor,
    currency: row.currency,
  };
}

async function loadBooking(db: Kysely<DB>, id: string): Promise<Booking> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('The booking');
  return toBooking(row);
}

/** A bookable with its site and the rules that apply to it. */
interface Target {
  row: bookablesRepo.BookableRow;
  site: LoadedSite;
  rules: BookingRules;
}

async function loadTarget(db: Kysely<DB>, bookableId: string, today?: string): Promise<Target> {
  const row = await bookablesRepo.findById(db, bookableId);
  if (!row) throw new AppError('NOT_FOUND', 'That bookable does not exist.', { bookableId: 'Unknown bookable' });
  const site = await loadSite(db, row.site_id, today);
  return { row, site, rules: effectiveRules(site, row) };
}

/** Turns a request into an interval: its own start and end, or the opening hours of `date`. */
function intervalOf(req: { start?: string; end?: string; date?: string }, target: Target): { start: number; end: number } | Violation {
  if (req.date) {
    const window = openingWindow(req.date, target.site, weekdayOf(req.date));
    if (!window) return { rule: 'opening-hours', message: `${target.site.name} is closed on ${req.date}.` };
    return { start: window.start, end: window.end };
  }
  return { start: Date.parse(req.start!), end: Date.parse(req.end!) };
}

/** What a booking would cost: the hourly rate for its length and units, frozen at booking time. */
function priceOf(target: Target, start: number, end: number, quantity: number): number {
  return Math.round((target.row.hourly_rate_minor * (end - start) * unitsHeld(target.row, quantity)) / (60 * MINUTE));
}

function describeClash(h: repo.HeldRow, zone: string): string {
  const who = h.member_name ?? h.guest_name;
  const from = zonedParts(h.start_ms, zone);
  const to = zonedParts(h.end_ms, zone);
  return `${who}’s booking ${from.date === to.date ? `${from.time}–${to.time}` : `${from.date} ${from.time} – ${to.date} ${to.time}`}`;
}

/** HeldRow plus the occupancy fields peakLoad reads. */
type Held = repo.HeldRow & { occStart: number; occEnd: number };
const asHeld = (rows: repo.HeldRow[]): Held[] => rows.map((r) => ({ ...r, occStart: r.occ_start_ms, occEnd: r.occ_end_ms }));

/** A room is taken whole; desks and resources have `capacity` units to share. */
const unitsAvailable = (row: bookablesRepo.BookableRow) => (row.kind === 'room' ? 1 : row.capacity);
const unitsHeld = (row: bookablesRepo.BookableRow, quantity: number) => (row.kind === 'room' ? 1 : quantity);

interface Candidate {
  start: number;
  end: number;
  quantity: number;
  memberId: string | null;
  guestName: string;
}

/**
 * Every rule for one candidate booking. `planned` are other occurrences of the same series,
 * not yet written; `exclude` are bookings being moved (they do not clash with themselves).
 */
async function evaluate(
  db: Kysely<DB>,
  ctx: Ctx,
  target: Target,
  c: Candidate,
  options: { planned?: Held[]; exclude?: string[]; commitments?: number } = {},
): Promise<Violation[]> {
  const { row, site, rules } = target;
  const v: Violation[] = [];
  if (row.retired_at !== null) v.push({ rule: 'retired', message: `${row.name} is retired and takes no new bookings.` });
  if (c.memberId === null && rules.membersOnly) v.push({ rule: 'members-only', message: `${row.name} is for members only.` });
  v.push(...checkTiming({ start: c.start, end: c.end, rules, site, now: ctx.now().getTime(), bookableName: row.name }));
  if (v.some((x) => x.rule === 'interval')) return v;

  if (c.quantity > row.capacity) {
    const what = row.kind === 'resource' ? 'available' : 'seats';
    v.push({ rule: 'capacity', message: `${row.name} has ${row.capacity} ${what}; ${c.quantity} asked for.` });
  } else {
    const occ = occupancy(c.start, c.end, rules);
    const held = [...asHeld(await repo.held(db, [row.id], occ.occStart, occ.occEnd, options.exclude)), ...(options.planned ?? [])];
    const load = peakLoad(held, occ.occStart, occ.occEnd);
    const available = unitsAvailable(row);
    if (load + unitsHeld(row, c.quantity) > available) {
      const clashes = held.filter((h) => h.occStart < occ.occEnd && h.occEnd > occ.occStart);
      v.push({
        rule: 'capacity',
        message:
          available === 1
            ? `Clashes with ${clashes.map((h) => describeClash(h, site.timeZone)).join(', ')}${rules.bufferAfterMinutes || rules.bufferBeforeMinutes ? ' (including the buffer between bookings)' : ''}.`
            : `Only ${Math.max(0, available - load)} of ${available} free at that time.`,
      });
    }
  }
  if (c.memberId !== null) {
    const held = options.commitments ?? (await repo.memberCommitments(db, c.memberId, ctx.now().getTime(), options.exclude));
    if (held >= rules.maxConcurrentPerMember) {
      v.push({ rule: 'max-concurrent', message: `A member may hold ${rules.maxConcurrentPerMember} bookings at a time; this member already holds ${held}.` });
    }
  }
  return v;
}

const FIELD_OF_RULE: Partial<Record<Violation['rule'], string>> = {
  capacity: 'quantity',
  'max-concurrent': 'memberId',
  'members-only': 'memberId',
  retired: 'bookableId',
};

function ruleError(violations: Violation[]): AppError {
  const fields: Record<string, string> = {};
  for (const v of violations) fields[FIELD_OF_RULE[v.rule] ?? 'start'] ??= v.message;
  return new AppError('RULE', violations.map((v) => v.message).join(' '), fields, violations[0].rule);
}

async function assertMember(db: Kysely<DB>, memberId: string | null): Promise<void> {
  if (memberId !== null) await currentMember(db, memberId);
}

/** The database guard is the last line: if it fires, report it as the capacity rule. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && error.message.includes('OVERBOOKED')) {
      throw new AppError('RULE', 'Someone else has just booked that time.', { quantity: 'Fully booked' }, 'capacity');
    }
    throw error;
  }
}

function newRow(ctx: Ctx, target: Target, c: Candidate, title: string, seriesId: string | null) {
  const now = ctx.now().getTime();
  const occ = occupancy(c.start, c.end, target.rules);
  return {
    id: newId(),
    bookable_id: target.row.id,
    member_id: c.memberId,
    guest_name: c.guestName,
    title,
    quantity: c.quantity,
    units: unitsHeld(target.row, c.quantity),
    start_ms: c.start,
    end_ms: c.end,
    occ_start_ms: occ.occStart,
    occ_end_ms: occ.occEnd,
    status: target.rules.approvalRequired ? ('pending' as const) : ('confirmed' as const),
    series_id: seriesId,
    price_minor: priceOf(target, c.start, c.end, c.quantity),
    currency: target.site.currency,
    checked_in_at: null,
    cancelled_at: null,
    cancelled_by: null,
    cancel_reason: '',
    cutoff_overridden: 0,
    created_at: now,
    updated_at: now,
  };
}

/** Checks a booking without writing anything: the dialog's live feedback. */
const OWN_BOOKING = 'You can only book for yourself.';
const OWN_ONLY = 'That is not your booking: only the front desk can change other members’ bookings.';

export async function check(ctx: Ctx, actor: Actor, req: Request): Promise<{ violations: Violation[]; price: number; currency: string }> {
  requireSelf(actor, req.memberId, OWN_BOOKING);
  const target = await loadTarget(ctx.db, req.bookableId);
  await assertMember(ctx.db, req.memberId);
  const interval = intervalOf(req, target);
  if ('rule' in interval) return { violations: [interval], price: 0, currency: target.site.currency };
  const violations = await evaluate(ctx.db, ctx, target, { ...interval, quantity: req.quantity, memberId: req.memberId, guestName: req.guestName });
  return { violations, price: priceOf(target, interval.start, interval.end, req.quantity), currency: target.site.currency };
}

/** Books, or says which rule refuses. Check and insert run in one immediate transaction. */
export async function create(ctx: Ctx, actor: Actor, req: Request): Promise<Booking> {
  requireSelf(actor, req.memberId, OWN_BOOKING);
  const booking = await immediate(ctx.db, async (trx) => {
    const target = await loadTarget(trx, req.bookableId);
    await assertMember(trx, req.memberId);
    const interval = intervalOf(req, target);
    if ('rule' in interval) throw ruleError([interval]);
    const candidate = { ...interval, quantity: req.quantity, memberId: req.memberId, guestName: req.guestName };
    const violations = await evaluate(trx, ctx, target, candidate);
    if (violations.length > 0) throw ruleError(violations);
    const row = newRow(ctx, target, candidate, req.title, null);
    await guarded(() => repo.insert(trx, row));
    return loadBooking(trx, row.id);
  });
  ctx.emit('bookings.changed');
  return booking;
}

export async function get(ctx: Ctx, actor: Actor, id: string): Promise<Booking> {
  const booking = await loadBooking(ctx.db, id);
  requireSelf(actor, booking.memberId, OWN_ONLY);
  return booking;
}

/** Every occurrence of a series with what stands in its way; nothing is written. */
async function planOccurrences(db: Kysely<DB>, ctx: Ctx, target: Target, s: SeriesInput): Promise<(Occurrence & { startMs: number; endMs: number })[]> {
  const dates = occurrenceDates(s.firstDate, s.recurrence as Recurrence);
  const planned: Held[] = [];
  // A series counts once against the member's limit: each occurrence is checked as that one.
  const commitments = s.memberId ? await repo.memberCommitments(db, s.memberId, ctx.now().getTime()) : 0;
  const result = [];
  for (const date of dates) {
    const start = zonedInstant(date, s.startTime, target.site.timeZone);
    const end = zonedInstant(date, s.endTime, target.site.timeZone);
    const candidate = { start, end, quantity: s.quantity, memberId: s.memberId, guestName: s.guestName };
    const violations = await evaluate(db, ctx, target, candidate, { planned, commitments });
    if (violations.length === 0) {
      const occ = occupancy(start, end, target.rules);
      planned.push({ id: `planned-${date}`, bookable_id: target.row.id, occ_start_ms: occ.occStart, occ_end_ms: occ.occEnd, occStart: occ.occStart, occEnd: occ.occEnd, start_ms: start, end_ms: end, quantity: unitsHeld(target.row, s.quantity), member_name: 'this series', guest_name: '' });
    }
    result.push({ date, start: new Date(start).toISOString(), end: new Date(end).toISOString(), violations, startMs: start, endMs: end });
  }
  return result;
}

export async function planSeries(ctx: Ctx, actor: Actor, s: SeriesInput): Promise<SeriesPlan> {
  requireSelf(actor, s.memberId, OWN_BOOKING);
  const target = await loadTarget(ctx.db, s.bookableId);
  await assertMember(ctx.db, s.memberId);
  const occurrences = (await planOccurrences(ctx.db, ctx, target, s)).map(({ startMs: _s, endMs: _e, ...o }) => o);
  const clashing = occurrences.filter((o) => o.violations.length > 0).length;
  return { description: describeRecurrence(s.recurrence as Recurrence), occurrences, free: occurrences.length - clashing, clashing };
}

/**
 * Books a series. With onClash "none", any clash books nothing and reports the clashing dates;
 * with "book-free", the free occurrences are booked and the others reported as skipped.
 */
export async function createSeries(ctx: Ctx, actor: Actor, s: SeriesInput & { onClash: 'book-free' | 'none' }) {
  requireSelf(actor, s.memberId, OWN_BOOKING);
  const result = await immediate(ctx.db, async (trx) => {
    const target = await loadTarget(trx, s.bookableId);
    await assertMember(trx, s.memberId);
    const plan = await planOccurrences(trx, ctx, target, s);
    const free = plan.filter((o) => o.violations.length === 0);
    const skipped = plan.filter((o) => o.violations.length > 0).map(({ startMs: _s, endMs: _e, ...o }) => o);
    if (free.length === 0) throw new AppError('RULE', 'None of the dates is free.', { firstDate: 'No free date' }, skipped[0]?.violations[0]?.rule);
    if (skipped.length > 0 && s.onClash === 'none') {
      const dates = skipped.map((o) => o.date).join(', ');
      throw new AppError('RULE', `Nothing was booked: ${skipped.length} of ${plan.length} dates clash (${dates}).`, { firstDate: `Clashes on ${dates}` }, skipped[0].violations[0].rule);
    }
    const seriesId = newId();
    await repo.insertSeries(trx, { id: seriesId, bookable_id: target.row.id, member_id: s.memberId, recurrence: JSON.stringify({ ...s.recurrence, startTime: s.startTime, endTime: s.endTime }), created_at: ctx.now().getTime() });
    const ids: string[] = [];
    for (const o of free) {
      const row = newRow(ctx, target, { start: o.startMs, end: o.endMs, quantity: s.quantity, memberId: s.memberId, guestName: s.guestName }, s.title, seriesId);
      await guarded(() => repo.insert(trx, row));
      ids.push(row.id);
    }
    const booked = [];
    for (const id of ids) booked.push(await loadBooking(trx, id));
    return { seriesId, booked, skipped };
  });
  ctx.emit('bookings.changed');
  return result;
}

/** The bookings a scope covers: this one, this and the later ones of its series, or all still to come. */
async function inScope(db: Kysely<DB>, row: repo.BookingRow, scope: Scope, now: number): Promise<repo.BookingRow[]> {
  if (scope === 'this' || row.series_id === null) return [row];
  return repo.seriesFrom(db, row.series_id, scope === 'following' ? row.start_ms : Math.min(row.start_ms, now));
}

async function activeRow(db: Kysely<DB>, id: string): Promise<repo.BookingRow> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('The booking');
  if (row.status !== 'pending' && row.status !== 'confirmed') {
    throw new AppError('CONFLICT', `The booking is already ${row.status}.`);
  }
  return row;
}

/**
 * Cancels within the cut-off. A manager may cancel after it with `override`, and that is
 * recorded on the booking; nobody else can.
 */
export async function cancel(ctx: Ctx, actor: Actor, input: { id: string; scope: Scope; override: boolean; reason: string }) {
  const result = await immediate(ctx.db, async (trx) => {
    const now = ctx.now().getTime();
    const row = await activeRow(trx, input.id);
    requireSelf(actor, row.member_id, OWN_ONLY);
    const rows = await inScope(trx, row, input.scope, now);
    const target = await loadTarget(trx, row.bookable_id);
    const manager = actor.role === 'manager';
    const late = rows.map((r) => ({ r, v: cancelViolation(r.start_ms, now, target.rules, manager) })).filter((x) => x.v !== null);
    if (late.length > 0 && !(input.override && manager)) {
      const { message } = late[0].v!;
      throw new AppError('RULE', message, { scope: message }, 'cancel-cutoff');
    }
    const lateIds = new Set(late.map((x) => x.r.id));
    for (const r of rows) {
      await repo.update(trx, r.id, {
        status: 'cancelled',
        cancelled_at: now,
        cancelled_by: actor.memberId ?? actor.role,
        cancel_reason: input.reason,
        cutoff_overridden: lateIds.has(r.id) ? 1 : 0,
        updated_at: now,
      });
    }
    const cancelled = [];
    for (const r of rows) cancelled.push(await loadBooking(trx, r.id));
    return { cancelled };
  });
  ctx.emit('bookings.changed');
  return result;
}

/** Moves one occurrence (to another date too), or the times of this and following, or all. */
export async function reschedule(ctx: Ctx, actor: Actor, input: { id: string; scope: Scope; date?: string; startTime: string; endTime: string }) {
  const result = await immediate(ctx.db, async (trx) => {
    const now = ctx.now().getTime();
    const row = await activeRow(trx, input.id);
    requireSelf(actor, row.member_id, OWN_ONLY);
    const rows = await inScope(trx, row, input.scope, now);
    const target = await loadTarget(trx, row.bookable_id);
    const zone = target.site.timeZone;
    const moving = rows.map((r) => r.id);
    const problems: string[] = [];
    const moves = [];
    const planned: Held[] = [];
    for (const r of rows) {
      const date = input.scope === 'this' && input.date ? input.date : zonedParts(r.start_ms, zone).date;
      const start = zonedInstant(date, input.startTime, zone);
      const end = zonedInstant(date, input.endTime, zone);
      const v = await evaluate(trx, ctx, target, { start, end, quantity: r.quantity, memberId: r.member_id, guestName: r.guest_name }, { exclude: moving, planned, commitments: 0 });
      if (v.length > 0) problems.push(`${date}: ${v.map((x) => x.message).join(' ')}`);
      const occ = occupancy(start, end, target.rules);
      planned.push({ id: r.id, bookable_id: r.bookable_id, occ_start_ms: occ.occStart, occ_end_ms: occ.occEnd, occStart: occ.occStart, occEnd: occ.occEnd, start_ms: start, end_ms: end, quantity: r.units, member_name: 'this series', guest_name: '' });
      moves.push({ id: r.id, start, end, occ, price: priceOf(target, start, end, r.quantity) });
    }
    if (problems.length > 0) throw new AppError('RULE', `Nothing was moved. ${problems.join(' ')}`, { startTime: problems[0] });
    for (const m of moves) {
      await guarded(() =>
        repo.update(trx, m.id, { start_ms: m.start, end_ms: m.end, occ_start_ms: m.occ.occStart, occ_end_ms: m.occ.occEnd, price_minor: m.price, updated_at: now }),
      );
    }
    const moved = [];
    for (const m of moves) moved.push(await loadBooking(trx, m.id));
    return { moved };
  });
  ctx.emit('bookings.changed');
  return result;
}

/** Check-in opens 15 minutes before the start and closes at the end. */
export async function checkIn(ctx: Ctx, actor: Actor, id: string): Promise<Booking> {
  const booking = await immediate(ctx.db, async (trx) => {
    const now = ctx.now().getTime();
    const row = await activeRow(trx, id);
    requireSelf(actor, row.member_id, OWN_ONLY);
    if (row.status === 'pending') throw new AppError('RULE', 'The booking is still waiting for approval.', undefined, 'approval');
    if (row.checked_in_at !== null) {
      throw new AppError('CONFLICT', `Already checked in at ${zonedParts(row.checked_in_at, row.time_zone).time}.`);
    }
    if (now < row.start_ms - 15 * MINUTE) throw new AppError('RULE', `Check-in opens at ${zonedParts(row.start_ms - 15 * MINUTE, row.time_zone).time}.`, undefined, 'check-in');
    if (now >= row.end_ms) throw new AppError('RULE', 'The booking has ended.', undefined, 'check-in');
    await repo.update(trx, id, { checked_in_at: now, updated_at: now });
    // Checking in a booking means the member is here.
    if (row.member_id) await ensurePresent(trx, row.member_id, row.site_id, now);
    return loadBooking(trx, id);
  });
  ctx.emit('bookings.changed');
  ctx.emit('frontdesk.changed');
  return booking;
}

export async function decide(ctx: Ctx, id: string, approve: boolean, reason = ''): Promise<Booking> {
  const booking = await immediate(ctx.db, async (trx) => {
    const row = await activeRow(trx, id);
    if (row.status !== 'pending') throw new AppError('CONFLICT', 'Only a booking waiting for approval can be approved or declined.');
    const now = ctx.now().getTime();
    await repo.update(trx, id, approve ? { status: 'confirmed', updated_at: now } : { status: 'declined', cancel_reason: reason, cancelled_at: now, updated_at: now });
    return loadBooking(trx, id);
  });
  ctx.emit('bookings.changed');
  return booking;
}

export const pending = async (ctx: Ctx) => (await repo.pending(ctx.db)).map(toBooking);

/**
 * Releases bookings that require check-in when nobody checked in within the grace period,
 * so the space goes back on the board. Runs every minute in the app.
 */
export async function releaseNoShows(ctx: Ctx): Promise<{ released: number }> {
  const released = await immediate(ctx.db, async (trx) => {
    const now = ctx.now().getTime();
    const candidates = await repo.unattended(trx, now);
    const targets = new Map<string, Target>();
    let count = 0;
    for (const c of candidates) {
      if (!targets.has(c.bookable_id)) targets.set(c.bookable_id, await loadTarget(trx, c.bookable_id));
      const { rules } = targets.get(c.bookable_id)!;
      if (rules.checkinRequired && now >= c.start_ms + rules.noShowGraceMinutes * MINUTE) {
        await repo.update(trx, c.id, { status: 'released', cancelled_at: now, cancelled_by: 'no-show release', updated_at: now });
        count++;
      }
    }
    return count;
  });
  if (released > 0) ctx.emit('bookings.changed');
  return { released };
}

function roundDown(time: string): string {
  return timeOfMinutes(Math.floor(minutesOf(time) / 60) * 60);
}
function roundUp(time: string): string {
  return timeOfMinutes(Math.min(24 * 60, Math.ceil(minutesOf(time) / 60) * 60));
}

function toBoardBooking([id, bookableId, memberName, guestName, title, quantity, startMs, endMs, state]: repo.BoardRow, zone: string): BoardBooking {
  return {
    id,
    bookableId,
    memberName,
    guestName,
    title,
    quantity,
    status: state === 'in' ? 'confirmed' : (state as BoardBooking['status']),
    checkedIn: state === 'in',
    ...localSpan(startMs, endMs, zone),
  };
}

/** Everything the day board shows for one site and date. */
export async function dayBoard(ctx: Ctx, input: { siteId?: string; date: string }): Promise<DayBoard> {
  const siteId = input.siteId ?? (await defaultSiteId(ctx.db));
  const site = await loadSite(ctx.db, siteId, input.date);
  const rows = await bookablesRepo.onBoard(ctx.db, siteId);
  const from = zonedInstant(input.date, '00:00', site.timeZone);
  const to = zonedInstant(addDaysIso(input.date, 1), '00:00', site.timeZone);
  const bookings = (await repo.onBoard(ctx.db, siteId, from, to)).map((b) => toBoardBooking(b, site.timeZone));
  const window = openingWindow(input.date, site, weekdayOf(input.date));
  const closure = site.closures.find((c) => c.date === input.date);
  let fromTime = window ? roundDown(window.opens) : '08:00';
  let toTime = window ? roundUp(window.closes) : '18:00';
  for (const b of bookings) {
    fromTime = b.localDate < input.date ? '00:00' : b.localStart < fromTime ? roundDown(b.localStart) : fromTime;
    const endsToday = b.localEnd.length === 5;
    toTime = !endsToday ? '24:00' : b.localEnd > toTime ? roundUp(b.localEnd) : toTime;
  }
  return {
    date: input.date,
    timeZone: site.timeZone,
    siteId,
    siteName: site.name,
    opens: window?.opens ?? null,
    closes: window?.closes ?? null,
    closure: closure ? closure.reason || 'closed' : null,
    fromTime,
    toTime,
    bookables: rows.map(([id, kind, name, capacity, features]) => ({ id, kind, name, capacity, features: JSON.parse(features) as string[] })),
    bookings,
  };
}

/** One bookable's week, Monday to Sunday, around `date`. */
export async function week(ctx: Ctx, input: { bookableId: string; date: string }) {
  const target = await loadTarget(ctx.db, input.bookableId);
  const monday = addDaysIso(input.date, 1 - weekdayOf(input.date));
  const days = [0, 1, 2, 3, 4, 5, 6].map((i) => addDaysIso(monday, i));
  const zone = target.site.timeZone;
  const rows = await repo.ofBookable(ctx.db, target.row.id, zonedInstant(monday, '00:00', zone), zonedInstant(addDaysIso(monday, 7), '00:00', zone));
  return { bookable: toBookable(target.row, target.site), days, timeZone: zone, bookings: rows.map(toBooking) };
}

export async function forMember(ctx: Ctx, actor: Actor, input: { memberId: string; when: 'upcoming' | 'past' }): Promise<Booking[]> {
  requireSelf(actor, input.memberId, 'You can only see your own bookings.');
  if (!(await membersRepo.findById(ctx.db, input.memberId))) throw notFound('The member');
  return (await repo.ofMember(ctx.db, input.memberId, input.when, ctx.now().getTime())).map(toBooking);
}

/** "A room for 6, Tuesday 10–12, with a screen": free rooms, the snuggest fit first. */
export async function findRooms(ctx: Ctx, input: { siteId?: string; date: string; startTime: string; endTime: string; people: number; features: string[] }): Promise<FreeRoom[]> {
  const siteId = input.siteId ?? (await defaultSiteId(ctx.db));
  const site = await loadSite(ctx.db, siteId, input.date);
  const wanted = input.features.map((f) => f.trim().toLowerCase());
  // Each room read once into its Bookable (features parsed, rules resolved), then filtered and ranked.
  const rooms = (await bookablesRepo.list(ctx.db, { siteId, kind: 'room', includeRetired: false }))
    .map((r) => toBookable(r, site))
    .filter((r) => r.capacity >= input.people && wanted.every((f) => r.features.includes(f)));
  if (rooms.length === 0) return [];
  const start = zonedInstant(input.date, input.startTime, site.timeZone);
  const end = zonedInstant(input.date, input.endTime, site.timeZone);
  const widest = Math.max(...rooms.map((r) => (r.rules.bufferBeforeMinutes + r.rules.bufferAfterMinutes) * MINUTE));
  const held = asHeld(await repo.held(ctx.db, rooms.map((r) => r.id), start - widest, end + widest));
  const now = ctx.now().getTime();
  const free = rooms.filter((r) => {
    if (checkTiming({ start, end, rules: r.rules, site, now, bookableName: r.name }).length > 0) return false;
    const occ = occupancy(start, end, r.rules);
    return peakLoad(held.filter((h) => h.bookable_id === r.id), occ.occStart, occ.occEnd) === 0;
  });
  free.sort((a, b) => a.capacity - b.capacity || a.features.length - b.features.length || a.name.localeCompare(b.name));
  return free.map((r) => {
    const spare = r.capacity - input.people;
    const fit = spare === 0 ? `seats ${r.capacity} (exact fit)` : `seats ${r.capacity} (${spare} spare)`;
    return { bookable: r, fit: wanted.length ? `${fit}, has ${wanted.join(', ')}` : fit };
  });
}

/** The earliest start from `from` on where the bookable is free for `minutes`, within its rules. */
export async function nextFree(ctx: Ctx, input: { bookableId: string; from: string; minutes: number; quantity: number }) {
  const target = await loadTarget(ctx.db, input.bookableId);
  const { rules, site, row } = target;
  const now = ctx.now().getTime();
  const from = Math.max(Date.parse(input.from), now);
  const horizon = now + rules.maxDaysAhead * 24 * 60 * MINUTE;
  const held = asHeld(await repo.held(ctx.db, [row.id], from - (rules.bufferAfterMinutes + rules.bufferBeforeMinutes) * MINUTE, horizon + input.minutes * MINUTE));
  const step = rules.slotMinutes * MINUTE;
  for (let date = zonedParts(from, site.timeZone).date; zonedInstant(date, '00:00', site.timeZone) <= horizon; date = addDaysIso(date, 1)) {
    const window = rules.withinOpeningHours ? openingWindow(date, site, weekdayOf(date)) : { start: zonedInstant(date, '00:00', site.timeZone), end: zonedInstant(addDaysIso(date, 1), '00:00', site.timeZone) };
    if (!window || site.closures.some((c) => c.date === date)) continue;
    // First slot boundary at or after `from`, counted from the day's opening.
    let start = window.start < from ? window.start + Math.ceil((from - window.start) / step) * step : window.start;
    for (; start + input.minutes * MINUTE <= window.end && start <= horizon; start += step) {
      const end = start + input.minutes * MINUTE;
      const occ = occupancy(start, end, rules);
      if (peakLoad(held, occ.occStart, occ.occEnd) + unitsHeld(row, input.quantity) > unitsAvailable(row)) continue;
      if (checkTiming({ start, end, rules, site, now, bookableName: row.name }).length === 0) {
        return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
      }
    }
  }
  return null;
}

/** Desks with a free seat at `at` (now by default). */
export async function freeDesks(ctx: Ctx, input: { siteId?: string; at?: string }): Promise<{ bookable: Bookable; freeSeats: number }[]> {
  const siteId = input.siteId ?? (await defaultSiteId(ctx.db));
  const site = await loadSite(ctx.db, siteId);
  const desks = await bookablesRepo.list(ctx.db, { siteId, kind: 'desk', includeRetired: false });
  if (desks.length === 0) return [];
  const at = input.at ? Date.parse(input.at) : ctx.now().getTime();
  const held = asHeld(await repo.held(ctx.db, desks.map((d) => d.id), at, at + 1));
  return desks
    .map((d) => ({ bookable: toBookable(d, site), freeSeats: d.capacity - peakLoad(held.filter((h) => h.bookable_id === d.id), at, at + 1) }))
    .filter((d) => d.freeSeats > 0);
}

export type { Bookable };

const ICS_PAST_DAYS = 30;
const ICS_FUTURE_DAYS = 400;

/** A member's or a bookable's bookings from a month ago on, as an .ics file. */
export async function ics(ctx: Ctx, actor: Actor, input: { memberId: string } | { bookableId: string }): Promise<{ filename: string; ics: string }> {
  if ('memberId' in input) requireSelf(actor, input.memberId, 'You can only export your own bookings.');
  const now = ctx.now().getTime();
  const from = now - ICS_PAST_DAYS * 24 * 60 * MINUTE;
  const to = now + ICS_FUTURE_DAYS * 24 * 60 * MINUTE;
  if ('memberId' in input) {
    const member = await membersRepo.findById(ctx.db, input.memberId);
    if (!member) throw notFound('The member');
    const rows = (await repo.ofMember(ctx.db, member.id, 'upcoming', from)).filter((r) => r.start_ms < to);
    const site = await loadSite(ctx.db, rows[0]?.site_id ?? (await defaultSiteId(ctx.db)));
    return { filename: `coopdesk-${slug(member.name)}.ics`, ics: bookingsCalendar(`${member.name} — bookings`, site.timeZone, site.name, rows) };
  }
  const target = await loadTarget(ctx.db, input.bookableId);
  const rows = await repo.ofBookable(ctx.db, target.row.id, from, to);
  return {
    filename: `coopdesk-${slug(target.row.name)}.ics`,
    ics: bookingsCalendar(`${target.row.name} — ${target.site.name}`, target.site.timeZone, target.site.name, rows),
  };
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
