import { useEffect } from 'react';
import { Controller } from 'react-hook-form';
import { type CoopSettings, type SiteSettings, WEEKDAYS } from '@shared/contract/settings.contract';
import { useApi } from '../../api/hooks';
import { TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { TimeInput } from '../../components/TimeField';
import { useChannelForm } from '../../components/useChannelForm';
import { useSlot } from '../../feature';
import { BookingRulesForm, ClosuresCard } from './BookingSettings';
import { ZoneField } from './ZoneField';

function CoopForm({ value }: { value: CoopSettings }) {
  const { register, submit, errorOf, formError, saved, clearSaved, formState, reset } = useChannelForm('settings.updateCoop', { defaultValues: value });
  useEffect(() => reset(value), [value, reset]);

  return (
    <form className="card form" aria-labelledby="coop-title" noValidate onChange={clearSaved} onSubmit={(e) => void submit(e)}>
      <h2 id="coop-title">The co-op</h2>
      <div className="grid">
        <TextField label="Co-op name" error={errorOf('name')} {...register('name')} />
        <TextField label="Currency" hint="Three letters, e.g. GBP, EUR" maxLength={3} error={errorOf('currency')} {...register('currency')} />
        <TextField
          label="Months until ownership"
          type="number"
          min={0}
          max={120}
          hint="Continuous membership after which a member becomes a co-op owner"
          error={errorOf('ownershipMonths')}
          {...register('ownershipMonths', { valueAsNumber: true })}
        />
      </div>
      <FormActions error={formError} saved={saved}>
        <button type="submit" className="button-primary" disabled={formState.isSubmitting}>
          Save co-op settings
        </button>
      </FormActions>
    </form>
  );
}

function SiteForm({ value }: { value: SiteSettings }) {
  const { register, control, submit, errorOf, formError, saved, clearSaved, formState, reset, watch } = useChannelForm('settings.updateSite', {
    defaultValues: value,
  });
  useEffect(() => reset(value), [value, reset]);
  const hours = watch('hours');
  const dayErrors = formState.errors.hours;

  return (
    <form className="card form" aria-labelledby="site-title" noValidate onChange={clearSaved} onSubmit={(e) => void submit(e)}>
      <h2 id="site-title">Site</h2>
      <div className="grid">
        <TextField label="Site name" error={errorOf('name')} {...register('name')} />
        <ZoneField
          hint="Of the co-op and its site: opening hours, bookings and every date on screen are in it"
          error={errorOf('timeZone')}
          {...register('timeZone')}
        />
        <TextAreaField label="Address" wide error={errorOf('address')} {...register('address')} />
      </div>
      <table className="hours" aria-label="Opening hours">
        <thead>
          <tr>
            <th>Day</th>
            <th>Open</th>
            <th>Opens</th>
            <th>Closes</th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((day, i) => {
            const closed = !hours?.[i]?.open;
            const dayError = dayErrors?.[i];
            return (
              <tr key={day}>
                <th scope="row">{day}</th>
                <td>
                  <input type="checkbox" aria-label={`${day} open`} {...register(`hours.${i}.open`)} />
                </td>
                <td>
                  <Controller
                    control={control}
                    name={`hours.${i}.opens`}
                    render={({ field }) => (
                      <TimeInput aria-label={`${day} opens`} disabled={closed} value={field.value} onValue={field.onChange} onBlur={field.onBlur} />
                    )}
                  />
                </td>
                <td>
                  <Controller
                    control={control}
                    name={`hours.${i}.closes`}
                    render={({ field }) => (
                      <TimeInput
                        aria-label={`${day} closes`}
                        disabled={closed}
                        aria-invalid={Boolean(dayError?.closes)}
                        value={field.value}
                        onValue={field.onChange}
                        onBlur={field.onBlur}
                      />
                    )}
                  />
                  {dayError?.closes?.message || dayError?.opens?.message ? (
                    <span className="field-error" role="alert">
                      {dayError?.closes?.message ?? dayError?.opens?.message}
                    </span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FormActions error={formError} saved={saved}>
        <button type="submit" className="button-primary" disabled={formState.isSubmitting}>
          Save site
        </button>
      </FormActions>
    </form>
  );
}

export function SettingsPage() {
  const settings = useApi('settings.get', {});
  const parts = useSlot('settings');
  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">Settings</h1>
      </header>
      {settings.error ? <p className="form-error">{settings.error.message}</p> : null}
      <div className="stack">
        {settings.data ? <CoopForm value={settings.data.coop} /> : null}
        {settings.data ? <SiteForm value={settings.data.site} /> : null}
        {settings.data ? <BookingRulesForm key={JSON.stringify(settings.data.bookingRules)} settings={settings.data} /> : null}
        {settings.data ? <ClosuresCard settings={settings.data} /> : null}
        {parts.map((Part, i) => (
          <Part key={i} />
        ))}
      </div>
    </section>
  );
}
