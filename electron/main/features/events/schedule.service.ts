import type { Scope } from '@shared/contract/bookings.contract';
import { type EventDetail, MAX_EVENTS_IN_SERIES } from '@shared/contract/events.contract';
import { formatIsoDate } from '@shared/domain/dates';
import type { EventKind } from '@shared/domain/events';
import { newId } from '@shared/domain/ids';
import { type Recurrence, occurrenceDates } from '@shared/domain/recurrence';
import { zonedInstant, zonedParts } from '@shared/domain/zoned';
import type { Kysely } from 'kysely';
import { type Actor, type Ctx, isStaff, withDb } from '../../context';
import type { DB } from '../../db/schema';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { bookableRecord } from '../bookables';
import { bookWithin, cancelWithin, retitleWithin } from '../bookings';
import { currentMember } from '../members';
import { loadSite } from '../sites';
import { cancelEvent, get, promote } from './events.service';
import type { EventsTable } from './events.tables';
import * as repo from './events.repository';

/**
 * The desk's scheduling: one-off events and series (the monthly breakfast), and changes to this
 * event, this and the following, or all of a series. A series' dates are local calendar dates
 * and each occurrence's times are put on its own day in the site's zone, so the breakfast stays
 * at 08:00 across daylight-saving changes. Each occurrence is an event with its own room booking.
 */

export interface NewEvent {
  kind: EventKind;
  title: string;
  description: string;
  hostIds: string[];
  date: string;
  startTime: string;
  endTime: string;
  roomId: string | null;
  venue: string;
  capacity: number;
  guestsAllowed: boolean;
  priceMinor: number;
  rsvpDeadline: string | null;
  minAttendees: number | null;
  decideBy: string | null;
  repeat: Recurrence | null;
}

/** A booking refused on one date of a series says which date. */
async function onDate<T>(date: string, many: boolean, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!many || !(error instanceof AppError)) throw error;
    throw new AppError(error.code, `On ${formatIsoDate(date)}: ${error.message}`, error.fields, error.rule);
  }
}

async function bookRoom(ctx: Ctx, trx: Kysely<DB>, actor: Actor, room: { id: string; memberId: string; title: string }, start: number, end: number) {
  return bookWithin(
    ctx,
    trx,
    {
      bookableId: room.id,
      memberId: room.memberId,
      guestName: '',
      quantity: 1,
      title: room.title,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
    },
    // the co-op's event: its room costs the host neither credits nor the rate
    { beyondWindow: isStaff(actor), free: true },
  );
}

/**
 * Creates an event, or a series of them; a room of ours is booked through the booking engine in
 * the same transaction, with its clash check and rules: a refusal on any date names the date and
 * the rule, and writes nothing. The deadline and decision time keep their distance to each start.
 */
export async function createIn(ctx: Ctx, trx: Kysely<DB>, actor: Actor, input: NewEvent, communityId: string | null = null): Promise<EventDetail> {
  for (const h of input.hostIds) await currentMember(trx, h, 'hostIds');
  const zone = (await loadSite(trx, ctx.siteId)).timeZone;
  if (input.roomId && (await bookableRecord(trx, input.roomId))?.kind !== 'room')
    throw new AppError('VALIDATION', 'Choose one of the co-op’s rooms.', { roomId: 'Not a room' });
  const dates = input.repeat ? occurrenceDates(input.date, input.repeat) : [input.date];
  if (dates.length > MAX_EVENTS_IN_SERIES)
    throw new AppError('VALIDATION', `That makes ${dates.length} events: a series has at most ${MAX_EVENTS_IN_SERIES}.`, {
      'repeat.until': `At most ${MAX_EVENTS_IN_SERIES} events`,
    });
  const now = ctx.now().getTime();
  const seriesId = input.repeat ? newId() : null;
  if (seriesId) await repo.insertSeries(trx, { id: seriesId, site_id: ctx.siteId, rule: JSON.stringify(input.repeat), created_at: now });
  const firstStart = zonedInstant(input.date, input.startTime, zone);
  const before = (at: string | null) => (at === null ? null : firstStart - Date.parse(at));
  const [deadlineBefore, decideBefore] = [before(input.rsvpDeadline), before(input.decideBy)];
  let firstId = '';
  for (const date of dates) {
    const start = zonedInstant(date, input.startTime, zone);
    const end = zonedInstant(date, input.endTime, zone);
    const booking = input.roomId
      ? await onDate(date, dates.length > 1, () =>
          bookRoom(ctx, trx, actor, { id: input.roomId!, memberId: input.hostIds[0]!, title: input.title }, start, end),
        )
      : null;
    const row: EventsTable = {
      id: newId(),
      site_id: ctx.siteId,
      kind: input.kind,
      title: input.title,
      description: input.description,
      starts_at: start,
      ends_at: end,
      booking_id: booking?.id ?? null,
      room_id: input.roomId,
      venue: input.roomId ? '' : input.venue,
      capacity: input.capacity,
      guests_allowed: input.guestsAllowed ? 1 : 0,
      price_minor: input.priceMinor,
      rsvp_deadline: deadlineBefore === null ? null : start - deadlineBefore,
      min_attendees: input.minAttendees,
      decide_by: decideBefore === null ? null : start - decideBefore,
      state: 'scheduled',
      cancel_reason: '',
      reminded_at: null,
      created_at: now,
      updated_at: now,
      series_id: seriesId,
      community_id: communityId,
    };
    await repo.insert(trx, row, [...new Set(input.hostIds)]);
    firstId ||= row.id;
  }
  return get(withDb(ctx, trx), actor, firstId);
}

