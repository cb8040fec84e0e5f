import { useState } from 'react';
import { Link } from 'wouter';
import { CONTRACT_PARTS } from '@shared/contract';
import type { AuditEntry } from '@shared/contract/audit.contract';
import { zonedInstant } from '@shared/domain/zoned';
import { useApi } from '../../api/hooks';
import { formatCount, formatDate, formatDateTime } from '../../components/format';
import { MemberPicker } from '../../components/MemberPicker';
import { SimpleTable } from '../../components/SimpleTable';
import { useSiteZone } from '../../components/useSiteZone';
import { DateInput } from '../../components/DateField';

/** The parts of the co-op a change can be about, as each feature names itself in the contract (those with commands). */
const AREAS = CONTRACT_PARTS.filter((part) => Object.values(part.channels).some((c) => c.kind === 'command')).map((part) => [part.name, part.label] as const);

/** Who did what to which record, and when: every change, newest first, in sentences, filterable. */
export function AuditPage() {
  const zone = useSiteZone();
  const [area, setArea] = useState('');
  const [member, setMember] = useState<{ id: string; name: string } | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(0);
  const log = useApi('audit.list', {
    area,
    memberId: member?.id ?? '',
    limit: 100,
    offset: page * 100,
    // whole local days in the site's zone, the last one included
    ...(from ? { from: new Date(zonedInstant(from, '00:00', zone)).toISOString() } : {}),
    ...(to ? { to: new Date(zonedInstant(to, '24:00', zone)).toISOString() } : {}),
  });
  const total = log.data?.total ?? 0;
  const restart =
    <T,>(set: (v: T) => void) =>
    (v: T) => (set(v), setPage(0));
  return (
    <section className="page" aria-labelledby="audit-title">
      <header className="page-header">
        <div>
          <h1 id="audit-title">Audit log</h1>
          <p className="subtitle">Every change, who made it and when. Reading is not recorded.</p>
        </div>
      </header>
      <div className="toolbar" role="search">
        <div className="filter">
          <label htmlFor="audit-what">What</label>
          <select id="audit-what" value={area} onChange={(e) => restart(setArea)(e.target.value)}>
            <option value="">Everything</option>
            {AREAS.map(([area, name]) => (
              <option key={area} value={area}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <MemberPicker label="Who" value={member} onChange={restart(setMember)} />
        <div className="filter">
          <label htmlFor="audit-from">From</label>
          <DateInput id="audit-from" value={from} onValue={restart(setFrom)} />
        </div>
        <div className="filter">
          <label htmlFor="audit-to">Until</label>
          <DateInput id="audit-to" value={to} onValue={restart(setTo)} />
        </div>
        <span className="muted count" role="status">
          {total === 1 ? '1 change' : `${formatCount(total)} changes`}
        </span>
      </div>
      {log.error ? (
        <p className="form-error" role="alert">
          {log.error.message}
        </p>
      ) : null}
      <SimpleTable
        label="Changes"
        rows={log.data?.rows ?? []}
        rowKey={(r) => r.id}
        columns={[
          { header: 'When', className: 'nowrap', cell: (r) => formatDateTime(r.at, zone) },
          { header: 'What happened', cell: (r) => <Sentence entry={r} /> },
          {
            header: 'Details',
            className: 'small',
            cell: (r) =>
              r.details && r.details !== '{}' ? (
                <details>
                  <summary>Details</summary>
                  <pre className="audit-details">{JSON.stringify(JSON.parse(r.details), null, 1)}</pre>
                </details>
              ) : null,
          },
        ]}
      />
      <div className="actions">
        <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
          Newer
        </button>
        <button type="button" disabled={(page + 1) * 100 >= total} onClick={() => setPage((p) => p + 1)}>
          Older
        </button>
      </div>
    </section>
  );
}

/** "Ana Okafor cancelled Garden Room, 10:00–11:00 on 3 Dec 2026", the record a link to its screen. */
function Sentence({ entry }: { entry: AuditEntry }) {
  // "Lena Brandt at the front desk cancelled …": the person, and for the desk's staff, where they act from
  const name = entry.actorRole === 'frontdesk' && entry.actorName !== 'Front desk' ? `${entry.actorName} at the front desk` : entry.actorName;
  const who = entry.actorMemberId ? <Link href={`/members/${entry.actorMemberId}`}>{name}</Link> : <strong>{name}</strong>;
  const record = entry.record;
  return (
    <span>
      {who} {entry.words}
      {record ? (
        <>
          {' '}
          <Link href={record.href}>{record.label}</Link>
          {record.date ? ` on ${formatDate(record.date)}` : ''}
        </>
      ) : null}
    </span>
  );
}
