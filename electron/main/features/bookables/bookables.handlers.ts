import type { bookablesContract } from '@shared/contract/bookables.contract';
import type { FeatureHandlers } from '../../feature';
import * as service from './bookables.service';

export const handlers: FeatureHandlers<typeof bookablesContract> = {
  'bookables.list': (input, ctx) => service.list(ctx, input),
  'bookables.get': (input, ctx) => service.get(ctx, input.id),
  'bookables.create': (input, ctx) => service.create(ctx, input),
  'bookables.update': ({ id, ...fields }, ctx) => service.update(ctx, id, fields),
  'bookables.retire': (input, ctx) => service.setRetired(ctx, input.id, true),
  'bookables.restore': (input, ctx) => service.setRetired(ctx, input.id, false),
};
