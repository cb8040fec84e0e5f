import { lazyPage, type UiFeature } from '../../feature';
import { useAuth } from './useAuth';

export { useAuth } from './useAuth';
/** The kiosk's screens: their own chunk, loaded only when the desk hands the screen to members. */
export const KioskApp = lazyPage(() => import('./KioskApp'), 'KioskApp');
const ManagerPasswordForm = lazyPage(() => import('./ManagerPasswordForm'), 'ManagerPasswordForm');

function PasswordSection() {
  const auth = useAuth();
  return <ManagerPasswordForm isSet={Boolean(auth.data?.managerPasswordSet)} />;
}

export const authUi: UiFeature = {
  name: 'auth',
  slots: { settings: [{ id: 'security', title: 'Security', Part: PasswordSection }] },
  // Who is signed in decides what every screen may show.
  followsEveryChange: ['auth.'],
};
