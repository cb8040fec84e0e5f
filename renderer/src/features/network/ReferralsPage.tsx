import { useState } from 'react';
import { Controller } from 'react-hook-form';
import type { Referral } from '@shared/contract/network.contract';
import { parseMoney } from '@shared/domain/money';
import { REFERRAL_LABELS, REFERRAL_STATUSES, type ReferralStatus, WARMTHS, referralMoveProblem } from '@shared/domain/network';
import { useApi } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { SelectField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { MemberPicker } from '../../components/MemberPicker';
import { Segmented } from '../../components/Segmented';
import { formatDate, todayLocal } from '../../components/format';
import { useChannelForm } from '../../components/useChannelForm';
import { amount, NetworkPage, useViewer } from './networkUi';

type Filter = 'open' | 'closed' | 'all';

/** The referral ledger: leads passed between members, moved on by who received them; a won one credits its giver. */
export function ReferralsPage() {
  const viewer = useViewer();
  const [status, setStatus] = useState<Filter>('all');
  const list = useApi('network.referrals', { status });
  return (
    <NetworkPage title="Referrals" subtitle="Givers gain: leads passed to other members, and the business they brought.">
      {viewer.staff ? null : <MyReferralBalance currency={list.data?.[0]?.currency} />}
      <div className="split-columns">
        <section aria-labelledby="ref-list-title">
          <div className="card-head">
            <h2 id="ref-list-title">{viewer.staff ? 'All referrals' : 'Your referrals'}</h2>
            <Segmented<Filter>
              label="Which referrals"
              value={status}
              onChange={setStatus}
              options={[
                ['all', 'All'],
                ['open', 'Open'],
                ['closed', 'Closed'],
              ]}
            />
          </div>
          {list.data?.length === 0 ? <p className="muted">None here.</p> : null}
          <ul className="record-list">
            {list.data?.map((r) => (
              <ReferralCard key={r.id} referral={r} />
            ))}
          </ul>
        </section>
        <PassReferral staff={viewer.staff} />
      </div>
    </NetworkPage>
  );
}

/** A member's own referral balance: what they gave and what it won, what they received. */
function MyReferralBalance({ currency }: { currency?: string }) {
  const mine = useApi('network.balances', { limit: 1 }).data?.rows[0];
  if (!mine || !currency) return null;
  return (
    <p className="figure" role="status" aria-label="Your referral balance">
      You gave {mine.referralsGiven} · {amount(mine.valueGiven, currency)} won{' '}
      <span className="muted small">
        · received {mine.referralsReceived} · {amount(mine.valueReceived, currency)} won
      </span>
    </p>
  );
}

function ReferralCard({ referral: r }: { referral: Referral }) {
  const [moving, setMoving] = useState(false);
  return (
    <li className="card record" aria-label={`Referral ${r.lead}`}>
      <div>
        <strong>{r.lead}</strong> · {r.need}
        <p className="small">
          {r.giver.name} → {r.receiver.name} · {r.warmth}
          {r.contactGiven ? ', contact given' : ''}
        </p>
        <p className="small">
          <span className={`badge badge-${r.status}`}>{REFERRAL_LABELS[r.status]}</span> {r.status === 'won' ? amount(r.value, r.currency) : null}
        </p>
        <p className="muted small">{r.moves.map((m) => `${REFERRAL_LABELS[m.status]} ${formatDate(m.onDate)}`).join(' → ')}</p>
      </div>
      {r.mayMove && !moving ? (
        <button type="button" onClick={() => setMoving(true)}>
          Move on
        </button>
      ) : null}
      {moving ? <MoveReferral referral={r} done={() => setMoving(false)} /> : null}
    </li>
  );
}

function MoveReferral({ referral, done }: { referral: Referral; done: () => void }) {
  const next = REFERRAL_STATUSES.filter((s) => referralMoveProblem(referral.status, s) === null);
  const form = useChannelForm('network.moveReferral', {
    defaultValues: { to: next[0] as ReferralStatus, onDate: todayLocal(), value: '' },
    toInput: (v) => ({ id: referral.id, to: v.to, onDate: v.onDate, value: v.to === 'won' ? (v.value.trim() ? parseMoney(v.value) : null) : null }),
    onSaved: done,
  });
  const to = form.watch('to');
  return (
    <form className="form compact-form" aria-label={`Move ${referral.lead}`} noValidate onSubmit={(e) => void form.submit(e)}>
      <SelectField label="Where it stands" options={next.map((s) => [s, REFERRAL_LABELS[s]] as const)} error={form.errorOf('to')} {...form.register('to')} />
      <Controller
        control={form.control}
        name="onDate"
        render={({ field }) => <DateField label="On" value={field.value} onValue={field.onChange} onBlur={field.onBlur} error={form.errorOf('onDate')} />}
      />
      {to === 'won' ? (
        <TextField label={`Value of the business (${referral.currency})`} inputMode="decimal" error={form.errorOf('value')} {...form.register('value')} />
      ) : null}
      <FormActions error={form.formError}>
        <button type="submit" className="button-primary">
          Save
        </button>
        <button type="button" onClick={done}>
          Cancel
        </button>
      </FormActions>
    </form>
  );
}

function PassReferral({ staff }: { staff: boolean }) {
  const [key, setKey] = useState(0);
  const form = useChannelForm('network.passReferral', {
    defaultValues: {
      giver: null as { id: string; name: string } | null,
      receiver: null as { id: string; name: string } | null,
      lead: '',
      need: '',
      warmth: 'warm' as (typeof WARMTHS)[number],
      contactGiven: false,
    },
    toInput: (v) => ({
      giverId: v.giver?.id ?? null,
      receiverId: v.receiver?.id ?? '',
      lead: v.lead,
      need: v.need,
      warmth: v.warmth,
      contactGiven: v.contactGiven,
    }),
    fieldOf: { giverId: 'giver', receiverId: 'receiver' },
    onSaved: (_r, _v, f) => {
      f.reset();
      setKey((k) => k + 1);
    },
  });
  return (
    <form key={key} className="card form" aria-label="Pass a referral" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>Pass a referral</h2>
      {staff ? (
        <Controller
          control={form.control}
          name="giver"
          render={({ field }) => <MemberPicker label="Given by" value={field.value} onChange={field.onChange} error={form.errorOf('giver')} />}
        />
      ) : null}
      <Controller
        control={form.control}
        name="receiver"
        render={({ field }) => <MemberPicker label="To member" value={field.value} onChange={field.onChange} error={form.errorOf('receiver')} />}
      />
      <TextField label="Who the lead is" placeholder="Millbrook Bakery" error={form.errorOf('lead')} {...form.register('lead')} />
      <TextField label="What they need" placeholder="Year-end accounts" error={form.errorOf('need')} {...form.register('need')} />
      <SelectField label="How warm" options={WARMTHS.map((w) => [w, w] as const)} error={form.errorOf('warmth')} {...form.register('warmth')} />
      <label className="override">
        <input type="checkbox" {...form.register('contactGiven')} /> I gave them the contact
      </label>
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit" className="button-primary">
          Pass the referral
        </button>
      </FormActions>
    </form>
  );
}
