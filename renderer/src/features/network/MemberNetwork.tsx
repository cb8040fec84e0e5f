import { Link } from 'wouter';
import { formatMinutes } from '@shared/domain/network';
import { useApi } from '../../api/hooks';
import { amount } from './networkUi';

/** On a member's page at the desk: their network in one line each, with where to see more. */
export function MemberNetwork({ memberId }: { memberId: string }) {
  const balance = useApi('network.balances', { memberId });
  const report = useApi('network.tradeReport', { months: 1 });
  const b = balance.data?.rows[0];
  const currency = report.data?.currency ?? 'EUR';
  if (!b) return null;
  return (
    <section className="card" aria-labelledby="member-network-title">
      <h2 id="member-network-title">Business network</h2>
      <dl className="facts">
        <dt>Referrals</dt>
        <dd>
          gave {b.referralsGiven} ({amount(b.valueGiven, currency)} won), received {b.referralsReceived} ({amount(b.valueReceived, currency)})
        </dd>
        <dt>Trade inside</dt>
        <dd>
          sold {amount(b.sold, currency)}, bought {amount(b.bought, currency)}
        </dd>
        <dt>Hours</dt>
        <dd className={b.outsideLimits ? 'warning' : undefined}>
          {formatMinutes(b.hoursBalance)} (gave {formatMinutes(b.minutesGiven)}, received {formatMinutes(b.minutesReceived)})
        </dd>
      </dl>
      <Link href="/network">Matches, referrals and hours</Link>
    </section>
  );
}

/** On a member's home (kiosk, portal): hours waiting for their confirmation and referrals waiting for their move. */
export function NetworkWaiting() {
  const exchanges = useApi('network.exchanges', {});
  const referrals = useApi('network.referrals', { status: 'open' });
  const toConfirm = (exchanges.data ?? []).filter((x) => x.mayAnswer);
  const toMove = (referrals.data ?? []).filter((r) => r.mayMove);
  if (toConfirm.length === 0 && toMove.length === 0) return null;
  return (
    <section className="card" aria-labelledby="network-waiting-title">
      <h2 id="network-waiting-title">Waiting for you</h2>
      <ul className="result-list">
        {toConfirm.map((x) => (
          <li key={x.id}>
            <Link href="/network/hours">
              Confirm {formatMinutes(x.minutes)} from {x.giver.name}: {x.what}
            </Link>
          </li>
        ))}
        {toMove.map((r) => (
          <li key={r.id}>
            <Link href="/network/referrals">
              Referral from {r.giver.name}: {r.lead}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
