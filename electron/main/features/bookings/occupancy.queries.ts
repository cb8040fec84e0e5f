import { EARLY_CHECK_IN_MINUTES, peakLoad } from '@shared/domain/bookingRules';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { bookablesAt } from '../bookables';
import { asHeld } from './bookings.policy';
import * as repo from './bookings.repository';

/** A booking as other features see it (Today, the demo): who, what, when, and whether they are here. */
export interface Occupied {
  id: string;
  bookableId: string;
  memberId: string | null;
  /** The member's name, or the guest's with "(guest)". */
  who: string;
  title: string;
  quantity: number;
  startMs: number;
  endMs: number;
  checkedIn: boolean;
}

/** The site's bookings overlapping [from, to) that hold their place (no released no-shows), in start order. */
export async function occupancy(db: Kysely<DB>, siteId: string, from: number, to: number): Promise<Occupied[]> {
  return (await repo.onBoard(db, { siteId, from, to })).map(([id, bookableId, memberName, guestName, title, quantity, startMs, endMs, state, memberId]) => ({
    id,
    bookableId,
    memberId,
    who: memberName ?? `${guestName} (guest)`,
    title,
    quantity,
    startMs,
    endMs,
    checkedIn: state === 'in',
  }));
}

/**
 * The site's desk seats: how many in all, free now, and free for the rest of the day — the
 * seats no booking needs at the busiest moment from now until `closing`, the arithmetic a new
 * booking is checked with (two one-seat bookings that never overlap hold one seat, not two).
 */
export async function deskSeats(
  db: Kysely<DB>,
  siteId: string,
  now: number,
  closing: number,
): Promise<{ total: number; freeNow: number; freeRestOfDay: number }> {
  const desks = (await bookablesAt(db, siteId)).filter((b) => b.kind === 'desk');
  const until = Math.max(closing, now + 1);
  const held = desks.length
    ? asHeld(
        await repo.held(
          db,
          desks.map((d) => d.id),
          now,
          until,
        ),
      )
    : [];
  let freeNow = 0;
  let freeRestOfDay = 0;
  for (const desk of desks) {
    const mine = held.filter((h) => h.bookable_id === desk.id);
    freeNow += Math.max(0, desk.capacity - peakLoad(mine, now, now + 1));
    freeRestOfDay += Math.max(0, desk.capacity - peakLoad(mine, now, until));
  }
  return { total: desks.reduce((n, d) => n + d.capacity, 0), freeNow, freeRestOfDay };
}

/** A member who arrives is checked in to their bookings under way now or starting within the early check-in window; returns those. */
export const checkInOnArrival = (db: Kysely<DB>, memberId: string, now: number) =>
  repo.checkInBookingsStartingBefore(db, memberId, now, now + EARLY_CHECK_IN_MINUTES * 60_000);

/**
 * Hours each member booked (confirmed) between two instants, clipped to them: how much of the
 * premises each used, which costs shared by usage follow.
 */
export async function bookedHours(db: Kysely<DB>, from: number, to: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const r of await repo.confirmedBetween(db, from, to))
    out.set(r.member_id!, (out.get(r.member_id!) ?? 0) + (Math.min(r.end_ms, to) - Math.max(r.start_ms, from)) / 3_600_000);
  return out;
}
