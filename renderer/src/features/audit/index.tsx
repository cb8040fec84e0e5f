import { lazyPage, type UiFeature } from '../../feature';

const AuditPage = lazyPage(() => import('./AuditPage'), 'AuditPage');

export const auditUi: UiFeature = {
  name: 'audit',
  nav: { href: '/audit', label: 'Audit log', match: '/audit', managerOnly: true },
  routes: [{ path: '/audit', render: () => <AuditPage />, page: AuditPage }],
  palette: { actions: [{ id: 'a-audit', group: 'Action', label: 'Audit log', go: '/audit' }] },
};
