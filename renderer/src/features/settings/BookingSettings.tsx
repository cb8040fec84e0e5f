import { Controller } from 'react-hook-form';
import type { Settings } from '@shared/contract/settings.contract';
import type { BookingRules } from '@shared/domain/bookingRules';
import { call } from '../../api/client';
import { TextField } from '../../components/Field';
import { FormActions, FormError } from '../../components/FormActions';
import { useChannelForm } from '../../components/useChannelForm';
import { formatDate } from '../../components/format';
import { FLAG_RULES, NUMBER_RULES } from '../bookings';
import { DateField } from '../../components/DateField';

/** The site's default booking rules; each bookable may override them. Keyed by the saved rules, so it starts afresh when they change. */
export function BookingRulesForm({ settings }: { settings: Settings }) {
  const { register, submit, errorOf, formError, saved } = useChannelForm('settings.updateBookingRules', {
    defaultValues: settings.bookingRules,
    toInput: (rules: BookingRules) => ({ siteId: settings.site.id, rules }),
    fieldOf: Object.fromEntries(NUMBER_RULES.map(([key]) => [`rules.${key}`, key])),
    labels: Object.fromEntries([...NUMBER_RULES, ...FLAG_RULES].map(([key, label]) => [key, label.toLowerCase()])),
  });
  return (
    <form className="card form" aria-labelledby="rules-title" noValidate onSubmit={(e) => void submit(e)}>
      <h2 id="rules-title">Booking rules</h2>
      <p className="muted small">Defaults for every room, desk and resource at {settings.site.name}; a bookable can set its own.</p>
      <div className="grid">
        {NUMBER_RULES.map(([key, label]) => (
          <TextField key={key} label={label} type="number" error={errorOf(key)} {...register(key, { valueAsNumber: true })} />
        ))}
      </div>
      <div className="checks">
        {FLAG_RULES.map(([key, label]) => (
          <label key={key}>
            <input type="checkbox" {...register(key)} /> {label}
          </label>
        ))}
      </div>
      <FormActions error={formError} saved={saved}>
        <button type="submit" className="button-primary">
          Save booking rules
        </button>
      </FormActions>
    </form>
  );
}

/** Days the site is closed: holidays and one-off closures. */
export function ClosuresCard({ settings }: { settings: Settings }) {
  const closure = useChannelForm('settings.addClosure', {
    defaultValues: { date: '', reason: '' },
    toInput: (v: { date: string; reason: string }) => ({ siteId: settings.site.id, ...v }),
    fallbackField: 'date',
    onSaved: (_saved, _values, form) => form.reset(),
  });
  return (
    <div className="card" role="region" aria-labelledby="closures-title">
      <h2 id="closures-title">Closures and holidays</h2>
      {settings.closures.length === 0 ? <p className="muted">No closures ahead.</p> : null}
      <ul className="closure-list" aria-label="Closures">
        {settings.closures.map((c) => (
          <li key={c.date}>
            <span>
              {formatDate(c.date)} {c.reason ? <span className="muted">· {c.reason}</span> : null}
            </span>
            <button
              type="button"
              aria-label={`Remove closure on ${c.date}`}
              onClick={() => void call('settings.removeClosure', { siteId: settings.site.id, date: c.date })}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" noValidate onSubmit={(e) => void closure.submit(e)}>
        <Controller
          control={closure.control}
          name="date"
          render={({ field }) => (
            <DateField label="Closed on" error={closure.errorOf('date')} value={field.value ?? ''} onValue={field.onChange} onBlur={field.onBlur} />
          )}
        />
        <TextField label="Reason" placeholder="e.g. Christmas" error={closure.errorOf('reason')} {...closure.register('reason')} />
        <button type="submit">Add closure</button>
      </form>
      <FormError message={closure.formError} />
    </div>
  );
}
