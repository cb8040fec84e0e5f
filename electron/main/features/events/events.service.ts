import type { EventDetail, EventSummary, Rsvp } from '@shared/contract/events.contract';
import type { MemberRef } from '@shared/contract/network.contract';
import { placeFor, rsvpProblem } from '@shared/domain/events';
import { newId } from '@shared/domain/ids';
import { type Recurrence, describeRecurrence } from '@shared/domain/recurrence';
import { addDaysIso, zonedInstant } from '@shared/domain/zoned';
import type { Kysely } from 'kysely';
import { type Actor, type Ctx, isStaff, withDb } from '../../context';
import type { DB } from '../../db/schema';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { actingMember } from '../../permissions';
import { bookableRecord } from '../bookables';
import { cancelWithin } from '../bookings';
import { currentMember, listedAmong, memberRefs } from '../members';
import { notify } from '../notifications';
import { loadSite } from '../sites';
import { readCoop } from '../settings';
import type { EventRsvpsTable, EventsTable } from './events.tables';
import * as repo from './events.repository';

const HOUR = 3_600_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function summaries(ctx: Ctx, rows: EventsTable[], actor: Actor): Promise<EventSummary[]> {
  const ids = rows.map((r) => r.id);
  const [counts, mine, currency] = await Promise.all([
    repo.counts(ctx.db, ids),
    actor.memberId ? repo.repliesOf(ctx.db, actor.memberId, ids) : Promise.resolve([]),
    readCoop(ctx.db).then((c) => c.currency),
  ]);
  const rooms = new Map<string, string>();
  for (const id of new Set(rows.flatMap((r) => (r.room_id ? [r.room_id] : [])))) rooms.set(id, (await bookableRecord(ctx.db, id))?.name ?? 'A room');
  const ahead = await waitlistPlaces(ctx, mine);
  return rows.map((r) => {
    const reply = mine.find((m) => m.event_id === r.id);
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      startsAt: iso(r.starts_at)!,
      endsAt: iso(r.ends_at)!,
      where: r.room_id ? rooms.get(r.room_id)! : r.venue,
      roomId: r.room_id,
      capacity: r.capacity,
      going: counts.get(r.id)!.going,
      waitlisted: counts.get(r.id)!.waitlisted,
      state: r.state,
      seriesId: r.series_id,
      communityId: r.community_id,
      guestsAllowed: r.guests_allowed === 1,
      priceMinor: r.price_minor,
      currency,
      mine: reply ? { rsvpId: reply.id, state: reply.state, place: ahead.get(reply.id) ?? null } : null,
    };
  });
}

/** Each waitlisted reply's place in its event's line (1 next). */
async function waitlistPlaces(ctx: Ctx, replies: readonly EventRsvpsTable[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const r of replies.filter((x) => x.state === 'waitlisted')) {
    const line = (await repo.rsvps(ctx.db, r.event_id)).filter((x) => x.state === 'waitlisted');
    out.set(r.id, line.findIndex((x) => x.id === r.id) + 1);
  }
  return out;
}

function toRsvp(r: EventRsvpsTable, names: Map<string, MemberRef>, place: number | null): Rsvp {
  return {
    id: r.id,
    member: r.member_id ? (names.get(r.member_id) ?? null) : null,
    guestName: r.guest_name,
    state: r.state,
    place,
    attended: r.attended_at !== null,
    walkIn: r.walk_in === 1,
  };
}

/** The month's events (or any range of days in the site's zone), with places taken and the viewer's reply. */
export async function list(ctx: Ctx, actor: Actor, range: { from: string; to: string }): Promise<EventSummary[]> {
  const zone = (await loadSite(ctx.db, ctx.siteId)).timeZone;
  const rows = await repo.between(ctx.db, zonedInstant(range.from, '00:00', zone), zonedInstant(addDaysIso(range.to, 1), '00:00', zone));
  return summaries(ctx, rows, actor);
}

/** A community's sessions: the coming ones, then the last few (for its page). */
export async function sessionsOf(ctx: Ctx, actor: Actor, communityId: string): Promise<EventSummary[]> {
  const rows = await repo.ofCommunity(ctx.db, communityId);
  const now = ctx.now().getTime();
  const coming = rows.filter((r) => r.ends_at > now);
  const past = rows.filter((r) => r.ends_at <= now).slice(-5);
  return summaries(ctx, [...coming, ...past], actor);
}

