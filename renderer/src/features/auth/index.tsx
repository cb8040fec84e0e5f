import { lazyPage, type UiFeature } from '../../feature';

export { useAuth } from './useAuth';
export { useViewer } from './useViewer';
/** The kiosk's screens: their own chunk, loaded only when the desk hands the screen to members. */
export const KioskApp = lazyPage(() => import('./KioskApp'), 'KioskApp');
export const NameYourself = lazyPage(() => import('./AccountSettings'), 'NameYourself');
/** The member portal's sign-in page (its own chunk with the sign-in forms). */
export const SignInPage = lazyPage(() => import('./SignInDialog'), 'SignInPage');
const MyKeys = lazyPage(() => import('./MyKeys'), 'MyKeys');
const AccountSettings = lazyPage(() => import('./AccountSettings'), 'AccountSettings');
const StaffAccounts = lazyPage(() => import('./StaffAccounts'), 'StaffAccounts');
const MemberAccount = lazyPage(() => import('./MemberAccount'), 'MemberAccount');

export const authUi: UiFeature = {
  name: 'auth',
  slots: {
    memberPage: [MemberAccount],
    profile: [MyKeys],
    settings: [
      { id: 'account', title: 'Your account', Part: AccountSettings },
      { id: 'staff', title: 'Staff and accounts', Part: StaffAccounts },
    ],
  },
  palette: { actions: [{ id: 'staff-accounts', group: 'Action', label: 'Add a staff member', go: '/settings' }] },
  // Who is signed in decides what every screen may show.
  followsEveryChange: ['auth.', 'accounts.'],
};
