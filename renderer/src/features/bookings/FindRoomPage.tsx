import { useState } from 'react';
import { Link } from 'wouter';
import { zonedParts } from '@shared/domain/zoned';
import { useApi } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { TimeField } from '../../components/TimeField';
import { instantIso } from '../../components/format';
import { BookingDialog, type BookingDraft } from './BookingDialog';
import { DateField } from '../../components/DateField';

/** "A room for 6 on Tuesday 10:00–12:00 with a screen": the free rooms, snuggest first. */
export function FindRoomPage() {
  const settings = useApi('settings.get', {});
  const zone = settings.data?.site.timeZone ?? 'UTC';
  const [date, setDate] = useState(() => zonedParts(Date.now(), zone).date);
  const [startTime, setStartTime] = useState('10:00');
  const [endTime, setEndTime] = useState('12:00');
  const [people, setPeople] = useState(4);
  const [features, setFeatures] = useState('');
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const wanted = features
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const query = { start: instantIso(date, startTime, zone), end: instantIso(date, endTime, zone), people, features: wanted };
  const rooms = useApi('bookings.findRooms', query, { enabled: startTime < endTime });
  const allRooms = useApi('bookables.list', { kind: 'room' });

  return (
    <section className="page" aria-labelledby="find-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/bookings">Bookings</Link> / <span>Find a room</span>
      </nav>
      <header className="page-header">
        <h1 id="find-title">Find a room</h1>
      </header>
      <form className="toolbar" role="search" onSubmit={(e) => e.preventDefault()}>
        <TextField label="People" type="number" min={1} value={people} onChange={(e) => setPeople(Math.max(1, Number(e.target.value) || 1))} />
        <DateField label="Date" value={date} onValue={setDate} />
        <TimeField label="From" value={startTime} onValue={setStartTime} />
        <TimeField label="Until" value={endTime} onValue={setEndTime} error={rooms.error?.fields.end} />
        <TextField label="With" placeholder="screen, whiteboard" value={features} onChange={(e) => setFeatures(e.target.value)} />
      </form>
      <div className="card">
        <h2 aria-live="polite">{rooms.data ? `${rooms.data.length} free ${rooms.data.length === 1 ? 'room' : 'rooms'}` : 'Searching…'}</h2>
        <ul className="result-list" aria-label="Free rooms">
          {(rooms.data ?? []).map((r) => (
            <li key={r.bookable.id}>
              <div>
                <strong>{r.bookable.name}</strong> <span className="muted">{r.fit}</span>
                <div className="tag-line">
                  {r.bookable.features.map((f) => (
                    <span key={f} className="chip chip-offers">
                      {f}
                    </span>
                  ))}
                </div>
              </div>
              <button type="button" className="button-primary" onClick={() => setDraft({ bookableId: r.bookable.id, date, startTime, endTime })}>
                Book {r.bookable.name}
              </button>
            </li>
          ))}
        </ul>
        {rooms.data?.length === 0 ? <p className="muted">No room is free for {people} then. Try another time, or fewer features.</p> : null}
      </div>
      {draft && allRooms.data ? <BookingDialog draft={draft} bookables={allRooms.data} timeZone={zone} onClose={() => setDraft(null)} /> : null}
    </section>
  );
}
