import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { CalendarEntry } from '../../ics';
import type { Booking, FreeRoom, SeriesPlan } from '@shared/contract/bookings.contract';
import type { RecordLabel } from '@shared/contract/audit.contract';
import type { Bookable } from '@shared/contract/bookables.contract';
import { type Violation, checkTiming, occupancy, openingWindow, peakLoad } from '@shared/domain/bookingRules';
import { type Recurrence, describeRecurrence } from '@shared/domain/recurrence';
import { addDaysIso, weekdayOf, zonedInstant, zonedParts } from '@shared/domain/zoned';
import type { Actor, Ctx } from '../../context';
import { notFound } from '../../errors';
import { requireSelf } from '../../permissions';
import { toBookable } from '../bookables';
import * as bookables from '../bookables';
import { memberById } from '../members';
import { loadSite } from '../sites';
import { bookingsCalendar } from './ics.format';
import * as repo from './bookings.repository';
import { chargeOf } from './charging.policy';
import {
  MINUTE,
  type Request,
  type SeriesInput,
  OWN_BOOKING,
  OWN_ONLY,
  asHeld,
  assertMember,
  evaluate,
  intervalOf,
  loadBooking,
  loadTarget,
  planOccurrences,
  toBooking,
  unitsAvailable,
  unitsHeld,
  asSeenBy,
} from './bookings.policy';

/** Checks a booking without writing anything: the dialog's live feedback. */
export async function check(
  ctx: Ctx,
  actor: Actor,
  req: Request,
): Promise<{ violations: Violation[]; price: number; currency: string; credits: string | null }> {
  requireSelf(actor, req.memberId, OWN_BOOKING);
  const target = await loadTarget(ctx.db, req.bookableId);
  await assertMember(ctx.db, req.memberId);
  const interval = intervalOf(req, target);
  if ('rule' in interval) return { violations: [interval], price: 0, currency: target.site.currency, credits: null };
  const candidate = { ...interval, quantity: req.quantity, memberId: req.memberId, guestName: req.guestName };
  const [violations, charge] = await Promise.all([evaluate(ctx.db, ctx, target, candidate), chargeOf(ctx.db, target, candidate)]);
  return { violations, price: charge.priceMinor, currency: target.site.currency, credits: charge.credits };
}

export async function get(ctx: Ctx, actor: Actor, id: string): Promise<Booking> {
  const booking = await loadBooking(ctx.db, id);
  requireSelf(actor, booking.memberId, OWN_ONLY);
  return booking;
}

export async function planSeries(ctx: Ctx, actor: Actor, s: SeriesInput): Promise<SeriesPlan> {
  requireSelf(actor, s.memberId, OWN_BOOKING);
  const target = await loadTarget(ctx.db, s.bookableId);
  await assertMember(ctx.db, s.memberId);
  const occurrences = (await planOccurrences(ctx.db, ctx, target, s)).map(({ startMs: _s, endMs: _e, ...o }) => o);
  const clashing = occurrences.filter((o) => o.violations.length > 0).length;
  return { description: describeRecurrence(s.recurrence as Recurrence), occurrences, free: occurrences.length - clashing, clashing };
}

/** Bookings named for the audit log: "Garden Room, 10:00–11:00" on its date, linking to that day's board. */
export async function bookingLabels(ctx: Ctx, ids: readonly string[]): Promise<RecordLabel[]> {
  return (await repo.withIds(ctx.db, ids)).map((row) => {
    const b = toBooking(row);
    return { id: b.id, label: `${b.bookableName}, ${b.localStart}–${b.localEnd}`, date: b.localDate, href: `/bookings/${b.localDate}` };
  });
}

export const pending = async (ctx: Ctx) => (await repo.pending(ctx.db)).map(toBooking);

export async function forMember(ctx: Ctx, actor: Actor, input: { memberId: string; when: 'upcoming' | 'past' }): Promise<Booking[]> {
  requireSelf(actor, input.memberId, 'You can only see your own bookings.');
  if (!(await memberById(ctx.db, input.memberId))) throw notFound('The member');
  return (await repo.ofMember(ctx.db, input.memberId, input.when, ctx.now().getTime())).map(toBooking);
}

