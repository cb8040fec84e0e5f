import type { UiFeature } from '../../feature';
import { AuditPage } from './AuditPage';

export const auditUi: UiFeature = {
  name: 'audit',
  nav: { href: '/audit', label: 'Audit log', match: '/audit' },
  routes: [{ path: '/audit', render: () => <AuditPage /> }],
  palette: { actions: [{ id: 'a-audit', group: 'Action', label: 'Audit log', go: '/audit' }] },
};
