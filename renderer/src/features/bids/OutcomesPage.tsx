import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { majorUnits, parseMoney } from '@shared/domain/money';
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
  const compact = (major: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency: o.currency, notation: 'compact' }).format(major);
  const pipeline = o.pipeline.map((p) => ({ stage: STAGE_LABELS[p.stage], count: p.count, value: majorUnits(p.value) }));
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
        <h2>Pipeline by stage and value ({o.currency})</h2>
        <div className="chart">
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={pipeline} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="stage" tick={{ fontSize: 11 }} interval={0} />
              <YAxis yAxisId="value" tick={{ fontSize: 11 }} width={70} tickFormatter={(v: number) => compact(v)} />
              <YAxis yAxisId="count" orientation="right" allowDecimals={false} tick={{ fontSize: 11 }} width={30} />
              <Tooltip formatter={(v, name) => (name === 'value' ? money(parseMoney(String(v))) : v)} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar yAxisId="value" dataKey="value" name="value" fill="#0f766e" isAnimationActive={false} />
              <Bar yAxisId="count" dataKey="count" name="bids" fill="#93c5fd" isAnimationActive={false} />
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
