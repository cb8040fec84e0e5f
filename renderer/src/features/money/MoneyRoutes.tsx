import { Route, Switch } from 'wouter';
import { useViewer } from '../auth';
import { CostsPage } from './CostsPage';
import { MyPlanPage } from './MyPlanPage';
import { PlansPage } from './PlansPage';
import './money.css';

/** Money's screens under /money: the manager's plans and costs; a member's own plan at the kiosk and on the portal. */
export function MoneyRoutes() {
  const viewer = useViewer();
  if (!viewer.ready) return null;
  if (!viewer.staff) return <MyPlanPage />;
  return (
    <Switch>
      <Route path="/money/costs/:month">{(p) => <CostsPage month={p.month} />}</Route>
      <Route path="/money/costs">{() => <CostsPage month={null} />}</Route>
      <Route>{() => <PlansPage />}</Route>
    </Switch>
  );
}
