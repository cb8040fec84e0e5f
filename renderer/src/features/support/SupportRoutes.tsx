import { Route, Switch } from 'wouter';
import { CommitmentsPage } from './CommitmentsPage';
import { HelpBoardPage } from './HelpBoardPage';
import { MentoringPage } from './MentoringPage';
import './support.css';

/** Mutual support's screens under /support: at the desk, at the kiosk and on the portal. */
export function SupportRoutes() {
  return (
    <Switch>
      <Route path="/support/mentoring">{() => <MentoringPage />}</Route>
      <Route path="/support/commitments">{() => <CommitmentsPage />}</Route>
      <Route>{() => <HelpBoardPage />}</Route>
    </Switch>
  );
}
