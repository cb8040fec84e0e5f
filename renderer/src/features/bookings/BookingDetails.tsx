import { useQueryClient } from '@tanstack/react-query';
import { FormError } from '../../components/FormActions';
import { formatMoney, hoursOf } from '@shared/domain/money';
import { useState } from 'react';
import { Link } from 'wouter';
import type { Booking, Scope } from '@shared/contract/bookings.contract';
import { ApiCallError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { TimeField } from '../../components/TimeField';
import { whoOf } from './time';
import { formatDate } from '../../components/format';
import { DateField } from '../../components/DateField';

const SCOPE_LABELS: Record<Scope, string> = { this: 'This date only', following: 'This and following', all: 'All dates still to come' };

/** One booking: what it is, and check-in, cancel (with scope and override) and move. */
export function BookingDetails({ booking, onClose }: { booking: Booking; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<Scope>('this');
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [moving, setMoving] = useState(false);
  const [date, setDate] = useState(booking.localDate);
  const [startTime, setStartTime] = useState(booking.localStart);
  const [endTime, setEndTime] = useState(booking.localEnd.slice(-5));
  const [error, setError] = useState<string | null>(null);
  const [needsOverride, setNeedsOverride] = useState(false);

  async function act(work: () => Promise<unknown>) {
    setError(null);
    try {
      await work();
      await queryClient.invalidateQueries();
      onClose();
    } catch (e) {
      if (!(e instanceof ApiCallError)) throw e;
      setError(e.message);
      if (e.rule === 'cancel-cutoff') setNeedsOverride(true);
    }
  }

  const active = booking.status === 'confirmed' || booking.status === 'pending';
  return (
    <Dialog title={`${booking.bookableName}, ${formatDate(booking.localDate)} ${booking.localStart}–${booking.localEnd}`} onClose={onClose}>
      <div className="dialog-body">
        <dl className="facts">
          <dt>For</dt>
          <dd>{whoOf(booking)}</dd>
          {booking.title ? (
            <>
              <dt>Title</dt>
              <dd>{booking.title}</dd>
            </>
          ) : null}
          <dt>Status</dt>
          <dd>
            <span className={`badge badge-${booking.status}`}>{booking.status}</span>
            {booking.checkedInAt ? ' · checked in' : ''}
            {booking.cutoffOverridden ? ' · cancelled after the cut-off by a manager' : ''}
          </dd>
          <dt>{booking.kind === 'room' ? 'People' : 'Quantity'}</dt>
          <dd>{booking.quantity}</dd>
          <dt>Price</dt>
          <dd>{priceWords(booking)}</dd>
          {booking.seriesId ? (
            <>
              <dt>Series</dt>
              <dd>part of a recurring series</dd>
            </>
          ) : null}
        </dl>
        <p className="small">
          <Link href={`/bookables/${booking.bookableId}/week/${booking.localDate}`} onClick={onClose}>
            Week of {booking.bookableName}
          </Link>
          {booking.memberId ? (
            <>
              {' · '}
              <Link href={`/members/${booking.memberId}`} onClick={onClose}>
                {booking.memberName}’s bookings
              </Link>
            </>
          ) : null}
        </p>

        {active ? (
          <>
            {booking.seriesId ? (
              <fieldset className="scope">
                <legend>Apply to</legend>
                {(['this', 'following', 'all'] as const).map((s) => (
                  <label key={s}>
                    <input type="radio" name="scope" checked={scope === s} onChange={() => setScope(s)} /> {SCOPE_LABELS[s]}
                  </label>
                ))}
              </fieldset>
            ) : null}
            {moving ? (
              <div className="grid">
                {scope === 'this' ? <DateField label="New date" value={date} onValue={setDate} /> : null}
                <TimeField label="New start" value={startTime} onValue={setStartTime} />
                <TimeField label="New end" value={endTime} onValue={setEndTime} />
              </div>
            ) : null}
            {needsOverride ? (
              <label className="override">
                <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} /> Override the cut-off (recorded on the booking)
              </label>
            ) : null}
            <TextField label="Reason" placeholder="optional, kept with the cancellation" value={reason} onChange={(e) => setReason(e.target.value)} />
          </>
        ) : null}
        <FormError message={error} />
        <div className="actions">
          {active && booking.status === 'confirmed' && !booking.checkedInAt ? (
            <button type="button" onClick={() => void act(() => call('bookings.checkIn', { id: booking.id }))}>
              Check in
            </button>
          ) : null}
          {active && moving ? (
            <button
              type="button"
              className="button-primary"
              onClick={() =>
                void act(() => call('bookings.reschedule', { id: booking.id, scope, date: scope === 'this' ? date : undefined, startTime, endTime }))
              }
            >
              Move
            </button>
          ) : active ? (
            <button type="button" onClick={() => setMoving(true)}>
              Move…
            </button>
          ) : null}
          {active ? (
            <button
              type="button"
              className="button-danger"
              onClick={() => void act(() => call('bookings.cancel', { id: booking.id, scope, override, reason }))}
            >
              Cancel booking
            </button>
          ) : null}
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** Opens a booking known by id (the day board carries only what its blocks show). */
export function BookingDetailsById({ id, onClose }: { id: string; onClose: () => void }) {
  const booking = useApi('bookings.get', { id });
  if (booking.error) {
    return (
      <Dialog title="Booking" onClose={onClose}>
        <p className="form-error dialog-body">{booking.error.message}</p>
      </Dialog>
    );
  }
  return booking.data ? <BookingDetails booking={booking.data} onClose={onClose} /> : null;
}

/** "£13.50, and 1 h from the plan", "2 desk days from the plan", "Free". */
function priceWords(b: Booking): string {
  const credits =
    b.creditsUsed === 0
      ? ''
      : b.kind === 'desk'
        ? `${b.creditsUsed} desk day${b.creditsUsed === 1 ? '' : 's'} from the plan`
        : `${hoursOf(b.creditsUsed)} h from the plan`;
  if (b.price > 0) return credits ? `${formatMoney(b.price, b.currency)}, and ${credits}` : formatMoney(b.price, b.currency);
  return credits ? credits.charAt(0).toUpperCase() + credits.slice(1) : 'Free';
}
