import { useState } from 'react';
import { SimpleTable } from '../../components/SimpleTable';
import { formatDateTime } from '../../components/format';
import { useSiteZone } from '../../components/useSiteZone';
import { useApi } from '../../api/hooks';
import { MemberPicker } from '../../components/MemberPicker';

/** Who did what to which record, and when: every change, newest first, filterable. */
export function AuditPage() {
  const zone = useSiteZone();
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
      <SimpleTable
        label="Changes"
        rows={log.data?.rows ?? []}
        rowKey={(r) => r.id}
        columns={[
          { header: 'When', cell: (r) => formatDateTime(r.at, zone) },
          { header: 'Who', cell: (r) => r.actorName },
          { header: 'What', cell: (r) => <code>{r.channel}</code> },
          { header: 'Record', className: 'small', cell: (r) => (r.recordId ? r.recordId.slice(0, 8) : '') },
          { header: 'Details', className: 'small audit-details', cell: (r) => r.details },
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
