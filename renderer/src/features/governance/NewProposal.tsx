import { Controller, useWatch } from 'react-hook-form';
import { PROPOSAL_KINDS, THRESHOLDS, KIND_WORDS, THRESHOLD_WORDS } from '@shared/domain/governance';
import { addDaysIso } from '@shared/domain/zoned';
import { useLocation } from 'wouter';
import { useApi } from '../../api/hooks';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { MemberPicker } from '../../components/MemberPicker';
import { todayLocal } from '../../components/format';
import { useChannelForm } from '../../components/useChannelForm';
import { VotingWindowFields } from './VotingWindowFields';

type Member = { id: string; name: string };

/** A new proposal: what, which kind, the voting window in the co-op's zone; quorum and threshold from the co-op's rules unless chosen. */
export function NewProposal({ onDone }: { onDone: () => void }) {
  const rules = useApi('governance.settings', {}).data;
  const days = rules?.votingDays ?? 7;
  const [, navigate] = useLocation();
  const today = todayLocal();
  const form = useChannelForm('governance.create', {
    defaultValues: {
      title: '',
      body: '',
      kind: 'decision' as (typeof PROPOSAL_KINDS)[number],
      secret: false,
      quorumPct: '',
      threshold: '',
      options: '',
      candidates: [] as Member[],
      seats: '1',
      maxChoices: '1',
      electsGuardians: false,
      rulesText: '',
      opensDate: addDaysIso(today, 1),
      opensTime: '09:00',
      closesDate: addDaysIso(today, 1 + days),
      closesTime: '18:00',
    },
    toInput: (v) => ({
      title: v.title,
      body: v.body,
      kind: v.kind,
      secret: v.secret,
      quorumPct: v.quorumPct === '' ? null : Number(v.quorumPct),
      threshold: v.threshold === '' ? null : (v.threshold as (typeof THRESHOLDS)[number]),
      options:
        v.kind === 'poll'
          ? v.options
              .split('\n')
              .map((o) => o.trim())
              .filter(Boolean)
          : [],
      candidateIds: v.kind === 'election' ? v.candidates.map((c) => c.id) : [],
      seats: Number(v.seats),
      maxChoices: Number(v.maxChoices),
      electsGuardians: v.kind === 'election' && v.electsGuardians,
      rulesText: v.kind === 'rules' ? v.rulesText : '',
      opensDate: v.opensDate,
      opensTime: v.opensTime,
      closesDate: v.closesDate,
      closesTime: v.closesTime,
    }),
    fieldOf: { candidateIds: 'candidates' },
    onSaved: (p) => navigate(`/governance/${p.id}`),
  });
  const kind = useWatch({ control: form.control, name: 'kind' });
  return (
    <form className="card form" aria-label="New proposal" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>New proposal</h2>
      <SelectField label="Kind" options={PROPOSAL_KINDS.map((k) => [k, KIND_WORDS[k]] as const)} error={form.errorOf('kind')} {...form.register('kind')} />
      <TextField label="Title" error={form.errorOf('title')} {...form.register('title')} />
      <TextAreaField label="What is proposed, and why" rows={4} error={form.errorOf('body')} {...form.register('body')} />
      {kind === 'rules' ? (
        <TextAreaField
          label="The new text of the rules"
          rows={8}
          hint="The whole text: it becomes the rules’ next version if the change passes"
          error={form.errorOf('rulesText')}
          {...form.register('rulesText')}
        />
      ) : null}
      {kind === 'poll' ? (
        <>
          <TextAreaField label="Options, one a line" rows={4} error={form.errorOf('options')} {...form.register('options')} />
          <TextField label="Choices each voter may tick" inputMode="numeric" error={form.errorOf('maxChoices')} {...form.register('maxChoices')} />
        </>
      ) : null}
      {kind === 'election' ? (
        <>
          <Controller
            control={form.control}
            name="candidates"
            render={({ field }) => (
              <div>
                <MemberPicker
                  label="Candidate"
                  value={null}
                  onChange={(m) => m && !field.value.some((c) => c.id === m.id) && field.onChange([...field.value, m])}
                  error={form.errorOf('candidates')}
                />
                <ul className="chips" aria-label="Candidates">
                  {field.value.map((c) => (
                    <li key={c.id}>
                      {c.name}{' '}
                      <button type="button" aria-label={`Remove ${c.name}`} onClick={() => field.onChange(field.value.filter((x) => x.id !== c.id))}>
                        ×
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          />
          <TextField label="Seats" inputMode="numeric" error={form.errorOf('seats')} {...form.register('seats')} />
          <label className="checkbox-inline">
            <input type="checkbox" {...form.register('electsGuardians')} /> The elected become the co-op’s guardians
          </label>
        </>
      ) : null}
      <VotingWindowFields control={form.control} errorOf={form.errorOf} />
      <details>
        <summary>Quorum, threshold and secrecy</summary>
        <div className="grid">
          <TextField
            label="Quorum (%)"
            inputMode="numeric"
            placeholder={rules ? String(rules.quorumPct) : ''}
            hint="Empty: the co-op’s rules"
            error={form.errorOf('quorumPct')}
            {...form.register('quorumPct')}
          />
          <SelectField
            label="Threshold"
            options={[
              ['', `The co-op’s rules (${rules ? THRESHOLD_WORDS[rules.threshold] : '…'})`] as const,
              ...THRESHOLDS.map((t) => [t, THRESHOLD_WORDS[t]] as const),
            ]}
            error={form.errorOf('threshold')}
            {...form.register('threshold')}
          />
        </div>
        <label className="checkbox-inline">
          <input type="checkbox" {...form.register('secret')} /> Secret ballot: who voted is kept apart from what they voted
        </label>
      </details>
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit" className="button-primary">
          Propose
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </FormActions>
    </form>
  );
}
