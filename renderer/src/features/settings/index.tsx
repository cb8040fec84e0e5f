import type { UiFeature } from '../../feature';
import { SettingsPage } from './SettingsPage';

export const settingsUi: UiFeature = {
  name: 'settings',
  nav: { href: '/settings', label: 'Settings', match: '/settings' },
  routes: [{ path: '/settings', render: () => <SettingsPage /> }],
  palette: { actions: [{ id: 'a-settings', group: 'Action', label: 'Settings', go: '/settings' }] },
};
