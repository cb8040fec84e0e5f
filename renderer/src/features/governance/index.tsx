import { lazyPage, type UiFeature } from '../../feature';

const GovernanceRoutes = lazyPage(() => import('./GovernanceRoutes'), 'GovernanceRoutes');
const VotesWaiting = lazyPage(() => import('./GovernanceParts'), 'VotesWaiting');
const GovernanceSettings = lazyPage(() => import('./GovernanceParts'), 'GovernanceSettings');

const routes = [{ path: '/governance/*?', render: () => <GovernanceRoutes />, page: GovernanceRoutes }];
const nav = { href: '/governance', label: 'Votes', match: '/governance/*?' };

/** Governance: proposals, ballots and proxies, the decision register and the co-op's rules. */
export const governanceUi: UiFeature = {
  name: 'governance',
  nav: { ...nav, label: 'Governance' },
  routes,
  palette: {
    actions: [
      { id: 'a-proposals', group: 'Action', label: 'Proposals and votes', go: '/governance' },
      { id: 'a-register', group: 'Action', label: 'Decision register', go: '/governance/register' },
      { id: 'a-rules', group: 'Action', label: 'The co-op’s rules', go: '/governance/rules' },
    ],
  },
  kiosk: { routes, nav },
  portal: { routes, nav },
  slots: {
    kioskHome: [VotesWaiting],
    portalHome: [VotesWaiting],
    settings: [{ id: 'governance', title: 'Voting rules', Part: GovernanceSettings }],
  },
};
