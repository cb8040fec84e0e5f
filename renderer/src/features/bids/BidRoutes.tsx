import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { BidDetail } from './BidDetail';
import { BidForm } from './BidForm';
import { BidsPage } from './BidsPage';

// The chart library is large: it loads when someone opens the outcomes.
const OutcomesPage = lazy(() => import('./OutcomesPage').then((m) => ({ default: m.OutcomesPage })));

/** The joint-bid screens under /bids, for the manager and for a member who identified at the kiosk. */
export function BidRoutes() {
  return (
    <Switch>
      <Route path="/bids/new">{() => <BidForm />}</Route>
      <Route path="/bids/outcomes">
        {() => (
          <Suspense fallback={<progress aria-label="Loading the outcomes" />}>
            <OutcomesPage />
          </Suspense>
        )}
      </Route>
      <Route path="/bids/:id/edit">{(p) => <BidForm key={p.id} id={p.id} />}</Route>
      <Route path="/bids/:id">{(p) => <BidDetail key={p.id} id={p.id} />}</Route>
      <Route>{() => <BidsPage />}</Route>
    </Switch>
  );
}
