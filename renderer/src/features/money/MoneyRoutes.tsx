import { Route, Switch } from 'wouter';
import { useViewer } from '../auth';
import { CostsPage } from './CostsPage';
import { MyPlanPage } from './MyPlanPage';
import { OwingPage } from './OwingPage';
import { PlansPage } from './PlansPage';
import { StatementPage } from './StatementView';
import { StatementsPage } from './StatementsPage';
import './money.css';

/** Money's screens under /money: the manager's plans, costs, statements and who owes; a member's own plan and statements at the kiosk and on the portal. */
export function MoneyRoutes() {
  const viewer = useViewer();
  if (!viewer.ready) return null;
  const statement = <Route path="/money/statement/:id">{(p) => <StatementPage id={p.id} />}</Route>;
  if (!viewer.staff)
    return (
      <Switch>
        {statement}
        <Route>{() => <MyPlanPage />}</Route>
      </Switch>
    );
  return (
    <Switch>
      {statement}
      <Route path="/money/statements/:month">{(p) => <StatementsPage month={p.month} />}</Route>
      <Route path="/money/statements">{() => <StatementsPage month={null} />}</Route>
      <Route path="/money/owing">{() => <OwingPage />}</Route>
      <Route path="/money/costs/:month">{(p) => <CostsPage month={p.month} />}</Route>
      <Route path="/money/costs">{() => <CostsPage month={null} />}</Route>
      <Route>{() => <PlansPage />}</Route>
    </Switch>
  );
}
