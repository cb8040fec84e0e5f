import { lazyPage, type UiFeature } from '../../feature';

const EventsRoutes = lazyPage(() => import('./EventsRoutes'), 'EventsRoutes');
const EventsSoon = lazyPage(() => import('./EventsSoon'), 'EventsSoon');

const routes = [{ path: '/events/*?', render: () => <EventsRoutes />, page: EventsRoutes }];
const nav = { href: '/events', label: 'Events', match: '/events/*?' };

/** Events: breakfasts, Stammtisch, seminars, trainings and fairs, with replies, a waitlist and the door. */
export const eventsUi: UiFeature = {
  name: 'events',
  nav,
  routes,
  palette: { actions: [{ id: 'a-events', group: 'Action', label: 'Events', go: '/events' }] },
  kiosk: { routes, nav },
  portal: { routes, nav },
  slots: { today: [EventsSoon], kioskHome: [EventsSoon], portalHome: [EventsSoon] },
};

/** An event in another feature's list (a community's sessions). */
export { EventCard } from './EventCard';
