import { moneyContract } from '@shared/contract/money.contract';
import { labelsOf } from '../../db/tables';
import { setPlanLookup } from '../bookings';
import { allowanceOn } from './credits.service';
import { defineFeature } from '../../feature';
import { handlers } from './money.handlers';
import { seedMoney } from './money.seed';

/** Money at cost: plans with credits, each member's plan over time, monthly statements and payments, and the co-op's real costs shared among members. */
export const moneyFeature = defineFeature({
  name: 'money',
  contract: moneyContract,
  handlers,
  tables: ['plans', 'member_plans', 'costs', 'plan_bookables', 'money_settings', 'statements', 'statement_lines', 'adjustments', 'payments'],
  seed: seedMoney,
  // bookings charge a member's plan credits first: money answers what a plan includes
  onStart: async () => setPlanLookup(allowanceOn),
  records: async (ctx, ids) => (await labelsOf(ctx.db, 'plans', 'name', ids)).map((r) => ({ ...r, href: '/money' })),
});
