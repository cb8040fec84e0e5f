import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProposalDetail } from '@shared/contract/governance.contract';
import { OUTCOME_WORDS } from '@shared/domain/governance';
import { ApiCallError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { MemberPicker } from '../../components/MemberPicker';
import { SimpleTable } from '../../components/SimpleTable';

const DECISION_WORDS: Record<string, string> = { yes: 'Yes', no: 'No', abstain: 'Abstain', block: 'Block' };
/** A choice in words: a decision's word, or an option's label. */
const wordOf = (p: ProposalDetail, choice: string) => DECISION_WORDS[choice] ?? p.options.find((o) => o.id === choice)?.label ?? choice;

/** The ballot: one vote per owner, changeable until voting closes; for oneself or, as a proxy, for those who appointed you. */
export function Ballot({ proposal: p }: { proposal: ProposalDetail }) {
  const queryClient = useQueryClient();
  const [forMember, setForMember] = useState('');
  const [choices, setChoices] = useState<string[]>(p.myChoices ?? []);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<{ text: string; receipt: string | null } | null>(null);
  const decision = p.kind === 'decision' || p.kind === 'rules';
  const many = p.kind === 'election' || (p.kind === 'poll' && p.maxChoices > 1);
  const choiceList = decision
    ? ['yes', 'no', 'abstain', ...(p.threshold === 'consensus' ? ['block'] : [])].map((c) => ({ id: c, label: DECISION_WORDS[c]! }))
    : p.options.map((o) => ({ id: o.id, label: o.label }));
  const voteFor = p.proxyFor.filter((x) => x.voted !== 'in person');
  if (!p.mayVote && voteFor.length === 0)
    return (
      <section className="card" aria-labelledby="ballot-title">
        <h2 id="ballot-title">Voting</h2>
        <p role="status">
          {p.voted} of {p.eligible} have voted.
        </p>
        <p className="small muted">Those who were owners in good standing when voting opened vote, in person or by proxy.</p>
      </section>
    );
  const pick = (id: string, on: boolean) => setChoices(many ? (on ? [...choices, id] : choices.filter((c) => c !== id)) : [id]);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      const r = await call('governance.vote', { proposalId: p.id, choices, forMemberId: forMember || null });
      const who = forMember ? voteFor.find((x) => x.member.id === forMember)?.member.name : null;
      setDone({ text: `${who ? `Your vote for ${who}` : 'Your vote'} is in: ${r.choices.map((c) => wordOf(p, c)).join(', ')}.`, receipt: r.receipt });
    } catch (err) {
      setError(err instanceof ApiCallError ? (err.fields.choices ?? err.fields.forMemberId ?? err.message) : String(err));
    }
    await queryClient.invalidateQueries();
  }
  return (
    <form className="card form" aria-label="Ballot" noValidate onSubmit={(e) => void submit(e)}>
      <h2>Your ballot</h2>
      {p.myChoices && !forMember ? (
        <p className="small" role="status">
          You voted: {p.myChoices.map((c) => wordOf(p, c)).join(', ')}. You may change it until voting closes.
        </p>
      ) : null}
      {voteFor.length > 0 ? (
        <div className="field">
          <label htmlFor="vote-for">Vote for</label>
          <select id="vote-for" value={forMember} onChange={(e) => setForMember(e.target.value)}>
            {p.mayVote ? <option value="">Myself</option> : <option value="">Choose…</option>}
            {voteFor.map((x) => (
              <option key={x.member.id} value={x.member.id}>
                {x.member.name} (as their proxy{x.voted === 'by me' ? ', voted' : ''})
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <fieldset className="ballot-choices" aria-describedby={error ? 'ballot-error' : undefined}>
        <legend>
          {many ? (p.kind === 'election' ? `Approve any candidates (${p.seats} seat${p.seats > 1 ? 's' : ''})` : `Choose up to ${p.maxChoices}`) : 'Your vote'}
        </legend>
        {choiceList.map((c) => (
          <label key={c.id} className="vote-choice">
            <input type={many ? 'checkbox' : 'radio'} name="choice" checked={choices.includes(c.id)} onChange={(e) => pick(c.id, e.target.checked)} /> {c.label}
          </label>
        ))}
        {error ? (
          <p className="field-error" id="ballot-error" role="alert">
            {error}
          </p>
        ) : null}
      </fieldset>
      <button type="submit" className="button-primary">
        {p.myChoices && !forMember ? 'Change my vote' : 'Vote'}
      </button>
      {done ? (
        <div role="status">
          <p>{done.text}</p>
          {done.receipt ? (
            <p>
              Your receipt: <strong className="receipt">{done.receipt}</strong>. Keep it: once voting closes, it finds your ballot in the count. Nobody else
              can.
            </p>
          ) : null}
        </div>
      ) : null}
      {p.mayVote && !p.myChoices ? <ProxyForThis proposalId={p.id} /> : null}
    </form>
  );
}

/** Can't vote yourself: appoint another owner as your proxy for this proposal. */
function ProxyForThis({ proposalId }: { proposalId: string }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | undefined>();
  const [note, setNote] = useState<string | null>(null);
  return (
    <details>
      <summary>Can’t vote? Appoint a proxy</summary>
      <MemberPicker
        label="Proxy for this proposal"
        value={null}
        error={error}
        onChange={(m) => {
          if (!m) return;
          setError(undefined);
          void call('governance.appointProxy', { holderId: m.id, proposalId })
            .then(() => setNote(`${m.name} may vote for you on this proposal.`))
            .catch((e: unknown) => setError(e instanceof ApiCallError ? (e.fields.holderId ? `${e.message}` : e.message) : String(e)))
            .finally(() => void queryClient.invalidateQueries());
        }}
      />
      {note ? <p role="status">{note}</p> : null}
    </details>
  );
}

/** The count, final once voting closed: turnout against quorum, votes per choice, the outcome, proxies; a secret ballot's receipt check. */
export function Result({ proposal: p }: { proposal: ProposalDetail }) {
  const r = p.result!;
  return (
    <section className="card" aria-labelledby="result-title">
      <h2 id="result-title">Result: {OUTCOME_WORDS[r.outcome]}</h2>
      <p>
        {r.voted} of {r.eligible} voted ({r.eligible ? Math.round((100 * r.voted) / r.eligible) : 0}%; the quorum was {p.quorumPct}%
        {r.quorumMet ? ', reached' : ', not reached'}).
      </p>
      <SimpleTable
        label="Votes"
        columns={[
          { header: 'Choice', cell: (c) => wordOf(p, c.choice) },
          { header: 'Votes', cell: (c) => c.votes },
          ...(p.kind === 'poll' || p.kind === 'election'
            ? [{ header: p.kind === 'election' ? 'Elected' : 'Chosen', cell: (c: { choice: string }) => (r.winners.includes(c.choice) ? 'yes' : '') }]
            : []),
        ]}
        rows={r.counts}
        rowKey={(c) => c.choice}
      />
      {p.kind === 'election' ? <p className="small muted">Counted by approval voting: the {p.seats} with most approvals are elected.</p> : null}
      {r.proxies.length > 0 ? <p className="small">By proxy: {r.proxies.map((x) => `${x.holder.name} for ${x.for.name}`).join('; ')}.</p> : null}
      {p.secret ? <ReceiptCheck proposalId={p.id} /> : null}
    </section>
  );
}

function ReceiptCheck({ proposalId }: { proposalId: string }) {
  const [receipt, setReceipt] = useState('');
  const [answer, setAnswer] = useState<{ text?: string; error?: string }>({});
  async function check(e: React.FormEvent) {
    e.preventDefault();
    try {
      const r = await call('governance.checkReceipt', { proposalId, receipt });
      setAnswer({
        text: r.found
          ? `Found in the count: ${r.choices.length} choice${r.choices.length === 1 ? '' : 's'} as you cast them.`
          : 'No ballot with this receipt is in the count.',
      });
    } catch (err) {
      setAnswer({ error: err instanceof ApiCallError ? (err.fields.receipt ?? err.message) : String(err) });
    }
  }
  return (
    <form className="form" aria-label="Check a receipt" noValidate onSubmit={(e) => void check(e)}>
      <TextField label="Check my receipt" placeholder="ABCD-EFGH-JKLM" value={receipt} onChange={(e) => setReceipt(e.target.value)} error={answer.error} />
      <button type="submit">Check</button>
      {answer.text ? <p role="status">{answer.text}</p> : null}
    </form>
  );
}

/** Who may vote, frozen when voting opened, with who voted (never what). */
export function Voters({ proposal: p }: { proposal: ProposalDetail }) {
  const [all, setAll] = useState(false);
  const page = useApi('governance.voters', { proposalId: p.id, limit: all ? 500 : 12, offset: 0 }).data;
  if (!page) return null;
  return (
    <section aria-labelledby="voters-title">
      <h2 id="voters-title">Who may vote ({page.total})</h2>
      <p className="small muted">Fixed when voting opened: the owners in good standing then. Nobody edits this list.</p>
      <SimpleTable
        label="Voters"
        columns={[
          { header: 'Owner', cell: (v) => v.member?.name ?? <span className="muted">A member not in the directory</span> },
          { header: 'Voted', cell: (v) => (v.voted ? (v.byProxy ? `by proxy (${v.byProxy.name})` : 'voted') : 'not yet') },
        ]}
        rows={page.rows.map((v, i) => ({ ...v, i }))}
        rowKey={(v) => v.i}
      />
      {page.total > page.rows.length ? (
        <button type="button" onClick={() => setAll(true)}>
          Show {Math.min(500, page.total)} of {page.total}
        </button>
      ) : null}
    </section>
  );
}
