import { useApi } from '../../api/hooks';
import { NetworkPage } from './networkUi';

/** The local economy's gaps: needs no member offers (the next recruitment's list) and offers nobody needs. */
export function GapsPage() {
  const gaps = useApi('network.gaps', {});
  const g = gaps.data;
  return (
    <NetworkPage title="Gaps in the local economy" subtitle="What members need that nobody in the co-op offers: the list for the next recruitment or fair.">
      <div className="split-columns">
        <section className="card" aria-labelledby="unmet-title">
          <h2 id="unmet-title">Needed, not offered</h2>
          <ol className="gap-list">
            {g?.unmetNeeds.map((n) => (
              <li key={n.tag}>
                <span>{n.tag}</span> <span className="muted small">{n.members === 1 ? '1 member needs it' : `${n.members} members need it`}</span>
              </li>
            ))}
          </ol>
          {g && g.unmetNeeds.length === 0 ? <p className="muted">Every need has a supplier in the co-op.</p> : null}
        </section>
        <section className="card" aria-labelledby="unneeded-title">
          <h2 id="unneeded-title">Offered, not needed</h2>
          <ol className="gap-list">
            {g?.unneededOffers.map((n) => (
              <li key={n.tag}>
                <span>{n.tag}</span> <span className="muted small">{n.members === 1 ? '1 member offers it' : `${n.members} members offer it`}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </NetworkPage>
  );
}
