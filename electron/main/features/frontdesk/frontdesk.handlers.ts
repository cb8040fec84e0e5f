import type { frontdeskContract } from '@shared/contract/frontdesk.contract';
import type { FeatureHandlers } from '../../feature';
import * as service from './frontdesk.service';
import * as passes from './passes.service';

export const handlers: FeatureHandlers<typeof frontdeskContract> = {
  'frontdesk.today': (input, ctx) => service.today(ctx, input.siteId),
  'frontdesk.checkIn': (input, ctx, actor) => service.checkIn(ctx, actor, input.memberId),
  'frontdesk.checkOut': (input, ctx, actor) => service.checkOut(ctx, actor, input.memberId),
  'frontdesk.presence': (input, ctx, actor) => service.presence(ctx, actor, input.memberId, input.limit),
  'visitors.create': (input, ctx) => service.createVisitor(ctx, input),
  'visitors.arrive': (input, ctx) => service.visitorArrives(ctx, input.id),
  'visitors.leave': (input, ctx) => service.visitorLeaves(ctx, input.id),
  'visitors.day': (input, ctx) => service.visitorsOn(ctx, input.date),
  'visitors.exportDay': (input, ctx) => service.exportVisitors(ctx, input.date),
  'dayPasses.create': (input, ctx) => passes.createDayPass(ctx, input),
  'dayPasses.markPaid': (input, ctx) => passes.markPaid(ctx, input.id),
  'dayPasses.day': (input, ctx) => passes.passesOn(ctx, input.date),
  'dayPasses.prices': (_input, ctx) => passes.prices(ctx.db),
  'dayPasses.savePrice': (input, ctx) => passes.savePrice(ctx, input),
};
