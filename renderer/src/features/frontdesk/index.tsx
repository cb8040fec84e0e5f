import { lazyPage, type UiFeature } from '../../feature';
import { todayScreen } from './screens';

const TodayPage = lazyPage(todayScreen.load, 'TodayPage');
const MemberFrontDesk = lazyPage(() => import('./MemberFrontDesk'), 'MemberFrontDesk');

export const HOME_PATH = todayScreen.path;
export { CheckInOut, useCheckedIn } from './CheckInOut';

export const frontdeskUi: UiFeature = {
  name: 'frontdesk',
  nav: { href: HOME_PATH, label: 'Today', match: HOME_PATH },
  routes: [{ ...todayScreen, render: () => <TodayPage />, page: TodayPage }],
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