/** "A room for 6, Tuesday 10–12, with a screen": free rooms, the snuggest fit first. */
export async function findRooms(ctx: Ctx, input: { siteId?: string; start: string; end: string; people: number; features: string[] }): Promise<FreeRoom[]> {
  const siteId = input.siteId ?? ctx.siteId;
  const start = Date.parse(input.start);
  const end = Date.parse(input.end);
  // Closures from the day before on cover the start's date in any zone.
  const site = await loadSite(ctx.db, siteId, new Date(start - 86_400_000).toISOString().slice(0, 10));
  const wanted = input.features.map((f) => f.trim().toLowerCase());
  // Each room read once into its Bookable (features parsed, rules resolved), then filtered and ranked.
  const rooms = (await bookables.bookableRecords(ctx.db, { siteId, kind: 'room', includeRetired: false }))
    .map((r) => toBookable(r, site))
    .filter((r) => r.capacity >= input.people && wanted.every((f) => r.features.includes(f)));
  if (rooms.length === 0) return [];
  const widest = Math.max(...rooms.map((r) => (r.rules.bufferBeforeMinutes + r.rules.bufferAfterMinutes) * MINUTE));
  const held = asHeld(
    await repo.held(
      ctx.db,
      rooms.map((r) => r.id),
      start - widest,
      end + widest,
    ),
  );
  const now = ctx.now().getTime();
  const free = rooms.filter((r) => {
    if (checkTiming({ start, end, rules: r.rules, site, now, bookableName: r.name }).length > 0) return false;
    const occ = occupancy(start, end, r.rules);
    return (
      peakLoad(
        held.filter((h) => h.bookable_id === r.id),
        occ.occStart,
        occ.occEnd,
      ) === 0
    );
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
  const held = asHeld(
    await repo.held(ctx.db, [row.id], from - (rules.bufferAfterMinutes + rules.bufferBeforeMinutes) * MINUTE, horizon + input.minutes * MINUTE),
  );
  const step = rules.slotMinutes * MINUTE;
  for (let date = zonedParts(from, site.timeZone).date; zonedInstant(date, '00:00', site.timeZone) <= horizon; date = addDaysIso(date, 1)) {
    const window = rules.withinOpeningHours
      ? openingWindow(date, site, weekdayOf(date))
      : { start: zonedInstant(date, '00:00', site.timeZone), end: zonedInstant(addDaysIso(date, 1), '00:00', site.timeZone) };
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
  const siteId = input.siteId ?? ctx.siteId;
  const site = await loadSite(ctx.db, siteId);
  const desks = await bookables.bookableRecords(ctx.db, { siteId, kind: 'desk', includeRetired: false });
  if (desks.length === 0) return [];
  const at = input.at ? Date.parse(input.at) : ctx.now().getTime();
  const held = asHeld(
    await repo.held(
      ctx.db,
      desks.map((d) => d.id),
      at,
      at + 1,
    ),
  );
  return desks
    .map((d) => ({
      bookable: toBookable(d, site),
      freeSeats:
        d.capacity -
        peakLoad(
          held.filter((h) => h.bookable_id === d.id),
          at,
          at + 1,
        ),
    }))
    .filter((d) => d.freeSeats > 0);
}

/** Free desk seats at `at`, all desks of the site together. */
export async function deskSeatsFree(ctx: Ctx, input: { siteId?: string; at?: string }): Promise<number> {
  return (await freeDesks(ctx, input)).reduce((n, d) => n + d.freeSeats, 0);
}

export type { Bookable };

const ICS_PAST_DAYS = 30;
const ICS_FUTURE_DAYS = 400;

/** A member's bookings from a month ago on, with other entries of theirs (events), as iCalendar text (the portal's subscription feed). */
export const memberCalendar = async (ctx: Ctx, memberId: string, more: readonly CalendarEntry[] = []) =>
  (await ics(ctx, { role: 'member', memberId }, { memberId }, more)).ics;

/** A member's or a bookable's bookings from a month ago on, as an .ics file. */
export async function ics(
  ctx: Ctx,
  actor: Actor,
  input: { memberId: string } | { bookableId: string },
  more: readonly CalendarEntry[] = [],
): Promise<{ filename: string; ics: string }> {
  if ('memberId' in input) requireSelf(actor, input.memberId, 'You can only export your own bookings.');
  const now = ctx.now().getTime();
  const from = now - ICS_PAST_DAYS * 24 * 60 * MINUTE;
  const to = now + ICS_FUTURE_DAYS * 24 * 60 * MINUTE;
  if ('memberId' in input) {
    const member = await memberById(ctx.db, input.memberId);
    if (!member) throw notFound('The member');
    const rows = (await repo.ofMember(ctx.db, member.id, 'upcoming', from)).filter((r) => r.start_ms < to);
    const site = await loadSite(ctx.db, rows[0]?.site_id ?? ctx.siteId);
    return { filename: `coopdesk-${slug(member.name)}.ics`, ics: bookingsCalendar(`${member.name} — bookings`, site.timeZone, site.name, rows, more) };
  }
  const target = await loadTarget(ctx.db, input.bookableId);
  const rows = await repo.ofBookable(ctx.db, target.row.id, from, to);
  return {
    filename: `coopdesk-${slug(target.row.name)}.ics`,
    ics: bookingsCalendar(
      `${target.row.name} — ${target.site.name}`,
      target.site.timeZone,
      target.site.name,
      rows.map((r) => asSeenBy(actor, r)),
    ),
  };
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export interface ChargedBooking {
  id: string;
  memberId: string;
  startMs: number;
  endMs: number;
  status: Booking['status'];
  priceMinor: number;
  creditsUsed: number;
  bookableName: string;
  kind: Booking['kind'];
}

/** Members' bookings that cost something or used plan credits, starting in `from`..`to` (all members, or one): what statements list. */
export async function chargedBetween(db: Kysely<DB>, from: number, to: number, memberId?: string): Promise<ChargedBooking[]> {
  return (await repo.chargedBetween(db, from, to, memberId)).map((b) => ({
    id: b.id,
    memberId: b.member_id!,
    startMs: b.start_ms,
    endMs: b.end_ms,
    status: b.status,
    priceMinor: b.price_minor,
    creditsUsed: b.credits_used,
    bookableName: b.bookable_name,
    kind: b.kind,
  }));
}
