import { useState } from 'react';
import { Link } from 'wouter';
import type { EventDetail, Rsvp } from '@shared/contract/events.contract';
import { EVENT_KIND_LABELS } from '@shared/domain/events';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { TextField } from '../../components/Field';
import { MemberPicker } from '../../components/MemberPicker';
import { formatDateTime, formatTime } from '../../components/format';
import { type Act, useAction } from '../../components/useAction';
import { useSiteZone } from '../../components/useSiteZone';
import { useViewer } from '../auth';
import { places, ReplyButtons } from './EventsPage';

/** One event: what, when, where, who is coming and who waits; at the door, the desk checks people in. */
export function EventPage({ id }: { id: string }) {
  const viewer = useViewer();
  const zone = useSiteZone();
  const e = useApi('events.get', { id }).data;
  const { message, act } = useAction();
  if (!e) return null;
  return (
    <section className="page events" aria-labelledby="event-title">
      <header className="page-header">
        <div>
          <p className="small">
            <Link href="/events">Events</Link> · <span className="badge">{EVENT_KIND_LABELS[e.kind]}</span>
          </p>
          <h1 id="event-title">{e.title}</h1>
          <p className="subtitle">
            {formatDateTime(e.startsAt, zone)}–{formatTime(e.endsAt, zone)} · {e.where} · hosted by {e.hosts.map((h) => h.name).join(', ')}
          </p>
        </div>
      </header>
      <ActionNote message={message} />
      {e.description ? <p>{e.description}</p> : null}
      <p className="figure" role="status" aria-label="Places">
        {e.state === 'cancelled' ? 'Cancelled' : places(e)}
        {viewer.staff ? <span className="muted small"> · {e.attended} checked in</span> : null}
      </p>
      {viewer.memberId && e.state === 'scheduled' ? <ReplyButtons event={e} act={act} /> : null}
      <div className="split-columns">
        <Replies event={e} staff={viewer.staff} act={act} />
        {viewer.staff && e.state === 'scheduled' ? <Door event={e} act={act} /> : null}
      </div>
    </section>
  );
}

function Replies({ event: e, staff, act }: { event: EventDetail; staff: boolean; act: Act }) {
  const going = e.rsvps.filter((r) => r.state === 'going');
  const waiting = e.rsvps.filter((r) => r.state === 'waitlisted');
  const who = (r: Rsvp) => r.member?.name ?? `${r.guestName} (guest)`;
  const checkIn = (r: Rsvp) =>
    act(() => call('events.checkIn', { eventId: e.id, memberId: r.member?.id ?? null, guestName: r.member ? '' : r.guestName }), `${who(r)} is checked in.`);
  return (
    <section aria-labelledby="going-title">
      <h2 id="going-title">Going</h2>
      <ul className="record-list" aria-label="Going">
        {going.map((r) => (
          <li key={r.id} className="record small">
            <span>
              {who(r)}
              {r.walkIn ? ' · walk-in' : ''}
              {r.attended ? ' · here' : ''}
            </span>
            {staff && !r.attended && r.member ? (
              <button type="button" onClick={() => void checkIn(r)}>
                Check in
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {waiting.length ? (
        <>
          <h2>Waitlist</h2>
          <ol className="record-list" aria-label="Waitlist">
            {waiting.map((r) => (
              <li key={r.id} className="record small">
                {r.place}. {who(r)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

/** At the door: a member who did not reply (a walk-in), a guest; cancelling the event. */
function Door({ event: e, act }: { event: EventDetail; act: Act }) {
  const [guest, setGuest] = useState('');
  return (
    <section className="card form" aria-labelledby="door-title">
      <h2 id="door-title">At the door</h2>
      <MemberPicker
        label="Check in a member"
        value={null}
        onChange={(m) => m && void act(() => call('events.checkIn', { eventId: e.id, memberId: m.id }), `${m.name} is checked in.`)}
      />
      {e.guestsAllowed ? (
        <form
          aria-label="Check in a guest"
          onSubmit={(ev) => {
            ev.preventDefault();
            void act(() => call('events.checkIn', { eventId: e.id, guestName: guest }), `${guest} is checked in.`).then(() => setGuest(''));
          }}
        >
          <TextField label="Guest’s name" value={guest} onChange={(ev) => setGuest(ev.target.value)} />
          <button type="submit">Check in the guest</button>
        </form>
      ) : null}
      <button type="button" onClick={() => void act(() => call('events.cancel', { id: e.id }), 'The event is cancelled; everyone who replied is told.')}>
        Cancel the event
      </button>
    </section>
  );
}
