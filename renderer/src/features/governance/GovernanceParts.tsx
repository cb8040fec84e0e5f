import { Link } from 'wouter';
import { THRESHOLDS, THRESHOLD_WORDS } from '@shared/domain/governance';
import type { GovernanceSettings as Settings } from '@shared/contract/governance.contract';
import { useApi } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { formatDateTime } from '../../components/format';
import { useChannelForm } from '../../components/useChannelForm';
import { useSiteZone } from '../../components/useSiteZone';
import { numbered } from './governanceUi';

/** On a member's home (kiosk, portal): the votes waiting for them. */
export function VotesWaiting() {
  const zone = useSiteZone();
  const waiting = (useApi('governance.list', {}).data ?? []).filter((p) => p.mayVote && !p.iVoted);
  if (waiting.length === 0) return null;
  return (
    <section className="card" aria-labelledby="votes-waiting">
      <h2 id="votes-waiting">Votes waiting for you</h2>
      <ul className="plain-list">
        {waiting.map((p) => (
          <li key={p.id}>
            <Link href={`/governance/${p.id}`}>{`${numbered(p)} ${p.title}`}</Link>{' '}
            <span className="small muted">closes {formatDateTime(p.closesAt, zone)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Settings → Voting rules: the defaults every proposal starts from. */
export function GovernanceSettings() {
  const current = useApi('governance.settings', {}).data;
  if (!current) return null;
  return <SettingsForm current={current} />;
}

function SettingsForm({ current }: { current: Settings }) {
  const form = useChannelForm('governance.saveSettings', {
    defaultValues: {
      quorumPct: String(current.quorumPct),
      threshold: current.threshold,
      proxyCap: String(current.proxyCap),
      pausedMayVote: current.pausedMayVote,
      votingDays: String(current.votingDays),
    },
    toInput: (v) => ({ ...v, quorumPct: Number(v.quorumPct), proxyCap: Number(v.proxyCap), votingDays: Number(v.votingDays) }),
    labels: { quorumPct: 'quorum', threshold: 'threshold', proxyCap: 'proxies each', pausedMayVote: 'paused members', votingDays: 'voting days' },
  });
  return (
    <form className="form" aria-label="Voting rules" noValidate onSubmit={(e) => void form.submit(e)}>
      <div className="grid">
        <TextField label="Quorum (% of owners who must vote)" inputMode="numeric" error={form.errorOf('quorumPct')} {...form.register('quorumPct')} />
        <SelectField
          label="Threshold of a decision"
          options={THRESHOLDS.map((t) => [t, THRESHOLD_WORDS[t]] as const)}
          hint="A change to the rules needs two thirds at least"
          error={form.errorOf('threshold')}
          {...form.register('threshold')}
        />
        <TextField label="Proxies one owner may hold" inputMode="numeric" error={form.errorOf('proxyCap')} {...form.register('proxyCap')} />
        <TextField label="Days voting stays open" inputMode="numeric" error={form.errorOf('votingDays')} {...form.register('votingDays')} />
      </div>
      <label className="checkbox-inline">
        <input type="checkbox" {...form.register('pausedMayVote')} /> Paused members vote (they are still owners)
      </label>
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit">Save</button>
      </FormActions>
    </form>
  );
}
