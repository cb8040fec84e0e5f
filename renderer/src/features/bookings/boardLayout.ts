import type { QueryClient } from '@tanstack/react-query';
import type { BoardBooking, Booking, DayBoard } from '@shared/contract/bookings.contract';
import { minutes, whoOf } from './time';

/**
 * Where everything on the day board goes, computed once per board: each bookable's bookings in
 * lanes (overlapping desk or resource bookings one above the other), each row's top and height,
 * and each block's start and end in minutes of the board day. Drawing is then only positioning.
 */
export const SLOT_MINUTES = 30;
export const LANE_PX = 30;
const ROW_PAD_PX = 8;

export interface PlacedBooking {
  booking: BoardBooking;
  lane: number;
  /** Minutes from the board day's midnight, clipped to the board's hours. */
  from: number;
  to: number;
}

export interface BoardRowLayout {
  bookable: DayBoard['bookables'][number];
  placed: PlacedBooking[];
  height: number;
}

export interface BoardLayout {
  from: number;
  to: number;
  slots: number;
  rows: BoardRowLayout[];
  /** Opening and closing in minutes, or null when closed all day. */
  open: [number, number] | null;
}

export function layoutBoard(data: DayBoard): BoardLayout {
  const from = minutes(data.fromTime);
  const to = data.toTime === '24:00' ? 24 * 60 : minutes(data.toTime);
  const byBookable = new Map<string, BoardBooking[]>();
  for (const b of data.bookings) {
    const list = byBookable.get(b.bookableId);
    if (list) list.push(b);
    else byBookable.set(b.bookableId, [b]);
  }
  const rows = data.bookables.map((bookable) => {
    const ends: number[] = [];
    const placed = (byBookable.get(bookable.id) ?? []).map((booking) => {
      const start = booking.localDate < data.date ? from : Math.max(from, minutes(booking.localStart));
      const end = booking.localEnd.length > 5 ? to : Math.min(to, minutes(booking.localEnd));
      let lane = ends.findIndex((e) => e <= start);
      if (lane === -1) lane = ends.length;
      ends[lane] = end;
      return { booking, lane, from: start, to: end };
    });
    return { bookable, placed, height: Math.max(1, ends.length) * LANE_PX + ROW_PAD_PX };
  });
  const open = data.opens && data.closes && !data.closure ? ([minutes(data.opens), minutes(data.closes)] as [number, number]) : null;
  return { from, to, slots: Math.max(1, Math.ceil((to - from) / SLOT_MINUTES)), rows, open };
}

/** The booking under a slot of a row (the first lane's first), for the keyboard cursor. */
export function bookingAt(row: BoardRowLayout, minute: number): PlacedBooking | undefined {
  return row.placed.find((p) => p.from <= minute && minute < p.to);
}

/** Class names for a block: its status and whether the member is in, and the bookable's kind. */
export function blockClass(booking: BoardBooking, kind: string): string {
  return `block block-${booking.status}${booking.checkedIn ? ' block-in' : ''} kind-${kind}`;
}

const STATUS_WORDS: Record<string, string> = { pending: 'waiting for approval', released: 'released (no-show)', confirmed: 'booked' };

/** What a block says in full: on hover, under the keyboard cursor, and to screen readers. */
export function describeBooking(b: BoardBooking): string {
  const status = b.checkedIn ? 'checked in' : (STATUS_WORDS[b.status] ?? b.status);
  return `${b.localStart}–${b.localEnd} ${whoOf(b)}${b.title ? ` · ${b.title}` : ''}${b.quantity > 1 ? ` · ×${b.quantity}` : ''} · ${status}`;
}

/** Adds bookings just made to the cached boards of their day, before the refresh arrives. */
export function showOnBoards(client: QueryClient, made: readonly Booking[]): void {
  client.setQueriesData<DayBoard>({ queryKey: ['bookings.dayBoard'] }, (board) => {
    const mine = board ? made.filter((b) => b.localDate === board.date && !board.bookings.some((x) => x.id === b.id)) : [];
    if (!board || mine.length === 0) return board;
    const added = mine.map(({ id, bookableId, memberName, guestName, title, quantity, status, localDate, localStart, localEnd, checkedInAt }) => ({
      id,
      bookableId,
      memberName,
      guestName,
      title,
      quantity,
      status,
      localDate,
      localStart,
      localEnd,
      checkedIn: checkedInAt !== null,
    }));
    return { ...board, bookings: [...board.bookings, ...added].sort((a, b) => a.localStart.localeCompare(b.localStart)) };
  });
}
