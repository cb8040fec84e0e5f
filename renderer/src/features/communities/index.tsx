import { lazyPage, type UiFeature } from '../../feature';

const CommunitiesRoutes = lazyPage(() => import('./CommunitiesRoutes'), 'CommunitiesRoutes');

const routes = [{ path: '/communities/*?', render: () => <CommunitiesRoutes />, page: CommunitiesRoutes }];
const nav = { href: '/communities', label: 'Communities', match: '/communities/*?' };

/** Communities of practice: groups with a topic, facilitators, sessions and a library; peer training. */
export const communitiesUi: UiFeature = {
  name: 'communities',
  nav,
  routes,
  palette: { actions: [{ id: 'a-communities', group: 'Action', label: 'Communities of practice', go: '/communities' }] },
  kiosk: { routes, nav },
  portal: { routes, nav },
};
