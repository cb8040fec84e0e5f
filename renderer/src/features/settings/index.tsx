import { lazyPage, type UiFeature } from '../../feature';
import { SiteSwitcher } from './SiteSwitcher';

const SettingsPage = lazyPage(() => import('./SettingsPage'), 'SettingsPage');
const WelcomePage = lazyPage(() => import('./WelcomePage'), 'WelcomePage');

export const settingsUi: UiFeature = {
  name: 'settings',
  nav: { href: '/settings', label: 'Settings', match: '/settings' },
  routes: [
    { path: '/settings', render: () => <SettingsPage />, page: SettingsPage },
    { path: '/welcome', render: () => <WelcomePage />, page: WelcomePage },
  ],
  slots: { shell: [SiteSwitcher] },
  palette: { actions: [{ id: 'a-settings', group: 'Action', label: 'Settings', go: '/settings' }] },
};
