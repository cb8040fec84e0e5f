import { useState } from 'react';
import { Controller } from 'react-hook-form';
import type { Commitment } from '@shared/contract/support.contract';
import { CHECKIN_KINDS, CHECKIN_LABELS, type CheckinKind } from '@shared/domain/support';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { MemberPicker } from '../../components/MemberPicker';
import { formatDate, formatMonth, todayLocal } from '../../components/format';
import { type Act, useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { useViewer } from '../auth';
import { SupportPage } from './supportUi';

/** Commitments: what a member said they would do, by when, before partners who hold them to it. Private to them. */
export function CommitmentsPage() {
  const viewer = useViewer();
  if (viewer.ready && viewer.staff)
    return (
      <SupportPage title="Commitments" subtitle="What members said they would do, held to it by partners they chose.">
        <p className="notice">Commitments are private to each member and their partners: members keep them at the kiosk or on their own phone.</p>
      </SupportPage>
    );
  return <MyCommitments />;
}

function MyCommitments() {
  const data = useApi('support.commitments', {}).data;
  const { message, act } = useAction();
  const kept = data?.kept;
  return (
    <SupportPage title="Commitments" subtitle="Say what you will do and by when; your partners hold you to it.">
      {kept ? (
        <p className="figure" role="status" aria-label="Commitments kept">
          Kept {kept.kept} of {kept.closed}{' '}
          <span className="muted small">{kept.byMonth.map((m) => `${formatMonth(`${m.month}-01`)}: ${m.kept} of ${m.closed}`).join(' · ')}</span>
        </p>
      ) : null}
      <div className="split-columns">
        <ActionNote message={message} />
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">Yours</h2>
          {data?.mine.length === 0 ? <p className="muted">No commitments yet.</p> : null}
          <ul className="record-list">
            {data?.mine.map((c) => (
              <CommitmentCard key={c.id} commitment={c} act={act} />
            ))}
          </ul>
          <h2>You hold others to</h2>
          {data?.partnering.length === 0 ? <p className="muted">Nobody asked you yet.</p> : null}
          <ul className="record-list">
            {data?.partnering.map((c) => (
              <CommitmentCard key={c.id} commitment={c} act={act} />
            ))}
          </ul>
        </section>
        <CommitForm />
      </div>
    </SupportPage>
  );
}

function CommitmentCard({ commitment: c, act }: { commitment: Commitment; act: Act }) {
  const [note, setNote] = useState('');
  const check = (kind: CheckinKind) =>
    act(() => call('support.checkIn', { id: c.id, kind, note }), kind === 'missed' ? 'Noted: your partners are told.' : 'Noted.');
  return (
    <li className="card record" aria-label={`Commitment: ${c.text}`}>
      <div>
        <strong>{c.text}</strong> <span className={`badge badge-${c.state}`}>{c.state}</span>
        <p className="small">
          {c.mine ? '' : `${c.owner.name} · `}due {formatDate(c.dueOn)} · partners {c.partners.map((p) => p.name).join(', ')}
        </p>
        {c.checkins.length ? (
          <p className="muted small">{c.checkins.map((k) => `${CHECKIN_LABELS[k.kind]} ${formatDate(k.onDate)}${k.note ? `: ${k.note}` : ''}`).join(' → ')}</p>
        ) : null}
      </div>
      {c.mine && c.state === 'open' ? (
        <div className="record-actions">
          <TextField label="Note" value={note} onChange={(e) => setNote(e.target.value)} />
          {CHECKIN_KINDS.map((k) => (
            <button key={k} type="button" className={k === 'done' ? 'button-primary' : undefined} onClick={() => void check(k)}>
              {CHECKIN_LABELS[k]}
            </button>
          ))}
        </div>
      ) : null}
    </li>
  );
}

function CommitForm() {
  const [key, setKey] = useState(0);
  const form = useChannelForm('support.commit', {
    defaultValues: { text: '', dueOn: todayLocal(), partners: [] as { id: string; name: string }[] },
    toInput: (v) => ({ text: v.text, dueOn: v.dueOn, partnerIds: v.partners.map((p) => p.id) }),
    fieldOf: { partnerIds: 'partners' },
    onSaved: (_r, _v, f) => {
      f.reset();
      setKey((k) => k + 1);
    },
  });
  return (
    <form key={key} className="card form" aria-label="Make a commitment" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>Make a commitment</h2>
      <TextField label="What you will do" placeholder="Send the tender" error={form.errorOf('text')} {...form.register('text')} />
      <Controller
        control={form.control}
        name="dueOn"
        render={({ field }) => <DateField label="By" value={field.value} onValue={field.onChange} onBlur={field.onBlur} error={form.errorOf('dueOn')} />}
      />
      <Controller
        control={form.control}
        name="partners"
        render={({ field }) => (
          <div>
            <MemberPicker
              label="Partner who holds you to it"
              value={null}
              onChange={(m) => m && !field.value.some((p) => p.id === m.id) && field.onChange([...field.value, m])}
              error={form.errorOf('partners')}
            />
            <ul className="chips" aria-label="Partners">
              {field.value.map((p) => (
                <li key={p.id}>
                  {p.name}{' '}
                  <button type="button" aria-label={`Remove ${p.name}`} onClick={() => field.onChange(field.value.filter((x) => x.id !== p.id))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      />
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit" className="button-primary">
          Commit
        </button>
      </FormActions>
    </form>
  );
}
