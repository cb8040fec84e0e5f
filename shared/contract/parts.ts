import type { ContractPart } from './common';
import { bidsContract } from './bids.contract';
import { bookablesContract } from './bookables.contract';
import { bookingsContract } from './bookings.contract';
import { auditContract } from './audit.contract';
import { authContract } from './auth.contract';
import { dataContract } from './data.contract';
import { frontdeskContract } from './frontdesk.contract';
import { membersContract } from './members.contract';
import { settingsContract } from './settings.contract';
import { systemContract } from './system.contract';
import { mailContract } from './mail.contract';
import { notificationsContract } from './notifications.contract';
import { portalContract } from './portal.contract';
import { networkContract } from './network.contract';
import { supportContract } from './support.contract';
import { communitiesContract } from './communities.contract';
import { eventsContract } from './events.contract';
import { governanceContract } from './governance.contract';
import { moneyContract } from './money.contract';

/**
 * The one list of the features' contracts. Adding a feature: its `<f>.contract.ts` and one line
 * here (and one in each side's feature list).
 */
export const CONTRACT_PARTS = [
  membersContract,
  settingsContract,
  bookablesContract,
  bookingsContract,
  dataContract,
  authContract,
  frontdeskContract,
  bidsContract,
  auditContract,
  systemContract,
  mailContract,
  notificationsContract,
  portalContract,
  networkContract,
  supportContract,
  communitiesContract,
  eventsContract,
  governanceContract,
  moneyContract,
] as const satisfies readonly ContractPart[];
