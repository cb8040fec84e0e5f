import type { bidsContract } from '@shared/contract/bids.contract';
import type { FeatureHandlers } from '../../feature';
import * as commands from './bids.commands';
import * as documents from './documents.service';
import * as queries from './bids.queries';

export const handlers: FeatureHandlers<typeof bidsContract> = {
  'bids.list': (input, ctx, actor) => queries.list(ctx, actor, input),
  'bids.get': (input, ctx, actor) => queries.get(ctx, actor, input.id),
  'bids.create': (input, ctx, actor) => commands.create(ctx, actor, input),
  'bids.update': ({ id, ...fields }, ctx, actor) => commands.update(ctx, actor, id, fields),
  'bids.move': (input, ctx, actor) => commands.move(ctx, actor, input),
  'bids.decide': (input, ctx, actor) => commands.decide(ctx, actor, input),
  'bids.suggestTeam': (input, ctx, actor) => queries.suggestTeam(ctx, actor, input.id),
  'bids.invite': (input, ctx, actor) => commands.invite(ctx, actor, input),
  'bids.respond': (input, ctx, actor) => commands.respond(ctx, actor, input),
  'bids.offerToJoin': (input, ctx, actor) => commands.offerToJoin(ctx, actor, input.id),
  'bids.answerOffer': (input, ctx, actor) => commands.answerOffer(ctx, actor, input),
  'bids.setTeam': (input, ctx, actor) => commands.setTeam(ctx, actor, input),
  'bids.removeMember': (input, ctx, actor) => commands.removeMember(ctx, actor, input),
  'bids.addTask': (input, ctx, actor) => commands.addTask(ctx, actor, input),
  'bids.setTaskDone': (input, ctx, actor) => commands.setTaskDone(ctx, actor, input),
  'bids.removeTask': (input, ctx, actor) => commands.removeTask(ctx, actor, input.taskId),
  'bids.note': (input, ctx, actor) => commands.note(ctx, actor, input),
  'bids.outcome': (input, ctx, actor) => commands.outcome(ctx, actor, input),
  'bids.attach': (input, ctx, actor) => documents.attach(ctx, actor, input),
  'bids.openDocument': (input, ctx, actor) => documents.openDocument(ctx, actor, input.id),
  'bids.removeDocument': (input, ctx, actor) => documents.removeDocument(ctx, actor, input.id),
  'bids.outcomes': (_input, ctx) => queries.outcomes(ctx),
  'bids.attention': (_input, ctx, actor) => queries.attention(ctx, actor),
};
