import { useState } from 'react';
import { zonedParts } from '@shared/domain/zoned';
import { useApi } from '../../api/hooks';
import { BookingDetailsById } from './BookingDetails';
import { BookingDialog, type BookingDraft } from './BookingDialog';
import { MemberBookings } from './MemberBookings';
import { whoOf } from './time';
import { DateInput } from '../../components/DateField';

/** The kiosk's bookings for an identified member: book for themselves, their bookings, the day at the co-op. */
export function KioskBookings({ member }: { member: { id: string; name: string } }) {
  const settings = useApi('settings.get', {});
  const [openedAt] = useState(() => Date.now());
  const [day, setDay] = useState('');
  const bookables = useApi('bookables.list', {});
  const zone = settings.data?.site.timeZone ?? 'UTC';
  const shownDay = day || zonedParts(openedAt, zone).date;
  const board = useApi('bookings.dayBoard', { date: shownDay }, { enabled: Boolean(settings.data) });
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [opened, setOpened] = useState<string | null>(null);

  return (
    <>
      <div className="actions">
        <button
          type="button"
          className="button-primary"
          disabled={!bookables.data?.length}
          onClick={() =>
            bookables.data &&
            setDraft({ bookableId: bookables.data[0].id, date: zonedParts(openedAt, zone).date, startTime: '10:00', endTime: '11:00', member })
          }
        >
          Book a desk or room
        </button>
      </div>
      <MemberBookings memberId={member.id} />
      {board.data ? (
        <div className="card" role="region" aria-label="Bookings at the co-op">
          <div className="card-head">
            <h2>Bookings at {board.data.siteName}</h2>
            <DateInput aria-label="Day" value={shownDay} onValue={(d) => d && setDay(d)} />
          </div>
          {board.data.bookings.length === 0 ? <p className="muted">No bookings that day.</p> : null}
          <ul className="result-list">
            {board.data.bookings.map((b) => (
              <li key={b.id}>
                <span>
                  {b.localStart}–{b.localEnd} · {board.data!.bookables.find((x) => x.id === b.bookableId)?.name} · {whoOf(b)}
                </span>
                {/* Another member's booking shows only that the time is taken; there is nothing to open. */}
                {b.memberName || b.guestName ? (
                  <button type="button" aria-label={`Open ${b.localStart} ${whoOf(b)}`} onClick={() => setOpened(b.id)}>
                    Open
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {draft && bookables.data ? <BookingDialog draft={draft} bookables={bookables.data} timeZone={zone} fixedMember onClose={() => setDraft(null)} /> : null}
      {opened ? <BookingDetailsById id={opened} onClose={() => setOpened(null)} /> : null}
    </>
  );
}
