import { useState } from 'react';
import { Link } from 'wouter';
import type { EventSummary } from '@shared/contract/events.contract';
import { addMonthsIso } from '@shared/domain/dates';
import { EVENT_KIND_LABELS } from '@shared/domain/events';
import { formatMoney } from '@shared/domain/money';
import { addDaysIso } from '@shared/domain/zoned';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { formatDateTime, formatMonthYear, formatTime, todayLocal } from '../../components/format';
import { type Act, useAction } from '../../components/useAction';
import { useSiteZone } from '../../components/useSiteZone';
import { useViewer } from '../auth';
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

/** "12 going of 12 · 2 waiting". */
export const places = (e: EventSummary) => `${e.going} going of ${e.capacity}${e.waitlisted ? ` · ${e.waitlisted} waiting` : ''}`;

function EventCard({ event: e, act, member }: { event: EventSummary; act: Act; member: boolean }) {
  const zone = useSiteZone();
  return (
    <li className="card record" aria-label={`Event: ${e.title}`}>
      <div>
        <p className="small">
          <span className="badge">{EVENT_KIND_LABELS[e.kind]}</span> {formatDateTime(e.startsAt, zone)}–{formatTime(e.endsAt, zone)} · {e.where}
          {e.priceMinor ? ` · ${formatMoney(e.priceMinor, e.currency)}` : ''}
        </p>
        <Link href={`/events/${e.id}`}>
          <strong>{e.title}</strong>
        </Link>
        <p className="small">
          {e.state === 'cancelled' ? <span className="badge badge-cancelled">cancelled</span> : places(e)}
          {e.mine ? ` · you: ${e.mine.state === 'waitlisted' ? `waiting, number ${e.mine.place}` : e.mine.state}` : ''}
        </p>
      </div>
      {member && e.state === 'scheduled' ? <ReplyButtons event={e} act={act} /> : null}
    </li>
  );
}

export function ReplyButtons({ event: e, act }: { event: EventSummary; act: Act }) {
  if (e.mine)
    return (
      <button type="button" onClick={() => void act(() => call('events.cancelRsvp', { id: e.mine!.rsvpId }), 'Your reply is cancelled.')}>
        Cancel my reply
      </button>
    );
  const full = e.going >= e.capacity;
  return (
    <button
      type="button"
      className="button-primary"
      onClick={() =>
        void act(() => call('events.rsvp', { eventId: e.id }), full ? 'You are on the waitlist: you are told when a place comes free.' : 'You are going.')
      }
    >
      {full ? 'Join the waitlist' : 'I’m coming'}
    </button>
  );
}
