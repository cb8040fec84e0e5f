import { Link } from 'wouter';
import { addDaysIso } from '@shared/domain/zoned';
import { useApi } from '../../api/hooks';
import { formatDateTime, todayLocal } from '../../components/format';
import { useSiteZone } from '../../components/useSiteZone';
import { places } from './EventCard';

/** On Today and a member's home: the events of the coming week. */
export function EventsSoon() {
  const zone = useSiteZone();
  const today = todayLocal();
  const list = (useApi('events.list', { from: today, to: addDaysIso(today, 7) }).data ?? []).filter((e) => e.state === 'scheduled');
  if (list.length === 0) return null;
  return (
    <section className="card" aria-labelledby="events-soon-title">
      <h2 id="events-soon-title">Events this week</h2>
      <ul className="result-list">
        {list.map((e) => (
          <li key={e.id}>
            <Link href={`/events/${e.id}`}>{e.title}</Link>{' '}
            <span className="muted small">
              {formatDateTime(e.startsAt, zone)} · {places(e)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
