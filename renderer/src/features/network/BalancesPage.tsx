import { useState } from 'react';
import { formatMinutes } from '@shared/domain/network';
import { useApi } from '../../api/hooks';
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
      <table className="table balances-table">
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col" className="num">
              Referrals given
            </th>
            <th scope="col" className="num">
              received
            </th>
            <th scope="col" className="num">
              Value given
            </th>
            <th scope="col" className="num">
              received
            </th>
            <th scope="col" className="num">
              Sold inside
            </th>
            <th scope="col" className="num">
              Bought inside
            </th>
            <th scope="col" className="num">
              Hours balance
            </th>
          </tr>
        </thead>
        <tbody>
          {balances.data?.rows.map((b) => (
            <tr key={b.member.id}>
              <th scope="row">{b.member.name}</th>
              <td className="num">{b.referralsGiven}</td>
              <td className="num">{b.referralsReceived}</td>
              <td className="num">{amount(b.valueGiven, currency)}</td>
              <td className="num">{amount(b.valueReceived, currency)}</td>
              <td className="num">{amount(b.sold, currency)}</td>
              <td className="num">{amount(b.bought, currency)}</td>
              <td className={b.outsideLimits ? 'num warning' : 'num'}>
                {formatMinutes(b.hoursBalance)}
                {b.outsideLimits ? ' ⚑' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </NetworkPage>
  );
}
