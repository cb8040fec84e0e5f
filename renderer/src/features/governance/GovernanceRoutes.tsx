import { Route, Switch } from 'wouter';
import { ProposalPage } from './ProposalPage';
import { ProposalsPage } from './ProposalsPage';
import { ProxiesPage, RegisterPage, RulesPage } from './RecordPages';
import './governance.css';

/** Governance's screens under /governance: at the desk, at the kiosk and on the portal. */
export function GovernanceRoutes() {
  return (
    <Switch>
      <Route path="/governance/register">{() => <RegisterPage />}</Route>
      <Route path="/governance/rules">{() => <RulesPage />}</Route>
      <Route path="/governance/proxies">{() => <ProxiesPage />}</Route>
      <Route path="/governance/:id">{(p) => <ProposalPage id={p.id} />}</Route>
      <Route>{() => <ProposalsPage />}</Route>
    </Switch>
  );
}
