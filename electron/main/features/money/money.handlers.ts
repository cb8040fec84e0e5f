import type { moneyContract } from '@shared/contract/money.contract';
import type { FeatureHandlers } from '../../feature';
import * as accounts from './accounts.service';
import * as costs from './costs.service';
import * as periods from './periods.service';
import * as plans from './plans.service';
import { statementFile } from './statement.format';
import * as statements from './statements.service';

export const handlers: FeatureHandlers<typeof moneyContract> = {
  'money.plans': (_input, ctx, actor) => plans.list(ctx, actor),
  'money.savePlan': (input, ctx, actor) => plans.save(ctx, actor, input),
  'money.memberPlan': (input, ctx, actor) => periods.memberPlan(ctx, actor, input.memberId),
  'money.changePlan': (input, ctx, actor) => periods.change(ctx, actor, input),
  'money.costs': (input, ctx) => costs.costMonth(ctx, input.month),
  'money.addCost': (input, ctx) => costs.addCost(ctx, input),
  'money.removeCost': (input, ctx) => costs.removeCost(ctx, input.id),
  'money.statements': (input, ctx) => statements.monthStatements(ctx, input.month),
  'money.closeMonth': (input, ctx) => statements.closeMonth(ctx, input.month),
  'money.statement': (input, ctx, actor) => statements.getStatement(ctx, actor, input),
  'money.statementFile': (input, ctx, actor) => statementFile(ctx, actor, input.id, input.format),
  'money.account': (input, ctx, actor) => accounts.account(ctx, actor, input.memberId),
  'money.owing': (_input, ctx) => accounts.owing(ctx),
  'money.recordPayment': (input, ctx, actor) => accounts.recordPayment(ctx, actor, input),
  'money.addAdjustment': (input, ctx, actor) => accounts.addAdjustment(ctx, actor, input),
  'money.settings': (_input, ctx) => statements.moneySettings(ctx.db),
  'money.saveSettings': (input, ctx) => statements.saveSettings(ctx, input.taxBp),
  'money.accountingExport': (input, ctx) => accounts.accountingExport(ctx, input.from, input.to),
};
