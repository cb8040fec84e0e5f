import { type KeyboardEvent, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Link } from 'wouter';
import type { Calendar } from '@shared/contract/bookings.contract';
import { formatDate, formatWeekday } from '../../components/format';
import { SLOT_MINUTES } from './boardLayout';
import type { BookingDraft } from './BookingDialog';
import { CalendarDialogs } from './CalendarDialogs';
import { CalendarBar, KindSelect, useSiteCalendar } from './CalendarBar';
import { useNowMinute } from './DayBoard';
import { boardHeightGuess, useQuietMount } from '../../components/quietMount';
import { hhmm, minutes } from './time';
import { type DayColumn, LANE_PX, type Placed, type RowEvents, RoomsWeekRow } from './RoomsWeekRow';
import { paintRows } from './weekPaint';
import { pickedTimes, useSlotDrag } from './useSlotDrag';
import { hoursOf } from './WeekPage';

const NO_BOOKINGS: readonly Placed[] = [];

/** Each bookable's bookings by day, in lanes where they overlap (desks), and each row's lane count. */
function layoutWeek(data: Calendar, from: number, to: number) {
  const dayIndex = new Map(data.days.map((day, i) => [day.date, i]));
  const rows = new Map<string, Placed[][]>();
  const lanes = new Map<string, number>();
  for (const booking of data.bookings) {
    const col = dayIndex.get(booking.localDate);
    if (col === undefined) continue;
    let cells = rows.get(booking.bookableId);
    if (!cells) rows.set(booking.bookableId, (cells = data.days.map(() => [])));
    const list = cells[col];
    const start = Math.max(from, minutes(booking.localStart));
    const end = booking.localEnd.length > 5 ? to : Math.min(to, minutes(booking.localEnd));
    const lane = [0, 1, 2, 3, 4, 5, 6, 7].find((l) => !list.some((p) => p.lane === l && p.from < end && start < p.to)) ?? 0;
    list.push({ booking, lane, from: start, to: end });
    lanes.set(booking.bookableId, Math.max(lanes.get(booking.bookableId) ?? 1, lane + 1));
  }
  const empty = data.days.map(() => NO_BOOKINGS);
  return { cellsOf: (bookableId: string): readonly (readonly Placed[])[] => rows.get(bookableId) ?? empty, lanes };
}

