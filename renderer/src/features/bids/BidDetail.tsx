import { useState } from 'react';
import { formatMoney, moneyInput, parseMoney } from '@shared/domain/money';
import { Link } from 'wouter';
import type { Bid } from '@shared/contract/bids.contract';
import { type BidStage, DECIDED_STAGES, moveProblem, STAGE_LABELS, TEAM_SETTLED_STAGES, WON_STAGES } from '@shared/domain/bids';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { formatDate } from '../../components/format';
import { type Act, useAction } from '../../components/useAction';
import { useAuth } from '../auth';
import { AttentionBadges, StageBadge, teamStateOf, valueOf } from './bidUi';
import { BidTeam, SuggestedTeam } from './BidTeam';
import { BidActivityCard, BidDocuments, BidTasks } from './BidWork';

/** One opportunity: where it stands, who is on it with what share, what needs doing, what happened. */
export function BidDetail({ id }: { id: string }) {
  const bid = useApi('bids.get', { id });
  const auth = useAuth();
  const { message, act } = useAction();
  if (bid.error) return <p className="form-error">{bid.error.message}</p>;
  if (!bid.data) return null;
  const b = bid.data;
  const me = auth.data?.member?.id ?? null;
  const teamOpen = !TEAM_SETTLED_STAGES.includes(b.stage);

  return (
    <section className="page" aria-labelledby="bid-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/bids">Joint bids</Link> / <span>{b.title}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1 id="bid-title">{b.title}</h1>
          <p className="subtitle">
            <StageBadge stage={b.stage} /> {b.client ? `for ${b.client} · ` : ''}
            {valueOf(b)} {b.visibility === 'team' ? <span className="badge badge-muted">team only</span> : null} <AttentionBadges items={b.attention} />
          </p>
        </div>
        <div className="actions">
          {b.canEdit ? (
            <Link href={`/bids/${b.id}/edit`} className="button">
              Edit
            </Link>
          ) : null}
        </div>
      </header>
      <ActionNote message={message} />
      {b.canRespond && me ? (
        <div className="notice invite-banner" role="region" aria-label="Your invitation">
          You are invited to join this bid.
          <button
            type="button"
            className="button-primary"
            onClick={() => void act(() => call('bids.respond', { id: b.id, memberId: me, answer: 'accept' }), 'You joined the team.')}
          >
            Accept
          </button>
          <button type="button" onClick={() => void act(() => call('bids.respond', { id: b.id, memberId: me, answer: 'decline' }), 'You declined.')}>
            Decline
          </button>
        </div>
      ) : null}
      {me && !b.canEdit && teamOpen && (b.myPlace === null || b.myPlace === 'declined') ? (
        <div className="notice invite-banner" role="region" aria-label="Join this bid">
          {b.myPlace === 'declined'
            ? 'You declined this bid; you can still offer to join.'
            : 'Have a skill this bid needs? Offer to join: the team will answer.'}
          <button
            type="button"
            className="button-primary"
            onClick={() => void act(() => call('bids.offerToJoin', { id: b.id }), 'Your offer to join went to the team.')}
          >
            Offer to join
          </button>
        </div>
      ) : null}
      {b.myPlace === 'requested' ? <p className="notice">Your offer to join is waiting for the team’s answer.</p> : null}
      <div className="detail-grid">
        <StageCard bid={b} act={act} />
        <Facts bid={b} />
        <BidTeam bid={b} editable={b.canEdit && teamOpen} act={act} />
        {b.canEdit && teamOpen ? <SuggestedTeam bid={b} act={act} /> : null}
        {b.canEdit && (b.stage === 'idea' || b.stage === 'forming') ? <GoNoGo key={acceptedKey(b)} bid={b} act={act} /> : null}
        {DECIDED_STAGES.includes(b.stage) ? <Outcome bid={b} act={act} /> : null}
        <BidTasks bid={b} act={act} />
        <BidDocuments bid={b} act={act} />
        <BidActivityCard bid={b} act={act} />
      </div>
    </section>
  );
}

/** Who has accepted: the go/no-go ticks start again from everyone when that changes. */
const acceptedKey = (b: Bid) =>
  b.members
    .filter((m) => m.status === 'accepted')
    .map((m) => m.memberId)
    .join();

