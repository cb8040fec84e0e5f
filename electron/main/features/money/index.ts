import { moneyContract } from '@shared/contract/money.contract';
import { labelsOf } from '../../db/tables';
import { defineFeature } from '../../feature';
import { handlers } from './money.handlers';
import { seedMoney } from './money.seed';

/** Money at cost: plans, each member's plan over time, and the co-op's real costs shared among members. */
export const moneyFeature = defineFeature({
  name: 'money',
  contract: moneyContract,
  handlers,
  tables: ['plans', 'member_plans', 'costs'],
  seed: seedMoney,
  records: async (ctx, ids) => (await labelsOf(ctx.db, 'plans', 'name', ids)).map((r) => ({ ...r, href: '/money' })),
});
