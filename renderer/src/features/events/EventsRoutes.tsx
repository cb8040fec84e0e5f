import { Route, Switch } from 'wouter';
import { EventPage } from './EventPage';
import { EventsPage } from './EventsPage';

/** Events' screens under /events: at the desk, at the kiosk and on the portal. */
export function EventsRoutes() {
  return (
    <Switch>
      <Route path="/events/:id">{(p) => <EventPage id={p.id} />}</Route>
      <Route>{() => <EventsPage />}</Route>
    </Switch>
  );
}
