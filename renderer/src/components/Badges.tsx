import type { MemberSummary } from '@shared/contract/members.contract';
import { formatDate, formatMonth } from './format';

export function StatusBadge({ status, archived }: { status: MemberSummary['status']; archived?: boolean }) {
  if (archived) return <span className="badge badge-muted">archived</span>;
  return <span className={`badge badge-${status}`}>{status}</span>;
}

/** "Owner since 2 Mar 2024" or "Owner from 3 Jan 2027". */
export function OwnershipBadge({ ownership }: { ownership: MemberSummary['ownership'] }) {
  if (!ownership.ownerFrom) return <span className="muted">—</span>;
  return ownership.isOwner ? (
    <span className="badge badge-owner" title={`Owner since ${formatDate(ownership.ownerFrom)}`}>
      Owner · {formatMonth(ownership.ownerFrom)}
    </span>
  ) : (
    <span className="muted" title="Becomes a co-op owner on this date">
      from {formatDate(ownership.ownerFrom)}
    </span>
  );
}

export function TagList({ tags, kind }: { tags: string[]; kind: 'offers' | 'needs' }) {
  if (tags.length === 0) return <span className="muted">—</span>;
  return (
    <span className="tag-line">
      {tags.map((t) => (
        <span key={t} className={`chip chip-${kind}`}>
          {t}
        </span>
      ))}
    </span>
  );
}
