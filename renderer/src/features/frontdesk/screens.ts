import { read, type Screen } from '../../screen';

/** Today at the front desk: the desk's home. Its rooms, the settings and the day-pass prices are read on opening. */
export const todayScreen = {
  path: '/today',
  load: () => import('./TodayPage'),
  reads: () => [read('frontdesk.today', {}), read('settings.get', {}), read('dayPasses.prices', {})],
} satisfies Screen;
