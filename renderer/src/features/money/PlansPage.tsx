import { useState } from 'react';
import type { Plan } from '@shared/contract/money.contract';
import { moneyInput, parseMoney } from '@shared/domain/money';
import { useApi } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { SimpleTable } from '../../components/SimpleTable';
import { useChannelForm } from '../../components/useChannelForm';
import { DayPassPrices } from './DayPassPrices';
import { includes, money, MoneyPage } from './moneyUi';

/** The co-op's plans: price, what each includes a month, how many are on it; new ones and changes beside. */
export function PlansPage() {
  const plans = useApi('money.plans', {}).data ?? [];
  const currency = useApi('settings.get', {}).data?.coop.currency ?? 'EUR';
  const [editing, setEditing] = useState<Plan | null>(null);
  return (
    <MoneyPage
      title="Plans"
      subtitle="What members pay a month and what it includes: at cost, or free for a community membership; and the day passes the desk sells."
    >
      <div className="split-columns">
        <div>
          <SimpleTable
            label="Plans"
            className="data-table"
            columns={[
              { header: 'Plan', cell: (p) => (p.archived ? `${p.name} (archived)` : p.name) },
              { header: 'A month', cell: (p) => (p.priceMinor === 0 ? 'free' : money(p.priceMinor, currency)) },
              {
                header: 'Includes',
                cell: (p) =>
                  `${includes(p)}${p.bookableIds.length === 0 ? '' : ` (on ${p.bookableIds.length} bookable${p.bookableIds.length === 1 ? '' : 's'})`}`,
              },
              { header: 'Discount', cell: (p) => (p.discountPct ? `${p.discountPct}%` : '') },
              { header: 'Weight', cell: (p) => p.weight },
              { header: 'Members', cell: (p) => p.members },
              {
                header: '',
                cell: (p) => (
                  <button type="button" onClick={() => setEditing(p)} aria-label={`Change ${p.name}`}>
                    Change
                  </button>
                ),
              },
            ]}
            rows={plans}
            rowKey={(p) => p.id}
          />
          <DayPassPrices currency={currency} />
        </div>
        <PlanForm key={editing?.id ?? 'new'} plan={editing} currency={currency} onDone={() => setEditing(null)} />
      </div>
    </MoneyPage>
  );
}

function PlanForm({ plan, currency, onDone }: { plan: Plan | null; currency: string; onDone: () => void }) {
  const bookables = useApi('bookables.list', {}).data ?? [];
  const form = useChannelForm('money.savePlan', {
    defaultValues: {
      name: plan?.name ?? '',
      price: plan ? moneyInput(plan.priceMinor) : '',
      deskDays: String(plan?.deskDays ?? 0),
      roomHours: String(plan?.roomHours ?? 0),
      resourceHours: String(plan?.resourceHours ?? 0),
      discountPct: String(plan?.discountPct ?? 0),
      weight: String(plan?.weight ?? 1),
      bookableIds: plan?.bookableIds ?? [],
      archived: plan?.archived ?? false,
    },
    toInput: (v) => ({
      id: plan?.id ?? null,
      name: v.name,
      priceMinor: parseMoney(v.price),
      deskDays: Number(v.deskDays),
      roomHours: Number(v.roomHours),
      resourceHours: Number(v.resourceHours),
      discountPct: Number(v.discountPct),
      weight: Number(v.weight),
      bookableIds: v.bookableIds,
      archived: v.archived,
    }),
    fieldOf: { priceMinor: 'price' },
    onSaved: (_r, _v, f) => {
      f.reset();
      onDone();
    },
  });
  return (
    <form className="card form" aria-label={plan ? `Change ${plan.name}` : 'New plan'} noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>{plan ? `Change ${plan.name}` : 'New plan'}</h2>
      <TextField label="Name" error={form.errorOf('name')} {...form.register('name')} />
      <TextField
        label={`Price a month (${currency})`}
        inputMode="decimal"
        hint="0 for a free community membership"
        error={form.errorOf('price')}
        {...form.register('price')}
      />
      <div className="grid">
        <TextField label="Desk days a month" inputMode="numeric" error={form.errorOf('deskDays')} {...form.register('deskDays')} />
        <TextField label="Room hours a month" inputMode="numeric" error={form.errorOf('roomHours')} {...form.register('roomHours')} />
        <TextField label="Equipment hours a month" inputMode="numeric" error={form.errorOf('resourceHours')} {...form.register('resourceHours')} />
        <TextField label="Discount beyond (%)" inputMode="numeric" error={form.errorOf('discountPct')} {...form.register('discountPct')} />
        <TextField
          label="Weight in shared costs"
          inputMode="numeric"
          hint="Costs shared by plan weight"
          error={form.errorOf('weight')}
          {...form.register('weight')}
        />
      </div>
      <fieldset className="field-wide covers">
        <legend>Credits and discount cover</legend>
        <p className="small muted">None ticked: every room, desk and piece of equipment. Others are booked at their full rate.</p>
        {bookables.map((b) => (
          <label key={b.id} className="checkbox-inline">
            <input type="checkbox" value={b.id} {...form.register('bookableIds')} /> {b.name}
          </label>
        ))}
        {form.errorOf('bookableIds') ? <p className="field-error">{form.errorOf('bookableIds')}</p> : null}
      </fieldset>
      {plan ? (
        <label className="checkbox-inline">
          <input type="checkbox" {...form.register('archived')} /> Archived: no longer offered
        </label>
      ) : null}
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit" className="button-primary">
          {plan ? 'Save the plan' : 'Add the plan'}
        </button>
        {plan ? (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </FormActions>
    </form>
  );
}
