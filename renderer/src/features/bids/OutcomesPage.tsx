import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '@shared/domain/money';
import { Link } from 'wouter';
import { STAGE_LABELS } from '@shared/domain/bids';
import { useApi } from '../../api/hooks';

const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)} %`);

/** What bidding together has brought: the co-op's figures, the pipeline by stage and value, each member's part. */
export function OutcomesPage() {
  const outcomes = useApi('bids.outcomes', {});
  const o = outcomes.data;
  if (outcomes.error) return <p className="form-error">{outcomes.error.message}</p>;
  if (!o) return null;
  const money = (minor: number) => formatMoney(minor, o.currency);
  const pipeline = o.pipeline.map((p) => ({ stage: STAGE_LABELS[p.stage], count: p.count, valueMinor: p.value }));
  return (
    <section className="page" aria-labelledby="outcomes-title">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/bids">Joint bids</Link> / <span>Outcomes</span>
      </nav>
      <h1 id="outcomes-title">Outcomes of joint bids</h1>
      <dl className="stat-tiles" aria-label="The co-op's figures">
        {(
          [
            ['Bids', o.coop.bids],
            ['Submitted', o.coop.submitted],
            ['Won', o.coop.won],
            ['Lost', o.coop.lost],
            ['Win rate', rate(o.coop.winRate)],
            ['Value won', money(o.coop.valueWon)],
          ] as const
        ).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {o.otherCurrencies > 0 ? <p className="muted small">{o.otherCurrencies} bid(s) in another currency are counted but not added into the values.</p> : null}
      <div className="card" role="figure" aria-label={`Pipeline by stage: ${o.pipeline.map((p) => `${STAGE_LABELS[p.stage]} ${p.count}`).join(', ')}`}>
        <h2>Bids by stage</h2>
        <p className="muted small">
          One axis, the number of bids; each bar's value ({o.currency}) is in its tooltip. “Won” above also counts the bids now being delivered or completed.
        </p>
        <div className="chart">
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={pipeline} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="stage" tick={{ fontSize: 11 }} interval={0} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={30} />
              <Tooltip formatter={(count, _name, item) => [`${count} (${money((item.payload as { valueMinor: number }).valueMinor)})`, 'bids']} />
              <Bar dataKey="count" name="bids" fill="#0f766e" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
      <table className="data-table compact" aria-label="Outcomes per member">
        <thead>
          <tr>
            <th style={{ width: '24%' }}>Member</th>
            <th className="num">Bids joined</th>
            <th className="num">Won</th>
            <th className="num">Lost</th>
            <th className="num">Win rate</th>
            <th className="num">Value won</th>
            <th className="num">Revenue share earned</th>
          </tr>
        </thead>
        <tbody>
          {o.members.length === 0 ? (
            <tr>
              <td colSpan={7} className="empty-row">
                Nobody has joined a bid yet.
              </td>
            </tr>
          ) : null}
          {o.members.map((m) => (
            <tr key={m.memberId}>
              <td>{m.name}</td>
              <td className="num">{m.joined}</td>
              <td className="num">{m.won}</td>
              <td className="num">{m.lost}</td>
              <td className="num">{rate(m.winRate)}</td>
              <td className="num">{money(m.valueWon)}</td>
              <td className="num">{money(m.revenueEarned)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
