import { useState } from 'react';
import { SimpleTable } from '../../components/SimpleTable';
import { useApi } from '../../api/hooks';
import { BookingDetails } from './BookingDetails';
import { IcsButton } from './IcsButton';
import type { Booking } from '@shared/contract/bookings.contract';
import { Segmented } from '../../components/Segmented';
import { formatDate } from '../../components/format';

/** "My bookings" for one member: upcoming or past, each opens to check in, move or cancel. */
export function MemberBookings({ memberId }: { memberId: string }) {
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const list = useApi('bookings.forMember', { memberId, when });
  const [opened, setOpened] = useState<Booking | null>(null);
  const rows = list.data ?? [];
  return (
    <div className="card card-wide" role="region" aria-label="Bookings">
      <div className="card-head">
        <h2>Bookings</h2>
        <div className="actions">
          <Segmented
            label="Which bookings"
            value={when}
            onChange={setWhen}
            options={[
              ['upcoming', 'Upcoming'],
              ['past', 'Past'],
            ]}
          />
          <IcsButton of={{ memberId }} />
        </div>
      </div>
      {rows.length === 0 ? <p className="muted">{when === 'upcoming' ? 'No upcoming bookings.' : 'No past bookings.'}</p> : null}
      {rows.length > 0 ? (
        <SimpleTable
          label={`${when === 'upcoming' ? 'Upcoming' : 'Past'} bookings`}
          rows={rows}
          rowKey={(b) => b.id}
          columns={[
            {
              header: 'Date',
              cell: (b) => (
                <button type="button" className="link-button" onClick={() => setOpened(b)}>
                  {formatDate(b.localDate)}
                </button>
              ),
            },
            { header: 'Time', cell: (b) => `${b.localStart}–${b.localEnd}` },
            { header: 'What', cell: (b) => b.bookableName },
            { header: 'Title', cell: (b) => b.title },
            {
              header: 'Status',
              cell: (b) => (
                <>
                  <span className={`badge badge-${b.status}`}>{b.status}</span>
                  {b.seriesId ? <span className="muted small"> · series</span> : null}
                </>
              ),
            },
          ]}
        />
      ) : null}
      {opened ? <BookingDetails booking={opened} onClose={() => setOpened(null)} /> : null}
    </div>
  );
}