/** An event with its hosts and replies: the desk sees guests and who came; a member sees the members going. */
export async function get(ctx: Ctx, actor: Actor, id: string): Promise<EventDetail> {
  const row = await repo.find(ctx.db, id);
  if (!row) throw notFound('The event');
  const [[summary], hostIds, replies, series] = await Promise.all([
    summaries(ctx, [row], actor),
    repo.hostsOf(ctx.db, id),
    repo.rsvps(ctx.db, id),
    seriesOf(ctx.db, row),
  ]);
  const names = await memberRefs(ctx.db, [...hostIds, ...replies.flatMap((r) => (r.member_id ? [r.member_id] : []))]);
  let waiting = 0;
  const all = replies.map((r) => toRsvp(r, names, r.state === 'waitlisted' ? ++waiting : null));
  // a member sees who else is going by name only where those members chose to be listed; the desk sees everyone, guests too
  const listed = isStaff(actor)
    ? null
    : await listedAmong(
        ctx.db,
        replies.flatMap((r) => (r.member_id ? [r.member_id] : [])),
      );
  const shown =
    listed === null ? all : all.filter((r) => r.member !== null && (r.member.id === actor.memberId || (r.state === 'going' && listed.has(r.member.id))));
  return {
    ...summary!,
    description: row.description,
    hosts: hostIds.map((h) => names.get(h)!).filter(Boolean),
    rsvpDeadline: iso(row.rsvp_deadline),
    minAttendees: row.min_attendees,
    decideBy: iso(row.decide_by),
    rsvps: shown,
    attended: replies.filter((r) => r.attended_at !== null).length,
    series,
  };
}

/** "Every month on the same weekday, 6 times": a series' rule in words, and where this event is in it. */
async function seriesOf(db: Kysely<DB>, row: EventsTable): Promise<EventDetail['series']> {
  if (!row.series_id) return null;
  const [series, rows] = await Promise.all([repo.findSeries(db, row.series_id), repo.ofSeries(db, row.series_id)]);
  if (!series) return null;
  return { rule: describeRecurrence(JSON.parse(series.rule) as Recurrence), index: rows.findIndex((r) => r.id === row.id) + 1, total: rows.length };
}

/** Moves the first of the waitlist up while places are free, each told. */
export async function promote(ctx: Ctx, eventId: string, capacity: number): Promise<void> {
  const event = (await repo.find(ctx.db, eventId))!;
  for (;;) {
    const going = (await repo.counts(ctx.db, [eventId])).get(eventId)!.going;
    const next = going < capacity ? await repo.firstWaiting(ctx.db, eventId) : undefined;
    if (!next) return;
    await repo.updateRsvp(ctx.db, next.id, { state: 'going', updated_at: ctx.now().getTime() });
    if (next.member_id)
      await notify(ctx, [next.member_id], { kind: 'event', title: `A place came free: you are going to ${event.title}`, body: '', href: `/events/${eventId}` });
  }
}

/** Cancels one event: its room is freed and everyone who replied is told. */
export async function cancelEvent(ctx: Ctx, row: EventsTable, by: string, reason: string): Promise<void> {
  const now = ctx.now().getTime();
  await repo.update(ctx.db, row.id, { state: 'cancelled', cancel_reason: reason, updated_at: now });
  if (row.booking_id) await cancelWithin(ctx.db, row.booking_id, by, `Event cancelled${reason ? `: ${reason}` : ''}`, now);
  const told = (await repo.rsvps(ctx.db, row.id)).flatMap((r) => (r.member_id ? [r.member_id] : []));
  await notify(ctx, told, { kind: 'event', title: `Cancelled: ${row.title}`, body: reason, href: `/events/${row.id}` });
}

/**
 * Replies to an event: going while places are left, waitlisted after, in order. The count and the
 * insert run in one immediate transaction, so a hundred at once fill exactly the places.
 */
