import type { frontdeskContract } from '@shared/contract/frontdesk.contract';
import type { FeatureHandlers } from '../../feature';
import * as service from './frontdesk.service';

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
  'dayPasses.create': (input, ctx) => service.createDayPass(ctx, input),
  'dayPasses.markPaid': (input, ctx) => service.markPaid(ctx, input.id),
  'dayPasses.day': (input, ctx) => service.passesOn(ctx, input.date),
};
