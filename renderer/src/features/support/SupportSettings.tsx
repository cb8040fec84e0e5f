import { useApi } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useChannelForm } from '../../components/useChannelForm';

/** Settings → Mutual support: after how long a request nobody claimed is raised. */
export function SupportSettings() {
  const current = useApi('support.settings', {}).data;
  if (!current) return null;
  return <SettingsForm minutes={current.raiseAfterMinutes} />;
}

function SettingsForm({ minutes }: { minutes: number }) {
  const form = useChannelForm('support.saveSettings', {
    defaultValues: { raiseAfterMinutes: String(minutes) },
    toInput: (v) => ({ raiseAfterMinutes: Number(v.raiseAfterMinutes) }),
    labels: { raiseAfterMinutes: 'when help requests are raised' },
  });
  return (
    <form className="form" aria-label="Mutual support settings" noValidate onSubmit={(e) => void form.submit(e)}>
      <TextField
        label="Raise an unclaimed help request after (minutes)"
        inputMode="numeric"
        hint="The desk is told and it goes to the top of the board"
        error={form.errorOf('raiseAfterMinutes')}
        {...form.register('raiseAfterMinutes')}
      />
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit">Save</button>
      </FormActions>
    </form>
  );
}
