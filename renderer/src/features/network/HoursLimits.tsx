import { useApi } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useChannelForm } from '../../components/useChannelForm';

const toLimit = (text: string) => (text.trim() === '' ? null : Number(text));

/** The manager's limits on hours balances: members beyond them are flagged, never stopped. */
export function HoursLimits() {
  const settings = useApi('network.settings', {});
  if (!settings.data) return null;
  return <LimitsForm minHours={settings.data.minHours} maxHours={settings.data.maxHours} />;
}

function LimitsForm({ minHours, maxHours }: { minHours: number | null; maxHours: number | null }) {
  const form = useChannelForm('network.saveSettings', {
    defaultValues: { minHours: minHours === null ? '' : String(minHours), maxHours: maxHours === null ? '' : String(maxHours) },
    toInput: (v) => ({ minHours: toLimit(v.minHours), maxHours: toLimit(v.maxHours) }),
    labels: { minHours: 'lowest balance', maxHours: 'highest balance' },
  });
  return (
    <form className="card form" aria-label="Hours limits" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>Limits</h2>
      <TextField label="Lowest balance (hours)" inputMode="numeric" hint="Blank: no limit" error={form.errorOf('minHours')} {...form.register('minHours')} />
      <TextField label="Highest balance (hours)" inputMode="numeric" hint="Blank: no limit" error={form.errorOf('maxHours')} {...form.register('maxHours')} />
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit">Save limits</button>
      </FormActions>
    </form>
  );
}
