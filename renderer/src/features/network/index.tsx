import { lazyPage, type UiFeature } from '../../feature';

const NetworkRoutes = lazyPage(() => import('./NetworkRoutes'), 'NetworkRoutes');
const MemberNetwork = lazyPage(() => import('./MemberNetwork'), 'MemberNetwork');
const NetworkWaiting = lazyPage(() => import('./MemberNetwork'), 'NetworkWaiting');

const routes = [{ path: '/network/*?', render: () => <NetworkRoutes />, page: NetworkRoutes }];
const nav = { href: '/network', label: 'Network', match: '/network/*?' };

/** The business network: matches, the marketplace, introductions, referrals, trade, hours, gaps, tags. */
export const networkUi: UiFeature = {
  name: 'network',
  nav,
  routes,
  palette: {
    actions: [
      { id: 'a-network', group: 'Action', label: 'Business network: matches', go: '/network' },
      { id: 'a-market', group: 'Action', label: 'Marketplace of offers and needs', go: '/network/market' },
      { id: 'a-referral', group: 'Action', label: 'Pass a referral', go: '/network/referrals' },
      { id: 'a-hours', group: 'Action', label: 'Record hours exchanged', go: '/network/hours' },
      { id: 'a-gaps', group: 'Action', label: 'Gaps in the local economy', go: '/network/gaps' },
    ],
  },
  kiosk: { routes, nav },
  portal: { routes, nav },
  slots: { memberPage: [MemberNetwork], kioskHome: [NetworkWaiting], portalHome: [NetworkWaiting] },
};
