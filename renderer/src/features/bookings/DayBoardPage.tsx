import { type KeyboardEvent, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { BoardBooking, DayBoard } from '@shared/contract/bookings.contract';
import { addDaysIso, zonedParts } from '@shared/domain/zoned';
import { useApi } from '../../api/hooks';
import { formatDate } from '../../components/format';
import { BookingDetailsById } from './BookingDetails';
import { BookingDialog, type BookingDraft } from './BookingDialog';
import { hhmm, minutes, whoOf } from './time';

const CELL_MINUTES = 30;
const CELL_PX = 44;
const LANE_PX = 30;

/** Minutes from the board day's midnight (negative or past 24 h for bookings spanning days). */
function span(b: BoardBooking, date: string): [number, number] {
  const start = b.localDate < date ? -1 : minutes(b.localStart);
  const end = b.localEnd.length > 5 ? 24 * 60 + 1 : minutes(b.localEnd);
  return [start, end];
}

/** Bookings of one row in lanes, so overlapping desk or resource bookings sit one above the other. */
function lanes(bookings: BoardBooking[], date: string): { booking: BoardBooking; lane: number }[] {
  const ends: number[] = [];
  return bookings.map((b) => {
    const [start, end] = span(b, date);
    let lane = ends.findIndex((e) => e <= start);
    if (lane === -1) lane = ends.length;
    ends[lane] = end;
    return { booking: b, lane };
  });
}

function todayIn(zone: string): string {
  return zonedParts(Date.now(), zone).date;
}

interface Selection {
  row: number;
  from: number;
  to: number;
}

export function DayBoardPage({ date: routeDate }: { date?: string }) {
  const [, navigate] = useLocation();
  const settings = useApi('settings.get', {});
  const zone = settings.data?.site.timeZone ?? 'UTC';
  const date = routeDate ?? todayIn(zone);
  const board = useApi('bookings.dayBoard', { date });
  const pending = useApi('bookings.pending', {});
  const freeDesks = useApi('bookings.freeDesks', {});
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [focus, setFocus] = useState({ row: 0, col: 0 });
  const [drag, setDrag] = useState<Selection | null>(null);

  const data = board.data;
  const go = (d: string) => navigate(`/bookings/${d}`);

  return (
    <section className="page" aria-labelledby="board-title">
      <header className="page-header">
        <div>
          <h1 id="board-title">Bookings · {formatDate(date)}</h1>
          <p className="subtitle">
            {data
              ? data.closure
                ? `${data.siteName} is closed (${data.closure})`
                : data.opens
                  ? `${data.siteName} · open ${data.opens}–${data.closes}`
                  : `${data.siteName} · closed on this weekday`
              : ''}
            {data ? ` · ${data.timeZone}` : ''}
            {freeDesks.data && date === todayIn(zone) ? ` · ${freeDesks.data.reduce((n, d) => n + d.freeSeats, 0)} desk seats free now` : ''}
          </p>
        </div>
        <div className="actions">
          <button type="button" aria-label="Previous day" onClick={() => go(addDaysIso(date, -1))}>
            ‹
          </button>
          <button type="button" onClick={() => go(todayIn(zone))}>
            Today
          </button>
          <button type="button" aria-label="Next day" onClick={() => go(addDaysIso(date, 1))}>
            ›
          </button>
          <input type="date" aria-label="Go to date" value={date} onChange={(e) => e.target.value && go(e.target.value)} />
          <Link href="/bookings/find" className="button">
            Find a room
          </Link>
          <Link href="/bookings/pending" className="button">
            Waiting for approval{pending.data?.length ? ` (${pending.data.length})` : ''}
          </Link>
          <button
            type="button"
            className="button-primary"
            disabled={!data || data.bookables.length === 0}
            onClick={() =>
              data && setDraft({ bookableId: data.bookables[0].id, date, startTime: data.opens ?? '09:00', endTime: hhmm(minutes(data.opens ?? '09:00') + 60) })
            }
          >
            New booking
          </button>
        </div>
      </header>
      {board.error ? <p className="form-error">{board.error.message}</p> : null}
      {data && data.bookables.length === 0 ? (
        <div className="empty-state">
          <h2>Nothing to book yet</h2>
          <p>Add the rooms, desks and shared equipment members can book.</p>
          <Link href="/bookables" className="button button-primary">
            Add bookables
          </Link>
        </div>
      ) : null}
      {data && data.bookables.length > 0 ? (
        <Board
          data={data}
          focus={focus}
          setFocus={setFocus}
          drag={drag}
          setDrag={setDrag}
          onPick={(row, from, to) => setDraft({ bookableId: data.bookables[row].id, date, startTime: hhmm(from), endTime: hhmm(to) })}
          onOpen={setOpened}
        />
      ) : null}
      {draft && data ? (
        <BookingDialog
          draft={draft}
          bookables={data.bookables}
          timeZone={data.timeZone}
          onClose={() => {
            setDraft(null);
            setDrag(null);
          }}
        />
      ) : null}
      {opened ? <BookingDetailsById id={opened} onClose={() => setOpened(null)} /> : null}
    </section>
  );
}

function Board({
  data,
  focus,
  setFocus,
  drag,
  setDrag,
  onPick,
  onOpen,
}: {
  data: DayBoard;
  focus: { row: number; col: number };
  setFocus: (f: { row: number; col: number }) => void;
  drag: Selection | null;
  setDrag: (s: Selection | null) => void;
  onPick: (row: number, fromMinutes: number, toMinutes: number) => void;
  onOpen: (id: string) => void;
}) {
  const from = minutes(data.fromTime);
  const to = minutes(data.toTime);
  const cells = Math.max(1, Math.ceil((to - from) / CELL_MINUTES));
  const byBookable = useMemo(() => {
    const map = new Map<string, BoardBooking[]>();
    for (const b of data.bookings) map.set(b.bookableId, [...(map.get(b.bookableId) ?? []), b]);
    return map;
  }, [data.bookings]);

  const position = (b: BoardBooking) => {
    const start = b.localDate < data.date ? 0 : minutes(b.localStart) - from;
    const end = b.localEnd.length > 5 ? to - from : minutes(b.localEnd) - from;
    return { left: (start / CELL_MINUTES) * CELL_PX, width: Math.max(8, ((end - start) / CELL_MINUTES) * CELL_PX - 2) };
  };

  function onKey(event: KeyboardEvent<HTMLDivElement>, row: number, col: number) {
    const move = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] }[event.key];
    if (move) {
      event.preventDefault();
      const next = { row: Math.max(0, Math.min(data.bookables.length - 1, row + move[0])), col: Math.max(0, Math.min(cells - 1, col + move[1])) };
      setFocus(next);
      document.querySelector<HTMLElement>(`[data-cell="${next.row}-${next.col}"]`)?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const start = from + col * CELL_MINUTES;
      onPick(row, start, Math.min(to, start + 60));
    }
  }

  const selected = (row: number, col: number) =>
    drag !== null && drag.row === row && col >= Math.min(drag.from, drag.to) && col <= Math.max(drag.from, drag.to);

  return (
    <div className="board-scroll">
      <div
        className="board"
        role="grid"
        aria-label="Day board"
        data-date={data.date}
        aria-rowcount={data.bookables.length + 1}
        style={{ width: 220 + cells * CELL_PX }}
        onMouseLeave={() => drag && setDrag(null)}
      >
        <div role="row" className="board-row board-head">
          <div role="columnheader" className="board-name">
            {data.bookables.length} bookables
          </div>
          <div className="board-track">
            {Array.from({ length: cells }, (_, i) => (
              <div key={i} role="columnheader" className="board-hour" style={{ width: CELL_PX }}>
                {(from + i * CELL_MINUTES) % 60 === 0 ? hhmm(from + i * CELL_MINUTES) : ''}
              </div>
            ))}
          </div>
        </div>
        {data.bookables.map((bookable, row) => {
          const placed = lanes(byBookable.get(bookable.id) ?? [], data.date);
          const laneCount = Math.max(1, ...placed.map((p) => p.lane + 1));
          return (
            <div role="row" key={bookable.id} className="board-row" style={{ height: laneCount * LANE_PX + 8 }}>
              <div role="rowheader" className="board-name">
                <span>{bookable.name}</span>
                <span className="muted small">
                  {bookable.kind} · {bookable.capacity}
                </span>
              </div>
              <div className="board-track">
                {Array.from({ length: cells }, (_, col) => {
                  const time = hhmm(from + col * CELL_MINUTES);
                  return (
                    <div
                      key={col}
                      role="gridcell"
                      aria-label={`${bookable.name} ${time}`}
                      aria-selected={selected(row, col)}
                      data-cell={`${row}-${col}`}
                      tabIndex={focus.row === row && focus.col === col ? 0 : -1}
                      className={`board-cell${(from + col * CELL_MINUTES) % 60 === 0 ? ' hour' : ''}${selected(row, col) ? ' selected' : ''}${data.opens && (time < data.opens || time >= (data.closes ?? '24:00')) ? ' closed' : ''}`}
                      style={{ width: CELL_PX }}
                      onFocus={() => setFocus({ row, col })}
                      onKeyDown={(e) => onKey(e, row, col)}
                      onMouseDown={(e) => {
                        e.preventDefault();
                        setDrag({ row, from: col, to: col });
                      }}
                      onMouseEnter={() => drag && drag.row === row && setDrag({ ...drag, to: col })}
                      onMouseUp={() => {
                        if (!drag || drag.row !== row) return;
                        const a = Math.min(drag.from, col);
                        const b = Math.max(drag.from, col);
                        const start = from + a * CELL_MINUTES;
                        const end = from + (b + 1) * CELL_MINUTES;
                        onPick(row, start, a === b ? Math.min(to, start + 60) : end);
                      }}
                    />
                  );
                })}
                {placed.map(({ booking, lane }) => {
                  const { left, width } = position(booking);
                  return (
                    <button
                      key={booking.id}
                      type="button"
                      className={`block block-${booking.status}${booking.checkedIn ? ' block-in' : ''}`}
                      style={{ left, width, top: 4 + lane * LANE_PX, height: LANE_PX - 4 }}
                      title={`${booking.localStart}–${booking.localEnd} ${whoOf(booking)}${booking.title ? ` · ${booking.title}` : ''}`}
                      onClick={() => onOpen(booking.id)}
                    >
                      <span className="block-time">{booking.localStart}</span> {whoOf(booking)}
                      {booking.quantity > 1 && bookable.kind !== 'room' ? ` ×${booking.quantity}` : ''}
                      {booking.status === 'pending' ? ' (pending)' : ''}
                    </button>
                  );
                })}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
