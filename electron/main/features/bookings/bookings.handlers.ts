import type { bookingsContract } from '@shared/contract/bookings.contract';
import type { FeatureHandlers } from '../../feature';
import * as boards from './boards.queries';
import * as commands from './bookings.commands';
import * as queries from './bookings.queries';

export const handlers: FeatureHandlers<typeof bookingsContract> = {
  'bookings.check': (input, ctx, actor) => queries.check(ctx, actor, input),
  'bookings.create': (input, ctx, actor) => commands.create(ctx, actor, input),
  'bookings.get': (input, ctx, actor) => queries.get(ctx, actor, input.id),
  'bookings.planSeries': (input, ctx, actor) => queries.planSeries(ctx, actor, input),
  'bookings.createSeries': (input, ctx, actor) => commands.createSeries(ctx, actor, input),
  'bookings.cancel': (input, ctx, actor) => commands.cancel(ctx, actor, input),
  'bookings.reschedule': (input, ctx, actor) => commands.reschedule(ctx, actor, input),
  'bookings.checkIn': (input, ctx, actor) => commands.checkIn(ctx, actor, input.id),
  'bookings.approve': (input, ctx) => commands.decide(ctx, input.id, true),
  'bookings.decline': (input, ctx) => commands.decide(ctx, input.id, false, input.reason),
  'bookings.pending': (_input, ctx) => queries.pending(ctx),
  'bookings.dayBoard': (input, ctx, actor) => boards.dayBoard(ctx, actor, input),
  'bookings.calendar': (input, ctx, actor) => boards.calendar(ctx, actor, input),
  'bookings.forMember': (input, ctx, actor) => queries.forMember(ctx, actor, input),
  'bookings.findRooms': (input, ctx) => queries.findRooms(ctx, input),
  'bookings.nextFree': (input, ctx) => queries.nextFree(ctx, input),
  'bookings.freeDesks': (input, ctx) => queries.freeDesks(ctx, input),
  'bookings.deskSeatsFree': (input, ctx) => queries.deskSeatsFree(ctx, input),
  'bookings.ics': (input, ctx, actor) => queries.ics(ctx, actor, input),
};
