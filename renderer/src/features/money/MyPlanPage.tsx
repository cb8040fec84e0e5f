import { useApi } from '../../api/hooks';
import { formatDate, formatMonthYear } from '../../components/format';
import { AccountSummary } from './AccountParts';
import { includes, money } from './moneyUi';
import { StatementTable } from './StatementView';

/** A member's own plan: what it includes, this month's price beside their share of the co-op's real costs, and their history. */
export function MyPlanPage() {
  const mine = useApi('money.memberPlan', {}).data;
  const plans = useApi('money.plans', {}).data ?? [];
  const account = useApi('money.account', {}).data;
  const soFar = useApi('money.statement', { memberId: mine?.memberId ?? '', month: mine?.month.month ?? '' }, { enabled: !!mine }).data;
  if (!mine) return null;
  const c = mine.currency;
  return (
    <section className="page money" aria-labelledby="my-plan-title">
      <header className="page-header">
        <div>
          <h1 id="my-plan-title">My plan</h1>
          <p className="subtitle">The co-op is run at cost: what you pay beside your share of what the premises really cost.</p>
        </div>
      </header>
      {mine.current ? (
        <section className="card" aria-label="Your plan">
          <h2>
            {mine.current.plan.name}
            {mine.current.state === 'paused' ? ' (paused)' : ''}
          </h2>
          <p>
            {mine.current.priceMinor === 0 ? 'Free' : `${money(mine.current.priceMinor, c)} a month`} · {includes(mine.current)} · since{' '}
            {formatDate(mine.current.startsOn)}
          </p>
        </section>
      ) : (
        <p className="notice">You are not on a plan: the desk puts you on one.</p>
      )}
      <p className="figure" role="status" aria-label="This month">
        {formatMonthYear(`${mine.month.month}-01`)}: you pay {money(mine.month.pays, c)}; your share of the premises’ real costs is {money(mine.month.share, c)}
        .
      </p>
      {soFar && soFar.lines.length > 0 ? (
        <>
          <h2>{formatMonthYear(`${mine.month.month}-01`)} so far</h2>
          <StatementTable s={soFar} />
        </>
      ) : null}
      {account ? (
        <>
          <h2>Your statements and payments</h2>
          <AccountSummary account={account} />
        </>
      ) : null}
      {mine.history.length > 0 ? (
        <>
          <h2>Your plans</h2>
          <ul className="plain-list" aria-label="Your plans">
            {mine.history.map((p) => (
              <li key={p.id}>
                {p.plan.name}
                {p.state === 'paused' ? ' (paused)' : ''}: {formatDate(p.startsOn)} – {p.endsOn ? formatDate(p.endsOn) : 'now'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Plans on offer</h2>
      <ul className="plain-list" aria-label="Plans on offer">
        {plans.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>: {p.priceMinor === 0 ? 'free' : `${money(p.priceMinor, c)} a month`}, {includes(p)}
          </li>
        ))}
      </ul>
    </section>
  );
}
