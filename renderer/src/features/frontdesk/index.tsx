import { lazyPage, type UiFeature } from '../../feature';

const TodayPage = lazyPage(() => import('./TodayPage'), 'TodayPage');
const MemberFrontDesk = lazyPage(() => import('./MemberFrontDesk'), 'MemberFrontDesk');

export const HOME_PATH = '/today';
export { CheckInOut, useCheckedIn } from './CheckInOut';

export const frontdeskUi: UiFeature = {
  name: 'frontdesk',
  nav: { href: HOME_PATH, label: 'Today', match: HOME_PATH },
  routes: [{ path: HOME_PATH, render: () => <TodayPage />, page: TodayPage, prefetch: (_, prefetch) => prefetch('frontdesk.today', {}) }],
  palette: {
    actions: [
      { id: 'a-today', group: 'Action', label: 'Today at the front desk', go: HOME_PATH },
      { id: 'a-checkin', group: 'Action', label: 'Check in a member', go: HOME_PATH },
      { id: 'a-visitor', group: 'Action', label: 'New visitor', go: HOME_PATH },
    ],
  },
  slots: { memberPage: [MemberFrontDesk] },
  // Today reads across every domain.
  followsEveryChange: ['frontdesk.'],
};
