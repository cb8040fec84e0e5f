import type { moneyContract } from '@shared/contract/money.contract';
import type { FeatureHandlers } from '../../feature';
import * as costs from './costs.service';
import * as periods from './periods.service';
import * as plans from './plans.service';

export const handlers: FeatureHandlers<typeof moneyContract> = {
  'money.plans': (_input, ctx, actor) => plans.list(ctx, actor),
  'money.savePlan': (input, ctx, actor) => plans.save(ctx, actor, input),
  'money.memberPlan': (input, ctx, actor) => periods.memberPlan(ctx, actor, input.memberId),
  'money.changePlan': (input, ctx, actor) => periods.change(ctx, actor, input),
  'money.costs': (input, ctx) => costs.costMonth(ctx, input.month),
  'money.addCost': (input, ctx) => costs.addCost(ctx, input),
  'money.removeCost': (input, ctx) => costs.removeCost(ctx, input.id),
};
