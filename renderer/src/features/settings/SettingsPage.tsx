import { type ReactNode, useEffect } from 'react';
import { Controller } from 'react-hook-form';
import { type CoopSettings, type SiteSettings, WEEKDAYS } from '@shared/contract/settings.contract';
import { useApi } from '../../api/hooks';
import { TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { TimeInput } from '../../components/TimeField';
import { useChannelForm } from '../../components/useChannelForm';
import { useSlot } from '../../feature';
import { BookingRulesForm, ClosuresCard } from './BookingSettings';
import { SitesCard } from './SitesCard';
import { ZoneField } from './ZoneField';

function CoopForm({ value }: { value: CoopSettings }) {
  const { register, submit, errorOf, formError, saved, clearSaved, formState, reset } = useChannelForm('settings.updateCoop', {
    defaultValues: value,
    labels: { name: 'co-op name', currency: 'currency', ownershipMonths: 'months until ownership' },
  });
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
    labels: { name: 'site name', timeZone: 'time zone', address: 'address', hours: 'opening hours' },
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

/** Settings in sections, each with its own save; a table of contents beside them jumps to one. */
export function SettingsPage() {
  const settings = useApi('settings.get', {});
  const data = settings.data;
  const parts = useSlot('settings');
  const sections: { id: string; title: string; body: ReactNode }[] = [
    ...(data
      ? [
          { id: 'coop', title: 'Co-op', body: <CoopForm value={data.coop} /> },
          { id: 'site', title: 'Site and hours', body: <SiteForm value={data.site} /> },
          { id: 'sites', title: 'Sites', body: <SitesCard settings={data} /> },
          { id: 'rules', title: 'Booking rules', body: <BookingRulesForm key={JSON.stringify(data.bookingRules)} settings={data} /> },
          { id: 'closures', title: 'Closures', body: <ClosuresCard settings={data} /> },
        ]
      : []),
    ...parts.map(({ id, title, Part }) => ({ id, title, body: <Part /> })),
  ];
  const jump = (id: string) => {
    const target = document.getElementById(`settings-${id}`);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  };
  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">Settings</h1>
      </header>
      {settings.error ? <p className="form-error">{settings.error.message}</p> : null}
      <div className="settings-layout">
        <nav className="settings-toc" aria-label="Settings sections">
          {sections.map((s) => (
            <button key={s.id} type="button" className="link-button" onClick={() => jump(s.id)}>
              {s.title}
            </button>
          ))}
        </nav>
        <div className="stack">
          {sections.map(({ id, body }) => (
            // Not a landmark of its own: each part is already a named form or region.
            <div key={id} id={`settings-${id}`} tabIndex={-1} className="settings-section">
              {body}
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
