import { portalContract } from '@shared/contract/portal.contract';
import { defineFeature } from '../../feature';
import { DEAD_LINK } from './calendar.service';
import { handlers } from './portal.handlers';

/**
 * The member portal: the app served over HTTPS on the co-op's network for members' own devices.
 * Its settings and certificate, members' private calendar links and checking in by QR code. The
 * server itself is the transport's (`electron/main/portal.ts`), started from these settings.
 */
export const portalFeature = defineFeature({
  name: 'portal',
  contract: portalContract,
  handlers,
  // the certificate's key and the calendar links' hashes are secrets of this machine
  localTables: ['portal_settings', 'calendar_feeds'],
  auditEvents: [{ name: DEAD_LINK, audit: 'used a calendar link that no longer works' }],
});

export { portalConfig } from './portal.service';
export { feed as calendarFeed } from './calendar.service';
