import type { communitiesContract } from '@shared/contract/communities.contract';
import type { FeatureHandlers } from '../../feature';
import * as communities from './communities.service';
import * as library from './library.service';
import * as sessions from './sessions.service';

export const handlers: FeatureHandlers<typeof communitiesContract> = {
  'communities.list': (_input, ctx, actor) => communities.list(ctx, actor),
  'communities.get': (input, ctx, actor) => communities.get(ctx, actor, input.id),
  'communities.create': (input, ctx, actor) => communities.create(ctx, actor, input),
  'communities.update': (input, ctx, actor) => communities.update(ctx, actor, input),
  'communities.join': (input, ctx, actor) => communities.join(ctx, actor, input),
  'communities.leave': (input, ctx, actor) => communities.leave(ctx, actor, input),
  'communities.setRole': (input, ctx, actor) => communities.setRole(ctx, actor, input),
  'communities.addResource': (input, ctx, actor) => library.addResource(ctx, actor, input),
  'communities.removeResource': (input, ctx, actor) => library.removeResource(ctx, actor, input.id),
  'communities.openFile': (input, ctx, actor) => library.openFile(ctx, actor, input.id),
  'communities.addSession': (input, ctx, actor) => sessions.addSession(ctx, actor, input),
  'communities.offerSession': (input, ctx, actor) => sessions.offerSession(ctx, actor, input),
};
