import { lazyPage, type UiFeature } from '../../feature';

const SettingsPage = lazyPage(() => import('./SettingsPage'), 'SettingsPage');

export const settingsUi: UiFeature = {
  name: 'settings',
  nav: { href: '/settings', label: 'Settings', match: '/settings' },
  routes: [{ path: '/settings', render: () => <SettingsPage />, page: SettingsPage }],
  palette: { actions: [{ id: 'a-settings', group: 'Action', label: 'Settings', go: '/settings' }] },
};