export const create = (ctx: Ctx, actor: Actor, input: NewEvent): Promise<EventDetail> =>
  commit(ctx, ['events.changed', 'bookings.changed'], (trx) => createIn(ctx, trx, actor, input));

/** The scheduled events a scope reaches: this one; this and the later ones of its series; or all of its series not yet over. */
async function reached(ctx: Ctx, row: EventsTable, scope: Scope): Promise<EventsTable[]> {
  if (!row.series_id || scope === 'this') return [row];
  const from = scope === 'following' ? row.starts_at : ctx.now().getTime();
  const rows = await repo.ofSeries(ctx.db, row.series_id);
  return rows.filter((r) => r.state === 'scheduled' && (scope === 'following' ? r.starts_at >= from : r.ends_at > from || r.id === row.id));
}

export interface EventChange {
  id: string;
  title: string;
  description: string;
  capacity: number;
  rsvpDeadline: string | null;
  startTime?: string;
  endTime?: string;
  scope: Scope;
}

/**
 * Title, description, places, deadline and times, for this event, the following or all of its
 * series. Places never go below those already going (checked on every event reached); new times
 * are put on each event's own day, and its room is booked again with the engine's checks.
 */
export async function update(ctx: Ctx, actor: Actor, input: EventChange): Promise<EventDetail> {
  return commit(ctx, ['events.changed', 'bookings.changed'], async (trx) => {
    const inTrx = withDb(ctx, trx);
    const row = await repo.find(trx, input.id);
    if (!row) throw notFound('The event');
    if (row.state === 'cancelled') throw new AppError('CONFLICT', 'This event is cancelled.');
    const zone = (await loadSite(trx, row.site_id)).timeZone;
    const now = ctx.now().getTime();
    const targets = await reached(inTrx, row, input.scope);
    const counts = await repo.counts(
      trx,
      targets.map((t) => t.id),
    );
    for (const t of targets) {
      const going = counts.get(t.id)!.going;
      if (input.capacity < going)
        throw new AppError(
          'VALIDATION',
          `${going} are already going${targets.length > 1 ? ` on ${formatIsoDate(zonedParts(t.starts_at, zone).date)}` : ''}: the event needs at least ${going} places.`,
          { capacity: `At least ${going}` },
        );
    }
    // the deadline keeps its distance to each event's start, as when the series was made
    const deadlineBefore = input.rsvpDeadline === null ? null : row.starts_at - Date.parse(input.rsvpDeadline);
    for (const t of targets) {
      const changes: Partial<EventsTable> = {
        title: input.title,
        description: input.description,
        capacity: input.capacity,
        rsvp_deadline: deadlineBefore === null ? null : t.starts_at - deadlineBefore,
        updated_at: now,
      };
      if (input.startTime && input.endTime) {
        const day = zonedParts(t.starts_at, zone).date;
        const start = zonedInstant(day, input.startTime, zone);
        const end = zonedInstant(day, input.endTime, zone);
        Object.assign(changes, { starts_at: start, ends_at: end, reminded_at: null });
        if (deadlineBefore !== null) changes.rsvp_deadline = start - deadlineBefore;
        if (t.booking_id && t.room_id && (start !== t.starts_at || end !== t.ends_at)) {
          // the old booking goes first, so the event does not clash with its own room
          await cancelWithin(trx, t.booking_id, actor.memberId ?? actor.role, 'Event moved', now);
          const hosts = await repo.hostsOf(trx, t.id);
          const booking = await onDate(day, targets.length > 1, () =>
            bookRoom(ctx, trx, actor, { id: t.room_id!, memberId: hosts[0]!, title: input.title }, start, end),
          );
          changes.booking_id = booking.id;
        }
      }
      // the room keeps reading by the event's title on the boards
      if (t.booking_id && changes.booking_id === undefined && input.title !== t.title) await retitleWithin(trx, t.booking_id, input.title, now);
      await repo.update(trx, t.id, changes);
      if (input.capacity > t.capacity) await promote(inTrx, t.id, input.capacity);
    }
    return get(inTrx, actor, row.id);
  });
}

/** Cancels this event, the following or all of its series: rooms freed, everyone who replied told. */
export async function cancel(ctx: Ctx, actor: Actor, input: { id: string; reason: string; scope: Scope }): Promise<EventDetail> {
  return commit(ctx, ['events.changed', 'bookings.changed'], async (trx) => {
    const inTrx = withDb(ctx, trx);
    const row = await repo.find(trx, input.id);
    if (!row) throw notFound('The event');
    if (row.state === 'cancelled') throw new AppError('CONFLICT', 'This event is already cancelled.');
    for (const t of await reached(inTrx, row, input.scope)) await cancelEvent(inTrx, t, actor.memberId ?? actor.role, input.reason);
    return get(inTrx, actor, row.id);
  });
}
