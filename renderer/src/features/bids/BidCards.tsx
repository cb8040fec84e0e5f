import { Link } from 'wouter';
import { useApi } from '../../api/hooks';
import { AttentionBadges, StageBadge, valueOf } from './bidUi';

/** On Today: bids with overdue tasks or a deadline within a week. Nothing shows when all is well. */
export function BidsNeedingAttention() {
  const due = useApi('bids.attention', {});
  if (!due.data?.length) return null;
  return (
    <div className="card" role="region" aria-label="Joint bids needing attention">
      <h2>
        Joint bids needing attention <span className="count-badge">{due.data.length}</span>
      </h2>
      <ul className="result-list">
        {due.data.map((b) => (
          <li key={b.bidId}>
            <Link href={`/bids/${b.bidId}`}>{b.title}</Link>
            <AttentionBadges items={b.items} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A member's bids (their page), or only the invitations waiting for their answer (the kiosk). */
export function MemberBids({ memberId, invitationsOnly = false }: { memberId: string; invitationsOnly?: boolean }) {
  const bids = useApi('bids.list', { memberId, stage: invitationsOnly ? 'active' : 'all' });
  const rows = (bids.data ?? []).filter((b) => !invitationsOnly || b.myPlace === 'invited');
  if (invitationsOnly && rows.length === 0) return null;
  const title = invitationsOnly ? 'Joint bids waiting for your answer' : 'Joint bids';
  return (
    <div className="card card-wide" role="region" aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? <p className="muted">Not on any joint bid yet.</p> : null}
      <ul className="result-list">
        {rows.map((b) => (
          <li key={b.id}>
            <span>
              <Link href={`/bids/${b.id}`}>{b.title}</Link> <span className="muted small">{b.client}</span>
            </span>
            <span className="actions">
              <AttentionBadges items={b.attention} />
              <span className="muted small">{valueOf(b)}</span>
              <StageBadge stage={b.stage} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
