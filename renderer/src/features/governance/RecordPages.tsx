import { useState } from 'react';
import { Link } from 'wouter';
import { KIND_WORDS, OUTCOME_WORDS } from '@shared/domain/governance';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { FormActions } from '../../components/FormActions';
import { MemberPicker } from '../../components/MemberPicker';
import { formatDateTime } from '../../components/format';
import { SimpleTable } from '../../components/SimpleTable';
import { useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { useSiteZone } from '../../components/useSiteZone';
import { useViewer } from '../auth';
import { GovernancePage, numbered } from './governanceUi';

/** The decision register: every closed vote, its outcome and its count in words. */
export function RegisterPage() {
  const zone = useSiteZone();
  const rows = useApi('governance.register', {}).data ?? [];
  return (
    <GovernancePage title="Decision register" subtitle="Every decision the owners took, with its count: the co-op’s memory.">
      {rows.length === 0 ? <p className="muted">No decisions yet.</p> : null}
      <SimpleTable
        label="Decisions"
        className="data-table"
        columns={[
          { header: 'No.', cell: (r) => numbered(r) },
          { header: 'Closed', cell: (r) => formatDateTime(r.closedAt, zone) },
          { header: 'Proposal', cell: (r) => <Link href={`/governance/${r.id}`}>{r.title}</Link> },
          { header: 'Kind', cell: (r) => KIND_WORDS[r.kind] },
          { header: 'Outcome', cell: (r) => <span className={`badge badge-${r.outcome}`}>{OUTCOME_WORDS[r.outcome]}</span> },
          { header: 'Count', cell: (r) => r.summary },
        ]}
        rows={rows}
        rowKey={(r) => r.id}
      />
    </GovernancePage>
  );
}

/** The co-op's rules: the version in force, and every earlier one with the proposal that replaced it. */
export function RulesPage() {
  const zone = useSiteZone();
  const versions = useApi('governance.rules', {}).data ?? [];
  const [current, ...earlier] = versions;
  return (
    <GovernancePage title="The co-op’s rules" subtitle="Changed only by a passed proposal to change them: each version kept.">
      {current ? (
        <section aria-labelledby="rules-current">
          <h2 id="rules-current">
            Version {current.version}, in force since {formatDateTime(current.adoptedAt, zone)}
          </h2>
          {current.proposal ? (
            <p className="small">
              Adopted by <Link href={`/governance/${current.proposal.id}`}>{`${numbered(current.proposal)} ${current.proposal.title}`}</Link>
            </p>
          ) : null}
          <pre className="rules-text">{current.text}</pre>
        </section>
      ) : (
        <p className="muted">No rules are written yet: propose them as a change to the rules.</p>
      )}
      {earlier.length > 0 ? (
        <section aria-labelledby="rules-earlier">
          <h2 id="rules-earlier">Earlier versions</h2>
          {earlier.map((v) => (
            <details key={v.version}>
              <summary>
                Version {v.version}, from {formatDateTime(v.adoptedAt, zone)}
              </summary>
              <pre className="rules-text">{v.text}</pre>
            </details>
          ))}
        </section>
      ) : null}
    </GovernancePage>
  );
}

/** Proxies in force: those a member gave and holds (the desk sees all); appoint one for every proposal until revoked. */
export function ProxiesPage() {
  const viewer = useViewer();
  const rows = useApi('governance.proxies', {}).data ?? [];
  const { message, act } = useAction();
  return (
    <GovernancePage title="Proxies" subtitle="An owner who cannot vote appoints another owner to vote for them.">
      <ActionNote message={message} />
      <div className="split-columns">
        <div>
          {rows.length === 0 ? <p className="muted">No proxies in force.</p> : null}
          <SimpleTable
            label="Proxies"
            columns={[
              { header: 'Owner', cell: (r) => r.grantor.name },
              { header: 'Votes through', cell: (r) => r.holder.name },
              {
                header: 'For',
                cell: (r) =>
                  r.proposal ? (
                    <Link href={`/governance/${r.proposal.id}`}>{`${numbered(r.proposal)} ${r.proposal.title}`}</Link>
                  ) : (
                    'Every proposal, until revoked'
                  ),
              },
              {
                header: '',
                cell: (r) => (
                  <button type="button" onClick={() => void act(() => call('governance.revokeProxy', { id: r.id }), 'The proxy has ended.')}>
                    {viewer.memberId === r.holder.id ? 'Decline' : 'Revoke'}
                  </button>
                ),
              },
            ]}
            rows={rows}
            rowKey={(r) => r.id}
          />
        </div>
        {viewer.memberId ? <AppointProxy /> : null}
      </div>
    </GovernancePage>
  );
}

function AppointProxy() {
  const [key, setKey] = useState(0);
  const form = useChannelForm('governance.appointProxy', {
    defaultValues: { holder: null as { id: string; name: string } | null },
    toInput: (v) => ({ holderId: v.holder?.id ?? '', proposalId: null, grantorId: null }),
    fieldOf: { holderId: 'holder' },
    onSaved: () => setKey((k) => k + 1),
  });
  return (
    <form key={key} className="card form" aria-label="Appoint a proxy" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>Appoint a proxy</h2>
      <p className="small muted">For every proposal until you revoke it. Voting yourself always overrides your proxy’s vote.</p>
      <MemberPicker label="Owner who votes for you" value={form.watch('holder')} onChange={(m) => form.setValue('holder', m)} error={form.errorOf('holder')} />
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit" className="button-primary">
          Appoint
        </button>
      </FormActions>
    </form>
  );
}
