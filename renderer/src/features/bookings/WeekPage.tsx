import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Booking } from '@shared/contract/bookings.contract';
import { addDaysIso } from '@shared/domain/zoned';
import { useApi, usePrefetchAround } from '../../api/hooks';
import { formatDate } from '../../components/format';
import { BookingDetails } from './BookingDetails';
import { IcsButton } from './IcsButton';
import { minutes, whoOf } from './time';

const HOUR_PX = 40;

/** One bookable's week, Monday to Sunday, hours down the side. */
export function WeekPage({ bookableId, date }: { bookableId: string; date: string }) {
  const [, navigate] = useLocation();
  const week = useApi('bookings.week', { bookableId, date });
  usePrefetchAround(
    'bookings.week',
    week.data !== undefined,
    [-7, 7].map((d) => ({ bookableId, date: addDaysIso(date, d) })),
  );
  const [opened, setOpened] = useState<Booking | null>(null);
  const data = week.data;
  const from = 7 * 60;
  const to = 21 * 60;
  return (
    <section className="page" aria-labelledby="week-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/bookings">Bookings</Link> / <Link href="/bookables">Bookables</Link> / <span>Week</span>
      </nav>
      <header className="page-header">
        <h1 id="week-title">{data ? `${data.bookable.name} · week of ${formatDate(data.days[0])}` : 'Week'}</h1>
        <div className="actions">
          <button type="button" aria-label="Previous week" onClick={() => navigate(`/bookables/${bookableId}/week/${addDaysIso(date, -7)}`)}>
            ‹
          </button>
          <button type="button" aria-label="Next week" onClick={() => navigate(`/bookables/${bookableId}/week/${addDaysIso(date, 7)}`)}>
            ›
          </button>
          <IcsButton of={{ bookableId }} />
        </div>
      </header>
      {data ? (
        <div className="week" role="table" aria-label={`Week of ${data.bookable.name}`} data-week={data.days[0]}>
          <div className="week-hours" aria-hidden="true">
            {Array.from({ length: (to - from) / 60 }, (_, i) => (
              <div key={i} style={{ height: HOUR_PX }}>
                {String(7 + i).padStart(2, '0')}:00
              </div>
            ))}
          </div>
          {data.days.map((day) => (
            <div key={day} className="week-day" role="row">
              <div className="week-day-head" role="columnheader">
                {formatDate(day)}
              </div>
              <div className="week-day-body" style={{ height: ((to - from) / 60) * HOUR_PX }} role="cell">
                {data.bookings
                  .filter((b) => b.localDate === day)
                  .map((b) => {
                    const start = Math.max(from, minutes(b.localStart));
                    const end = b.localEnd.length > 5 ? to : Math.min(to, minutes(b.localEnd));
                    return (
                      <button
                        key={b.id}
                        type="button"
                        className={`block block-${b.status}`}
                        style={{ top: ((start - from) / 60) * HOUR_PX, height: Math.max(16, ((end - start) / 60) * HOUR_PX - 2), left: 2, right: 2 }}
                        onClick={() => setOpened(b)}
                      >
                        {b.localStart}–{b.localEnd} {whoOf(b)}
                      </button>
                    );
                  })}
              </div>
            </div>
          ))}
        </div>
      ) : null}
      {opened ? <BookingDetails booking={opened} onClose={() => setOpened(null)} /> : null}
    </section>
  );
}
