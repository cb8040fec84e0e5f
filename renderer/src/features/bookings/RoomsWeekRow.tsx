import { type CSSProperties, type KeyboardEvent, memo, type MouseEvent, type PointerEvent, useState } from 'react';
import { Link } from 'wouter';
import type { Calendar } from '@shared/contract/bookings.contract';
import { blockClass, describeBooking } from './boardLayout';
import type { SlotSpan } from './useSlotDrag';
import { whoOf } from './time';
import { BLOCK_HEIGHT, BLOCK_TOP, blockAt, LANE_PX, type PaintedBlock } from './weekPaint';

export { LANE_PX };

/** A booking placed in its day: its lane (where bookings overlap, as on desks) and its minutes, clipped to the hours shown. */
export type Placed = PaintedBlock;

/** A day column as every row draws it, worked out once per week rather than once per cell. */
export interface DayColumn {
  date: string;
  label: string;
  today: boolean;
  /** The closed hours before opening and after closing, as shares (%) of the hours shown; a closed day is all closed. */
  closedBefore: number;
  closedAfter: number;
}

/** What a row's cells call: the same object on every render (it reads the page's latest state), so rows stay memoised. */
export interface RowEvents {
  key(event: KeyboardEvent, row: number, col: number): void;
  focus(row: number, col: number): void;
  open(id: string): void;
  pointer(track: string, what: 'down' | 'move' | 'up' | 'leave', event: PointerEvent<HTMLElement>): void;
}

interface RowProps {
  row: number;
  top: number;
  height: number;
  bookable: Calendar['bookables'][number];
  days: readonly DayColumn[];
  /** This row's bookings, by day. */
  cells: readonly (readonly Placed[])[];
  /** The keyboard cursor's column when it is on this row, else -1. */
  cursorCol: number;
  /** The slots being dragged across in this row, if any. */
  selection: SlotSpan | null;
  slots: number;
  /** Where now is (% of the hours shown) on today's column, or null. */
  nowAt: number | null;
  pct: (minute: number) => number;
  events: RowEvents;
}

/** The painted block under the pointer in a cell, if any (the cell's 1 px left border is not part of its day). */
function hitOf(event: MouseEvent<HTMLElement>, placed: readonly Placed[], pct: (minute: number) => number) {
  const box = event.currentTarget.getBoundingClientRect();
  return blockAt(placed, event.clientX - box.left - 1, event.clientY - box.top, box.width - 1, pct);
}

/** One bookable's week: redrawn only when its own bookings, cursor or selection change. */
export const RoomsWeekRow = memo(function RoomsWeekRow({ row, top, height, bookable, days, cells, cursorCol, selection, slots, nowAt, pct, events }: RowProps) {
  // the painted block the pointer is over: its note, and a hand for the pointer
  const [hovered, setHover] = useState<{ col: number; block: Placed } | null>(null);
  // a note outlives its block only until the pointer moves (the next week drew other blocks there)
  const hover = hovered && cells[hovered.col].includes(hovered.block) ? hovered : null;
  return (
    <div role="row" aria-rowindex={row + 2} className="rooms-week-row" style={{ height, top }}>
      <div role="rowheader" className="rooms-week-name">
        <Link href={`/bookables/${bookable.id}/week/${days[0].date}`}>{bookable.name}</Link>
        <span className="muted small">{bookable.capacity}</span>
      </div>
      {/* cells and blocks keyed by place, not by date or booking: the next week reuses the elements drawn for this one */}
      {days.map((day, col) => {
        const track = `${bookable.id} ${day.date}`;
        const placed = cells[col];
        const sel = selection?.track === track ? selection : null;
        // the closed hours are the cell's ::before and ::after (calendar.css), not elements of their own
        const closed = { '--closed-before': `${day.closedBefore}%`, '--closed-after': `${day.closedAfter}%` } as CSSProperties;
        return (
          <div
            key={col}
            role="gridcell"
            className={`rooms-week-cell${day.today ? ' today' : ''}${hover?.col === col ? ' over-block' : ''}`}
            style={closed}
            data-cell={`${row}-${col}`}
            tabIndex={cursorCol === col ? 0 : -1}
            aria-label={`${bookable.name}, ${day.label}: ${placed.length ? placed.map((p) => describeBooking(p.booking)).join('; ') : 'free'}`}
            onFocus={(e) => e.target === e.currentTarget && events.focus(row, col)}
            onKeyDown={(e) => events.key(e, row, col)}
            onPointerDown={(e) => (hitOf(e, placed, pct) ? undefined : events.pointer(track, 'down', e))}
            onPointerMove={(e) => {
              const block = col === cursorCol ? undefined : hitOf(e, placed, pct);
              if (block !== hover?.block) setHover(block ? { col, block } : null);
              events.pointer(track, 'move', e);
            }}
            onPointerUp={(e) => events.pointer(track, 'up', e)}
            onPointerLeave={(e) => {
              setHover(null);
              events.pointer(track, 'leave', e);
            }}
            onClick={(e) => {
              // by where it lands, not by its target: the press may have moved the cursor here and turned the blocks into buttons
              const block = (e.target as HTMLElement).closest('.block') ? undefined : hitOf(e, placed, pct);
              if (block) events.open(block.booking.id);
            }}
          >
            {day.today && nowAt !== null ? <div className="now-line" style={{ left: `${nowAt}%` }} aria-hidden="true" /> : null}
            {sel ? (
              <div className="board-slot selected" style={{ left: `${(sel.a / slots) * 100}%`, width: `${((sel.b - sel.a + 1) / slots) * 100}%` }} />
            ) : null}
            {/* the cursor's cell shows its blocks as buttons (Tab reaches them, Enter opens one, their note shows on focus); the others are painted */}
            {col !== cursorCol
              ? null
              : placed.map((p, i) => (
                  <button
                    key={i}
                    type="button"
                    className={blockClass(p.booking, bookable.kind)}
                    style={{
                      left: `${pct(p.from)}%`,
                      width: `calc(${pct(p.to) - pct(p.from)}% - 1px)`,
                      top: BLOCK_TOP + p.lane * LANE_PX,
                      height: BLOCK_HEIGHT,
                    }}
                    data-tip={`${bookable.name} · ${describeBooking(p.booking)}`}
                    onClick={() => events.open(p.booking.id)}
                  >
                    {whoOf(p.booking)}
                  </button>
                ))}
            {hover?.col === col ? (
              // fixed, as the buttons' notes are, so that the grid's scrolling box does not cut it off
              <span className="rooms-week-note" style={{ left: `${pct(hover.block.from)}%`, top: BLOCK_TOP + hover.block.lane * LANE_PX }}>
                <span role="tooltip">
                  {bookable.name} · {describeBooking(hover.block.booking)}
                </span>
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
});
