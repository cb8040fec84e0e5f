import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useState } from 'react';
import { type FieldPath, type FieldValues, type UseFormSetError, useForm } from 'react-hook-form';
import {
  type CoopSettings,
  type SiteSettings,
  WEEKDAYS,
  coopSettings,
  siteSettings,
} from '../../../../shared/contract/settings.contract';
import type { z } from 'zod';
import { ApiCallError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { TextAreaField, TextField } from '../../components/Field';
import { useSlot } from '../../feature';
import { BookingRulesForm, ClosuresCard } from './BookingSettings';

const TIME_ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Puts the API's field messages next to their fields; returns the message when none matched. */
function showApiError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>): string | null {
  if (!(error instanceof ApiCallError)) return String(error);
  const fields = Object.entries(error.fields);
  for (const [field, message] of fields) setError(field as FieldPath<T>, { message });
  return fields.length === 0 ? error.message : null;
}

function SavedNote({ saved, error }: { saved: boolean; error: string | null }) {
  if (error)
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  return saved ? (
    <p className="saved" role="status">
      Saved.
    </p>
  ) : null;
}

function CoopForm({ value }: { value: CoopSettings }) {
  const zonesId = useId();
  const [saved, setSaved] = useState(false);
  const [error, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, reset, setError } = useForm<CoopSettings>({
    resolver: zodResolver(coopSettings),
    defaultValues: value,
  });
  useEffect(() => reset(value), [value, reset]);
  const e = formState.errors;

  return (
    <form
      className="card form"
      aria-labelledby="coop-title"
      noValidate
      onChange={() => setSaved(false)}
      onSubmit={handleSubmit(async (values) => {
        setFormError(null);
        try {
          await call('settings.updateCoop', values);
          setSaved(true);
        } catch (err) {
          setFormError(showApiError(err, setError));
        }
      })}
    >
      <h2 id="coop-title">The co-op</h2>
      <div className="grid">
        <TextField label="Co-op name" error={e.name?.message} {...register('name')} />
        <TextField label="Currency" hint="Three letters, e.g. GBP, EUR" maxLength={3} error={e.currency?.message} {...register('currency')} />
        <TextField label="Co-op time zone" list={zonesId} error={e.timeZone?.message} {...register('timeZone')} />
        <TextField
          label="Months until ownership"
          type="number"
          min={0}
          max={120}
          hint="Continuous membership after which a member becomes a co-op owner"
          error={e.ownershipMonths?.message}
          {...register('ownershipMonths', { valueAsNumber: true })}
        />
      </div>
      <datalist id={zonesId}>
        {TIME_ZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={formState.isSubmitting}>
          Save co-op settings
        </button>
        <SavedNote saved={saved} error={error} />
      </div>
    </form>
  );
}

function SiteForm({ value }: { value: SiteSettings }) {
  const zonesId = useId();
  const [saved, setSaved] = useState(false);
  const [error, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, reset, setError, watch } = useForm<z.input<typeof siteSettings>, unknown, SiteSettings>({
    resolver: zodResolver(siteSettings),
    defaultValues: value,
  });
  useEffect(() => reset(value), [value, reset]);
  const e = formState.errors;
  const hours = watch('hours');

  return (
    <form
      className="card form"
      aria-labelledby="site-title"
      noValidate
      onChange={() => setSaved(false)}
      onSubmit={handleSubmit(async (values) => {
        setFormError(null);
        try {
          await call('settings.updateSite', values);
          setSaved(true);
        } catch (err) {
          setFormError(showApiError(err, setError));
        }
      })}
    >
      <h2 id="site-title">Site</h2>
      <div className="grid">
        <TextField label="Site name" error={e.name?.message} {...register('name')} />
        <TextField label="Site time zone" list={zonesId} hint="Opening hours are in this zone" error={e.timeZone?.message} {...register('timeZone')} />
        <TextAreaField label="Address" wide error={e.address?.message} {...register('address')} />
      </div>
      <datalist id={zonesId}>
        {TIME_ZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
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
            const dayError = e.hours?.[i];
            return (
              <tr key={day}>
                <th scope="row">{day}</th>
                <td>
                  <input type="checkbox" aria-label={`${day} open`} {...register(`hours.${i}.open`)} />
                </td>
                <td>
                  <input type="time" aria-label={`${day} opens`} disabled={closed} {...register(`hours.${i}.opens`)} />
                </td>
                <td>
                  <input
                    type="time"
                    aria-label={`${day} closes`}
                    disabled={closed}
                    aria-invalid={Boolean(dayError?.closes)}
                    {...register(`hours.${i}.closes`)}
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
      <div className="actions">
        <button type="submit" className="button-primary" disabled={formState.isSubmitting}>
          Save site
        </button>
        <SavedNote saved={saved} error={error} />
      </div>
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
