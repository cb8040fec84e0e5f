import { Link } from 'wouter';
import { useApi } from '../../api/hooks';
import { SimpleTable } from '../../components/SimpleTable';
import { money, MoneyPage } from './moneyUi';

/** Who owes the co-op (statements less payments), most first; then who is in credit. Payments are recorded on a member’s page. */
export function OwingPage() {
  const data = useApi('money.owing', {}).data;
  const c = data?.currency ?? 'EUR';
  const rows = data?.balances ?? [];
  const owed = rows.filter((b) => b.owes > 0).reduce((n, b) => n + b.owes, 0);
  return (
    <MoneyPage title="Who owes" subtitle="Statements issued less payments recorded. Record a payment on the member’s page.">
      <p className="figure" role="status" aria-label="Owed to the co-op">
        {rows.filter((b) => b.owes > 0).length} members owe {money(owed, c)}
      </p>
      {rows.length === 0 ? <p className="muted">Everyone is paid up.</p> : null}
      <SimpleTable
        label="Balances"
        className="data-table"
        columns={[
          { header: 'Member', cell: (b) => <Link href={`/members/${b.member.id}`}>{b.member.name}</Link> },
          { header: 'Billed', cell: (b) => money(b.billed, c), className: 'num' },
          { header: 'Paid', cell: (b) => money(b.paid, c), className: 'num' },
          { header: 'Owes', cell: (b) => (b.owes >= 0 ? money(b.owes, c) : `in credit ${money(-b.owes, c)}`), className: 'num' },
        ]}
        rows={rows}
        rowKey={(b) => b.member.id}
      />
    </MoneyPage>
  );
}
