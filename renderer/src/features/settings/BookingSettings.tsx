import { useState } from 'react';
import type { Settings } from '../../../../shared/contract/settings.contract';
import type { BookingRules } from '../../../../shared/domain/bookingRules';
import { ApiCallError, call } from '../../api/client';
import { TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { FLAG_RULES, NUMBER_RULES } from '../bookings';


/** The site's default booking rules; each bookable may override them. Keyed by the saved rules, so it starts afresh when they change. */
export function BookingRulesForm({ settings }: { settings: Settings }) {
  const [rules, setRules] = useState<BookingRules>(settings.bookingRules);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="card form"
      aria-labelledby="rules-title"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(false);
        try {
          await call('settings.updateBookingRules', { siteId: settings.site.id, rules });
          setErrors({});
          setSaved(true);
        } catch (err) {
          if (!(err instanceof ApiCallError)) throw err;
          setErrors(Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k.replace(/^rules\./, ''), v])));
        }
      }}
    >
      <h2 id="rules-title">Booking rules</h2>
      <p className="muted small">Defaults for every room, desk and resource at {settings.site.name}; a bookable can set its own.</p>
      <div className="grid">
        {NUMBER_RULES.map(([key, label]) => (
          <TextField
            key={key}
            label={label}
            type="number"
            value={String(rules[key])}
            onChange={(e) => setRules((r) => ({ ...r, [key]: Number(e.target.value) }))}
            error={errors[key]}
          />
        ))}
      </div>
      <div className="checks">
        {FLAG_RULES.map(([key, label]) => (
          <label key={key}>
            <input type="checkbox" checked={Boolean(rules[key])} onChange={(e) => setRules((r) => ({ ...r, [key]: e.target.checked }))} /> {label}
          </label>
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="button-primary">
          Save booking rules
        </button>
        {saved ? (
          <p className="saved" role="status">
            Saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}

/** Days the site is closed: holidays and one-off closures. */
export function ClosuresCard({ settings }: { settings: Settings }) {
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
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
            <button type="button" aria-label={`Remove closure on ${c.date}`} onClick={() => void call('settings.removeClosure', { siteId: settings.site.id, date: c.date })}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await call('settings.addClosure', { siteId: settings.site.id, date, reason });
            setDate('');
            setReason('');
            setError(undefined);
          } catch (err) {
            if (!(err instanceof ApiCallError)) throw err;
            setError(err.fields.date ?? err.message);
          }
        }}
      >
        <TextField label="Closed on" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={error} />
        <TextField label="Reason" placeholder="e.g. Christmas" value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit">Add closure</button>
      </form>
    </div>
  );
}
