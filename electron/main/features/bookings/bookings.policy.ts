import type { Kysely } from 'kysely';
import type { Booking, Occurrence, Scope, bookingRequest, seriesRequest } from '@shared/contract/bookings.contract';
import { type BookingRules, type Violation, checkTiming, occupancy, openingWindow, peakLoad } from '@shared/domain/bookingRules';
import { newId } from '@shared/domain/ids';
import { type Recurrence, occurrenceDates } from '@shared/domain/recurrence';
import { weekdayOf, zonedInstant, zonedParts } from '@shared/domain/zoned';
import { type Actor, type Ctx, isStaff } from '../../context';
import type { DB } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { type BookableRecord, bookableRecord, effectiveRules } from '../bookables';
import { currentMember } from '../members';
import { type LoadedSite, loadSite } from '../sites';
import type { z } from 'zod';
import * as repo from './bookings.repository';
import { isOverbooked } from '../../db/sqlite';

export type Request = z.output<typeof bookingRequest>;
export type SeriesInput = z.output<typeof seriesRequest>;
export const MINUTE = 60_000;
export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The booking's date, start and end in the site's zone; the end carries its date when it is another day. */
export function localSpan(startMs: number, endMs: number, zone: string) {
  const from = zonedParts(startMs, zone);
  const to = zonedParts(endMs, zone);
  return { localDate: from.date, localStart: from.time, localEnd: to.date === from.date ? to.time : `${to.date} ${to.time}` };
}

/**
 * What a member sees of a booking that is not theirs: that the time is taken, not by whom or
 * for what (the front desk sees everything). One rule for the board, the week and the .ics.
 */
export const hiddenFrom = (actor: Actor, ownerId: string | null) => !isStaff(actor) && (actor.memberId === null || actor.memberId !== ownerId);

export function asSeenBy<T extends { member_id: string | null; member_name: string | null; guest_name: string; title: string }>(actor: Actor, row: T): T {
  return hiddenFrom(actor, row.member_id) ? { ...row, member_name: null, guest_name: '', title: '' } : row;
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
    creditsUsed: row.credits_used,
    currency: row.currency,
  };
}

export async function loadBooking(db: Kysely<DB>, id: string): Promise<Booking> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('The booking');
  return toBooking(row);
}

/** A bookable with its site and the rules that apply to it. */
export interface Target {
  row: BookableRecord;
  site: LoadedSite;
  rules: BookingRules;
}

export async function loadTarget(db: Kysely<DB>, bookableId: string, today?: string): Promise<Target> {
  const row = await bookableRecord(db, bookableId);
  if (!row) throw new AppError('NOT_FOUND', 'That bookable does not exist.', { bookableId: 'Unknown bookable' });
  const site = await loadSite(db, row.site_id, today);
  return { row, site, rules: effectiveRules(site, row) };
}

/** Turns a request into an interval: its own start and end, or the opening hours of `date`. */
export function intervalOf(req: { start?: string; end?: string; date?: string }, target: Target): { start: number; end: number } | Violation {
  if (req.date) {
    const window = openingWindow(req.date, target.site, weekdayOf(req.date));
    if (!window) return { rule: 'opening-hours', message: `${target.site.name} is closed on ${req.date}.` };
    return { start: window.start, end: window.end };
  }
  return { start: Date.parse(req.start!), end: Date.parse(req.end!) };
}

function describeClash(h: repo.HeldRow, zone: string): string {
  const who = h.member_name ?? h.guest_name;
  const from = zonedParts(h.start_ms, zone);
  const to = zonedParts(h.end_ms, zone);
  return `${who}’s booking ${from.date === to.date ? `${from.time}–${to.time}` : `${from.date} ${from.time} – ${to.date} ${to.time}`}`;
}

/** HeldRow plus the occupancy fields peakLoad reads. */
/** A booking not yet written (another occurrence of a series, or a booking being moved) as the overlap check sees it. */
export function plannedHeld(id: string, bookableId: string, start: number, end: number, rules: BookingRules, units: number): Held {
  const occ = occupancy(start, end, rules);
  return {
    id,
    bookable_id: bookableId,
    occ_start_ms: occ.occStart,
    occ_end_ms: occ.occEnd,
    occStart: occ.occStart,
    occEnd: occ.occEnd,
    start_ms: start,
    end_ms: end,
    quantity: units,
    member_name: 'this series',
    guest_name: '',
  };
}

export type Held = repo.HeldRow & { occStart: number; occEnd: number };
export const asHeld = (rows: repo.HeldRow[]): Held[] => rows.map((r) => ({ ...r, occStart: r.occ_start_ms, occEnd: r.occ_end_ms }));

/** A room is taken whole; desks and resources have `capacity` units to share. */
export const unitsAvailable = (row: BookableRecord) => (row.kind === 'room' ? 1 : row.capacity);
export const unitsHeld = (row: BookableRecord, quantity: number) => (row.kind === 'room' ? 1 : quantity);

export interface Candidate {
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
export async function evaluate(
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

export function ruleError(violations: Violation[]): AppError {
  const fields: Record<string, string> = {};
  for (const v of violations) fields[FIELD_OF_RULE[v.rule] ?? 'start'] ??= v.message;
  return new AppError('RULE', violations.map((v) => v.message).join(' '), fields, violations[0].rule);
}

export async function assertMember(db: Kysely<DB>, memberId: string | null): Promise<void> {
  if (memberId !== null) await currentMember(db, memberId);
}

/** The database guard is the last line: if it fires, report it as the capacity rule. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isOverbooked(error)) {
      throw new AppError('RULE', 'Someone else has just booked that time.', { quantity: 'Fully booked' }, 'capacity');
    }
    throw error;
  }
}

/** A new booking's row; `charge` is what its member pays and what their plan covered (`chargeOf`). */
export function newRow(ctx: Ctx, target: Target, c: Candidate, title: string, seriesId: string | null, charge: { priceMinor: number; creditsUsed: number }) {
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
    price_minor: charge.priceMinor,
    credits_used: charge.creditsUsed,
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

/** Every occurrence of a series with what stands in its way; nothing is written. */
export async function planOccurrences(db: Kysely<DB>, ctx: Ctx, target: Target, s: SeriesInput): Promise<(Occurrence & { startMs: number; endMs: number })[]> {
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
      planned.push(plannedHeld(`planned-${date}`, target.row.id, start, end, target.rules, unitsHeld(target.row, s.quantity)));
    }
    result.push({ date, start: new Date(start).toISOString(), end: new Date(end).toISOString(), violations, startMs: start, endMs: end });
  }
  return result;
}

/** The bookings a scope covers: this one, this and the later ones of its series, or all still to come. */
export async function inScope(db: Kysely<DB>, row: repo.BookingRow, scope: Scope, now: number): Promise<repo.BookingRow[]> {
  if (scope === 'this' || row.series_id === null) return [row];
  return repo.seriesFrom(db, row.series_id, scope === 'following' ? row.start_ms : Math.min(row.start_ms, now));
}

export async function activeRow(db: Kysely<DB>, id: string): Promise<repo.BookingRow> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('The booking');
  if (row.status !== 'pending' && row.status !== 'confirmed') {
    throw new AppError('CONFLICT', `The booking is already ${row.status}.`);
  }
  return row;
}

export const OWN_BOOKING = 'You can only book for yourself.';
export const OWN_ONLY = 'That is not your booking: only the front desk can change other members’ bookings.';
