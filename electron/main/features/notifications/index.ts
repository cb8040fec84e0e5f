import { notificationsContract } from '@shared/contract/notifications.contract';
import { defineFeature } from '../../feature';
import { handlers } from './notifications.handlers';
import { seedNotifications } from './notifications.seed';
import { sendDue } from './notifications.service';

/** One inbox per person, and e-mail through the co-op's server: the one way features tell people things. */
export const notificationsFeature = defineFeature({
  name: 'notifications',
  contract: notificationsContract,
  handlers,
  tables: ['notifications', 'notification_prefs'],
  seed: seedNotifications,
  jobs: [{ name: 'notifications.sendMail', audit: 'sent e-mail notifications', everyMs: 30_000, run: async (ctx) => ({ changed: await sendDue(ctx) }) }],
});

export { type News, notify, notifyNow, notifyStaff } from './notifications.service';
