import { type PointerEvent, useRef, useState } from 'react';

/** A drag across the slots of one track (a day of a room, a day column): which track, and from which slot to which. */
export interface SlotSpan {
  track: string;
  a: number;
  b: number;
}

/**
 * Click or drag on free time to book, for the calendars: press on a track, move along it
 * (across for a row, down for a column), let go; `onPick` gets the track and the first and last
 * slot. A press on a booking block is left to the block.
 */
export function useSlotDrag(axis: 'x' | 'y', onPick: (track: string, first: number, last: number) => void) {
  const [span, setSpan] = useState<SlotSpan | null>(null);
  const live = useRef<SlotSpan | null>(null);
  const set = (next: SlotSpan | null) => {
    live.current = next;
    setSpan(next);
  };
  const slotOf = (event: PointerEvent<HTMLElement>, slots: number) => {
    const box = event.currentTarget.getBoundingClientRect();
    const share = axis === 'x' ? (event.clientX - box.left) / box.width : (event.clientY - box.top) / box.height;
    return Math.max(0, Math.min(slots - 1, Math.floor(share * slots)));
  };
  const handlers = (track: string, slots: number) => ({
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (event.button !== 0 || (event.target as HTMLElement).closest('.block')) return;
      event.preventDefault();
      const slot = slotOf(event, slots);
      set({ track, a: slot, b: slot });
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      const now = live.current;
      if (now && now.track === track) {
        const slot = slotOf(event, slots);
        if (slot !== now.b) set({ ...now, b: slot });
      }
    },
    onPointerUp: () => {
      const now = live.current;
      set(null);
      if (now && now.track === track) onPick(track, Math.min(now.a, now.b), Math.max(now.a, now.b));
    },
    onPointerLeave: () => live.current?.track === track && set(null),
  });
  return { span, handlers };
}

/** The times a pick stands for: the slots dragged over, or an hour from a slot clicked. */
export function pickedTimes(from: number, to: number, slotMinutes: number, first: number, last: number): { start: number; end: number } {
  const start = from + first * slotMinutes;
  return { start, end: first === last ? Math.min(to, start + 60) : from + (last + 1) * slotMinutes };
}
