import type { UiFeature } from './feature';
import { auditUi } from './features/audit';
import { authUi } from './features/auth';
import { bidsUi } from './features/bids';
import { networkUi } from './features/network';
import { supportUi } from './features/support';
import { communitiesUi } from './features/communities';
import { eventsUi } from './features/events';
import { governanceUi } from './features/governance';
import { moneyUi } from './features/money';
import { bookablesUi } from './features/bookables';
import { bookingsUi } from './features/bookings';
import { dataUi } from './features/data';
import { frontdeskUi } from './features/frontdesk';
import { membersUi } from './features/members';
import { settingsUi } from './features/settings';
import { mailUi } from './features/mail';
import { notificationsUi } from './features/notifications';
import { portalUi } from './features/portal';

/**
 * The one list of the renderer's features: it builds the routes, the sidebar (in this order),
 * Ctrl+K, the kiosk's screens and the parts other screens show. Adding a feature: its folder
 * and one line here.
 */
export const UI_FEATURES: readonly UiFeature[] = [
  frontdeskUi,
  membersUi,
  bookingsUi,
  bookablesUi,
  bidsUi,
  networkUi,
  supportUi,
  communitiesUi,
  eventsUi,
  governanceUi,
  moneyUi,
  auditUi,
  settingsUi,
  authUi,
  mailUi,
  notificationsUi,
  portalUi,
  dataUi,
];
