import { useState } from 'react';
import { Link } from 'wouter';
import { MONTH_LISTED } from '@shared/contract/bookings.contract';
import { formatMonthYear, formatWeekday } from '../../components/format';
import { describeBooking } from './boardLayout';
import type { BookingDraft } from './BookingDialog';
import { CalendarDialogs } from './CalendarDialogs';
import { CalendarBar, KindSelect, useSiteCalendar } from './CalendarBar';
import { hhmm, minutes, whoOf } from './time';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A month of the site's rooms (or desks, or equipment): whole weeks, each day's first bookings and how many in all. */
export function MonthPage({ date: routeDate }: { date?: string }) {
  const { today, kind, date, calendar: month, search } = useSiteCalendar('month', routeDate);
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const data = month.data;
  const names = new Map(data?.bookables.map((b) => [b.id, b.name]));
  const inMonth = (d: string) => d.slice(0, 7) === date?.slice(0, 7);
  const weeks = data ? Array.from({ length: data.days.length / 7 }, (_, i) => data.days.slice(i * 7, i * 7 + 7)) : [];

  return (
    <section className="page" aria-labelledby="month-title">
      <header className="page-header">
        <div>
          <h1 id="month-title">{date ? formatMonthYear(date) : 'Month'}</h1>
          <p className="subtitle">{data ? `${data.siteName} · ${data.timeZone} · a day’s number opens its board` : ''}</p>
        </div>
        {date ? (
          <CalendarBar view="month" date={date} today={today} hrefOf={(d) => `/bookings/month/${d}${search}`}>
            <KindSelect kind={kind} hrefOf={(s) => `/bookings/month/${date}${s}`} />
          </CalendarBar>
        ) : null}
      </header>
      {month.error ? <p className="form-error">{month.error.message}</p> : null}
      {data ? (
        <table
          className="month"
          aria-labelledby="month-title"
          data-month={month.isPlaceholderData ? undefined : date?.slice(0, 7)}
          aria-busy={month.isPlaceholderData}
        >
          <thead>
            <tr>
              {WEEKDAYS.map((d) => (
                <th key={d} scope="col">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week[0].date}>
                {week.map((day) => {
                  const listed = data.bookings.filter((b) => b.localDate === day.date);
                  const closed = day.closure ?? (day.opens ? null : 'closed');
                  const classes = ['month-day', inMonth(day.date) ? '' : 'other-month', closed ? 'closed' : '', day.date === data.today ? 'today' : ''];
                  return (
                    <td key={day.date} className={classes.filter(Boolean).join(' ')} aria-current={day.date === data.today ? 'date' : undefined}>
                      <div className="month-day-head">
                        <Link href={`/bookings/${day.date}`} className="month-day-number" aria-label={`${formatWeekday(day.date)}, day board`}>
                          {Number(day.date.slice(8))}
                        </Link>
                        {closed ? <span className="muted small">{closed}</span> : null}
                        {data.bookables.length > 0 ? (
                          <button
                            type="button"
                            className="month-add"
                            aria-label={`Book on ${formatWeekday(day.date)}`}
                            onClick={() => {
                              const start = day.opens ?? '09:00';
                              setDraft({ bookableId: data.bookables[0].id, date: day.date, startTime: start, endTime: hhmm(minutes(start) + 60) });
                            }}
                          >
                            +
                          </button>
                        ) : null}
                      </div>
                      {closed ? null : (
                        <meter
                          className="month-load"
                          min={0}
                          max={1}
                          low={0.5}
                          high={0.85}
                          optimum={0.3}
                          value={day.load}
                          aria-label={`${formatWeekday(day.date)}: ${Math.round(day.load * 100)} % booked`}
                          title={`${Math.round(day.load * 100)} % of the open hours booked · ${day.count} ${day.count === 1 ? 'booking' : 'bookings'}`}
                        />
                      )}
                      <ul className="month-bookings">
                        {listed.map((b) => (
                          <li key={b.id}>
                            <button
                              type="button"
                              className={`month-booking status-${b.checkedIn ? 'in' : b.status}`}
                              title={describeBooking(b)}
                              onClick={() => setOpened(b.id)}
                            >
                              <span className="block-time">{b.localStart}</span> {names.get(b.bookableId)} · {whoOf(b)}
                            </button>
                          </li>
                        ))}
                      </ul>
                      {day.count > MONTH_LISTED ? (
                        <Link href={`/bookings/${day.date}`} className="month-more">
                          +{day.count - MONTH_LISTED} more
                        </Link>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <CalendarDialogs draft={draft} opened={opened} data={data} onCloseDraft={() => setDraft(null)} onCloseOpened={() => setOpened(null)} />
    </section>
  );
}
