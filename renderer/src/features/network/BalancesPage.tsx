import { useState } from 'react';
import { formatMinutes } from '@shared/domain/network';
import { useApi } from '../../api/hooks';
import { SimpleTable } from '../../components/SimpleTable';
import { useDebounced } from '../../components/useDebounced';
import { amount, NetworkPage } from './networkUi';

const PAGE = 100;

/** Every member's balances, derived from the ledger's movements; amounts of money for the manager only. */
export function BalancesPage() {
  const [text, setText] = useState('');
  const [offset, setOffset] = useState(0);
  const q = useDebounced(text, 150);
  const balances = useApi('network.balances', { q, limit: PAGE, offset });
  const report = useApi('network.tradeReport', { months: 1 });
  const currency = report.data?.currency ?? 'EUR';
  const total = balances.data?.total ?? 0;
  return (
    <NetworkPage title="Balances" subtitle="Referrals, business and hours given and received by each member: sums of the ledger, never typed in.">
      <div className="toolbar" role="search">
        <div className="filter">
          <label htmlFor="balance-search">Member</label>
          <input
            id="balance-search"
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOffset(0);
            }}
          />
        </div>
        <p className="muted small" role="status">
          {balances.data ? `${offset + 1}–${Math.min(offset + PAGE, total)} of ${total}` : ''}
        </p>
        <button type="button" disabled={offset === 0} onClick={() => setOffset((o) => Math.max(0, o - PAGE))}>
          Previous
        </button>
        <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset((o) => o + PAGE)}>
          Next
        </button>
      </div>
      <SimpleTable
        label="Balances"
        rows={balances.data?.rows ?? []}
        rowKey={(b) => b.member.id}
        rowClassName={(b) => (b.outsideLimits ? 'warning' : undefined)}
        columns={[
          { header: 'Member', cell: (b) => b.member.name },
          { header: 'Referrals given', cell: (b) => b.referralsGiven, className: 'num' },
          { header: 'received', cell: (b) => b.referralsReceived, className: 'num' },
          { header: 'Value given', cell: (b) => amount(b.valueGiven, currency), className: 'num' },
          { header: 'received', cell: (b) => amount(b.valueReceived, currency), className: 'num' },
          { header: 'Sold inside', cell: (b) => amount(b.sold, currency), className: 'num' },
          { header: 'Bought inside', cell: (b) => amount(b.bought, currency), className: 'num' },
          { header: 'Hours balance', cell: (b) => `${formatMinutes(b.hoursBalance)}${b.outsideLimits ? ' · beyond the limit' : ''}`, className: 'num' },
        ]}
      />
    </NetworkPage>
  );
}
