import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { BalancesPage } from './BalancesPage';
import { GapsPage } from './GapsPage';
import { HoursPage } from './HoursPage';
import { IntroductionsPage } from './IntroductionsPage';
import { MarketplacePage } from './MarketplacePage';
import { MatchesPage } from './MatchesPage';
import { ReferralsPage } from './ReferralsPage';
import { TagsPage } from './TagsPage';
import './network.css';

// The chart library is large: it loads when someone opens the trade report.
const TradePage = lazy(() => import('./TradePage').then((m) => ({ default: m.TradePage })));

/** The business network's screens under /network: at the desk, at the kiosk and on the portal. */
export function NetworkRoutes() {
  return (
    <Switch>
      <Route path="/network/market">{() => <MarketplacePage />}</Route>
      <Route path="/network/introductions">{() => <IntroductionsPage />}</Route>
      <Route path="/network/referrals">{() => <ReferralsPage />}</Route>
      <Route path="/network/trade">
        {() => (
          <Suspense fallback={<progress aria-label="Loading the trade report" />}>
            <TradePage />
          </Suspense>
        )}
      </Route>
      <Route path="/network/hours">{() => <HoursPage />}</Route>
      <Route path="/network/gaps">{() => <GapsPage />}</Route>
      <Route path="/network/balances">{() => <BalancesPage />}</Route>
      <Route path="/network/tags">{() => <TagsPage />}</Route>
      <Route>{() => <MatchesPage />}</Route>
    </Switch>
  );
}
