import { useQueryClient } from '@tanstack/react-query';
import { FormError } from '../../components/FormActions';
import { formatMoney } from '@shared/domain/money';
import { formatDate, instantIso } from '../../components/format';
import { useState } from 'react';
import type { Bookable } from '@shared/contract/bookables.contract';
import type { Occurrence } from '@shared/contract/bookings.contract';
import { WEEKDAYS } from '@shared/contract/settings.contract';
import { ApiCallError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/Field';
import { TimeField } from '../../components/TimeField';
import { MemberPicker } from '../../components/MemberPicker';
import { BookingAlternatives } from './BookingAlternatives';
import { showOnBoards } from './boardLayout';
import { RULE_WORDS } from './ruleLabels';
import { useDebounced } from '../../components/useDebounced';
import { DateField } from '../../components/DateField';

export interface BookingDraft {
  bookableId: string;
  date: string;
  startTime: string;
  endTime: string;
  member?: { id: string; name: string } | null;
}

type Freq = 'daily' | 'weekly' | 'monthly';

/**
 * Book one slot or a series. What the rules say appears while you fill it in — the clash and
 * its reason, in words — and again next to the field if the server refuses on saving.
 */
export function BookingDialog({
  draft,
  bookables,
  timeZone,
  fixedMember,
  onClose,
}: {
  draft: BookingDraft;
  bookables: Pick<Bookable, 'id' | 'name' | 'kind' | 'capacity'>[];
  timeZone: string;
  /** At the kiosk a member books for themselves: no member or guest choice. */
  fixedMember?: boolean;
  onClose: (booked: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const [bookableId, setBookableId] = useState(draft.bookableId);
  const [member, setMember] = useState<{ id: string; name: string } | null>(draft.member ?? null);
  const [guest, setGuest] = useState(false);
  const [guestName, setGuestName] = useState('');
  const [date, setDate] = useState(draft.date);
  const [startTime, setStartTime] = useState(draft.startTime);
  const [endTime, setEndTime] = useState(draft.endTime);
  const [quantity, setQuantity] = useState(1);
  const [title, setTitle] = useState('');
  const [repeat, setRepeat] = useState(false);
  const [freq, setFreq] = useState<Freq>('weekly');
  const [interval, setEvery] = useState(1);
  const [byWeekday, setByWeekday] = useState<number[]>([]);
  const [monthlyBy, setMonthlyBy] = useState<'date' | 'weekday'>('date');
  const [endsBy, setEndsBy] = useState<'count' | 'until'>('count');
  const [count, setCount] = useState(10);
  const [until, setUntil] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const bookable = bookables.find((b) => b.id === bookableId);
  const who = { memberId: guest ? null : (member?.id ?? null), guestName: guest ? guestName : '', quantity, title };
  const ready = (guest ? guestName.trim() !== '' : member !== null) && startTime < endTime;
  const recurrence = { freq, interval, byWeekday: freq === 'weekly' ? byWeekday : [], monthlyBy, ...(endsBy === 'count' ? { count } : { until }) };
  const singleInput = { bookableId, ...who, start: instantIso(date, startTime, timeZone), end: instantIso(date, endTime, timeZone) };
  const seriesInput = { bookableId, ...who, firstDate: date, startTime, endTime, recurrence };
  // Live checks wait for typing to settle; saving always sends what the form shows now.
  const settledSingle = useDebounced(singleInput);
  const settledSeries = useDebounced(seriesInput);
  const settling = JSON.stringify(settledSingle) !== JSON.stringify(singleInput) || JSON.stringify(settledSeries) !== JSON.stringify(seriesInput);
  const check = useApi('bookings.check', settledSingle, { enabled: ready && !repeat });
  const plan = useApi('bookings.planSeries', settledSeries, { enabled: ready && repeat && (endsBy === 'count' || until !== '') });

  async function save(onClash?: 'book-free' | 'none') {
    setBusy(true);
    setFormError(null);
    setFieldErrors({});
    try {
      const made = repeat
        ? (await call('bookings.createSeries', { ...seriesInput, onClash: onClash ?? 'none' })).booked
        : [await call('bookings.create', singleInput)];
      // The new bookings are drawn on the open day boards at once. The rest follows the host's
      // "bookings changed", which reaches this page too: refreshing every screen here as well
      // asked each read twice, and the first round held the new booking's paint.
      showOnBoards(queryClient, made);
      onClose(true);
    } catch (error) {
      if (!(error instanceof ApiCallError)) throw error;
      setFieldErrors(error.fields);
      setFormError(error.message);
    } finally {
      setBusy(false);
    }
  }

  // What the rules say about what the form shows now (nothing while typing settles).
  const violations = repeat || settling ? [] : (check.data?.violations ?? []);
  const occurrences: Occurrence[] = repeat ? (plan.data?.occurrences ?? []) : [];
  const clashing = occurrences.filter((o) => o.violations.length > 0);
  const timeError = fieldErrors.start ?? fieldErrors.startTime ?? fieldErrors.endTime ?? fieldErrors.firstDate;

  return (
    <Dialog title="New booking" onClose={() => onClose(false)} wide>
      <form
        className="form dialog-body"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!repeat || clashing.length === 0) void save('none');
        }}
      >
        <div className="grid">
          <SelectField
            label="What"
            value={bookableId}
            onChange={(e) => setBookableId(e.target.value)}
            options={bookables.map((b) => [b.id, `${b.name} (${b.kind}, ${b.capacity})`] as const)}
            error={fieldErrors.bookableId}
          />
          {fixedMember ? (
            <div className="field">
              <span className="field-label">For</span>
              <strong>{member?.name}</strong>
            </div>
          ) : guest ? (
            <TextField label="Guest name" value={guestName} onChange={(e) => setGuestName(e.target.value)} error={fieldErrors.memberId} />
          ) : (
            <MemberPicker label="Member" value={member} onChange={setMember} error={fieldErrors.memberId} autoFocus />
          )}
          {fixedMember ? null : (
            <div className="field checkbox-field">
              <label>
                <input type="checkbox" checked={guest} onChange={(e) => setGuest(e.target.checked)} /> For a guest
              </label>
            </div>
          )}
          <DateField label="Date" value={date} onValue={setDate} />
          <TimeField label="From" step={5} value={startTime} onValue={setStartTime} error={timeError} />
          <TimeField label="Until" step={5} value={endTime} onValue={setEndTime} />
          <TextField
            label={bookable?.kind === 'room' ? 'People' : bookable?.kind === 'desk' ? 'Seats' : 'Quantity'}
            type="number"
            min={1}
            max={bookable?.capacity}
            value={quantity}
            onChange={(e) => setQuantity(Math.max(1, Number(e.target.value) || 1))}
            error={fieldErrors.quantity}
          />
          <TextField label="Title" placeholder="optional" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>

        <fieldset className="repeat">
          <legend>
            <label>
              <input type="checkbox" checked={repeat} onChange={(e) => setRepeat(e.target.checked)} /> Repeat
            </label>
          </legend>
          {repeat ? (
            <div className="grid">
              <SelectField
                label="Repeats"
                value={freq}
                onChange={(e) => setFreq(e.target.value as Freq)}
                options={[
                  ['daily', 'Daily'],
                  ['weekly', 'Weekly'],
                  ['monthly', 'Monthly'],
                ]}
              />
              <TextField
                label="Every"
                type="number"
                min={1}
                max={52}
                value={interval}
                onChange={(e) => setEvery(Math.max(1, Number(e.target.value) || 1))}
                hint={freq === 'daily' ? 'days' : freq === 'weekly' ? 'weeks' : 'months'}
              />
              {freq === 'weekly' ? (
                <fieldset className="weekdays field-wide">
                  <legend>On</legend>
                  {WEEKDAYS.map((day, i) => (
                    <label key={day}>
                      <input
                        type="checkbox"
                        checked={byWeekday.includes(i + 1)}
                        onChange={(e) => setByWeekday((d) => (e.target.checked ? [...d, i + 1] : d.filter((x) => x !== i + 1)))}
                      />{' '}
                      {day.slice(0, 3)}
                    </label>
                  ))}
                </fieldset>
              ) : null}
              {freq === 'monthly' ? (
                <SelectField
                  label="Monthly on"
                  value={monthlyBy}
                  onChange={(e) => setMonthlyBy(e.target.value as 'date' | 'weekday')}
                  options={[
                    ['date', 'the same date'],
                    ['weekday', 'the same weekday (e.g. 2nd Tuesday)'],
                  ]}
                />
              ) : null}
              <SelectField
                label="Ends"
                value={endsBy}
                onChange={(e) => setEndsBy(e.target.value as 'count' | 'until')}
                options={[
                  ['count', 'after a number of times'],
                  ['until', 'on a date'],
                ]}
              />
              {endsBy === 'count' ? (
                <TextField
                  label="Times"
                  type="number"
                  min={1}
                  max={366}
                  value={count}
                  onChange={(e) => setCount(Math.max(1, Number(e.target.value) || 1))}
                  error={fieldErrors['recurrence.count']}
                />
              ) : (
                <DateField label="Last date" value={until} onValue={setUntil} error={fieldErrors['recurrence.until']} />
              )}
            </div>
          ) : null}
        </fieldset>

        {!repeat && violations.length > 0 ? (
          <div className="rule-box" role="alert" aria-label="Why this cannot be booked">
            <strong>Cannot be booked:</strong>
            <ul>
              {violations.map((v) => (
                <li key={v.rule + v.message}>
                  <span className="rule-name">{RULE_WORDS[v.rule]}</span> {v.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {!repeat && bookable && violations.some((v) => v.rule === 'capacity') ? (
          <BookingAlternatives
            bookableId={bookableId}
            kind={bookable.kind}
            start={settledSingle.start}
            end={settledSingle.end}
            quantity={quantity}
            timeZone={timeZone}
            onPick={(a) => {
              setBookableId(a.bookableId);
              setDate(a.date);
              setStartTime(a.startTime);
              setEndTime(a.endTime);
            }}
          />
        ) : null}
        {!repeat && !settling && check.data && violations.length === 0 ? (
          <p className="ok-box" role="status">
            Free. {check.data.credits ? `${check.data.credits}.` : ''}{' '}
            {check.data.price > 0 ? `Price ${formatMoney(check.data.price, check.data.currency)}.` : check.data.credits ? 'Nothing to pay.' : ''}
          </p>
        ) : null}
        {repeat && !settling && plan.data ? (
          <div className={clashing.length ? 'rule-box' : 'ok-box'} role="region" aria-label="Dates in the series">
            <p role="status">
              {plan.data.description}: {plan.data.free} free{clashing.length ? `, ${clashing.length} clashing` : ''}.
            </p>
            <ul className="occurrences">
              {occurrences.map((o) => (
                <li key={o.date} className={o.violations.length ? 'clash' : 'free'}>
                  <span>{formatDate(o.date)}</span> {o.violations.length ? o.violations.map((v) => v.message).join(' ') : 'free'}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {plan.error ? <p className="form-error">{plan.error.message}</p> : null}
        <FormError message={formError} />

        <div className="actions">
          {repeat && clashing.length > 0 ? (
            <>
              <button type="button" className="button-primary" disabled={busy || plan.data?.free === 0} onClick={() => void save('book-free')}>
                Book the {plan.data?.free} free dates
              </button>
              <button type="button" onClick={() => onClose(false)}>
                Book none
              </button>
            </>
          ) : (
            <button type="submit" className="button-primary" disabled={busy || !ready || violations.length > 0}>
              {repeat ? `Book all ${occurrences.length || ''} dates` : 'Book'}
            </button>
          )}
          <button type="button" onClick={() => onClose(false)}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
