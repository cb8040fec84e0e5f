import { zonedParts } from '@shared/domain/zoned';
import { useApi } from '../../api/hooks';
import { formatDate } from '../../components/format';

export interface Alternative {
  bookableId: string;
  date: string;
  startTime: string;
  endTime: string;
}

/**
 * When the time clashes, the way out, one click each: the same bookable's nearest free time of
 * the same length, and the other free rooms (or desks, or equipment) of the same kind at the time
 * asked for, best fit first.
 */
export function BookingAlternatives({
  bookableId,
  kind,
  start,
  end,
  quantity,
  timeZone,
  onPick,
}: {
  bookableId: string;
  kind: string;
  start: string;
  end: string;
  quantity: number;
  timeZone: string;
  onPick: (alternative: Alternative) => void;
}) {
  const minutes = Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
  const later = useApi('bookings.nextFree', { bookableId, from: start, minutes, quantity }, { enabled: minutes >= 5 });
  const rooms = useApi('bookings.findRooms', { start, end, people: 1 }, { enabled: kind === 'room' });
  const local = (iso: string) => zonedParts(Date.parse(iso), timeZone);
  const asked = local(start);
  const next = later.data ? { from: local(later.data.start), to: local(later.data.end) } : null;
  const others = (rooms.data ?? []).filter((r) => r.bookable.id !== bookableId).slice(0, 4);
  if (!next && others.length === 0) return null;
  return (
    <div className="alternatives" role="region" aria-label="Free instead">
      <strong>Free instead:</strong>
      <ul>
        {next ? (
          <li>
            <button type="button" onClick={() => onPick({ bookableId, date: next.from.date, startTime: next.from.time, endTime: next.to.time })}>
              {next.from.date === asked.date ? '' : `${formatDate(next.from.date)} `}
              {next.from.time}–{next.to.time}
            </button>{' '}
            <span className="muted small">the nearest free time here</span>
          </li>
        ) : null}
        {others.map((r) => (
          <li key={r.bookable.id}>
            <button type="button" onClick={() => onPick({ bookableId: r.bookable.id, date: asked.date, startTime: asked.time, endTime: local(end).time })}>
              {r.bookable.name}
            </button>{' '}
            <span className="muted small">{r.fit}, same time</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
