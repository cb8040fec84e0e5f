import { useState } from 'react';
import { Link } from 'wouter';
import { formatMoney } from '@shared/domain/money';
import { zonedParts } from '@shared/domain/zoned';
import { useApi, useApiMutation } from '../../api/hooks';
import { SimpleTable } from '../../components/SimpleTable';
import { useSiteZone } from '../../components/useSiteZone';

/** Rooms, desks and shared resources: what members can book, with their capacity and rules. */
export function BookablesPage() {
  const list = useApi('bookables.list', { includeRetired: true });
  const retire = useApiMutation('bookables.retire');
  const restore = useApiMutation('bookables.restore');
  const rows = list.data ?? [];
  // The week around today at the site, not on this computer's clock.
  const [openedAt] = useState(() => Date.now());
  const today = zonedParts(openedAt, useSiteZone()).date;
  return (
    <section className="page" aria-labelledby="bookables-title">
      <header className="page-header">
        <h1 id="bookables-title">Bookables</h1>
        <div className="actions">
          <Link href="/bookables/new" className="button button-primary">
            New bookable
          </Link>
        </div>
      </header>
      {rows.length === 0 && list.data ? (
        <div className="empty-state">
          <h2>No rooms, desks or equipment yet</h2>
          <p>Add what members can book: meeting rooms with their seats and features, hot-desk zones, shared equipment.</p>
        </div>
      ) : null}
      {rows.length > 0 ? (
        <SimpleTable
          label="Bookables"
          rows={rows}
          rowKey={(b) => b.id}
          rowClassName={(b) => (b.retiredAt ? 'row-archived' : undefined)}
          columns={[
            {
              header: 'Name',
              cell: (b) => (
                <>
                  <Link href={`/bookables/${b.id}/edit`} className="row-link">
                    {b.name}
                  </Link>
                  {b.ownerName ? <div className="muted small">shared by {b.ownerName}</div> : null}
                  {b.retiredAt ? <div className="muted small">retired</div> : null}
                </>
              ),
            },
            { header: 'Kind', cell: (b) => b.kind },
            { header: 'Capacity', cell: (b) => b.capacity },
            {
              header: 'Features',
              cell: (b) => (
                <span className="tag-line">
                  {b.features.map((f) => (
                    <span key={f} className="chip chip-offers">
                      {f}
                    </span>
                  ))}
                </span>
              ),
            },
            { header: 'Rate / hour', cell: (b) => (b.hourlyRate ? formatMoney(b.hourlyRate, b.currency) : '—') },
            {
              header: 'Own rules',
              className: 'small',
              cell: (b) => (Object.keys(b.overrides).length ? Object.keys(b.overrides).join(', ') : <span className="muted">site defaults</span>),
            },
            {
              header: '',
              className: 'actions',
              cell: (b) => (
                <>
                  <Link href={`/bookables/${b.id}/week/${today}`}>Week</Link>
                  {b.retiredAt ? (
                    <button type="button" onClick={() => restore.mutate({ id: b.id })}>
                      Restore
                    </button>
                  ) : (
                    <button type="button" onClick={() => retire.mutate({ id: b.id })}>
                      Retire
                    </button>
                  )}
                </>
              ),
            },
          ]}
        />
      ) : null}
    </section>
  );
}
