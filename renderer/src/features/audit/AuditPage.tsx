import { useState } from 'react';
import { useApi } from '../../api/hooks';
import { MemberPicker } from '../../components/MemberPicker';

/** Who did what to which record, and when: every change, newest first, filterable. */
export function AuditPage() {
  const [channel, setChannel] = useState('');
  const [member, setMember] = useState<{ id: string; name: string } | null>(null);
  const [page, setPage] = useState(0);
  const log = useApi('audit.list', { channel, memberId: member?.id ?? '', limit: 100, offset: page * 100 });
  const total = log.data?.total ?? 0;
  return (
    <section className="page" aria-labelledby="audit-title">
      <header className="page-header">
        <h1 id="audit-title">Audit log</h1>
      </header>
      <div className="toolbar" role="search">
        <div className="filter">
          <label htmlFor="audit-what">What</label>
          <select id="audit-what" value={channel} onChange={(e) => (setChannel(e.target.value), setPage(0))}>
            <option value="">Everything</option>
            {['members', 'bookings', 'bookables', 'settings', 'frontdesk', 'visitors', 'dayPasses', 'auth', 'data', 'system'].map((d) => (
              <option key={d} value={`${d}.`}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <MemberPicker label="By member" value={member} onChange={(m) => (setMember(m), setPage(0))} />
        <span className="muted count" role="status">
          {total.toLocaleString()} changes
        </span>
      </div>
      <table className="data-table compact" aria-label="Changes">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>What</th>
            <th>Record</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          {(log.data?.rows ?? []).map((r) => (
            <tr key={r.id}>
              <td>{new Date(r.at).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' })}</td>
              <td>{r.actorName}</td>
              <td>
                <code>{r.channel}</code>
              </td>
              <td className="small">{r.recordId ? r.recordId.slice(0, 8) : ''}</td>
              <td className="small audit-details">{r.details}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
