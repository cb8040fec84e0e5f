import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { EventRsvpsTable, EventSeriesTable, EventsTable, FairExhibitorsTable, FairNeedsTable } from './events.tables';

/** Events' reads and writes. */

export async function insert(db: Kysely<DB>, row: EventsTable, hostIds: readonly string[]): Promise<void> {
  await db.insertInto('events').values(row).execute();
  await db
    .insertInto('event_hosts')
    .values(hostIds.map((member_id) => ({ event_id: row.id, member_id })))
    .execute();
}

export async function insertSeries(db: Kysely<DB>, row: EventSeriesTable): Promise<void> {
  await db.insertInto('event_series').values(row).execute();
}

export const findSeries = (db: Kysely<DB>, id: string) => db.selectFrom('event_series').selectAll().where('id', '=', id).executeTakeFirst();

/** A series' events, cancelled ones too, in order. */
export const ofSeries = (db: Kysely<DB>, seriesId: string) =>
  db.selectFrom('events').selectAll().where('series_id', '=', seriesId).orderBy('starts_at').execute();

/** A community's sessions (not cancelled), by start. */
export const ofCommunity = (db: Kysely<DB>, communityId: string) =>
  db.selectFrom('events').selectAll().where('community_id', '=', communityId).where('state', '=', 'scheduled').orderBy('starts_at').limit(500).execute();

/** Whether the co-op has events of its own (outside communities): the demo's events are seeded once. */
export const hasOneOffs = async (db: Kysely<DB>) =>
  (await db.selectFrom('events').select('id').where('community_id', 'is', null).limit(1).executeTakeFirst()) !== undefined;

/** A member's events from `from` on: those they replied to (live) or host; and which of them they wait for. */
export async function ofMember(db: Kysely<DB>, memberId: string, from: number): Promise<{ rows: EventsTable[]; waiting: Set<string> }> {
  const replies = await db
    .selectFrom('event_rsvps')
    .innerJoin('events', 'events.id', 'event_rsvps.event_id')
    .select(['event_rsvps.event_id', 'event_rsvps.state'])
    .where('event_rsvps.member_id', '=', memberId)
    .where('event_rsvps.state', '!=', 'cancelled')
    .where('events.starts_at', '>=', from)
    .execute();
  const hosted = await db
    .selectFrom('event_hosts')
    .innerJoin('events', 'events.id', 'event_hosts.event_id')
    .select('event_hosts.event_id')
    .where('event_hosts.member_id', '=', memberId)
    .where('events.starts_at', '>=', from)
    .execute();
  const ids = [...new Set([...replies.map((r) => r.event_id), ...hosted.map((h) => h.event_id)])];
  const rows = ids.length ? await db.selectFrom('events').selectAll().where('id', 'in', ids).orderBy('starts_at').execute() : [];
  return { rows, waiting: new Set(replies.filter((r) => r.state === 'waitlisted').map((r) => r.event_id)) };
}

export const find = (db: Kysely<DB>, id: string) => db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();

export async function update(db: Kysely<DB>, id: string, values: Partial<EventsTable>): Promise<void> {
  await db.updateTable('events').set(values).where('id', '=', id).execute();
}

/** Events starting in [from, to), by start. */
export const between = (db: Kysely<DB>, from: number, to: number) =>
  db.selectFrom('events').selectAll().where('starts_at', '>=', from).where('starts_at', '<', to).orderBy('starts_at').limit(1000).execute();

