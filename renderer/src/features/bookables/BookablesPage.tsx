import { Link } from 'wouter';
import { formatMoney } from '../../../../shared/domain/money';
import { useApi, useApiMutation } from '../../api/hooks';

/** Rooms, desks and shared resources: what members can book, with their capacity and rules. */
export function BookablesPage() {
  const list = useApi('bookables.list', { includeRetired: true });
  const retire = useApiMutation('bookables.retire');
  const restore = useApiMutation('bookables.restore');
  const rows = list.data ?? [];
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
        <table className="data-table compact" aria-label="Bookables">
          <thead>
            <tr>
              <th>Name</th>
              <th>Kind</th>
              <th>Capacity</th>
              <th>Features</th>
              <th>Rate / hour</th>
              <th>Own rules</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.id} className={b.retiredAt ? 'row-archived' : undefined}>
                <td>
                  <Link href={`/bookables/${b.id}/edit`} className="row-link">
                    {b.name}
                  </Link>
                  {b.ownerName ? <div className="muted small">shared by {b.ownerName}</div> : null}
                  {b.retiredAt ? <div className="muted small">retired</div> : null}
                </td>
                <td>{b.kind}</td>
                <td>{b.capacity}</td>
                <td>
                  <span className="tag-line">
                    {b.features.map((f) => (
                      <span key={f} className="chip chip-offers">
                        {f}
                      </span>
                    ))}
                  </span>
                </td>
                <td>{b.hourlyRate ? formatMoney(b.hourlyRate, b.currency) : '—'}</td>
                <td className="small">{Object.keys(b.overrides).length ? Object.keys(b.overrides).join(', ') : <span className="muted">site defaults</span>}</td>
                <td className="actions">
                  <Link href={`/bookables/${b.id}/week/${new Date().toISOString().slice(0, 10)}`}>Week</Link>
                  {b.retiredAt ? (
                    <button type="button" onClick={() => restore.mutate({ id: b.id })}>
                      Restore
                    </button>
                  ) : (
                    <button type="button" onClick={() => retire.mutate({ id: b.id })}>
                      Retire
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
