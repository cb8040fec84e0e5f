import { lazyPage, type UiFeature } from '../../feature';

const SupportRoutes = lazyPage(() => import('./SupportRoutes'), 'SupportRoutes');
const HelpToday = lazyPage(() => import('./SupportParts'), 'HelpToday');
const HelpForYou = lazyPage(() => import('./SupportParts'), 'HelpForYou');
const MemberSupport = lazyPage(() => import('./SupportParts'), 'MemberSupport');
const SupportSettings = lazyPage(() => import('./SupportSettings'), 'SupportSettings');

const routes = [{ path: '/support/*?', render: () => <SupportRoutes />, page: SupportRoutes }];
const nav = { href: '/support', label: 'Help', match: '/support/*?' };

/** Mutual support: the help board, mentoring and commitments. */
export const supportUi: UiFeature = {
  name: 'support',
  nav: { ...nav, label: 'Mutual support' },
  routes,
  palette: {
    actions: [
      { id: 'a-help', group: 'Action', label: 'Ask for help (help board)', go: '/support' },
      { id: 'a-mentoring', group: 'Action', label: 'Mentoring', go: '/support/mentoring' },
      { id: 'a-commitments', group: 'Action', label: 'Commitments', go: '/support/commitments' },
    ],
  },
  kiosk: { routes, nav },
  portal: { routes, nav },
  slots: {
    today: [HelpToday],
    memberPage: [MemberSupport],
    kioskHome: [HelpForYou],
    portalHome: [HelpForYou],
    settings: [{ id: 'support', title: 'Mutual support', Part: SupportSettings }],
  },
};