/** Going and waitlisted counts per event. */
export async function counts(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, { going: number; waitlisted: number }>> {
  const out = new Map<string, { going: number; waitlisted: number }>(ids.map((id) => [id, { going: 0, waitlisted: 0 }]));
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('event_rsvps')
    .select(['event_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', ids)
    .where('state', 'in', ['going', 'waitlisted'])
    .groupBy(['event_id', 'state'])
    .execute();
  for (const r of rows) out.get(r.event_id)![r.state as 'going' | 'waitlisted'] = Number(r.n);
  return out;
}

/** One member's live replies to these events. */
export const repliesOf = (db: Kysely<DB>, memberId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('event_rsvps').selectAll().where('member_id', '=', memberId).where('event_id', 'in', ids).where('state', '!=', 'cancelled').execute();

export const hostsOf = async (db: Kysely<DB>, eventId: string) =>
  (await db.selectFrom('event_hosts').select('member_id').where('event_id', '=', eventId).execute()).map((r) => r.member_id);

/** An event's live replies and walk-ins, in order. */
export const rsvps = (db: Kysely<DB>, eventId: string) =>
  db.selectFrom('event_rsvps').selectAll().where('event_id', '=', eventId).where('state', '!=', 'cancelled').orderBy('seq').execute();

export const findRsvp = (db: Kysely<DB>, id: string) => db.selectFrom('event_rsvps').selectAll().where('id', '=', id).executeTakeFirst();

export const liveRsvpOf = (db: Kysely<DB>, eventId: string, memberId: string) =>
  db
    .selectFrom('event_rsvps')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('member_id', '=', memberId)
    .where('state', '!=', 'cancelled')
    .executeTakeFirst();

export async function nextSeq(db: Kysely<DB>, eventId: string): Promise<number> {
  const r = await db
    .selectFrom('event_rsvps')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export async function insertRsvp(db: Kysely<DB>, row: EventRsvpsTable): Promise<void> {
  await db.insertInto('event_rsvps').values(row).execute();
}

export async function updateRsvp(db: Kysely<DB>, id: string, values: Partial<EventRsvpsTable>): Promise<void> {
  await db.updateTable('event_rsvps').set(values).where('id', '=', id).execute();
}

/** The first on the waitlist, if any. */
export const firstWaiting = (db: Kysely<DB>, eventId: string) =>
  db.selectFrom('event_rsvps').selectAll().where('event_id', '=', eventId).where('state', '=', 'waitlisted').orderBy('seq').limit(1).executeTakeFirst();

/** Scheduled events starting in [from, to) not yet reminded. */
export const toRemind = (db: Kysely<DB>, from: number, to: number) =>
  db
    .selectFrom('events')
    .selectAll()
    .where('state', '=', 'scheduled')
    .where('reminded_at', 'is', null)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .execute();

/** Scheduled events whose decision time has passed, with a minimum set. */
export const toDecide = (db: Kysely<DB>, now: number) =>
  db
    .selectFrom('events')
    .selectAll()
    .where('state', '=', 'scheduled')
    .where('decide_by', 'is not', null)
    .where('decide_by', '<=', now)
    .where('starts_at', '>', now)
    .execute();

/** Replies to events that started in [from, to): for attendance counts. */
export const repliesBetween = (db: Kysely<DB>, from: number, to: number) =>
  db
    .selectFrom('event_rsvps')
    .innerJoin('events', 'events.id', 'event_rsvps.event_id')
    .select(['event_rsvps.member_id', 'event_rsvps.state', 'event_rsvps.attended_at', 'events.kind', 'events.id as event_id', 'events.starts_at'])
    .where('events.starts_at', '>=', from)
    .where('events.starts_at', '<', to)
    .where('events.state', '=', 'scheduled')
    .execute();

export const exhibitors = (db: Kysely<DB>, eventId: string) =>
  db.selectFrom('fair_exhibitors').selectAll().where('event_id', '=', eventId).orderBy('stand').execute();

export async function upsertExhibitor(db: Kysely<DB>, row: FairExhibitorsTable): Promise<void> {
  await db
    .insertInto('fair_exhibitors')
    .values(row)
    .onConflict((oc) => oc.columns(['event_id', 'member_id']).doUpdateSet({ stand: row.stand }))
    .execute();
}

export async function deleteExhibitor(db: Kysely<DB>, eventId: string, memberId: string): Promise<boolean> {
  const r = await db.deleteFrom('fair_exhibitors').where('event_id', '=', eventId).where('member_id', '=', memberId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export const fairNeeds = (db: Kysely<DB>, eventId: string) =>
  db.selectFrom('fair_needs').selectAll().where('event_id', '=', eventId).orderBy('noted_at', 'desc').limit(500).execute();

export async function insertFairNeed(db: Kysely<DB>, row: FairNeedsTable): Promise<void> {
  await db.insertInto('fair_needs').values(row).execute();
}

/** Members' places at paid events starting in `from`..`to` that went ahead: what statements charge (all members, or one). */
export function feesBetween(db: Kysely<DB>, from: number, to: number, memberId?: string) {
  let q = db
    .selectFrom('event_rsvps')
    .innerJoin('events', 'events.id', 'event_rsvps.event_id')
    .select(['event_rsvps.member_id', 'events.id', 'events.title', 'events.starts_at', 'events.price_minor'])
    .where('events.starts_at', '>=', from)
    .where('events.starts_at', '<', to)
    .where('events.price_minor', '>', 0)
    .where('events.state', '=', 'scheduled')
    .where('event_rsvps.state', '=', 'going')
    .where('event_rsvps.member_id', 'is not', null);
  if (memberId) q = q.where('event_rsvps.member_id', '=', memberId);
  return q.orderBy('events.starts_at').execute() as Promise<{ member_id: string; id: string; title: string; starts_at: number; price_minor: number }[]>;
}
