import type { Kysely } from 'kysely';
import type { Booking, Scope } from '@shared/contract/bookings.contract';
import { cancelViolation, occupancy } from '@shared/domain/bookingRules';
import { newId } from '@shared/domain/ids';
import { zonedInstant, zonedParts } from '@shared/domain/zoned';
import { type Actor, type Ctx, isStaff, withDb } from '../../context';
import type { DB } from '../../db/schema';
import { commit, immediate } from '../../db/tx';
import { AppError } from '../../errors';
import { requireSelf } from '../../permissions';
import { ensurePresent } from '../presence';
import { notify, notifyStaff } from '../notifications';
import { formatIsoDate } from '@shared/domain/dates';
import * as repo from './bookings.repository';
import { chargeOf } from './charging.policy';
import {
  MINUTE,
  type Held,
  type Request,
  type SeriesInput,
  type Target,
  OWN_BOOKING,
  OWN_ONLY,
  activeRow,
  assertMember,
  evaluate,
  guarded,
  inScope,
  intervalOf,
  loadBooking,
  loadTarget,
  newRow,
  planOccurrences,
  plannedHeld,
  ruleError,
} from './bookings.policy';

/** Books, or says which rule refuses. Check and insert run in one immediate transaction. */
export async function create(ctx: Ctx, actor: Actor, req: Request): Promise<Booking> {
  requireSelf(actor, req.memberId, OWN_BOOKING);
  return commit(ctx, 'bookings.changed', async (trx) => {
    const booking = await bookWithin(ctx, trx, req);
    await tellStaffOfPending(ctx, trx, [booking]);
    return booking;
  });
}

/**
 * Books inside a transaction another feature opened (an event's room): the same rules, the same
 * clash check and guard; throws the rule that refuses, and the caller's whole change rolls back.
 * `beyondWindow`: the co-op's own events, planned by the desk, may be booked further ahead than
 * members may book (the window stops hoarding, not the co-op's calendar); every other rule holds.
 * `free`: the co-op's own use (an event's room) costs its member neither credits nor the rate.
 * `dayPass`: a pass sold at the desk holds a seat for the whole opening day, begun or not, for a
 * guest too (the pass is their membership for the day); its price is the pass's.
 */
export async function bookWithin(
  ctx: Ctx,
  trx: Kysely<DB>,
  req: Request,
  options: { beyondWindow?: boolean; free?: boolean; dayPass?: boolean } = {},
): Promise<Booking> {
  const target = await loadTarget(trx, req.bookableId);
  await assertMember(trx, req.memberId);
  const interval = intervalOf(req, target);
  if ('rule' in interval) throw ruleError([interval]);
  const candidate = { ...interval, quantity: req.quantity, memberId: req.memberId, guestName: req.guestName };
  const waived = new Set([...(options.beyondWindow ? ['booking-window'] : []), ...(options.dayPass ? ['past', 'members-only'] : [])]);
  const violations = (await evaluate(trx, ctx, target, candidate)).filter((v) => !waived.has(v.rule));
  if (violations.length > 0) throw ruleError(violations);
  const charge = options.free || options.dayPass ? { priceMinor: 0, creditsUsed: 0 } : await chargeOf(trx, target, candidate);
  const row = newRow(ctx, target, candidate, req.title, null, charge);
  await guarded(() => repo.insert(trx, row));
  return loadBooking(trx, row.id);
}

/** Cancels one booking inside another feature's transaction (a cancelled event frees its room), whatever the cut-off. */
export async function cancelWithin(trx: Kysely<DB>, id: string, by: string, reason: string, now: number): Promise<void> {
  await repo.update(trx, id, { status: 'cancelled', cancelled_at: now, cancelled_by: by, cancel_reason: reason, cutoff_overridden: 0, updated_at: now });
}

/** Renames one booking inside another feature's transaction (an event's room reads by the event's title). */
export async function retitleWithin(trx: Kysely<DB>, id: string, title: string, now: number): Promise<void> {
  await repo.update(trx, id, { title, updated_at: now });
}

/** Bookings that now wait for approval (made, a series, moved by a member): one message to the staff. */
async function tellStaffOfPending(ctx: Ctx, trx: Kysely<DB>, bookings: readonly Booking[]): Promise<void> {
  const pending = bookings.filter((b) => b.status === 'pending');
  if (pending.length === 0) return;
  const first = pending[0];
  await notifyStaff(withDb(ctx, trx), {
    kind: 'booking-pending',
    title: pending.length === 1 ? `Waiting for approval: ${described(first)}` : `${pending.length} bookings wait for approval, from ${described(first)}`,
    body: `Booked by ${first.memberName ?? first.guestName}.`,
    href: '/bookings/pending',
  });
}

