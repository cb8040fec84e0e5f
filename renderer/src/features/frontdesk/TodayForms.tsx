import type { DayPass, Visitor } from '@shared/contract/frontdesk.contract';
import { useState } from 'react';
import { formatMoney } from '@shared/domain/money';
import { instantIso } from '../../components/format';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { downloadText } from '../../components/format';
import { MemberPicker } from '../../components/MemberPicker';
import { FormError } from '../../components/FormActions';
import { TimeField } from '../../components/TimeField';
import { useChannelForm } from '../../components/useChannelForm';
import { Controller } from 'react-hook-form';

/**
 * Today's two forms, visitors and day passes: their code (the contract's schemas, the form
 * library) comes just after Today is drawn, so the desk's first screen is not held up by it.
 */
export function Visitors({ visitors, date, act }: { visitors: Visitor[]; date: string; act: (w: () => Promise<unknown>, done: string) => Promise<void> }) {
  const settings = useApi('settings.get', {});
  const [formKey, setFormKey] = useState(0);
  const visitor = useChannelForm('visitors.create', {
    defaultValues: { name: '', company: '', host: null as { id: string; name: string } | null, time: '10:00' },
    toInput: (v) => ({
      name: v.name,
      company: v.company,
      hostMemberId: v.host?.id ?? '',
      expectedAt: instantIso(date, v.time, settings.data?.site.timeZone ?? 'UTC'),
    }),
    fieldOf: { hostMemberId: 'host', expectedAt: 'time' },
    onSaved: async (_saved, v, form) => {
      form.reset();
      setFormKey((k) => k + 1);
      await act(async () => {}, `${v.name} is expected.`);
    },
  });
  return (
    <div className="card" role="region" aria-label="Visitors">
      <div className="card-head">
        <h2>Visitors</h2>
        <button
          type="button"
          onClick={async () => {
            const file = await call('visitors.exportDay', { date });
            downloadText(file.filename, file.csv);
          }}
        >
          Export the day
        </button>
      </div>
      <ul className="result-list">
        {visitors.map((v) => (
          <li key={v.id}>
            <span>
              {v.expectedLocal} <strong>{v.name}</strong> {v.company ? <span className="muted">({v.company})</span> : null} for {v.hostName}
              {v.leftAt ? <span className="muted small"> · left</span> : v.arrivedAt ? <span className="badge badge-active">here</span> : null}
            </span>
            {!v.arrivedAt ? (
              <button
                type="button"
                aria-label={`${v.name} arrived`}
                onClick={() => void act(() => call('visitors.arrive', { id: v.id }), `${v.name} arrived; ${v.hostName} is told.`)}
              >
                Arrived
              </button>
            ) : !v.leftAt ? (
              <button type="button" aria-label={`${v.name} left`} onClick={() => void act(() => call('visitors.leave', { id: v.id }), `${v.name} left.`)}>
                Left
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <form key={formKey} className="form compact-form" aria-label="New visitor" noValidate onSubmit={(e) => void visitor.submit(e)}>
        <div className="grid">
          <TextField label="Visitor name" error={visitor.errorOf('name')} {...visitor.register('name')} />
          <TextField label="Company" error={visitor.errorOf('company')} {...visitor.register('company')} />
          <Controller
            control={visitor.control}
            name="host"
            render={({ field }) => <MemberPicker label="Visiting" value={field.value} onChange={field.onChange} error={visitor.errorOf('host')} />}
          />
          <Controller
            control={visitor.control}
            name="time"
            render={({ field }) => (
              <TimeField label="Expected at" value={field.value} onValue={field.onChange} onBlur={field.onBlur} error={visitor.errorOf('time')} />
            )}
          />
        </div>
        <FormError message={visitor.formError} />
        <button type="submit">Add visitor</button>
      </form>
    </div>
  );
}

export function DayPasses({ passes, act }: { passes: DayPass[]; act: (w: () => Promise<unknown>, done: string) => Promise<void> }) {
  const prices = (useApi('dayPasses.prices', {}).data ?? []).filter((p) => !p.archived);
  const currency = useApi('settings.get', {}).data?.coop.currency ?? 'EUR';
  const [member, setMember] = useState<{ id: string; name: string } | null>(null);
  const pass = useChannelForm('dayPasses.create', {
    defaultValues: { name: '', priceId: '', paid: true },
    toInput: (v) => ({ name: member ? '' : v.name, memberId: member?.id ?? null, priceId: v.priceId || prices[0]?.id || '', paid: v.paid }),
    onSaved: async (saved, v, form) => {
      form.reset({ ...v, name: '' });
      setMember(null);
      await act(async () => {}, `Day pass for ${saved.name} recorded${saved.deskName ? ` (${saved.deskName})` : ''}.`);
    },
  });
  const total = passes.reduce((n, p) => n + p.price, 0);
  return (
    <div className="card" role="region" aria-label="Day passes">
      <h2>
        Day passes <span className="count-badge">{passes.length}</span>
      </h2>
      <ul className="result-list">
        {passes.map((p) => (
          <li key={p.id}>
            <span>
              {p.name} · {p.priceName ? `${p.priceName}, ` : ''}
              {formatMoney(p.price, p.currency)}
              {p.deskName ? ` · ${p.deskName}` : ''}{' '}
              {p.memberId ? (
                <span className="badge">on their statement</span>
              ) : p.paid ? (
                <span className="badge badge-active">paid</span>
              ) : (
                <span className="badge badge-paused">unpaid</span>
              )}
            </span>
            {!p.paid && !p.memberId ? (
              <button type="button" onClick={() => void act(() => call('dayPasses.markPaid', { id: p.id }), `${p.name} paid.`)}>
                Mark paid
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {passes.length ? <p className="muted small">Total today: {formatMoney(total, passes[0].currency)}</p> : null}
      {prices.length === 0 ? (
        <p className="muted small">No day passes on the price list yet: the manager adds them under Plans and costs.</p>
      ) : (
        <form className="inline-form" aria-label="New day pass" noValidate onSubmit={(e) => void pass.submit(e)}>
          {member ? null : <TextField label="Drop-in name" error={pass.errorOf('name')} {...pass.register('name')} />}
          <MemberPicker label="Or a member" value={member} onChange={setMember} />
          <SelectField
            label="Pass"
            options={prices.map((p) => [p.id, `${p.name}, ${formatMoney(p.priceMinor, currency)}`] as const)}
            error={pass.errorOf('priceId')}
            {...pass.register('priceId')}
          />
          {member ? null : (
            <label className="override">
              <input type="checkbox" {...pass.register('paid')} /> Paid
            </label>
          )}
          <button type="submit">Sell day pass</button>
        </form>
      )}
      <FormError message={pass.formError} />
    </div>
  );
}
