import { Route, Switch } from 'wouter';
import { CommunitiesPage } from './CommunitiesPage';
import { CommunityPage } from './CommunityPage';

/** Communities' screens under /communities: at the desk, at the kiosk and on the portal. */
export function CommunitiesRoutes() {
  return (
    <Switch>
      <Route path="/communities/:id">{(p) => <CommunityPage id={p.id} />}</Route>
      <Route>{() => <CommunitiesPage />}</Route>
    </Switch>
  );
}
