import { useState } from 'react';
import type { Match } from '@shared/contract/network.contract';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { MemberPicker } from '../../components/MemberPicker';
import { type Act, useAction } from '../../components/useAction';
import { NetworkPage, useViewer } from './networkUi';

/**
 * For each of a member's needs, the members who offer it, best first, with why; for each offer,
 * who needs it. One click introduces the two. A member sees their own; the desk picks a member.
 */
export function MatchesPage() {
  const viewer = useViewer();
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const memberId = viewer.memberId ?? picked?.id ?? null;
  return (
    <NetworkPage title="Business network" subtitle="Who in the co-op offers what you need, and who needs what you offer.">
      {viewer.staff ? (
        <div className="toolbar">
          <MemberPicker label="Matches for" value={picked} onChange={setPicked} />
        </div>
      ) : null}
      {memberId ? <Matches memberId={memberId} self={viewer.memberId === memberId} /> : <p className="muted">Choose a member to see their matches.</p>}
    </NetworkPage>
  );
}

function Matches({ memberId, self }: { memberId: string; self: boolean }) {
  const matches = useApi('network.matches', { memberId });
  const { message, act } = useAction();
  const m = matches.data;
  if (!m) return <p aria-busy="true">Loading…</p>;
  return (
    <div className="split-columns">
      <ActionNote message={message} />
      <section aria-labelledby="needs-title">
        <h2 id="needs-title">{self ? 'What you need' : 'Needs'}</h2>
        {m.needs.length === 0 ? <p className="muted">No needs yet: add what you are looking for to {self ? 'your' : 'the'} profile.</p> : null}
        {m.needs.map((n) => (
          <TagMatches
            key={n.tag}
            tag={n.tag}
            kind="need"
            matches={n.suppliers}
            act={act}
            introduce={(s) => ({ neederId: memberId, supplierId: s.member.id, tag: n.tag })}
            self={self}
          />
        ))}
      </section>
      <section aria-labelledby="offers-title">
        <h2 id="offers-title">{self ? 'Who needs what you offer' : 'Customers for the offers'}</h2>
        {m.offers.length === 0 ? <p className="muted">No offers yet.</p> : null}
        {m.offers.map((o) => (
          <TagMatches
            key={o.tag}
            tag={o.tag}
            kind="offer"
            matches={o.customers}
            act={act}
            introduce={(c) => ({ neederId: c.member.id, supplierId: memberId, tag: o.tag })}
            self={self}
          />
        ))}
      </section>
    </div>
  );
}

function TagMatches({
  tag,
  kind,
  matches,
  act,
  introduce,
  self,
}: {
  tag: string;
  kind: 'need' | 'offer';
  matches: Match[];
  act: Act;
  introduce: (m: Match) => { neederId: string; supplierId: string; tag: string };
  self: boolean;
}) {
  return (
    <div className="card match-card" role="region" aria-label={`${kind === 'need' ? 'Suppliers of' : 'Customers for'} ${tag}`}>
      <h3>{tag}</h3>
      {matches.length === 0 ? (
        <p className="muted small">{kind === 'need' ? 'Nobody in the co-op offers this yet: it is on the gaps list.' : 'Nobody has asked for this yet.'}</p>
      ) : (
        <ul className="match-list">
          {matches.map((m) => (
            <li key={m.member.id}>
              <div>
                <strong>{m.member.name}</strong> {m.member.businessName ? <span className="muted small">{m.member.businessName}</span> : null}
                <p className="small match-reason">{m.reason}</p>
              </div>
              <button
                type="button"
                onClick={() =>
                  void act(
                    () => call('network.introduce', introduce(m)),
                    self ? `You and ${m.member.name} are introduced: both of you are told.` : `Introduced to ${m.member.name}.`,
                  )
                }
              >
                {self ? 'Introduce me' : 'Introduce'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
