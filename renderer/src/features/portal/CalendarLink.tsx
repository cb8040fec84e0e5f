import { useState } from 'react';
import type { CalendarLink as Link } from '@shared/contract/portal.contract';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { formatDateTime } from '../../components/format';
import { useAction } from '../../components/useAction';
import { useSiteZone } from '../../components/useSiteZone';

/** A member's private calendar subscription: made (and shown) once, replaced or revoked at will. */
export function CalendarLink() {
  const link = useApi('portal.calendarLink', {});
  const zone = useSiteZone();
  const { message, act } = useAction();
  const [made, setMade] = useState<Link | null>(null);
  if (!link.data) return null;
  return (
    <section className="card stack" aria-labelledby="calendar-link-title">
      <h2 id="calendar-link-title">Your bookings and events in your calendar</h2>
      <p className="muted small">
        A private link your calendar app subscribes to (Google Calendar: “From URL”; Apple Calendar: “New Calendar Subscription”). Anyone with the link sees
        your bookings and the events you go to: keep it to yourself, and make a new one if it got out. A second link gives the co-op’s whole programme of
        events.
      </p>
      {link.data.exists ? (
        <p className="small">
          Made {formatDateTime(link.data.createdAt!, zone)}
          {link.data.lastReadAt ? `; last read by a calendar ${formatDateTime(link.data.lastReadAt, zone)}` : '; not read by a calendar yet'}.
        </p>
      ) : null}
      {made?.url ? (
        <p role="status" className="notice">
          Your new link (shown only now):{' '}
          <input className="calendar-url" readOnly aria-label="Calendar link" value={made.url} onFocus={(e) => e.target.select()} />
          {made.eventsUrl ? (
            <>
              {' '}
              The co-op’s events:{' '}
              <input className="calendar-url" readOnly aria-label="Link to the co-op’s events" value={made.eventsUrl} onFocus={(e) => e.target.select()} />
            </>
          ) : null}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button-primary"
          onClick={() => void act(async () => setMade(await call('portal.newCalendarLink', {})), link.data.exists ? 'The old link no longer works.' : 'Made.')}
        >
          {link.data.exists ? 'Make a new link' : 'Make my calendar link'}
        </button>
        {link.data.exists ? (
          <button
            type="button"
            onClick={() =>
              void act(async () => {
                await call('portal.revokeCalendarLink', {});
                setMade(null);
              }, 'Revoked: calendars that subscribed stop updating.')
            }
          >
            Revoke the link
          </button>
        ) : null}
      </div>
      <ActionNote message={message} />
    </section>
  );
}
