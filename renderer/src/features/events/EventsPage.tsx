import { useState } from 'react';
import { addMonthsIso } from '@shared/domain/dates';
import { addDaysIso } from '@shared/domain/zoned';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { formatMonthYear, todayLocal } from '../../components/format';
import { useAction } from '../../components/useAction';
import { useViewer } from '../auth';
import { EventCard } from './EventCard';
import { NewEvent } from './NewEvent';

/** The co-op's events, month by month: breakfasts, Stammtisch, seminars, trainings, fairs; reply from here. */
export function EventsPage() {
  const viewer = useViewer();
  const [month, setMonth] = useState(() => `${todayLocal().slice(0, 7)}-01`);
  const list = useApi('events.list', { from: month, to: addDaysIso(addMonthsIso(month, 1), -1) }).data;
  const { message, act } = useAction();
  return (
    <section className="page events" aria-labelledby="events-title">
      <header className="page-header">
        <div>
          <h1 id="events-title">Events</h1>
          <p className="subtitle">Breakfasts, Stammtisch evenings, seminars, trainings and fairs: who is coming, and room to reply.</p>
        </div>
      </header>
      <div className="split-columns">
        <ActionNote message={message} />
        <section aria-labelledby="month-title">
          <div className="card-head">
            <h2 id="month-title">{formatMonthYear(month)}</h2>
            <span>
              <button type="button" onClick={() => setMonth(addMonthsIso(month, -1))} aria-label="Previous month">
                ‹
              </button>{' '}
              <button type="button" onClick={() => setMonth(addMonthsIso(month, 1))} aria-label="Next month">
                ›
              </button>
            </span>
          </div>
          {list?.length === 0 ? <p className="muted">No events this month.</p> : null}
          <ul className="record-list">
            {list?.map((e) => (
              <EventCard key={e.id} event={e} act={act} member={viewer.memberId !== null} />
            ))}
          </ul>
        </section>
        {viewer.staff ? <NewEvent /> : null}
      </div>
    </section>
  );
}