/** A week of every room (or desk, or piece of equipment) at the site: a row each, a day per column, time across each day. */
export function RoomsWeekPage({ date: routeDate }: { date?: string }) {
  const { today, kind, date, calendar: week, search } = useSiteCalendar('week', routeDate);
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [cursor, setCursor] = useState({ row: 0, col: 0 });
  const data = week.data;
  const [from, to] = data ? hoursOf(data) : [8 * 60, 18 * 60];
  const slots = Math.max(1, (to - from) / SLOT_MINUTES);
  const layout = useMemo(() => (data ? layoutWeek(data, from, to) : null), [data, from, to]);
  const book = (track: string, first: number, last: number) => {
    const [bookableId, day] = track.split(' ');
    const { start, end } = pickedTimes(from, to, SLOT_MINUTES, first, last);
    setDraft({ bookableId, date: day, startTime: hhmm(start), endTime: hhmm(end) });
  };
  const drag = useSlotDrag('x', book);
  const nowMinute = useNowMinute(data?.timeZone ?? 'UTC', data?.today ?? '');
  const pct = useMemo(() => (minute: number) => ((minute - from) / (to - from)) * 100, [from, to]);
  const days = useMemo(
    () =>
      data?.days.map((day): DayColumn => {
        const open = day.opens && !day.closure ? [minutes(day.opens), minutes(day.closes!)] : null;
        return {
          date: day.date,
          label: formatWeekday(day.date),
          today: day.date === data.today,
          closedBefore: open ? Math.max(0, pct(open[0])) : 100,
          closedAfter: open ? Math.max(0, 100 - pct(open[1])) : 0,
        };
      }) ?? [],
    [data, pct],
  );
  // only the rows in view are drawn: a week of 300 bookables is thousands of blocks
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = (i: number) => (layout && data ? (layout.lanes.get(data.bookables[i].id) ?? 1) * LANE_PX + 8 : LANE_PX + 8);
  const virtualizer = useVirtualizer({
    count: data?.bookables.length ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    overscan: 2,
    ...useQuietMount(boardHeightGuess()),
  });
  useEffect(() => virtualizer.measure(), [layout, virtualizer]);
  // the blocks of the rows in view, painted on one canvas after every render (only the rows that changed are drawn
  // again), and when the grid's width in screen pixels changes: a resized window, a scroll bar come or gone, a
  // screen of another pixel density
  const gridRef = useRef<HTMLDivElement>(null);
  const paintRef = useRef<HTMLCanvasElement>(null);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const drawn = Boolean(data && layout);
  const inView = virtualizer.getVirtualItems();
  const paintTop = inView[0]?.start ?? 0;
  useLayoutEffect(() => {
    if (!paintRef.current || !data || !layout) return;
    const rows = inView.map(({ index, start }) => {
      const bookable = data.bookables[index];
      return {
        key: bookable.id,
        top: start - paintTop,
        height: rowHeight(index),
        cells: layout.cellsOf(bookable.id),
        kind: bookable.kind,
        skip: cursor.row === index ? cursor.col : -1,
      };
    });
    paintRows(paintRef.current, rows, pct);
  });
  useEffect(() => {
    const grid = gridRef.current;
    if (!drawn || !grid) return;
    let pixels: number | null = null;
    const observer = new ResizeObserver(([entry]) => {
      const now = entry.devicePixelContentBoxSize?.[0]?.inlineSize ?? Math.round(entry.contentRect.width * window.devicePixelRatio);
      if (pixels !== null && pixels !== now) redraw();
      pixels = now;
    });
    try {
      observer.observe(grid, { box: 'device-pixel-content-box' });
    } catch {
      observer.observe(grid); // a browser without that box (Safari): a change of density waits for the next week
    }
    return () => observer.disconnect();
  }, [drawn]);

  const onKey = (event: KeyboardEvent, row: number, col: number) => {
    if (!data) return;
    const moves: Record<string, [number, number]> = {
      ArrowRight: [row, col + 1],
      ArrowLeft: [row, col - 1],
      ArrowDown: [row + 1, col],
      ArrowUp: [row - 1, col],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const next = { row: Math.max(0, Math.min(data.bookables.length - 1, move[0])), col: Math.max(0, Math.min(6, move[1])) };
      setCursor(next);
      // the row may be out of view, not drawn yet: scroll to it, then focus its cell
      virtualizer.scrollToIndex(next.row);
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-cell="${next.row}-${next.col}"]`)?.focus());
    } else if (event.key === 'Enter' && event.target === event.currentTarget) {
      event.preventDefault();
      const day = data.days[col];
      const first = Math.max(0, ((day.opens ? minutes(day.opens) : 9 * 60) - from) / SLOT_MINUTES);
      book(`${data.bookables[row].id} ${day.date}`, first, first);
    }
  };

  // the rows' callbacks read the latest state through this, so they can stay the same functions
  const latest = useRef({ onKey, drag, slots });
  latest.current = { onKey, drag, slots };
  const events = useMemo<RowEvents>(
    () => ({
      key: (event, row, col) => latest.current.onKey(event, row, col),
      focus: (row, col) => setCursor({ row, col }),
      open: setOpened,
      pointer: (track, what, event) => {
        const h = latest.current.drag.handlers(track, latest.current.slots);
        ({ down: h.onPointerDown, move: h.onPointerMove, up: h.onPointerUp, leave: h.onPointerLeave })[what](event);
      },
    }),
    [],
  );
  const nowAt = nowMinute !== null && nowMinute >= from && nowMinute <= to ? pct(nowMinute) : null;

  return (
    <section className="page" aria-labelledby="rooms-week-title">
      <header className="page-header">
        <div>
          <h1 id="rooms-week-title">{data ? `Week of ${formatDate(data.days[0].date)}` : 'Week'}</h1>
          <p className="subtitle">
            {data ? `${data.siteName} · ${data.timeZone} · ${hhmm(from)}–${hhmm(to)} each day · drag across a day to book, arrows and Enter work too` : ''}
          </p>
        </div>
        {date ? (
          <CalendarBar view="week" date={date} today={today} hrefOf={(d) => `/bookings/week/${d}${search}`}>
            <KindSelect kind={kind} hrefOf={(s) => `/bookings/week/${date}${s}`} />
          </CalendarBar>
        ) : null}
      </header>
      {week.error ? <p className="form-error">{week.error.message}</p> : null}
      {data && layout ? (
        <div className="rooms-week-scroll" ref={scrollRef}>
          <div
            ref={gridRef}
            className="rooms-week"
            role="grid"
            aria-label={`Week of ${formatDate(data.days[0].date)}`}
            data-week={data.days[0].date}
            // which bookables these are once they have come: the previous kind's stay up until then
            data-kind={week.isPlaceholderData ? undefined : (kind ?? 'all')}
            aria-busy={week.isPlaceholderData}
          >
            <div role="row" className="rooms-week-row rooms-week-head">
              <div role="columnheader" className="rooms-week-name">
                {data.bookables.length} {data.bookables.length === 1 ? 'bookable' : 'bookables'}
              </div>
              {data.days.map((day) => (
                <div
                  key={day.date}
                  role="columnheader"
                  className={day.date === data.today ? 'today' : undefined}
                  aria-current={day.date === data.today ? 'date' : undefined}
                >
                  <Link href={`/bookings/${day.date}`}>{formatWeekday(day.date)}</Link>
                  <span className="muted small">{day.closure ? ` · ${day.closure}` : day.opens ? ` · ${day.opens}–${day.closes}` : ' · closed'}</span>
                </div>
              ))}
            </div>
            <div className="rooms-week-body" style={{ height: virtualizer.getTotalSize() }}>
              {inView.map(({ index: row, start }) => (
                <RoomsWeekRow
                  key={data.bookables[row].id}
                  row={row}
                  top={start}
                  height={rowHeight(row)}
                  bookable={data.bookables[row]}
                  days={days}
                  cells={layout.cellsOf(data.bookables[row].id)}
                  cursorCol={cursor.row === row ? cursor.col : -1}
                  selection={drag.span?.track.startsWith(`${data.bookables[row].id} `) ? drag.span : null}
                  slots={slots}
                  nowAt={nowAt}
                  pct={pct}
                  events={events}
                />
              ))}
              <canvas
                ref={paintRef}
                className="rooms-week-paint"
                aria-hidden="true"
                style={{ top: paintTop, height: inView.length ? inView[inView.length - 1].end - paintTop : 0 }}
              />
            </div>
          </div>
        </div>
      ) : null}
      {data && data.bookables.length === 0 ? <p className="muted">Nothing of this kind to book at {data.siteName}.</p> : null}
      <CalendarDialogs draft={draft} opened={opened} data={data} onCloseDraft={() => setDraft(null)} onCloseOpened={() => setOpened(null)} />
    </section>
  );
}
