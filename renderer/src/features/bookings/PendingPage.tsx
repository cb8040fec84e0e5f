import { Link } from 'wouter';
import { SimpleTable } from '../../components/SimpleTable';
import { useApi, useApiMutation } from '../../api/hooks';
import { whoOf } from './time';
import { formatDate } from '../../components/format';

/** Bookings waiting for a manager's approval: approve or decline each. */
export function PendingPage() {
  const pending = useApi('bookings.pending', {});
  const approve = useApiMutation('bookings.approve');
  const decline = useApiMutation('bookings.decline');
  const rows = pending.data ?? [];
  return (
    <section className="page" aria-labelledby="pending-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/bookings">Bookings</Link> / <span>Waiting for approval</span>
      </nav>
      <h1 id="pending-title">Waiting for approval</h1>
      {rows.length === 0 ? <p className="muted">Nothing is waiting. Bookables that need approval are set on the Bookables screen.</p> : null}
      {rows.length > 0 ? (
        <SimpleTable
          label="Bookings waiting for approval"
          rows={rows}
          rowKey={(b) => b.id}
          columns={[
            { header: 'When', cell: (b) => `${formatDate(b.localDate)} ${b.localStart}–${b.localEnd}` },
            { header: 'What', cell: (b) => b.bookableName },
            { header: 'For', cell: (b) => whoOf(b) },
            { header: 'Title', cell: (b) => b.title },
            {
              header: '',
              className: 'actions',
              cell: (b) => (
                <>
                  <button type="button" className="button-primary" onClick={() => approve.mutate({ id: b.id })}>
                    Approve
                  </button>
                  <button type="button" onClick={() => decline.mutate({ id: b.id })}>
                    Decline
                  </button>
                </>
              ),
            },
          ]}
        />
      ) : null}
      {approve.error || decline.error ? <p className="form-error">{(approve.error ?? decline.error)?.message}</p> : null}
    </section>
  );
}
