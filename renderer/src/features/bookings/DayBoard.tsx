import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, type KeyboardEvent, memo, type PointerEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { boardHeightGuess, useQuietMount } from '../../components/quietMount';
import { useAfterPaint } from '../../components/useAfterPaint';
import type { BoardBooking, DayBoard as Board } from '@shared/contract/bookings.contract';
import { zonedParts } from '@shared/domain/zoned';
import { blockClass, bookingAt, type BoardRowLayout, describeBooking as describe, layoutBoard, LANE_PX, SLOT_MINUTES } from './boardLayout';
import { hhmm, whoOf } from './time';

/**
 * The day board: one row per bookable, time across. Rows are drawn only as they scroll into view
 * and only redrawn when their own bookings, cursor or selection change; blocks are positioned,
 * and the hour grid and closed hours are backgrounds, so hundreds of bookables stay quick.
 * Keyboard: arrows move a cursor over slots and rows, Enter books the free slot or opens the
 * booking under the cursor. Mouse: click a free slot, or drag across slots, to book.
 */
const NAME_PX = 220;
/** Narrower than this and the board scrolls sideways instead. */
const MIN_SLOT_PX = 26;

interface Cursor {
  row: number;
  col: number;
}
interface Span {
  row: number;
  a: number;
  b: number;
}

