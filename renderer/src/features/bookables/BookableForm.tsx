import { Controller } from 'react-hook-form';
import { FormActions } from '../../components/FormActions';
import { useChannelForm } from '../../components/useChannelForm';
import { moneyInput, parseMoney } from '@shared/domain/money';
import { Link, useLocation } from 'wouter';
import { BOOKABLE_KINDS, type Bookable, bookableFields } from '@shared/contract/bookables.contract';
import type { BookingRules } from '@shared/domain/bookingRules';
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

interface Values {
  kind: Bookable['kind'];
  name: string;
  description: string;
  capacity: string;
  features: string[];
  rate: string;
  owner: { id: string; name: string } | null;
  /** Each rule as typed: '' follows the site; 'yes'/'no' for flags. */
  rules: Partial<Record<keyof BookingRules, string>>;
}

function BookableEditor({ id, existing }: { id?: string; existing?: Bookable }) {
  const [, navigate] = useLocation();
  const settings = useApi('settings.get', {});
  const defaults = settings.data?.bookingRules;
  const siteId = settings.data?.site.id ?? '';
  const toInput = (v: Values) => ({
    siteId: existing?.siteId ?? siteId,
    kind: v.kind,
    name: v.name,
    description: v.description,
    capacity: Number(v.capacity),
    features: v.features,
    hourlyRate: parseMoney(v.rate),
    ownerMemberId: v.kind === 'resource' ? (v.owner?.id ?? null) : null,
    rules: Object.fromEntries(
      Object.entries(v.rules)
        .filter(([, r]) => r !== '' && r !== undefined)
        .map(([k, r]) => [k, r === 'yes' ? true : r === 'no' ? false : Number(r)]),
    ),
  });
  const { register, control, watch, submit, errorOf, formError } = useChannelForm(id ? 'bookables.update' : 'bookables.create', {
    defaultValues: {
      kind: existing?.kind ?? 'room',
      name: existing?.name ?? '',
      description: existing?.description ?? '',
      capacity: String(existing?.capacity ?? 6),
      features: existing?.features ?? [],
      rate: moneyInput(existing?.hourlyRate ?? 0),
      owner: existing?.ownerMemberId ? { id: existing.ownerMemberId, name: existing.ownerName ?? '' } : null,
      rules: Object.fromEntries(Object.entries(existing?.overrides ?? {}).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)])),
    } as Values,
    schema: bookableFields,
    toInput: (v: Values) => (id ? { id, ...toInput(v) } : toInput(v)),
    fieldOf: { hourlyRate: 'rate', ownerMemberId: 'owner' },
    onSaved: () => navigate('/bookables'),
  });
  const kind = watch('kind');
  const name = watch('name');

  return (
    <section className="page" aria-labelledby="bookable-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/bookables">Bookables</Link> / <span>{id ? name || 'Edit' : 'New'}</span>
      </nav>
      <h1 id="bookable-title">{id ? `Edit ${existing?.name ?? ''}` : 'New bookable'}</h1>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>What it is</legend>
          <div className="grid">
            <SelectField label="Kind" options={BOOKABLE_KINDS.map((k) => [k, k] as const)} error={errorOf('kind')} {...register('kind')} />
            <TextField label="Name" error={errorOf('name')} {...register('name')} />
            <TextField
              label={kind === 'room' ? 'Seats' : kind === 'desk' ? 'Desks in this zone' : 'How many'}
              type="number"
              min={1}
              error={errorOf('capacity')}
              hint={kind === 'room' ? 'A room is booked whole; seats are for finding the right room' : 'Bookings share these'}
              {...register('capacity')}
            />
            <TextField
              label={`Hourly rate (${settings.data?.coop.currency ?? ''})`}
              type="number"
              min={0}
              step="0.01"
              error={errorOf('rate')}
              {...register('rate')}
            />
            {kind === 'resource' ? (
              <Controller
                control={control}
                name="owner"
                render={({ field }) => <MemberPicker label="Shared by (member)" value={field.value} onChange={field.onChange} error={errorOf('owner')} />}
              />
            ) : null}
            <TextAreaField label="Description" wide error={errorOf('description')} {...register('description')} />
          </div>
          <Controller
            control={control}
            name="features"
            render={({ field }) => (
              <TagInput
                label="Features"
                value={field.value}
                onChange={field.onChange}
                error={errorOf('features')}
                hint="e.g. screen, whiteboard, video — used by “Find a room”"
              />
            )}
          />
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
                error={errorOf(`rules.${key}`)}
                {...register(`rules.${key}`)}
              />
            ))}
            {FLAG_RULES.map(([key, label]) => (
              <SelectField
                key={key}
                label={label}
                options={[
                  ['', `site default (${defaults ? (defaults[key] ? 'yes' : 'no') : '…'})`],
                  ['yes', 'yes'],
                  ['no', 'no'],
                ]}
                {...register(`rules.${key}`)}
              />
            ))}
          </div>
        </fieldset>
        <FormActions error={formError}>
          <button type="submit" className="button-primary">
            {id ? 'Save bookable' : 'Create bookable'}
          </button>
          <Link href="/bookables" className="button">
            Cancel
          </Link>
        </FormActions>
      </form>
    </section>
  );
}
