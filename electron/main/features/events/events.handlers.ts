import type { eventsContract } from '@shared/contract/events.contract';
import type { FeatureHandlers } from '../../feature';
import { attendance } from './attendance.service';
import * as events from './events.service';
import * as schedule from './schedule.service';
import * as fairs from './fair.service';

export const handlers: FeatureHandlers<typeof eventsContract> = {
  'events.list': (input, ctx, actor) => events.list(ctx, actor, input),
  'events.get': (input, ctx, actor) => events.get(ctx, actor, input.id),
  'events.create': (input, ctx, actor) => schedule.create(ctx, actor, input),
  'events.update': (input, ctx, actor) => schedule.update(ctx, actor, input),
  'events.cancel': (input, ctx, actor) => schedule.cancel(ctx, actor, input),
  'events.rsvp': (input, ctx, actor) => events.rsvp(ctx, actor, input),
  'events.cancelRsvp': (input, ctx, actor) => events.cancelRsvp(ctx, actor, input.id),
  'events.checkIn': (input, ctx, actor) => events.checkIn(ctx, actor, input),
  'events.fair': (input, ctx, actor) => fairs.fair(ctx, actor, input.id),
  'events.addExhibitor': (input, ctx, actor) => fairs.addExhibitor(ctx, actor, input),
  'events.removeExhibitor': (input, ctx, actor) => fairs.removeExhibitor(ctx, actor, input),
  'events.noteNeeds': (input, ctx, actor) => fairs.noteNeeds(ctx, actor, input),
  'events.attendance': (input, ctx) => attendance(ctx, input),
};
