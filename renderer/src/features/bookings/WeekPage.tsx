import { useState } from 'react';
import { Link } from 'wouter';
import type { Calendar } from '@shared/contract/bookings.contract';
import { useApi, usePrefetchAround } from '../../api/hooks';
import { formatDate, formatWeekday } from '../../components/format';
import { blockClass, describeBooking, SLOT_MINUTES } from './boardLayout';
import type { BookingDraft } from './BookingDialog';
import { CalendarDialogs } from './CalendarDialogs';
import { CalendarBar, stepDate, useSiteToday } from './CalendarBar';
import { useNowMinute } from './DayBoard';
import { IcsButton } from './IcsButton';
import { hhmm, minutes, whoOf } from './time';
import { pickedTimes, useSlotDrag } from './useSlotDrag';

const HOUR_PX = 44;
const SLOT_PX = (HOUR_PX * SLOT_MINUTES) / 60;

/** Minutes of the day a calendar draws, from its hours. */
export function hoursOf(data: Pick<Calendar, 'fromTime' | 'toTime'>): [number, number] {
  return [minutes(data.fromTime), data.toTime === '24:00' ? 24 * 60 : minutes(data.toTime)];
}

/** One bookable's week, Monday to Sunday, hours down the side: closed hours shaded, today marked, drag down a day to book. */
export function WeekPage({ bookableId, date }: { bookableId: string; date: string }) {
  const week = useApi('bookings.calendar', { bookableId, date, span: 'week' });
  usePrefetchAround(
    'bookings.calendar',
    week,
    [-1, 1].map((by) => ({ bookableId, date: stepDate('week', date, by), span: 'week' as const })),
  );
  const today = useSiteToday();
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const data = week.data;
  const [from, to] = data ? hoursOf(data) : [8 * 60, 18 * 60];
  const slots = Math.max(1, (to - from) / SLOT_MINUTES);
  const book = (day: string, first: number, last: number) => {
    const { start, end } = pickedTimes(from, to, SLOT_MINUTES, first, last);
    setDraft({ bookableId, date: day, startTime: hhmm(start), endTime: hhmm(end) });
  };
  const drag = useSlotDrag('y', book);
  const nowMinute = useNowMinute(data?.timeZone ?? 'UTC', data?.today ?? '');
  const name = data?.bookables[0]?.name ?? 'Week';
  const y = (minute: number) => ((minute - from) / 60) * HOUR_PX;

  return (
    <section className="page" aria-labelledby="week-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/bookings">Bookings</Link> / <Link href="/bookables">Bookables</Link> / <span>Week</span>
      </nav>
      <header className="page-header">
        <div>
          <h1 id="week-title">{data ? `${name} · week of ${formatDate(data.days[0].date)}` : 'Week'}</h1>
          <p className="subtitle">{data ? `${data.siteName} · ${data.timeZone} · drag down a day to book` : ''}</p>
        </div>
        <CalendarBar view="week" date={date} today={today} hrefOf={(d) => `/bookables/${bookableId}/week/${d}`} switcher={false}>
          <Link href={`/bookings/week/${date}`} className="button">
            All rooms
          </Link>
          <IcsButton of={{ bookableId }} />
        </CalendarBar>
      </header>
      {week.error ? <p className="form-error">{week.error.message}</p> : null}
      {data ? (
        <div className="week" data-week={data.days[0].date} aria-label={`Week of ${name}`} role="group">
          <div className="week-hours" aria-hidden="true">
            {Array.from({ length: Math.ceil((to - from) / 60) }, (_, i) => (
              <div key={i} style={{ height: HOUR_PX }}>
                {hhmm(from + i * 60)}
              </div>
            ))}
          </div>
          {data.days.map((day) => {
            const isToday = day.date === data.today;
            const open = day.opens && !day.closure ? [minutes(day.opens), minutes(day.closes!)] : null;
            const selected = drag.span?.track === day.date ? drag.span : null;
            return (
              <div key={day.date} className={`week-day${isToday ? ' today' : ''}`} role="group" aria-label={formatWeekday(day.date)}>
                <div className="week-day-head" aria-current={isToday ? 'date' : undefined}>
                  {formatWeekday(day.date)}
                  {day.closure ? <span className="muted small"> · {day.closure}</span> : !day.opens ? <span className="muted small"> · closed</span> : null}
                </div>
                <div
                  className="week-day-body"
                  style={{ height: slots * SLOT_PX }}
                  tabIndex={0}
                  role="group"
                  aria-label={`Book ${name} on ${formatWeekday(day.date)}`}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter' || e.target !== e.currentTarget) return;
                    const first = Math.max(0, ((open?.[0] ?? 9 * 60) - from) / SLOT_MINUTES);
                    book(day.date, first, first);
                  }}
                  {...drag.handlers(day.date, slots)}
                >
                  {open ? <Shade top={0} bottom={y(open[0])} /> : <Shade top={0} bottom={y(to)} />}
                  {open ? <Shade top={y(open[1])} bottom={y(to)} /> : null}
                  {isToday && nowMinute !== null && nowMinute >= from && nowMinute <= to ? (
                    <div className="now-line-h" style={{ top: y(nowMinute) }} aria-hidden="true" />
                  ) : null}
                  {selected ? <div className="week-selection" style={{ top: selected.a * SLOT_PX, height: (selected.b - selected.a + 1) * SLOT_PX }} /> : null}
                  {data.bookings
                    .filter((b) => b.localDate === day.date)
                    .map((b) => {
                      const start = Math.max(from, minutes(b.localStart));
                      const end = b.localEnd.length > 5 ? to : Math.min(to, minutes(b.localEnd));
                      return (
                        <button
                          key={b.id}
                          type="button"
                          className={blockClass(b, data.bookables[0]?.kind ?? 'room')}
                          style={{ top: y(start), height: Math.max(18, y(end) - y(start) - 2), left: 2, right: 2 }}
                          aria-label={describeBooking(b)}
                          data-tip={describeBooking(b)}
                          onClick={() => setOpened(b.id)}
                        >
                          <span className="block-time">{b.localStart}</span> {whoOf(b)}
                        </button>
                      );
                    })}
                </div>
              </div>
            );
          })}
        </div>
      ) : null}
      <CalendarDialogs draft={draft} opened={opened} data={data} onCloseDraft={() => setDraft(null)} onCloseOpened={() => setOpened(null)} />
    </section>
  );
}

function Shade({ top, bottom }: { top: number; bottom: number }) {
  return bottom > top ? <div className="board-closed" style={{ top, height: bottom - top, left: 0, right: 0, bottom: 'auto' }} aria-hidden="true" /> : null;
}
