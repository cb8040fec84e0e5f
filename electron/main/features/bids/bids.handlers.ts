import type { bidsContract } from '../../../../shared/contract/bids.contract';
import type { FeatureHandlers } from '../../feature';
import * as service from './bids.service';

export const handlers: FeatureHandlers<typeof bidsContract> = {
  'bids.list': (input, ctx, actor) => service.list(ctx, actor, input),
  'bids.get': (input, ctx, actor) => service.get(ctx, actor, input.id),
  'bids.create': (input, ctx, actor) => service.create(ctx, actor, input),
  'bids.update': ({ id, ...fields }, ctx, actor) => service.update(ctx, actor, id, fields),
  'bids.move': (input, ctx, actor) => service.move(ctx, actor, input),
  'bids.decide': (input, ctx, actor) => service.decide(ctx, actor, input),
  'bids.suggestTeam': (input, ctx, actor) => service.suggestTeam(ctx, actor, input.id),
  'bids.invite': (input, ctx, actor) => service.invite(ctx, actor, input),
  'bids.respond': (input, ctx, actor) => service.respond(ctx, actor, input),
  'bids.offerToJoin': (input, ctx, actor) => service.offerToJoin(ctx, actor, input.id),
  'bids.answerOffer': (input, ctx, actor) => service.answerOffer(ctx, actor, input),
  'bids.setTeam': (input, ctx, actor) => service.setTeam(ctx, actor, input),
  'bids.removeMember': (input, ctx, actor) => service.removeMember(ctx, actor, input),
  'bids.addTask': (input, ctx, actor) => service.addTask(ctx, actor, input),
  'bids.setTaskDone': (input, ctx, actor) => service.setTaskDone(ctx, actor, input),
  'bids.removeTask': (input, ctx, actor) => service.removeTask(ctx, actor, input.taskId),
  'bids.note': (input, ctx, actor) => service.note(ctx, actor, input),
  'bids.outcome': (input, ctx, actor) => service.outcome(ctx, actor, input),
  'bids.attach': (input, ctx, actor) => service.attach(ctx, actor, input),
  'bids.openDocument': (input, ctx, actor) => service.openDocument(ctx, actor, input.id),
  'bids.removeDocument': (input, ctx, actor) => service.removeDocument(ctx, actor, input.id),
  'bids.outcomes': (_input, ctx) => service.outcomes(ctx),
  'bids.attention': (_input, ctx, actor) => service.attention(ctx, actor),
};
