import type { eventsContract } from '@shared/contract/events.contract';
import type { FeatureHandlers } from '../../feature';
import { attendance } from './attendance.service';
import * as events from './events.service';

export const handlers: FeatureHandlers<typeof eventsContract> = {
  'events.list': (input, ctx, actor) => events.list(ctx, actor, input),
  'events.get': (input, ctx, actor) => events.get(ctx, actor, input.id),
  'events.create': (input, ctx, actor) => events.create(ctx, actor, input),
  'events.update': (input, ctx, actor) => events.update(ctx, actor, input),
  'events.cancel': (input, ctx, actor) => events.cancel(ctx, actor, input),
  'events.rsvp': (input, ctx, actor) => events.rsvp(ctx, actor, input),
  'events.cancelRsvp': (input, ctx, actor) => events.cancelRsvp(ctx, actor, input.id),
  'events.checkIn': (input, ctx, actor) => events.checkIn(ctx, actor, input),
  'events.attendance': (input, ctx) => attendance(ctx, input),
};