export async function rsvp(ctx: Ctx, actor: Actor, input: { eventId: string; memberId: string | null; guestName: string }): Promise<Rsvp> {
  const guest = input.guestName !== '';
  if (guest && !isStaff(actor)) throw new AppError('FORBIDDEN', 'The desk enters guests.');
  const memberId = guest ? null : actingMember(actor, input.memberId, 'memberId');
  return commit(ctx, 'events.changed', async (trx) => {
    const row = await repo.find(trx, input.eventId);
    if (!row) throw notFound('The event');
    const problem = rsvpProblem(
      { state: row.state, endsAt: row.ends_at, rsvpDeadline: row.rsvp_deadline, guestsAllowed: row.guests_allowed === 1 },
      ctx.now().getTime(),
      guest,
    );
    if (problem) throw new AppError('RULE', problem, { eventId: problem });
    if (memberId) {
      await currentMember(trx, memberId);
      if (await repo.liveRsvpOf(trx, row.id, memberId)) throw new AppError('CONFLICT', 'Already replied: see your place on the event.');
    }
    const counted = (await repo.counts(trx, [row.id])).get(row.id)!;
    const now = ctx.now().getTime();
    const reply: EventRsvpsTable = {
      id: newId(),
      event_id: row.id,
      member_id: memberId,
      guest_name: input.guestName,
      state: placeFor(counted.going, row.capacity),
      seq: await repo.nextSeq(trx, row.id),
      created_at: now,
      updated_at: now,
      attended_at: null,
      walk_in: 0,
    };
    await repo.insertRsvp(trx, reply);
    const names = await memberRefs(trx, memberId ? [memberId] : []);
    // the new reply is last in line: after those already waiting
    const place = reply.state === 'waitlisted' ? counted.waitlisted + 1 : null;
    return toRsvp(reply, names, place);
  });
}

/** Cancels a reply (the member's own, or the desk's for anyone); a place freed goes to the first waiting. */
export async function cancelRsvp(ctx: Ctx, actor: Actor, id: string): Promise<Rsvp> {
  return commit(ctx, 'events.changed', async (trx) => {
    const r = await repo.findRsvp(trx, id);
    if (!r || (!isStaff(actor) && r.member_id !== actor.memberId)) throw notFound('The reply');
    if (r.state === 'cancelled') throw new AppError('CONFLICT', 'This reply is already cancelled.');
    const event = (await repo.find(trx, r.event_id))!;
    await repo.updateRsvp(trx, r.id, { state: 'cancelled', updated_at: ctx.now().getTime() });
    if (r.state === 'going') await promote(withDb(ctx, trx), event.id, event.capacity);
    return toRsvp({ ...r, state: 'cancelled' }, await memberRefs(trx, r.member_id ? [r.member_id] : []), null);
  });
}

/** Checks someone in at the door (the desk, or a member at the kiosk for themselves); no reply means a walk-in, recorded as such. */
export async function checkIn(ctx: Ctx, actor: Actor, input: { eventId: string; memberId: string | null; guestName: string }): Promise<Rsvp> {
  const guest = input.guestName !== '';
  if (guest && !isStaff(actor)) throw new AppError('FORBIDDEN', 'The desk checks guests in.');
  const memberId = guest ? null : actingMember(actor, input.memberId, 'memberId');
  return commit(ctx, 'events.changed', async (trx) => {
    const row = await repo.find(trx, input.eventId);
    if (!row) throw notFound('The event');
    if (row.state === 'cancelled') throw new AppError('RULE', 'This event is cancelled.', { eventId: 'Cancelled' });
    const now = ctx.now().getTime();
    // a member checks themselves in at the door, not from home the week before
    if (!isStaff(actor) && (now < row.starts_at - HOUR || now > row.ends_at))
      throw new AppError('RULE', 'Check in at the event itself, from an hour before it starts.', { eventId: 'Not now' });
    const existing = memberId ? await repo.liveRsvpOf(trx, row.id, memberId) : undefined;
    if (existing?.attended_at) throw new AppError('CONFLICT', 'Already checked in.');
    let reply: EventRsvpsTable;
    if (existing) {
      reply = { ...existing, attended_at: now, state: 'going', updated_at: now };
      await repo.updateRsvp(trx, existing.id, { attended_at: now, state: 'going', updated_at: now });
    } else {
      if (memberId) await currentMember(trx, memberId);
      reply = {
        id: newId(),
        event_id: row.id,
        member_id: memberId,
        guest_name: input.guestName,
        state: 'going',
        seq: await repo.nextSeq(trx, row.id),
        created_at: now,
        updated_at: now,
        attended_at: now,
        walk_in: 1,
      };
      await repo.insertRsvp(trx, reply);
    }
    return toRsvp(reply, await memberRefs(trx, memberId ? [memberId] : []), null);
  });
}

export interface EventFee {
  memberId: string;
  eventId: string;
  title: string;
  startsAt: number;
  priceMinor: number;
}

/** Members' places at paid events that went ahead, starting in `from`..`to` (all members, or one): what statements charge. */
export async function feesBetween(db: Kysely<DB>, from: number, to: number, memberId?: string): Promise<EventFee[]> {
  return (await repo.feesBetween(db, from, to, memberId)).map((f) => ({
    memberId: f.member_id,
    eventId: f.id,
    title: f.title,
    startsAt: f.starts_at,
    priceMinor: f.price_minor,
  }));
}
