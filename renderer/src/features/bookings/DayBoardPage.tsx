import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { addDaysIso, zonedParts } from '@shared/domain/zoned';
import { useApi, usePrefetchAround } from '../../api/hooks';
import { formatDate } from '../../components/format';
import { whenIdle } from '../../components/whenIdle';
import type { BookingDraft } from './BookingDialog';
import { BookingDetailsById, BookingDialog, CalendarDialogs } from './CalendarDialogs';
import { CalendarBar } from './CalendarBar';
import { DayBoard } from './DayBoard';
import { hhmm, minutes } from './time';

// The dialogs come with their own code (forms and their rules), loaded when idle or on first use.

function todayIn(zone: string): string {
  return zonedParts(Date.now(), zone).date;
}

export function DayBoardPage({ date: routeDate }: { date?: string }) {
  const settings = useApi('settings.get', {});
  const zone = settings.data?.site.timeZone ?? 'UTC';
  const date = routeDate ?? todayIn(zone);
  const board = useApi('bookings.dayBoard', { date });
  const pending = useApi('bookings.pending', {});
  const deskSeats = useApi('bookings.deskSeatsFree', {});
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const data = board.data;
  usePrefetchAround('bookings.dayBoard', board, [{ date: addDaysIso(date, 1) }, { date: addDaysIso(date, -1) }]);
  // the dialogs' code comes once the board is drawn (not competing with it), so they open at once
  const drawn = data !== undefined;
  useEffect(
    () =>
      drawn
        ? whenIdle(() => {
            void BookingDialog.preload();
            void BookingDetailsById.preload();
          }, 100)
        : undefined,
    [drawn],
  );
  const bookables = data?.bookables;
  const onPick = useCallback(
    (row: number, from: number, to: number) => bookables && setDraft({ bookableId: bookables[row].id, date, startTime: hhmm(from), endTime: hhmm(to) }),
    [bookables, date],
  );

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
            {deskSeats.data !== undefined && date === todayIn(zone) ? ` · ${deskSeats.data} desk seats free now` : ''}
          </p>
        </div>
        <CalendarBar view="day" date={date} today={settings.data ? todayIn(zone) : undefined} hrefOf={(d) => `/bookings/${d}`}>
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
        </CalendarBar>
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
        <>
          <p className="board-legend">
            <span className="block">Room</span>
            <span className="block kind-desk">Desk</span>
            <span className="block kind-resource">Equipment</span>
            <span className="block block-pending">Waiting for approval</span>
            <span className="block block-in">Checked in</span>
            <span className="block block-released">Released (no-show)</span>
            <span>
              <span className="legend-now" aria-hidden="true" /> now · click or drag on free time to book · arrows and Enter work too
            </span>
          </p>
          <DayBoard data={data} onPick={onPick} onOpen={setOpened} />
        </>
      ) : null}
      <CalendarDialogs draft={draft} opened={opened} data={data} onCloseDraft={() => setDraft(null)} onCloseOpened={() => setOpened(null)} />
    </section>
  );
}
