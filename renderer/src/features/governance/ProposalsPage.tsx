import { useState } from 'react';
import { Link } from 'wouter';
import type { ProposalSummary } from '@shared/contract/governance.contract';
import { KIND_WORDS, OUTCOME_WORDS, THRESHOLD_WORDS } from '@shared/domain/governance';
import { useApi } from '../../api/hooks';
import { formatDateTime } from '../../components/format';
import { useSiteZone } from '../../components/useSiteZone';
import { useViewer } from '../auth';
import { GovernancePage, numbered, STATE_WORDS } from './governanceUi';
import { NewProposal } from './NewProposal';

/** Every proposal: those being voted on first, then those discussed, then the closed ones; owners and the desk propose from here. */
export function ProposalsPage() {
  const viewer = useViewer();
  const list = useApi('governance.list', {}).data;
  const [proposing, setProposing] = useState(false);
  const group = (states: string[]) => list?.filter((p) => states.includes(p.state)) ?? [];
  return (
    <GovernancePage title="Proposals" subtitle="One owner, one vote: proposals discussed, voted on and kept in the register.">
      <div className="split-columns">
        <div>
          <ProposalList title="Voting now" rows={group(['voting'])} empty="Nothing is being voted on." />
          <ProposalList title="In discussion" rows={group(['discussion'])} empty="Nothing is being discussed." />
          <ProposalList title="Closed and withdrawn" rows={group(['closed', 'withdrawn'])} empty="No decisions yet." />
        </div>
        {proposing ? (
          <NewProposal onDone={() => setProposing(false)} />
        ) : (
          <div>
            <button type="button" className="button-primary" onClick={() => setProposing(true)}>
              New proposal
            </button>
            {viewer.memberId ? <p className="small muted">Owners of the co-op make proposals; every member may discuss them.</p> : null}
          </div>
        )}
      </div>
    </GovernancePage>
  );
}

function ProposalList({ title, rows, empty }: { title: string; rows: ProposalSummary[]; empty: string }) {
  const zone = useSiteZone();
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? <p className="muted">{empty}</p> : null}
      <ul className="record-list">
        {rows.map((p) => (
          <li key={p.id} className="card record" aria-label={`Proposal: ${p.title}`}>
            <div>
              <Link href={`/governance/${p.id}`}>
                <strong>
                  {numbered(p)} {p.title}
                </strong>
              </Link>{' '}
              <span className={`badge badge-${p.state}`}>{STATE_WORDS[p.state]}</span>
              {p.outcome ? <span className={`badge badge-${p.outcome}`}> {OUTCOME_WORDS[p.outcome]}</span> : null}
              <p className="small">
                {KIND_WORDS[p.kind]}
                {p.secret ? ' · secret ballot' : ''} · by {p.proposer?.name ?? 'the desk'} ·{' '}
                {p.kind === 'decision' || p.kind === 'rules' ? `${THRESHOLD_WORDS[p.threshold]}, ` : ''}
                quorum {p.quorumPct}%
              </p>
              <p className="small muted">
                {p.state === 'discussion' ? `Voting opens ${formatDateTime(p.opensAt, zone)}` : null}
                {p.state === 'voting' ? `${p.voted} of ${p.eligible} voted · closes ${formatDateTime(p.closesAt, zone)}` : null}
                {p.state === 'closed' ? `${p.voted} of ${p.eligible} voted` : null}
                {p.mayVote ? (p.iVoted ? ' · you voted' : ' · you have not voted yet') : ''}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
