import { useQueryClient } from '@tanstack/react-query';
import { FormError } from '../../components/FormActions';
import { moneyInput, parseMoney } from '@shared/domain/money';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { BOOKABLE_KINDS, type Bookable, bookableFields } from '@shared/contract/bookables.contract';
import type { BookingRules } from '@shared/domain/bookingRules';
import { ApiCallError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { MemberPicker } from '../../components/MemberPicker';
import { TagInput } from '../../components/TagInput';
import { FLAG_RULES, NUMBER_RULES } from '../bookings';

/** Create or edit a bookable; every rule left empty follows the site's default. */
export function BookableForm({ id }: { id?: string }) {
  const existing = useApi('bookables.get', { id: id ?? '' }, { enabled: Boolean(id) });
  if (id && !existing.data) return existing.error ? <p className="form-error">{existing.error.message}</p> : null;
  return <BookableEditor id={id} existing={existing.data} />;
}

function BookableEditor({ id, existing }: { id?: string; existing?: Bookable }) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const settings = useApi('settings.get', {});
  const [kind, setKind] = useState<Bookable['kind']>(existing?.kind ?? 'room');
  const [name, setName] = useState(existing?.name ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [capacity, setCapacity] = useState(String(existing?.capacity ?? 6));
  const [features, setFeatures] = useState<string[]>(existing?.features ?? []);
  const [rate, setRate] = useState(moneyInput(existing?.hourlyRate ?? 0));
  const [owner, setOwner] = useState<{ id: string; name: string } | null>(
    existing?.ownerMemberId ? { id: existing.ownerMemberId, name: existing.ownerName ?? '' } : null,
  );
  const [rules, setRules] = useState<Partial<Record<keyof BookingRules, string>>>(
    Object.fromEntries(Object.entries(existing?.overrides ?? {}).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const defaults = settings.data?.bookingRules;
  const siteId = settings.data?.site.id ?? '';

  async function save() {
    setFormError(null);
    const overrides = Object.fromEntries(
      Object.entries(rules)
        .filter(([, v]) => v !== '' && v !== undefined)
        .map(([k, v]) => [k, v === 'yes' ? true : v === 'no' ? false : Number(v)]),
    );
    const input = {
      siteId: existing?.siteId ?? siteId,
      kind,
      name,
      description,
      capacity: Number(capacity),
      features,
      hourlyRate: parseMoney(rate),
      ownerMemberId: owner?.id ?? null,
      rules: overrides,
    };
    const parsed = bookableFields.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
      return;
    }
    setErrors({});
    try {
      await (id ? call('bookables.update', { id, ...input }) : call('bookables.create', input));
      await queryClient.invalidateQueries();
      navigate('/bookables');
    } catch (e) {
      if (!(e instanceof ApiCallError)) throw e;
      setErrors(e.fields);
      setFormError(e.message);
    }
  }

  return (
    <section className="page" aria-labelledby="bookable-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/bookables">Bookables</Link> / <span>{id ? name || 'Edit' : 'New'}</span>
      </nav>
      <h1 id="bookable-title">{id ? `Edit ${existing?.name ?? ''}` : 'New bookable'}</h1>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend>What it is</legend>
          <div className="grid">
            <SelectField
              label="Kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as Bookable['kind'])}
              options={BOOKABLE_KINDS.map((k) => [k, k] as const)}
              error={errors.kind}
            />
            <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
            <TextField
              label={kind === 'room' ? 'Seats' : kind === 'desk' ? 'Desks in this zone' : 'How many'}
              type="number"
              min={1}
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
              error={errors.capacity}
              hint={kind === 'room' ? 'A room is booked whole; seats are for finding the right room' : 'Bookings share these'}
            />
            <TextField
              label={`Hourly rate (${settings.data?.coop.currency ?? ''})`}
              type="number"
              min={0}
              step="0.01"
              value={rate}
              onChange={(e) => setRate(e.target.value)}
              error={errors.hourlyRate}
            />
            {kind === 'resource' ? <MemberPicker label="Shared by (member)" value={owner} onChange={setOwner} error={errors.ownerMemberId} /> : null}
            <TextAreaField label="Description" wide value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
          </div>
          <TagInput label="Features" value={features} onChange={setFeatures} hint="e.g. screen, whiteboard, video — used by “Find a room”" />
        </fieldset>
        <fieldset>
          <legend>Rules (empty follows the site’s default)</legend>
          <div className="grid">
            {NUMBER_RULES.map(([key, label]) => (
              <TextField
                key={key}
                label={label}
                type="number"
                placeholder={defaults ? `site: ${String(defaults[key])}` : ''}
                value={rules[key] ?? ''}
                onChange={(e) => setRules((r) => ({ ...r, [key]: e.target.value }))}
                error={errors[`rules.${key}`]}
              />
            ))}
            {FLAG_RULES.map(([key, label]) => (
              <SelectField
                key={key}
                label={label}
                value={rules[key] ?? ''}
                onChange={(e) => setRules((r) => ({ ...r, [key]: e.target.value }))}
                options={[
                  ['', `site default (${defaults ? (defaults[key] ? 'yes' : 'no') : '…'})`],
                  ['yes', 'yes'],
                  ['no', 'no'],
                ]}
              />
            ))}
          </div>
        </fieldset>
        <FormError message={formError} />
        <div className="actions">
          <button type="submit" className="button-primary">
            {id ? 'Save bookable' : 'Create bookable'}
          </button>
          <Link href="/bookables" className="button">
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