function StageCard({ bid, act }: { bid: Bid; act: Act }) {
  const [note, setNote] = useState('');
  const [finalValue, setFinalValue] = useState(moneyInput(bid.finalValue ?? bid.estimatedValue));
  const canSubmit = bid.submissionProblems.length === 0;
  const team = teamStateOf(bid);
  const blocked = (to: BidStage) => moveProblem(bid.stage, to, team);
  const move = (to: BidStage) =>
    void act(async () => {
      await call('bids.move', { id: bid.id, to, note, ...(to === 'won' ? { finalValue: parseMoney(finalValue) } : {}) });
      setNote('');
    }, `Moved to ${STAGE_LABELS[to]}.`);
  return (
    <div className="card" role="region" aria-label="Stage">
      <h2>Stage: {STAGE_LABELS[bid.stage]}</h2>
      {bid.nextStages.length === 0 ? <p className="muted">This bid has reached the end of the pipeline.</p> : null}
      {bid.canEdit && bid.nextStages.length > 0 ? (
        <>
          <div className="actions">
            {bid.nextStages.map((to) => (
              <button
                key={to}
                type="button"
                className={to === 'submitted' || to === 'won' ? 'button-primary' : undefined}
                disabled={blocked(to) !== null}
                title={blocked(to) ?? undefined}
                aria-describedby={to === 'submitted' && !canSubmit ? 'submit-problems' : undefined}
                onClick={() => move(to)}
              >
                {to === 'submitted' ? 'Mark as submitted' : `Move to ${STAGE_LABELS[to]}`}
              </button>
            ))}
          </div>
          <div className="inline-form compact-form">
            <div className="field">
              <label htmlFor="move-note">Note with the move</label>
              <input id="move-note" value={note} onChange={(e) => setNote(e.target.value)} placeholder="optional" />
            </div>
            {bid.nextStages.includes('won') ? (
              <div className="field">
                <label htmlFor="final-value">Final value if won ({bid.currency})</label>
                <input id="final-value" inputMode="decimal" value={finalValue} onChange={(e) => setFinalValue(e.target.value)} />
              </div>
            ) : null}
          </div>
        </>
      ) : null}
      {bid.nextStages.includes('submitted') && !canSubmit ? (
        <div className="rule-box" id="submit-problems" role="status" aria-label="Why it cannot be submitted">
          Cannot be submitted yet:
          <ul>
            {bid.submissionProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {bid.stage === 'forming' && !bid.goDecided ? <p className="muted small">Record a “go” decision with the team before preparing the bid.</p> : null}
    </div>
  );
}

function Facts({ bid }: { bid: Bid }) {
  return (
    <div className="card" role="region" aria-label="About this opportunity">
      <h2>About</h2>
      <dl className="facts">
        <dt>Client</dt>
        <dd>{bid.client || '—'}</dd>
        <dt>Estimated value</dt>
        <dd>{formatMoney(bid.estimatedValue, bid.currency)}</dd>
        {bid.finalValue !== null ? (
          <>
            <dt>Final value</dt>
            <dd>{formatMoney(bid.finalValue, bid.currency)}</dd>
          </>
        ) : null}
        <dt>Bid deadline</dt>
        <dd>{bid.deadlineLocal ?? '—'}</dd>
        <dt>Delivery</dt>
        <dd>{bid.deliveryStart ? `${formatDate(bid.deliveryStart)} – ${bid.deliveryEnd ? formatDate(bid.deliveryEnd) : '…'}` : '—'}</dd>
        <dt>Source</dt>
        <dd>
          {bid.source === 'member' ? `brought by ${bid.sourceMemberName ?? 'a member'}` : bid.source}
          {bid.sourceNote ? ` · ${bid.sourceNote}` : ''}
        </dd>
        <dt>Lead</dt>
        <dd>{bid.leadName ?? '—'}</dd>
        <dt>Skills needed</dt>
        <dd>
          <span className="tag-line">
            {bid.neededSkills.map((s) => (
              <span key={s.tag} className="chip chip-offers">
                {s.tag}
                {s.days ? ` · ${s.days} d` : ''}
              </span>
            ))}
            {bid.neededSkills.length === 0 ? '—' : null}
          </span>
        </dd>
      </dl>
      {bid.description ? <p className="pre">{bid.description}</p> : null}
    </div>
  );
}

function GoNoGo({ bid, act }: { bid: Bid; act: Act }) {
  const accepted = bid.members.filter((m) => m.status === 'accepted');
  const [agreed, setAgreed] = useState<string[]>(accepted.map((m) => m.memberId));
  const [note, setNote] = useState('');
  const decide = (decision: 'go' | 'no-go') =>
    void act(
      () => call('bids.decide', { id: bid.id, decision, agreedBy: agreed, note }),
      decision === 'go' ? 'Go recorded.' : 'No-go recorded: the bid is withdrawn.',
    );
  return (
    <div className="card" role="region" aria-label="Go or no-go">
      <h2>Go / no-go {bid.goDecided ? <span className="badge badge-active">go recorded</span> : null}</h2>
      <fieldset className="checks">
        <legend className="small">Who agreed</legend>
        {accepted.map((m) => (
          <label key={m.memberId}>
            <input
              type="checkbox"
              checked={agreed.includes(m.memberId)}
              onChange={(e) => setAgreed((list) => (e.target.checked ? [...list, m.memberId] : list.filter((x) => x !== m.memberId)))}
            />
            {m.name}
          </label>
        ))}
      </fieldset>
      <div className="inline-form compact-form">
        <div className="field">
          <label htmlFor="go-note">Why</label>
          <input id="go-note" value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <button type="button" className="button-primary" disabled={agreed.length === 0} onClick={() => decide('go')}>
          Go
        </button>
        <button type="button" className="button-danger" disabled={agreed.length === 0} onClick={() => decide('no-go')}>
          No-go
        </button>
      </div>
    </div>
  );
}

function Outcome({ bid, act }: { bid: Bid; act: Act }) {
  const won = WON_STAGES.includes(bid.stage);
  const [finalValue, setFinalValue] = useState(bid.finalValue === null ? '' : moneyInput(bid.finalValue));
  const [lessons, setLessons] = useState(bid.lessons);
  return (
    <form
      className="card form"
      aria-label="Outcome"
      onSubmit={(e) => {
        e.preventDefault();
        void act(() => call('bids.outcome', { id: bid.id, finalValue: won && finalValue !== '' ? parseMoney(finalValue) : null, lessons }), 'Outcome saved.');
      }}
    >
      <h2>Outcome: {STAGE_LABELS[bid.stage]}</h2>
      {won ? (
        <div className="field">
          <label htmlFor="outcome-value">Final value ({bid.currency})</label>
          <input id="outcome-value" inputMode="decimal" value={finalValue} onChange={(e) => setFinalValue(e.target.value)} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="outcome-lessons">Lessons learned</label>
        <textarea id="outcome-lessons" rows={3} value={lessons} onChange={(e) => setLessons(e.target.value)} disabled={!bid.canEdit} />
      </div>
      {bid.canEdit ? (
        <div className="actions">
          <button type="submit">Save outcome</button>
        </div>
      ) : null}
    </form>
  );
}
