import type { Handlers } from '../../handlers';
import * as service from './bookings.service';

export const bookingsHandlers: Handlers<
  | 'bookings.check'
  | 'bookings.create'
  | 'bookings.get'
  | 'bookings.planSeries'
  | 'bookings.createSeries'
  | 'bookings.cancel'
  | 'bookings.reschedule'
  | 'bookings.checkIn'
  | 'bookings.approve'
  | 'bookings.decline'
  | 'bookings.pending'
  | 'bookings.dayBoard'
  | 'bookings.week'
  | 'bookings.forMember'
  | 'bookings.findRooms'
  | 'bookings.nextFree'
  | 'bookings.freeDesks'
  | 'bookings.ics'
  | 'bookings.releaseNoShows'
> = {
  'bookings.check': (input, ctx, actor) => service.check(ctx, actor, input),
  'bookings.create': (input, ctx, actor) => service.create(ctx, actor, input),
  'bookings.get': (input, ctx, actor) => service.get(ctx, actor, input.id),
  'bookings.planSeries': (input, ctx, actor) => service.planSeries(ctx, actor, input),
  'bookings.createSeries': (input, ctx, actor) => service.createSeries(ctx, actor, input),
  'bookings.cancel': (input, ctx, actor) => service.cancel(ctx, actor, input),
  'bookings.reschedule': (input, ctx, actor) => service.reschedule(ctx, actor, input),
  'bookings.checkIn': (input, ctx, actor) => service.checkIn(ctx, actor, input.id),
  'bookings.approve': (input, ctx) => service.decide(ctx, input.id, true),
  'bookings.decline': (input, ctx) => service.decide(ctx, input.id, false, input.reason),
  'bookings.pending': (_input, ctx) => service.pending(ctx),
  'bookings.dayBoard': (input, ctx) => service.dayBoard(ctx, input),
  'bookings.week': (input, ctx) => service.week(ctx, input),
  'bookings.forMember': (input, ctx, actor) => service.forMember(ctx, actor, input),
  'bookings.findRooms': (input, ctx) => service.findRooms(ctx, input),
  'bookings.nextFree': (input, ctx) => service.nextFree(ctx, input),
  'bookings.freeDesks': (input, ctx) => service.freeDesks(ctx, input),
  'bookings.ics': (input, ctx, actor) => service.ics(ctx, actor, input),
  'bookings.releaseNoShows': (_input, ctx) => service.releaseNoShows(ctx),
};
