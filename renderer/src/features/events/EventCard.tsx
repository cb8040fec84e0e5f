import { Link } from 'wouter';
import type { EventSummary } from '@shared/contract/events.contract';
import { EVENT_KIND_LABELS } from '@shared/domain/events';
import { formatMoney } from '@shared/domain/money';
import { call } from '../../api/client';
import { formatDateTime, formatTime } from '../../components/format';
import type { Act } from '../../components/useAction';
import { useSiteZone } from '../../components/useSiteZone';

/** "12 going of 12 · 2 waiting". */
export const places = (e: EventSummary) => `${e.going} going of ${e.capacity}${e.waitlisted ? ` · ${e.waitlisted} waiting` : ''}`;

/** An event in a list: when, where, places, the viewer's reply and a button to reply. */
export function EventCard({ event: e, act, member }: { event: EventSummary; act: Act; member: boolean }) {
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
