import { Link } from 'wouter';
import type { CommunityDetail } from '@shared/contract/communities.contract';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ActionNote } from '../../components/ActionNote';
import { type Act, useAction } from '../../components/useAction';
import { useViewer } from '../auth';
import { EventCard } from '../events';
import { Library } from './Library';
import { OfferSession, PlanSession } from './SessionForms';

/** One community: join or leave, its sessions (reply from here), who is in it, its library; facilitators plan sessions, members offer peer training. */
export function CommunityPage({ id }: { id: string }) {
  const viewer = useViewer();
  const c = useApi('communities.get', { id }).data;
  const { message, act } = useAction();
  if (!c) return null;
  return (
    <section className="page communities" aria-labelledby="community-title">
      <header className="page-header">
        <div>
          <p className="small">
            <Link href="/communities">Communities</Link>
          </p>
          <h1 id="community-title">{c.name}</h1>
          <p className="subtitle">
            {c.topic} · facilitated by {c.facilitators.map((f) => f.name).join(', ')}
          </p>
        </div>
        {viewer.memberId ? <JoinLeave community={c} act={act} /> : null}
      </header>
      <ActionNote message={message} />
      {c.description ? <p>{c.description}</p> : null}
      <div className="split-columns">
        <div>
          <section aria-labelledby="sessions-title">
            <h2 id="sessions-title">Sessions</h2>
            {c.sessions.length === 0 ? <p className="muted">No sessions planned yet.</p> : null}
            <ul className="record-list" aria-label="Sessions">
              {c.sessions.map((s) => (
                <EventCard key={s.id} event={s} act={act} member={viewer.memberId !== null} />
              ))}
            </ul>
          </section>
          {c.mine !== null || viewer.staff ? <Library community={c} act={act} /> : <p className="muted">Join to see who is in it and its library.</p>}
        </div>
        <div>
          {c.people.length ? <People community={c} act={act} /> : null}
          {c.mayManage && !c.archived ? <PlanSession communityId={c.id} /> : null}
          {c.mine !== null && viewer.memberId && !c.archived ? <OfferSession community={c} /> : null}
        </div>
      </div>
    </section>
  );
}

function JoinLeave({ community: c, act }: { community: CommunityDetail; act: Act }) {
  if (c.mine)
    return (
      <button type="button" onClick={() => void act(() => call('communities.leave', { id: c.id }), `You left ${c.name}.`)}>
        Leave
      </button>
    );
  if (c.archived) return null;
  return (
    <button type="button" className="button-primary" onClick={() => void act(() => call('communities.join', { id: c.id }), `You joined ${c.name}.`)}>
      Join
    </button>
  );
}

function People({ community: c, act }: { community: CommunityDetail; act: Act }) {
  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">In it ({c.members})</h2>
      <ul className="record-list" aria-label="People">
        {c.people.map((p) => (
          <li key={p.member.id} className="record small">
            <span>
              {p.member.name}
              {p.role === 'facilitator' ? <span className="badge"> facilitator</span> : null}
            </span>
            {/* a community keeps one facilitator: the last one cannot step down */}
            {c.mayManage && !(p.role === 'facilitator' && c.facilitators.length === 1) ? (
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  void act(
                    () => call('communities.setRole', { id: c.id, memberId: p.member.id, role: p.role === 'facilitator' ? 'member' : 'facilitator' }),
                    `${p.member.name} is now ${p.role === 'facilitator' ? 'a member' : 'a facilitator'}.`,
                  )
                }
              >
                {p.role === 'facilitator' ? 'Step down' : 'Make facilitator'}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
