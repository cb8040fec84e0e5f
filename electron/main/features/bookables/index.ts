import { bookablesContract } from '@shared/contract/bookables.contract';
import { defineFeature } from '../../feature';
import { handlers } from './bookables.handlers';
import { labelsOf } from '../../db/tables';

export const bookablesFeature = defineFeature({
  records: async (ctx, ids) => (await labelsOf(ctx.db, 'bookables', 'name', ids)).map((r) => ({ ...r, href: `/bookables/${r.id}/edit` })),
  name: 'bookables',
  contract: bookablesContract,
  handlers,
  tables: ['bookables'],
});

export { type BookableRecord, bookableRecord, bookableRecords, bookablesAt, effectiveRules, toBookable } from './bookables.service';
