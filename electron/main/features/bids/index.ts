import { bidsContract } from '@shared/contract/bids.contract';
import { defineFeature } from '../../feature';
import { remindDaily } from './bids.queries';
import { handlers } from './bids.handlers';
import { seedBids } from './bids.seed';
import { labelsOf } from '../../db/tables';

export const bidsFeature = defineFeature({
  records: async (ctx, ids) => (await labelsOf(ctx.db, 'bids', 'title', ids)).map((r) => ({ ...r, href: `/bids/${r.id}` })),
  name: 'bids',
  contract: bidsContract,
  handlers,
  tables: ['bids', 'bid_skills', 'bid_team', 'bid_activity', 'bid_tasks', 'bid_documents', 'reminders_sent'],
  seed: seedBids,
  jobs: [
    // Overdue tasks and near deadlines: one desktop notification a day (checked hourly, and soon after start).
    {
      name: 'bids.remindDaily',
      audit: 'sent the daily bid reminders',
      everyMs: 3_600_000,
      firstAfterMs: 30_000,
      run: async (ctx) => ({ changed: (await remindDaily(ctx)) ? 1 : 0 }),
    },
  ],
});

export { purgeRemovedDocuments, recoverRemovedDocuments } from './documents.service';
export { sharedBids } from './bids.queries';
