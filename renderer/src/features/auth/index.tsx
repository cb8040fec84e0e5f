import type { UiFeature } from '../../feature';
import { ManagerPasswordForm } from './ManagerPasswordForm';
import { useAuth } from './useAuth';

export { KioskApp } from './KioskApp';
export { useAuth } from './useAuth';

function PasswordSection() {
  const auth = useAuth();
  return <ManagerPasswordForm isSet={Boolean(auth.data?.managerPasswordSet)} />;
}

export const authUi: UiFeature = {
  name: 'auth',
  slots: { settings: [PasswordSection] },
  // Who is signed in decides what every screen may show.
  followsEveryChange: ['auth.'],
};
