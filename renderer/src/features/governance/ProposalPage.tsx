import { useState } from 'react';
import { Link } from 'wouter';
import type { ProposalDetail } from '@shared/contract/governance.contract';
import { KIND_WORDS, OUTCOME_WORDS, THRESHOLD_WORDS } from '@shared/domain/governance';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { zonedParts } from '@shared/domain/zoned';
import { TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { formatDateTime } from '../../components/format';
import { type Act, useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';
import { VotingWindowFields } from './VotingWindowFields';
import { useSiteZone } from '../../components/useSiteZone';
import { Ballot, Result, Voters } from './Ballot';
import { Discussion } from './Discussion';
import { numbered, STATE_WORDS } from './governanceUi';

/** One proposal: its text, the discussion, the ballot while voting is open, and the result once closed. */
export function ProposalPage({ id }: { id: string }) {
  const zone = useSiteZone();
  const p = useApi('governance.get', { id }).data;
  const { message, act } = useAction();
  if (!p) return null;
  return (
    <section className="page governance" aria-labelledby="proposal-title">
      <header className="page-header">
        <div>
          <p className="small">
            <Link href="/governance">Proposals</Link> · {numbered(p)} · <span className="badge">{KIND_WORDS[p.kind]}</span>{' '}
            <span className={`badge badge-${p.state}`}>{STATE_WORDS[p.state]}</span>
            {p.outcome ? <span className={`badge badge-${p.outcome}`}> {OUTCOME_WORDS[p.outcome]}</span> : null}
          </p>
          <h1 id="proposal-title">{p.title}</h1>
          <p className="subtitle">
            By {p.proposer?.name ?? 'the desk'} · {p.kind === 'decision' || p.kind === 'rules' ? `needs ${THRESHOLD_WORDS[p.threshold]}, ` : ''}a quorum of{' '}
            {p.quorumPct}% · {p.secret ? 'secret ballot' : 'open ballot'} · voting {formatDateTime(p.opensAt, zone)} to {formatDateTime(p.closesAt, zone)}
          </p>
        </div>
      </header>
      <ActionNote message={message} />
      <div className="split-columns">
        <div>
          <p className="proposal-text">{p.body}</p>
          {p.rulesText !== null ? (
            <section aria-labelledby="rules-text-title">
              <h2 id="rules-text-title">The rules as they would read</h2>
              <pre className="rules-text">{p.rulesText}</pre>
            </section>
          ) : null}
          {p.referrals.map((r) => (
            <p key={r.at} className="notice" role="note">
              {r.guardian.name}, a guardian, referred it to {THRESHOLD_WORDS[r.to]} ({formatDateTime(r.at, zone)}): {r.reasons}
            </p>
          ))}
          <Discussion proposal={p} act={act} />
        </div>
        <div>
          {p.state === 'voting' ? <Ballot proposal={p} /> : null}
          {p.result ? <Result proposal={p} /> : null}
          {p.mayManage && p.state === 'discussion' ? <Manage proposal={p} act={act} /> : null}
          {p.mayRefer ? <Refer id={p.id} /> : null}
          {p.eligible !== null ? <Voters proposal={p} /> : null}
        </div>
      </div>
    </section>
  );
}

/** The proposer and the desk open voting early or withdraw, while it is discussed. */
function Manage({ proposal: p, act }: { proposal: ProposalDetail; act: Act }) {
  const [editing, setEditing] = useState(false);
  return (
    <section className="card" aria-labelledby="manage-title">
      <h2 id="manage-title">While it is discussed</h2>
      <p className="small muted">Amendments you accept change its text. Once voting opens the text is final and who may vote is fixed.</p>
      {editing ? <EditProposal proposal={p} onDone={() => setEditing(false)} /> : null}
      <p className="record-actions">
        {editing ? null : (
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        <button type="button" className="button-primary" onClick={() => void act(() => call('governance.openVoting', { id: p.id }), 'Voting is open.')}>
          Open voting now
        </button>
        <button type="button" onClick={() => void act(() => call('governance.withdraw', { id: p.id }), 'Withdrawn.')}>
          Withdraw
        </button>
      </p>
    </section>
  );
}

/** A guardian refers a proposal that would change the co-op's purpose to a higher threshold, saying why. */
function Refer({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  const form = useChannelForm('governance.refer', { defaultValues: { id, reasons: '' }, onSaved: () => setOpen(false) });
  if (!open)
    return (
      <p>
        <button type="button" onClick={() => setOpen(true)}>
          Refer to a higher threshold (guardians)
        </button>
      </p>
    );
  return (
    <form className="card form" aria-label="Refer to a higher threshold" noValidate onSubmit={(e) => void form.submit(e)}>
      <h2>Refer to a higher threshold</h2>
      <p className="small muted">
        As a guardian: this proposal would change what the co-op is for. Its threshold goes up one step, with your reasons on record.
      </p>
      <TextAreaField label="Reasons" rows={3} error={form.errorOf('reasons')} {...form.register('reasons')} />
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit" className="button-primary">
          Refer
        </button>
      </FormActions>
    </form>
  );
}

/** The proposer (or the desk) corrects the text and the voting window while it is discussed. */
function EditProposal({ proposal: p, onDone }: { proposal: ProposalDetail; onDone: () => void }) {
  const zone = useSiteZone();
  const opens = zonedParts(Date.parse(p.opensAt), zone);
  const closes = zonedParts(Date.parse(p.closesAt), zone);
  const form = useChannelForm('governance.update', {
    defaultValues: {
      id: p.id,
      title: p.title,
      body: p.body,
      rulesText: p.rulesText ?? '',
      opensDate: opens.date,
      opensTime: opens.time,
      closesDate: closes.date,
      closesTime: closes.time,
    },
    onSaved: onDone,
  });
  return (
    <form className="form" aria-label="Edit the proposal" noValidate onSubmit={(e) => void form.submit(e)}>
      <TextField label="Title" error={form.errorOf('title')} {...form.register('title')} />
      <TextAreaField label="What is proposed, and why" rows={4} error={form.errorOf('body')} {...form.register('body')} />
      {p.rulesText !== null ? (
        <TextAreaField label="The new text of the rules" rows={6} error={form.errorOf('rulesText')} {...form.register('rulesText')} />
      ) : null}
      <VotingWindowFields control={form.control} errorOf={form.errorOf} />
      <FormActions error={form.formError} saved={form.saved}>
        <button type="submit" className="button-primary">
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </FormActions>
    </form>
  );
}
