import { useState } from 'react';
import { useSlot } from '../../feature';
import { Link } from 'wouter';
import type { Member, TagKind } from '@shared/contract/members.contract';
import { monthsBetween } from '@shared/domain/dates';
import { useApi, useApiMutation } from '../../api/hooks';
import { StatusBadge } from '../../components/Badges';
import { formatDate, relativeDays, todayLocal } from '../../components/format';

function OwnershipPanel({ member, months }: { member: Member; months: number }) {
  const { ownership } = member;
  if (!ownership.ownerFrom) {
    return <p className="muted">Not a co-op owner: {member.archivedAt ? 'archived' : 'has left the co-op'}.</p>;
  }
  const today = todayLocal();
  const served = Math.min(months, monthsBetween(member.memberSince, today));
  return (
    <div className="ownership">
      {ownership.isOwner ? (
        <p>
          <strong>Co-op owner</strong> since {formatDate(ownership.ownerFrom)}.
        </p>
      ) : (
        <p>
          Becomes a co-op owner on <strong>{formatDate(ownership.ownerFrom)}</strong> ({relativeDays(ownership.ownerFrom, today)}).
        </p>
      )}
      <progress max={Math.max(months, 1)} value={ownership.isOwner ? months : served} aria-label="Months towards ownership" />
      <p className="muted small">
        {ownership.isOwner ? months : served} of {months} months of continuous membership
      </p>
    </div>
  );
}

function QuickTag({ member, kind }: { member: Member; kind: TagKind }) {
  const [draft, setDraft] = useState('');
  const tag = useApiMutation('members.tag');
  const label = kind === 'offers' ? 'Offers' : 'Needs';
  return (
    <div className="quick-tags">
      <h3>{label}</h3>
      <ul className="tags" aria-label={`${label} tags`}>
        {member[kind].map((t) => (
          <li key={t} className={`tag chip-${kind}`}>
            {t}
            <button type="button" className="tag-remove" aria-label={`Remove ${t}`} onClick={() => tag.mutate({ id: member.id, op: 'remove', kind, tag: t })}>
              ×
            </button>
          </li>
        ))}
        {member[kind].length === 0 ? <li className="muted">none yet</li> : null}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) tag.mutate({ id: member.id, op: 'add', kind, tag: draft }, { onSuccess: () => setDraft('') });
        }}
      >
        <input aria-label={`Add to ${label.toLowerCase()}`} placeholder="Add a tag" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit">Add</button>
      </form>
      {tag.error ? (
        <p className="field-error" role="alert">
          {tag.error.fields.tag ?? tag.error.message}
        </p>
      ) : null}
    </div>
  );
}

export function MemberDetail({ id }: { id: string }) {
  const member = useApi('members.get', { id });
  const settings = useApi('settings.get', {});
  const archive = useApiMutation('members.archive');
  const restore = useApiMutation('members.restore');
  const parts = useSlot('memberPage');

  if (member.error) {
    return (
      <section className="page">
        <p className="form-error" role="alert">
          {member.error.message}
        </p>
        <Link href="/members">Back to members</Link>
      </section>
    );
  }
  const m = member.data;
  if (!m) return <section className="page" aria-busy="true" />;

  return (
    <section className="page" aria-labelledby="member-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/members">Members</Link> / <span>No. {m.number}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1 id="member-title">{m.name}</h1>
          <p className="subtitle">
            {m.businessName || 'No business name'} · <StatusBadge status={m.status} archived={m.archivedAt !== null} /> ·{' '}
            <span className="badge badge-muted">{m.role}</span>
          </p>
        </div>
        <div className="actions">
          <Link href={`/members/${m.id}/edit`} className="button button-primary">
            Edit
          </Link>
          {m.archivedAt ? (
            <button type="button" onClick={() => restore.mutate({ id: m.id })}>
              Restore
            </button>
          ) : (
            <button
              type="button"
              onClick={() => {
                if (window.confirm(`Archive ${m.name}? They disappear from the directory but their history is kept.`)) {
                  archive.mutate({ id: m.id });
                }
              }}
            >
              Archive
            </button>
          )}
        </div>
      </header>
      {m.archivedAt ? (
        <p className="notice" role="status">
          Archived on {formatDate(m.archivedAt.slice(0, 10))}. Restore to show them in the directory again.
        </p>
      ) : null}
      <div className="detail-grid">
        <div className="card">
          <h2>Contact</h2>
          <dl className="facts">
            <dt>Email</dt>
            <dd>{m.email ? <a href={`mailto:${m.email}`}>{m.email}</a> : <span className="muted">not shared</span>}</dd>
            <dt>Phone</dt>
            <dd>{m.phone || '—'}</dd>
            <dt>Shared with members</dt>
            <dd>{m.shareContact ? 'Email and phone' : 'No'}</dd>
            <dt>Website</dt>
            <dd>
              {m.website ? (
                <a href={m.website} target="_blank" rel="noreferrer">
                  {m.website}
                </a>
              ) : (
                '—'
              )}
            </dd>
            <dt>Member since</dt>
            <dd>{formatDate(m.memberSince)}</dd>
          </dl>
        </div>
        <div className="card">
          <h2>Co-op ownership</h2>
          <OwnershipPanel member={m} months={settings.data?.coop.ownershipMonths ?? 14} />
        </div>
        <div className="card card-wide">
          <h2>Business</h2>
          <p>{m.businessDescription || <span className="muted">No description yet.</span>}</p>
          <div className="two-col">
            <QuickTag member={m} kind="offers" />
            <QuickTag member={m} kind="needs" />
          </div>
        </div>
        {parts.map((Part, i) => (
          <Part key={i} memberId={m.id} name={m.name} />
        ))}
        {m.notes ? (
          <div className="card card-wide">
            <h2>Notes</h2>
            <p className="pre">{m.notes}</p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
