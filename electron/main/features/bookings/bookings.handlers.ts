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
  'bookings.check': (input, ctx) => service.check(ctx, input),
  'bookings.create': (input, ctx) => service.create(ctx, input),
  'bookings.get': (input, ctx) => service.get(ctx, input.id),
  'bookings.planSeries': (input, ctx) => service.planSeries(ctx, input),
  'bookings.createSeries': (input, ctx) => service.createSeries(ctx, input),
  'bookings.cancel': (input, ctx, actor) => service.cancel(ctx, actor, input),
  'bookings.reschedule': (input, ctx) => service.reschedule(ctx, input),
  'bookings.checkIn': (input, ctx) => service.checkIn(ctx, input.id),
  'bookings.approve': (input, ctx) => service.decide(ctx, input.id, true),
  'bookings.decline': (input, ctx) => service.decide(ctx, input.id, false, input.reason),
  'bookings.pending': (_input, ctx) => service.pending(ctx),
  'bookings.dayBoard': (input, ctx) => service.dayBoard(ctx, input),
  'bookings.week': (input, ctx) => service.week(ctx, input),
  'bookings.forMember': (input, ctx) => service.forMember(ctx, input),
  'bookings.findRooms': (input, ctx) => service.findRooms(ctx, input),
  'bookings.nextFree': (input, ctx) => service.nextFree(ctx, input),
  'bookings.freeDesks': (input, ctx) => service.freeDesks(ctx, input),
  'bookings.ics': (input, ctx) => service.ics(ctx, input),
  'bookings.releaseNoShows': (_input, ctx) => service.releaseNoShows(ctx),
};
