import { Controller, useWatch } from 'react-hook-form';
import { useApi } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { formatDate, todayLocal } from '../../components/format';
import { useChannelForm } from '../../components/useChannelForm';
import { useViewer } from '../auth';
import { includes, money } from './moneyUi';

const ACTIONS = [
  ['start', 'Put on a plan (or change plan)'],
  ['pause', 'Pause'],
  ['resume', 'Resume'],
  ['end', 'End (the last day)'],
] as const;

/** On a member's page, for the manager: their plan now, its history, and a change from a day. */
export function MemberPlanPart({ memberId }: { memberId: string; name: string }) {
  const viewer = useViewer();
  const mine = useApi('money.memberPlan', { memberId }, { enabled: viewer.manager }).data;
  const plans = useApi('money.plans', {}, { enabled: viewer.manager }).data ?? [];
  if (!viewer.manager || !mine) return null;
  return (
    <section className="card" aria-labelledby="member-plan-title">
      <h2 id="member-plan-title">Plan</h2>
      {mine.current ? (
        <p>
          <strong>{mine.current.plan.name}</strong>
          {mine.current.state === 'paused' ? ' (paused)' : ''} ·{' '}
          {mine.current.priceMinor === 0 ? 'free' : `${money(mine.current.priceMinor, mine.currency)} a month`} · {includes(mine.current)}
        </p>
      ) : (
        <p className="muted">Not on a plan.</p>
      )}
      <p className="small muted">
        This month: pays {money(mine.month.pays, mine.currency)}, share of the real costs {money(mine.month.share, mine.currency)}.
      </p>
      {mine.history.length > 0 ? (
        <ul className="plain-list small" aria-label="Plan history">
          {mine.history.map((p) => (
            <li key={p.id}>
              {p.plan.name}
              {p.state === 'paused' ? ' (paused)' : ''}: {formatDate(p.startsOn)} – {p.endsOn ? formatDate(p.endsOn) : 'now'}
            </li>
          ))}
        </ul>
      ) : null}
      <ChangePlan memberId={memberId} plans={plans.filter((p) => !p.archived).map((p) => [p.id, p.name] as const)} />
    </section>
  );
}

function ChangePlan({ memberId, plans }: { memberId: string; plans: (readonly [string, string])[] }) {
  const form = useChannelForm('money.changePlan', {
    defaultValues: { action: 'start' as (typeof ACTIONS)[number][0], planId: plans[0]?.[0] ?? '', on: todayLocal() },
    toInput: (v) => ({ memberId, action: v.action, planId: v.action === 'start' ? v.planId || null : null, on: v.on }),
  });
  const action = useWatch({ control: form.control, name: 'action' });
  return (
    <form className="form" aria-label="Change the plan" noValidate onSubmit={(e) => void form.submit(e)}>
      <div className="grid">
        <SelectField label="Change" options={ACTIONS} error={form.errorOf('action')} {...form.register('action')} />
        {action === 'start' ? <SelectField label="Plan" options={plans} error={form.errorOf('planId')} {...form.register('planId')} /> : null}
        <Controller
          control={form.control}
          name="on"
          render={({ field }) => (
            <DateField
              label={action === 'end' ? 'Last day' : 'From'}
              value={field.value}
              onValue={field.onChange}
              onBlur={field.onBlur}
              error={form.errorOf('on')}
            />
          )}
        />
      </div>
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit">Save the change</button>
      </FormActions>
    </form>
  );
}