/** "Garden Room on 26 Nov 2026, 10:00–11:00": a booking in a message. */
const described = (b: Booking) => `${b.bookableName} on ${formatIsoDate(b.localDate)}, ${b.localStart}–${b.localEnd}`;

/**
 * Books a series. With onClash "none", any clash books nothing and reports the clashing dates;
 * with "book-free", the free occurrences are booked and the others reported as skipped.
 */
export async function createSeries(ctx: Ctx, actor: Actor, s: SeriesInput & { onClash: 'book-free' | 'none' }) {
  requireSelf(actor, s.memberId, OWN_BOOKING);
  return commit(ctx, 'bookings.changed', async (trx) => {
    const target = await loadTarget(trx, s.bookableId);
    await assertMember(trx, s.memberId);
    const plan = await planOccurrences(trx, ctx, target, s);
    const free = plan.filter((o) => o.violations.length === 0);
    const skipped = plan.filter((o) => o.violations.length > 0).map(({ startMs: _s, endMs: _e, ...o }) => o);
    if (free.length === 0) throw new AppError('RULE', 'None of the dates is free.', { firstDate: 'No free date' }, skipped[0]?.violations[0]?.rule);
    if (skipped.length > 0 && s.onClash === 'none') {
      const dates = skipped.map((o) => o.date).join(', ');
      throw new AppError(
        'RULE',
        `Nothing was booked: ${skipped.length} of ${plan.length} dates clash (${dates}).`,
        { firstDate: `Clashes on ${dates}` },
        skipped[0].violations[0].rule,
      );
    }
    const seriesId = newId();
    await repo.insertSeries(trx, {
      id: seriesId,
      bookable_id: target.row.id,
      member_id: s.memberId,
      recurrence: JSON.stringify({ ...s.recurrence, startTime: s.startTime, endTime: s.endTime }),
      created_at: ctx.now().getTime(),
    });
    const ids: string[] = [];
    for (const o of free) {
      // one after the other: each occurrence sees the credits the earlier ones spent
      const candidate = { start: o.startMs, end: o.endMs, quantity: s.quantity, memberId: s.memberId, guestName: s.guestName };
      const row = newRow(ctx, target, candidate, s.title, seriesId, await chargeOf(trx, target, candidate));
      await guarded(() => repo.insert(trx, row));
      ids.push(row.id);
    }
    const booked = [];
    for (const id of ids) booked.push(await loadBooking(trx, id));
    await tellStaffOfPending(ctx, trx, booked);
    return { seriesId, booked, skipped };
  });
}

/** The actor's active booking and the ones its scope covers, with the rules of its bookable. */
async function changing(trx: Kysely<DB>, actor: Actor, input: { id: string; scope: Scope }, now: number) {
  const row = await activeRow(trx, input.id);
  requireSelf(actor, row.member_id, OWN_ONLY);
  return { rows: await inScope(trx, row, input.scope, now), target: await loadTarget(trx, row.bookable_id) };
}

/**
 * Cancels within the cut-off. A manager may cancel after it with `override`, and that is
 * recorded on the booking; nobody else can.
 */
