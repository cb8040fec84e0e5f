import { lazyPage, type UiFeature } from '../../feature';

const MoneyRoutes = lazyPage(() => import('./MoneyRoutes'), 'MoneyRoutes');
const MemberPlanPart = lazyPage(() => import('./MemberPlanPart'), 'MemberPlanPart');
const MemberAccountPart = lazyPage(() => import('./AccountParts'), 'MemberAccountPart');

const routes = [{ path: '/money/*?', render: () => <MoneyRoutes />, page: MoneyRoutes }];
const memberNav = { href: '/money', label: 'My plan', match: '/money/*?' };

/** Money at cost: plans with credits, members' plans over time, statements and payments, the co-op's real costs shared among members. */
export const moneyUi: UiFeature = {
  name: 'money',
  nav: { href: '/money', label: 'Plans and costs', match: '/money/*?', managerOnly: true },
  routes,
  palette: {
    actions: [
      { id: 'a-plans', group: 'Action', label: 'Plans', go: '/money' },
      { id: 'a-costs', group: 'Action', label: 'Costs shared at cost', go: '/money/costs' },
      { id: 'a-statements', group: 'Action', label: 'Statements: close a month', go: '/money/statements' },
      { id: 'a-owing', group: 'Action', label: 'Who owes (balances)', go: '/money/owing' },
    ],
  },
  kiosk: { routes, nav: memberNav },
  portal: { routes, nav: memberNav },
  slots: { memberPage: [MemberPlanPart, MemberAccountPart] },
};
