import { useState } from 'react';
import { useApi } from '../../api/hooks';
import { SimpleTable } from '../../components/SimpleTable';
import { useDebounced } from '../../components/useDebounced';
import { NetworkPage, names } from './networkUi';

const PAGE = 40;

/** Every need with its suppliers and every offer with its customers, where both meet first; filter by tag. */
export function MarketplacePage() {
  const [text, setText] = useState('');
  const [shown, setShown] = useState(PAGE);
  const q = useDebounced(text, 150);
  const market = useApi('network.marketplace', { q, limit: shown });
  const rows = market.data?.rows ?? [];
  return (
    <NetworkPage title="Marketplace" subtitle="Every need with the members who offer it, every offer with those who need it.">
      <div className="toolbar" role="search">
        <div className="filter">
          <label htmlFor="market-tag">Tag</label>
          <input id="market-tag" type="search" placeholder="web design, bookkeeping…" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <p className="muted small" role="status">
          {market.data ? `${market.data.total} tags` : ''}
        </p>
      </div>
      <SimpleTable
        label="Marketplace"
        rows={rows}
        rowKey={(r) => r.tag}
        rowClassName={(r) => (r.needers.length && r.offerers.length ? 'market-meets' : undefined)}
        columns={[
          { header: 'Tag', cell: (r) => <strong>{r.tag}</strong> },
          { header: 'Needed by', cell: (r) => (r.needers.length ? names(r.needers, r.needCount) : <span className="muted">nobody yet</span>) },
          { header: 'Offered by', cell: (r) => (r.offerers.length ? names(r.offerers, r.offerCount) : <span className="muted">nobody yet</span>) },
        ]}
      />
      {market.data && market.data.total > rows.length ? (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show more tags
        </button>
      ) : null}
    </NetworkPage>
  );
}