export async function cancel(ctx: Ctx, actor: Actor, input: { id: string; scope: Scope; override: boolean; reason: string }) {
  return commit(ctx, 'bookings.changed', async (trx) => {
    const now = ctx.now().getTime();
    const { rows, target } = await changing(trx, actor, input, now);
    const manager = isStaff(actor);
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
}

/** Moves one occurrence (to another date too), or the times of this and following, or all. */
export async function reschedule(ctx: Ctx, actor: Actor, input: { id: string; scope: Scope; date?: string; startTime: string; endTime: string }) {
  return commit(ctx, 'bookings.changed', async (trx) => {
    const now = ctx.now().getTime();
    const { rows, target } = await changing(trx, actor, input, now);
    const zone = target.site.timeZone;
    const moving = rows.map((r) => r.id);
    const problems: string[] = [];
    const moves = [];
    const planned: Held[] = [];
    for (const r of rows) {
      const date = input.scope === 'this' && input.date ? input.date : zonedParts(r.start_ms, zone).date;
      const start = zonedInstant(date, input.startTime, zone);
      const end = zonedInstant(date, input.endTime, zone);
      const v = await evaluate(
        trx,
        ctx,
        target,
        { start, end, quantity: r.quantity, memberId: r.member_id, guestName: r.guest_name },
        { exclude: moving, planned, commitments: 0 },
      );
      if (v.length > 0) problems.push(`${date}: ${v.map((x) => x.message).join(' ')}`);
      const occ = occupancy(start, end, target.rules);
      planned.push(plannedHeld(r.id, r.bookable_id, start, end, target.rules, r.units));
      moves.push({ id: r.id, start, end, occ, memberId: r.member_id, quantity: r.quantity, free: r.price_minor === 0 && r.credits_used === 0 });
    }
    if (problems.length > 0) throw new AppError('RULE', `Nothing was moved. ${problems.join(' ')}`, { startTime: problems[0] });
    // Where bookings need approval, a member's move asks for it again; the front desk's does not.
    const approveAgain = target.rules.approvalRequired && !isStaff(actor);
    // what the moved bookings spent comes back first; each is then charged again, in order
    for (const m of moves) await repo.update(trx, m.id, { credits_used: 0 });
    for (const m of moves) {
      // the co-op's own use stays free when moved
      const charge = m.free
        ? { priceMinor: 0, creditsUsed: 0 }
        : await chargeOf(trx, target, { start: m.start, end: m.end, quantity: m.quantity, memberId: m.memberId });
      await guarded(() =>
        repo.update(trx, m.id, {
          start_ms: m.start,
          end_ms: m.end,
          occ_start_ms: m.occ.occStart,
          occ_end_ms: m.occ.occEnd,
          price_minor: charge.priceMinor,
          credits_used: charge.creditsUsed,
          updated_at: now,
          ...(approveAgain ? { status: 'pending' as const } : {}),
        }),
      );
    }
    const moved = [];
    for (const m of moves) moved.push(await loadBooking(trx, m.id));
    await tellStaffOfPending(ctx, trx, moved);
    return { moved };
  });
}

/** Check-in opens 15 minutes before the start and closes at the end. */
export async function checkIn(ctx: Ctx, actor: Actor, id: string): Promise<Booking> {
  return commit(ctx, ['bookings.changed', 'frontdesk.changed'], async (trx) => {
    const now = ctx.now().getTime();
    const row = await activeRow(trx, id);
    requireSelf(actor, row.member_id, OWN_ONLY);
    if (row.status === 'pending') throw new AppError('RULE', 'The booking is still waiting for approval.', undefined, 'approval');
    if (row.checked_in_at !== null) {
      throw new AppError('CONFLICT', `Already checked in at ${zonedParts(row.checked_in_at, row.time_zone).time}.`);
    }
    if (now < row.start_ms - 15 * MINUTE)
      throw new AppError('RULE', `Check-in opens at ${zonedParts(row.start_ms - 15 * MINUTE, row.time_zone).time}.`, undefined, 'check-in');
    if (now >= row.end_ms) throw new AppError('RULE', 'The booking has ended.', undefined, 'check-in');
    await repo.update(trx, id, { checked_in_at: now, updated_at: now });
    // Checking in a booking means the member is here.
    if (row.member_id) await ensurePresent(trx, row.member_id, row.site_id, now);
    return loadBooking(trx, id);
  });
}

export async function decide(ctx: Ctx, id: string, approve: boolean, reason = ''): Promise<Booking> {
  return commit(ctx, 'bookings.changed', async (trx) => {
    const row = await activeRow(trx, id);
    if (row.status !== 'pending') throw new AppError('CONFLICT', 'Only a booking waiting for approval can be approved or declined.');
    const now = ctx.now().getTime();
    await repo.update(
      trx,
      id,
      approve ? { status: 'confirmed', updated_at: now } : { status: 'declined', cancel_reason: reason, cancelled_at: now, updated_at: now },
    );
    const booking = await loadBooking(trx, id);
    if (row.member_id)
      await notify(withDb(ctx, trx), [row.member_id], {
        kind: approve ? 'booking-approved' : 'booking-declined',
        title: `${approve ? 'Approved' : 'Declined'}: ${described(booking)}`,
        body: approve ? 'Your booking is confirmed.' : `Your booking was declined${reason ? `: ${reason}` : '.'}`,
        href: `/bookings/${booking.localDate}`,
      });
    return booking;
  });
}

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
