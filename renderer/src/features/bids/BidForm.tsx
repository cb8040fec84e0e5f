import { useQueryClient } from '@tanstack/react-query';
import { FormError } from '../../components/FormActions';
import { moneyInput, parseMoney } from '@shared/domain/money';
import { instantIso } from '../../components/format';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { BID_SOURCES, type Bid, bidFields } from '@shared/contract/bids.contract';
import { zonedParts } from '@shared/domain/zoned';
import { ApiCallError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { TimeField } from '../../components/TimeField';
import { MemberPicker } from '../../components/MemberPicker';
import { DateField } from '../../components/DateField';

const SOURCE_LABELS: Record<(typeof BID_SOURCES)[number], string> = {
  member: 'A member brought it',
  tender: 'A public tender',
  referral: 'A referral',
  other: 'Other',
};

/** Create or edit an opportunity: what, for whom, by when, worth what, and the skills it needs. */
export function BidForm({ id }: { id?: string }) {
  const existing = useApi('bids.get', { id: id ?? '' }, { enabled: Boolean(id) });
  const settings = useApi('settings.get', {});
  if ((id && !existing.data) || !settings.data) return existing.error ? <p className="form-error">{existing.error.message}</p> : null;
  return <BidEditor id={id} existing={existing.data} zone={settings.data.coop.timeZone} currency={settings.data.coop.currency} />;
}

interface SkillRow {
  tag: string;
  days: string;
}

function BidEditor({ id, existing, zone, currency: coopCurrency }: { id?: string; existing?: Bid; zone: string; currency: string }) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const deadline = existing?.deadline ? zonedParts(Date.parse(existing.deadline), zone) : null;
  const [title, setTitle] = useState(existing?.title ?? '');
  const [client, setClient] = useState(existing?.client ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [value, setValue] = useState(existing ? moneyInput(existing.estimatedValue) : '');
  const [currency, setCurrency] = useState(existing?.currency ?? coopCurrency);
  const [deadlineDate, setDeadlineDate] = useState(deadline?.date ?? '');
  const [deadlineTime, setDeadlineTime] = useState(deadline?.time ?? '12:00');
  const [deliveryStart, setDeliveryStart] = useState(existing?.deliveryStart ?? '');
  const [deliveryEnd, setDeliveryEnd] = useState(existing?.deliveryEnd ?? '');
  const [source, setSource] = useState<(typeof BID_SOURCES)[number]>(existing?.source ?? 'other');
  const [sourceMember, setSourceMember] = useState(existing?.sourceMemberId ? { id: existing.sourceMemberId, name: existing.sourceMemberName ?? '' } : null);
  const [sourceNote, setSourceNote] = useState(existing?.sourceNote ?? '');
  const [visibility, setVisibility] = useState<'open' | 'team'>(existing?.visibility ?? 'open');
  const [skills, setSkills] = useState<SkillRow[]>(existing?.neededSkills.map((s) => ({ tag: s.tag, days: String(s.days) })) ?? [{ tag: '', days: '' }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function save() {
    setFormError(null);
    let deadlineIso: string | null = null;
    if (deadlineDate) {
      try {
        deadlineIso = instantIso(deadlineDate, deadlineTime || '12:00', zone);
      } catch {
        setErrors({ deadline: 'Enter a real date and time' });
        return;
      }
    }
    const input = {
      title,
      client,
      description,
      estimatedValue: parseMoney(value),
      currency,
      deadline: deadlineIso,
      deliveryStart: deliveryStart || null,
      deliveryEnd: deliveryEnd || null,
      source,
      sourceMemberId: source === 'member' ? (sourceMember?.id ?? null) : null,
      sourceNote,
      visibility,
      skills: skills.filter((s) => s.tag.trim() !== '').map((s) => ({ tag: s.tag, days: s.days.trim() === '' ? 0 : Number(s.days) })),
    };
    const parsed = bidFields.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
      return;
    }
    setErrors({});
    try {
      const saved = await (id ? call('bids.update', { id, ...input }) : call('bids.create', input));
      await queryClient.invalidateQueries();
      navigate(`/bids/${saved.id}`);
    } catch (e) {
      if (!(e instanceof ApiCallError)) throw e;
      setErrors(e.fields);
      setFormError(e.message);
    }
  }

  const setSkill = (i: number, patch: Partial<SkillRow>) => setSkills((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  return (
    <section className="page" aria-labelledby="bid-form-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/bids">Joint bids</Link> / <span>{id ? existing?.title : 'New opportunity'}</span>
      </nav>
      <h1 id="bid-form-title">{id ? `Edit ${existing?.title ?? ''}` : 'New opportunity'}</h1>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') navigate(id ? `/bids/${id}` : '/bids');
        }}
      >
        <fieldset>
          <legend>The opportunity</legend>
          <div className="grid">
            <TextField label="Title" autoFocus value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
            <TextField label="Client or buyer" value={client} onChange={(e) => setClient(e.target.value)} error={errors.client} />
            <TextField
              label="Estimated value"
              inputMode="decimal"
              placeholder="0.00"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              error={errors.estimatedValue}
            />
            <TextField label="Currency" value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value.toUpperCase())} error={errors.currency} />
            <DateField label="Bid deadline" value={deadlineDate} onValue={setDeadlineDate} error={errors.deadline} hint={`In ${zone}`} />
            <TimeField label="Deadline time" value={deadlineTime} onValue={setDeadlineTime} />
            <DateField label="Delivery starts" value={deliveryStart} onValue={setDeliveryStart} error={errors.deliveryStart} />
            <DateField label="Delivery ends" value={deliveryEnd} onValue={setDeliveryEnd} error={errors.deliveryEnd} />
            <TextAreaField label="Description" wide value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
          </div>
        </fieldset>
        <fieldset>
          <legend>Where it came from, and who sees it</legend>
          <div className="grid">
            <SelectField
              label="Source"
              value={source}
              onChange={(e) => setSource(e.target.value as typeof source)}
              options={BID_SOURCES.map((s) => [s, SOURCE_LABELS[s]] as const)}
            />
            {source === 'member' ? <MemberPicker label="Brought by" value={sourceMember} onChange={setSourceMember} error={errors.sourceMemberId} /> : null}
            <TextField
              label={source === 'tender' ? 'Tender reference' : 'Source note'}
              value={sourceNote}
              onChange={(e) => setSourceNote(e.target.value)}
              error={errors.sourceNote}
            />
            <SelectField
              label="Visible to"
              value={visibility}
              onChange={(e) => setVisibility(e.target.value as typeof visibility)}
              options={[
                ['open', 'All members'],
                ['team', 'The team only'],
              ]}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>Skills it needs</legend>
          {errors.skills ? <p className="field-error">{errors.skills}</p> : null}
          <table className="skills-table">
            <thead>
              <tr>
                <th>Skill</th>
                <th>Days of work</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {skills.map((s, i) => (
                <tr key={i}>
                  <td>
                    <input
                      aria-label={`Skill ${i + 1}`}
                      list="offered-skills"
                      placeholder="e.g. copywriting"
                      value={s.tag}
                      onChange={(e) => setSkill(i, { tag: e.target.value })}
                      aria-invalid={Boolean(errors[`skills.${i}.tag`])}
                    />
                    {errors[`skills.${i}.tag`] ? <p className="field-error">{errors[`skills.${i}.tag`]}</p> : null}
                  </td>
                  <td>
                    <input
                      aria-label={`Days of work for skill ${i + 1}`}
                      type="number"
                      min={0}
                      value={s.days}
                      onChange={(e) => setSkill(i, { days: e.target.value })}
                      aria-invalid={Boolean(errors[`skills.${i}.days`])}
                    />
                    {errors[`skills.${i}.days`] ? <p className="field-error">{errors[`skills.${i}.days`]}</p> : null}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Remove skill ${i + 1}`}
                      onClick={() => setSkills((list) => list.filter((_, j) => j !== i))}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <OfferedSkills />
          <div>
            <button type="button" onClick={() => setSkills((list) => [...list, { tag: '', days: '' }])}>
              Add a skill
            </button>
          </div>
        </fieldset>
        <FormError message={formError} />
        <div className="actions">
          <button type="submit" className="button-primary">
            {id ? 'Save opportunity' : 'Create opportunity'}
          </button>
          <Link href={id ? `/bids/${id}` : '/bids'} className="button">
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}

/** Suggestions for the skill boxes: what members offer. */
function OfferedSkills() {
  const tags = useApi('members.tags', {});
  return (
    <datalist id="offered-skills">
      {(tags.data ?? [])
        .filter((t) => t.offers > 0)
        .map((t) => (
          <option key={t.tag} value={t.tag} />
        ))}
    </datalist>
  );
}