export const DayBoard = memo(function DayBoard({
  data,
  onPick,
  onOpen,
}: {
  data: Board;
  onPick: (row: number, from: number, to: number) => void;
  onOpen: (id: string) => void;
}) {
  const layout = useMemo(() => layoutBoard(data), [data]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [cursorAt, setCursor] = useState<Cursor>({ row: 0, col: 0 });
  // another day may have fewer bookables or hours: the cursor stays on the board
  const cursor = { row: Math.min(cursorAt.row, layout.rows.length - 1), col: Math.min(cursorAt.col, layout.slots - 1) };
  const [hover, setHover] = useState<Cursor | null>(null);
  const [drag, setDrag] = useState<Span | null>(null);
  // the first paint draws the rows in view and one more; the rows ready for a scroll come after it
  const painted = useAfterPaint(true);
  const virtualizer = useVirtualizer({
    count: layout.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => layout.rows[i].height,
    overscan: painted ? 6 : 1,
    ...useQuietMount(boardHeightGuess()),
  });
  useEffect(() => virtualizer.measure(), [layout, virtualizer]);
  const nowMinute = useNowMinute(data.timeZone, data.date);

  const pick = useCallback(
    (row: number, a: number, b: number) => {
      const start = layout.from + Math.min(a, b) * SLOT_MINUTES;
      const end = a === b ? Math.min(layout.to, start + 60) : layout.from + (Math.max(a, b) + 1) * SLOT_MINUTES;
      onPick(row, start, end);
    },
    [layout, onPick],
  );
  const moveCursor = useCallback(
    (next: Cursor) => {
      const row = Math.max(0, Math.min(layout.rows.length - 1, next.row));
      const col = Math.max(0, Math.min(layout.slots - 1, next.col));
      setCursor({ row, col });
      virtualizer.scrollToIndex(row, { align: 'auto' });
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-row="${row}"] [role="gridcell"]`)?.focus());
    },
    [layout, virtualizer],
  );
  const onKey = useCallback(
    (event: KeyboardEvent, row: number, col: number) => {
      const moves: Record<string, Cursor> = {
        ArrowRight: { row, col: col + 1 },
        ArrowLeft: { row, col: col - 1 },
        ArrowDown: { row: row + 1, col },
        ArrowUp: { row: row - 1, col },
        Home: { row, col: 0 },
        End: { row, col: layout.slots - 1 },
        PageDown: { row: row + 10, col },
        PageUp: { row: row - 10, col },
      };
      if (moves[event.key]) {
        event.preventDefault();
        moveCursor(moves[event.key]);
      } else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        const under = bookingAt(layout.rows[row], layout.from + col * SLOT_MINUTES);
        if (under) onOpen(under.booking.id);
        else pick(row, col, col);
      }
    },
    [layout, moveCursor, onOpen, pick],
  );
  // The handlers read the drag and hover from a ref, so they stay the same between renders and
  // rows that did not change are not redrawn.
  const live = useRef({ drag, hover });
  live.current = { drag, hover };
  const pointer = useMemo(() => {
    const slotOf = (event: PointerEvent, track: HTMLElement) => {
      const box = track.getBoundingClientRect();
      return Math.max(0, Math.min(layout.slots - 1, Math.floor(((event.clientX - box.left) / box.width) * layout.slots)));
    };
    return {
      down: (event: PointerEvent<HTMLElement>, row: number) => {
        if ((event.target as HTMLElement).closest('.block')) return;
        event.preventDefault();
        const col = slotOf(event, event.currentTarget);
        setCursor({ row, col });
        setDrag({ row, a: col, b: col });
      },
      move: (event: PointerEvent<HTMLElement>, row: number) => {
        const col = slotOf(event, event.currentTarget);
        const { drag: d, hover: h } = live.current;
        if (d && d.row === row && d.b !== col) setDrag({ ...d, b: col });
        if (!h || h.row !== row || h.col !== col) setHover({ row, col });
      },
      up: (row: number) => {
        const d = live.current.drag;
        if (d && d.row === row) pick(row, d.a, d.b);
        setDrag(null);
      },
    };
  }, [layout, pick]);
  const span = layout.slots * SLOT_MINUTES;
  const x = (minute: number) => (minute - layout.from) / span; // share of the track's width
  // across the whole board, the track starts after the names column
  const onBoard = (share: number) => `calc(${NAME_PX}px + (100% - ${NAME_PX}px) * ${share})`;

  return (
    <div className="board-scroll" ref={scrollRef}>
      <div
        className="board"
        role="grid"
        aria-label="Day board"
        aria-rowcount={layout.rows.length + 1}
        data-date={data.date}
        data-from={hhmm(layout.from)}
        data-slots={layout.slots}
        style={{ minWidth: NAME_PX + layout.slots * MIN_SLOT_PX, '--slots': layout.slots } as CSSProperties}
        onPointerLeave={() => {
          setHover(null);
          setDrag(null);
        }}
      >
        <div role="row" className="board-row board-head" aria-rowindex={1}>
          <div role="columnheader" className="board-name">
            {layout.rows.length} bookable{layout.rows.length === 1 ? '' : 's'}
          </div>
          <div role="columnheader" className="board-hours">
            {Array.from({ length: Math.ceil((layout.to - layout.from) / 60) }, (_, i) => (
              <span key={i} style={{ left: `${x(layout.from + i * 60) * 100}%` }}>
                {hhmm(layout.from + i * 60)}
              </span>
            ))}
          </div>
        </div>
        <div className="board-body" style={{ height: virtualizer.getTotalSize() }}>
          {layout.open ? <Shade left={0} right={x(layout.open[0])} at={onBoard} /> : <Shade left={0} right={1} at={onBoard} />}
          {layout.open ? <Shade left={x(layout.open[1])} right={1} at={onBoard} /> : null}
          {nowMinute !== null && nowMinute >= layout.from && nowMinute <= layout.to ? (
            <div className="now-line" style={{ left: onBoard(x(nowMinute)) }} aria-hidden="true" title={`Now, ${hhmm(nowMinute)}`} />
          ) : null}
          {virtualizer.getVirtualItems().map((item) => (
            <BoardRow
              key={layout.rows[item.index].bookable.id}
              index={item.index}
              top={item.start}
              row={layout.rows[item.index]}
              date={data.date}
              from={layout.from}
              slots={layout.slots}
              cursorCol={cursor.row === item.index ? cursor.col : null}
              hoverCol={hover?.row === item.index ? hover.col : null}
              selection={drag?.row === item.index ? drag : null}
              onKey={onKey}
              onOpen={onOpen}
              onFocusRow={setCursor}
              pointer={pointer}
            />
          ))}
        </div>
      </div>
    </div>
  );
});

function Shade({ left, right, at }: { left: number; right: number; at: (share: number) => string }) {
  return right > left ? <div className="board-closed" style={{ left: at(left), right: `calc(100% - ${at(right)})` }} aria-hidden="true" /> : null;
}

interface RowProps {
  index: number;
  top: number;
  row: BoardRowLayout;
  date: string;
  from: number;
  slots: number;
  cursorCol: number | null;
  hoverCol: number | null;
  selection: Span | null;
  onKey: (event: KeyboardEvent, row: number, col: number) => void;
  onOpen: (id: string) => void;
  onFocusRow: (c: Cursor) => void;
  pointer: {
    down: (e: PointerEvent<HTMLElement>, row: number) => void;
    move: (e: PointerEvent<HTMLElement>, row: number) => void;
    up: (row: number) => void;
  };
}

const BoardRow = memo(function BoardRow({ index, top, row, date, from, slots, cursorCol, hoverCol, selection, onKey, onOpen, onFocusRow, pointer }: RowProps) {
  const [tip, setTip] = useState<BoardBooking | null>(null);
  const { bookable } = row;
  const col = cursorCol ?? 0;
  const cursorTime = hhmm(from + col * SLOT_MINUTES);
  const under = cursorCol !== null ? bookingAt(row, from + col * SLOT_MINUTES) : undefined;
  const shown = tip ?? under?.booking ?? null;
  const shownAt = shown ? row.placed.find((p) => p.booking === shown) : undefined;
  const pct = (minute: number) => ((minute - from) / (slots * SLOT_MINUTES)) * 100;
  const slotPct = 100 / slots;
  return (
    <div role="row" className="board-row" aria-rowindex={index + 2} data-row={index} style={{ top, height: row.height }}>
      <div role="rowheader" className="board-name">
        <Link href={`/bookables/${bookable.id}/week/${date}`}>{bookable.name}</Link>
        <span className="muted small">
          {bookable.kind} · {bookable.capacity}
        </span>
      </div>
      <div
        role="gridcell"
        className="board-track"
        tabIndex={cursorCol !== null ? 0 : -1}
        aria-label={`${bookable.name} ${cursorTime}${under ? `, ${describe(under.booking)}` : ''}`}
        onFocus={(e) => e.target === e.currentTarget && cursorCol === null && onFocusRow({ row: index, col })}
        onKeyDown={(e) => onKey(e, index, col)}
        onPointerDown={(e) => pointer.down(e, index)}
        onPointerMove={(e) => pointer.move(e, index)}
        onPointerUp={() => pointer.up(index)}
      >
        {hoverCol !== null && !selection ? <div className="board-slot hover" style={{ left: `${hoverCol * slotPct}%`, width: `${slotPct}%` }} /> : null}
        {selection ? (
          <div
            className="board-slot selected"
            style={{ left: `${Math.min(selection.a, selection.b) * slotPct}%`, width: `${(Math.abs(selection.a - selection.b) + 1) * slotPct}%` }}
          />
        ) : null}
        {cursorCol !== null ? <div className="board-slot cursor" style={{ left: `${col * slotPct}%`, width: `${slotPct}%` }} /> : null}
        {/* keyed by place, not by booking: the next day reuses the blocks drawn for this one */}
        {row.placed.map(({ booking, lane, from: start, to: end }, i) => (
          <button
            key={i}
            type="button"
            tabIndex={-1}
            className={blockClass(booking, bookable.kind)}
            style={{ left: `${pct(start)}%`, width: `calc(${pct(end) - pct(start)}% - 2px)`, top: 4 + lane * LANE_PX, height: LANE_PX - 4 }}
            onClick={() => onOpen(booking.id)}
            onPointerEnter={() => setTip(booking)}
            onPointerLeave={() => setTip(null)}
          >
            {/* a titled booking (an event's room) shows its title after who: "Ana Ribeiro · Members’ breakfast" */}
            <span className="block-time">{booking.localStart}</span> {booking.title ? `${whoOf(booking)} · ${booking.title}` : whoOf(booking)}
            {booking.quantity > 1 && bookable.kind !== 'room' ? ` ×${booking.quantity}` : ''}
            {booking.status === 'pending' ? ' (pending)' : ''}
          </button>
        ))}
        {shown && shownAt ? (
          <div className="board-tip" role="tooltip" style={{ left: `min(${pct(shownAt.from)}%, 100% - 260px)`, top: 4 + (shownAt.lane + 1) * LANE_PX }}>
            {describe(shown)}
          </div>
        ) : null}
      </div>
    </div>
  );
});

/** Minutes since local midnight when `date` is today in the zone (updated twice a minute), else null. */
export function useNowMinute(zone: string, date: string): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const p = zonedParts(now, zone);
  return p.date === date ? p.minutes : null;
}
