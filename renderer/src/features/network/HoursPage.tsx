import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { formatMinutes } from '@shared/domain/network';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { MemberPicker } from '../../components/MemberPicker';
import { downloadText, formatDate, todayLocal } from '../../components/format';
import { useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { HoursLimits } from './HoursLimits';
import { NetworkPage, useViewer } from './networkUi';

type Pick = { id: string; name: string } | null;

/** Services exchanged by the hour: who gave whom how long, confirmed by who received it; balances from the confirmed ones. */
export function HoursPage() {
  const viewer = useViewer();
  const exchanges = useApi('network.exchanges', {});
  const balance = useApi('network.balances', { limit: 1 }, { enabled: !viewer.staff });
  const { message, act } = useAction();
  const mine = balance.data?.rows[0];
  return (
    <NetworkPage title="Hours exchanged" subtitle="Mutual support through exchange of services: an hour given is an hour you may ask for.">
      <ActionNote message={message} />
      {mine ? (
        <p className={mine.outsideLimits ? 'figure warning' : 'figure'}>
          Your balance: {formatMinutes(mine.hoursBalance)}{' '}
          <span className="muted small">
            (given {formatMinutes(mine.minutesGiven)}, received {formatMinutes(mine.minutesReceived)})
          </span>
          {mine.outsideLimits ? <span className="small"> · beyond the co-op’s limit: give some hours back when you can</span> : null}
        </p>
      ) : null}
      <div className="split-columns">
        <section aria-labelledby="hours-list-title">
          <div className="card-head">
            <h2 id="hours-list-title">{viewer.staff ? 'Latest exchanges' : 'Your exchanges'}</h2>
            {viewer.staff ? (
              <button
                type="button"
                onClick={async () => {
                  const file = await call('network.exportHoursCsv', {});
                  downloadText(file.filename, file.csv);
                }}
              >
                Export CSV
              </button>
            ) : null}
          </div>
          <ul className="record-list">
            {exchanges.data?.map((x) => (
              <li key={x.id} className="card record">
                <span>
                  {formatDate(x.onDate)} · <strong>{x.giver.name}</strong> gave <strong>{x.receiver.name}</strong> {formatMinutes(x.minutes)}: {x.what}{' '}
                  <span className={`badge badge-${x.state}`}>{x.state}</span>
                </span>
                {x.mayAnswer ? (
                  <span className="actions">
                    <button
                      type="button"
                      onClick={() => void act(() => call('network.answerExchange', { id: x.id, answer: 'confirm' }), 'Confirmed: the hours count.')}
                    >
                      Confirm
                    </button>
                    <button type="button" onClick={() => void act(() => call('network.answerExchange', { id: x.id, answer: 'decline' }), 'Declined.')}>
                      Decline
                    </button>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
        <div className="stack">
          <RecordExchange me={viewer.memberId} />
          {viewer.manager ? <HoursLimits /> : null}
        </div>
      </div>
    </NetworkPage>
  );
}

function RecordExchange({ me }: { me: string | null }) {
  const [key, setKey] = useState(0);
  const [direction, setDirection] = useState<'gave' | 'received'>('gave');
  const form = useChannelForm('network.recordExchange', {
    defaultValues: { giver: null as Pick, other: null as Pick, hours: '1', what: '', onDate: todayLocal() },
    toInput: (v) => {
      const other = v.other?.id ?? '';
      const giverId = me ? (direction === 'gave' ? me : other) : (v.giver?.id ?? '');
      const receiverId = me ? (direction === 'gave' ? other : me) : other;
      return { giverId, receiverId, hours: Number(v.hours.replace(',', '.')), what: v.what, onDate: v.onDate };
    },
    fieldOf: me ? { [direction === 'gave' ? 'receiverId' : 'giverId']: 'other' } : { giverId: 'giver', receiverId: 'other' },
    onSaved: (_x, _v, f) => {
      f.reset();
      setKey((k) => k + 1);
    },
  });
  return (
    <form key={key} className="card form" aria-label="Record hours" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>Record hours</h2>
      {me ? (
        <fieldset className="radio-row">
          <legend>I</legend>
          <label>
            <input type="radio" checked={direction === 'gave'} onChange={() => setDirection('gave')} /> gave hours
          </label>
          <label>
            <input type="radio" checked={direction === 'received'} onChange={() => setDirection('received')} /> received hours
          </label>
        </fieldset>
      ) : (
        <Controller
          control={form.control}
          name="giver"
          render={({ field }) => <MemberPicker label="Given by" value={field.value} onChange={field.onChange} error={form.errorOf('giver')} />}
        />
      )}
      <Controller
        control={form.control}
        name="other"
        render={({ field }) => (
          <MemberPicker
            label={me ? (direction === 'gave' ? 'To' : 'From') : 'Received by'}
            value={field.value}
            onChange={field.onChange}
            error={form.errorOf('other')}
          />
        )}
      />
      <TextField label="Hours" inputMode="decimal" hint="1.5 for an hour and a half" error={form.errorOf('hours')} {...form.register('hours')} />
      <TextField label="What" placeholder="Proof-read a tender" error={form.errorOf('what')} {...form.register('what')} />
      <Controller
        control={form.control}
        name="onDate"
        render={({ field }) => <DateField label="On" value={field.value} onValue={field.onChange} onBlur={field.onBlur} error={form.errorOf('onDate')} />}
      />
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit" className="button-primary">
          Record
        </button>
      </FormActions>
    </form>
  );
}
