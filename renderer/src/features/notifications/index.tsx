import { lazyPage, type UiFeature } from '../../feature';
import { Bell } from './Bell';

const InboxPage = lazyPage(() => import('./InboxPage'), 'InboxPage');
const inboxRoute = { path: '/inbox', page: InboxPage, render: () => <InboxPage /> };

/** The inbox, for staff at the desk and for members (signed in, or identified at the kiosk); the bell in the shell. */
export const notificationsUi: UiFeature = {
  name: 'notifications',
  routes: [inboxRoute],
  kiosk: { routes: [inboxRoute] },
  portal: { routes: [inboxRoute], nav: { href: '/inbox', label: 'Inbox', match: '/inbox' } },
  slots: { shell: [Bell] },
  palette: { actions: [{ id: 'inbox', group: 'Action', label: 'Notifications', go: '/inbox' }] },
};
