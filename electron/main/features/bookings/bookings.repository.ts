import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { rowsAsArrays } from '../../db/rows';
import type { DB } from '../../db/schema';
import type { BookingsTable } from './bookings.tables';

/** A booking with what a screen shows next to it. */
export type BookingRow = BookingsTable & {
  bookable_name: string;
  kind: 'desk' | 'room' | 'resource';
  site_id: string;
  time_zone: string;
  member_name: string | null;
};

/** Bookings that hold their bookable: waiting for approval or confirmed. */
export const ACTIVE = ['pending', 'confirmed'] as const;

/** The bookings among `ids`, with their bookable and zone (the audit log names them). */
export const withIds = (db: Kysely<DB>, ids: readonly string[]) =>
  ids.length === 0 ? Promise.resolve([]) : detailed(db).where('bookings.id', 'in', ids).execute();

const detailed = (db: Kysely<DB>) =>
  db
    .selectFrom('bookings')
    .innerJoin('bookables', 'bookables.id', 'bookings.bookable_id')
    .innerJoin('sites', 'sites.id', 'bookables.site_id')
    .leftJoin('members', 'members.id', 'bookings.member_id')
    .selectAll('bookings')
    .select(['bookables.name as bookable_name', 'bookables.kind', 'bookables.site_id', 'sites.time_zone', 'members.name as member_name']);

export const findById = (db: Kysely<DB>, id: string) => detailed(db).where('bookings.id', '=', id).executeTakeFirst() as Promise<BookingRow | undefined>;

/**
 * The longest occupancy any of these bookables (or any at the site, or anywhere) has ever had,
 * kept by triggers in bookable_spans. An interval query scans the time index from that far
 * before its start, not from the beginning of time.
 */
export async function longestSpan(db: Kysely<DB>, scope: { bookableIds: readonly string[] } | { siteId: string } | 'all'): Promise<number> {
  let query = db.selectFrom('bookable_spans').select((eb) => eb.fn.max<number | null>('bookable_spans.longest_ms').as('longest'));
  if (scope !== 'all' && 'bookableIds' in scope) query = query.where('bookable_spans.bookable_id', 'in', scope.bookableIds as string[]);
  if (scope !== 'all' && 'siteId' in scope) {
    query = query.where('bookable_spans.bookable_id', 'in', (eb) =>
      eb.selectFrom('bookables').select('bookables.id').where('bookables.site_id', '=', scope.siteId),
    );
  }
  const { longest } = await query.executeTakeFirstOrThrow();
  return longest ?? 0;
}

export interface HeldRow {
  id: string;
  bookable_id: string;
  occ_start_ms: number;
  occ_end_ms: number;
  start_ms: number;
  end_ms: number;
  /** Units held (bookings.units). */
  quantity: number;
  member_name: string | null;
  guest_name: string;
}

/** Active bookings of these bookables whose occupancy overlaps [occStart, occEnd). */
export async function held(db: Kysely<DB>, bookableIds: readonly string[], occStart: number, occEnd: number, exclude: readonly string[] = []) {
  const span = await longestSpan(db, { bookableIds });
  let query = db
    .selectFrom('bookings')
    .leftJoin('members', 'members.id', 'bookings.member_id')
    .select([
      'bookings.id',
      'bookings.bookable_id',
      'bookings.occ_start_ms',
      'bookings.occ_end_ms',
      'bookings.start_ms',
      'bookings.end_ms',
      'bookings.units as quantity',
      'bookings.guest_name',
      'members.name as member_name',
    ])
    .where('bookings.bookable_id', bookableIds.length === 1 ? '=' : 'in', bookableIds.length === 1 ? bookableIds[0] : (bookableIds as string[]))
    .where('bookings.status', 'in', ACTIVE)
    .where('bookings.occ_start_ms', '>=', occStart - span)
    .where('bookings.occ_start_ms', '<', occEnd)
    .where('bookings.occ_end_ms', '>', occStart);
  if (exclude.length > 0) query = query.where('bookings.id', 'not in', exclude as string[]);
  return query.orderBy('bookings.occ_start_ms').execute() as Promise<HeldRow[]>;
}

/** How many bookings a member holds from now on; a series counts once. */
export async function memberCommitments(db: Kysely<DB>, memberId: string, now: number, exclude: readonly string[] = []): Promise<number> {
  let query = db
    .selectFrom('bookings')
    .select((eb) => eb.fn.count<number>(eb.fn.coalesce('bookings.series_id', 'bookings.id')).distinct().as('n'))
    .where('bookings.member_id', '=', memberId)
    .where('bookings.status', 'in', ACTIVE)
    .where('bookings.end_ms', '>', now);
  if (exclude.length > 0) query = query.where('bookings.id', 'not in', exclude as string[]);
  const { n } = await query.executeTakeFirstOrThrow();
  return Number(n);
}

export async function insert(db: Kysely<DB>, row: BookingsTable): Promise<void> {
  await db.insertInto('bookings').values(row).execute();
}

export async function update(db: Kysely<DB>, id: string, values: Partial<BookingsTable>): Promise<void> {
  await db.updateTable('bookings').set(values).where('id', '=', id).execute();
}

export async function insertSeries(db: Kysely<DB>, row: DB['booking_series']): Promise<void> {
  await db.insertInto('booking_series').values(row).execute();
}

/** A series' active bookings starting at or after `fromStart`. */
export const seriesFrom = (db: Kysely<DB>, seriesId: string, fromStart: number) =>
  detailed(db)
    .where('bookings.series_id', '=', seriesId)
    .where('bookings.start_ms', '>=', fromStart)
    .where('bookings.status', 'in', ACTIVE)
    .orderBy('bookings.start_ms')
    .execute() as Promise<BookingRow[]>;

export type BoardScope = { siteId: string; from: number; to: number; withReleased?: boolean; bookableIds?: readonly string[] };

/**
 * Bookings at a site overlapping [from, to): active ones (and released no-shows, which the boards
 * draw), in a whole order (ties by id, time-ordered UUIDv7) so SQLite and PostgreSQL agree.
 */
async function onBoardQuery(db: Kysely<DB>, { siteId, from, to, withReleased = false, bookableIds }: BoardScope) {
  const span = await longestSpan(db, bookableIds ? { bookableIds } : { siteId });
  const query = db
    .selectFrom('bookings')
    .innerJoin('bookables', 'bookables.id', 'bookings.bookable_id')
    .where('bookings.occ_start_ms', '>=', from - span)
    .where('bookings.occ_start_ms', '<', to)
    .where('bookings.end_ms', '>', from)
    .where('bookings.start_ms', '<', to)
    .where('bookings.status', 'in', withReleased ? [...ACTIVE, 'released'] : ACTIVE)
    .where('bookables.site_id', '=', siteId)
    .orderBy('bookings.start_ms')
    .orderBy('bookings.id');
  return bookableIds ? query.where('bookings.bookable_id', 'in', bookableIds as string[]) : query;
}

// 'in' (checked in) or the status: one column instead of two
const stateOf = (eb: ExpressionBuilder<DB, 'bookings'>) =>
  eb.fn.coalesce(sql<string>`case when bookings.checked_in_at is not null then 'in' end`, 'bookings.status').as('state');

/**
 * The day board's bookings, with only what a block shows, as arrays (hundreds of rows a day;
 * building objects is the cost). `ids` narrows them to those bookings.
 */
export async function onBoard(db: Kysely<DB>, scope: BoardScope, ids?: readonly string[]): Promise<BoardRow[]> {
  if (ids?.length === 0) return [];
  let query = (await onBoardQuery(db, scope))
    .leftJoin('members', 'members.id', 'bookings.member_id')
    .select((eb) => [
      'bookings.id',
      'bookings.bookable_id',
      'members.name',
      'bookings.guest_name',
      'bookings.title',
      'bookings.quantity',
      'bookings.start_ms',
      'bookings.end_ms',
      stateOf(eb),
      'bookings.member_id',
    ]);
  if (ids) query = query.where('bookings.id', 'in', ids as string[]);
  return (await rowsAsArrays(db, query)) as BoardRow[];
}

/**
 * What a month needs of every booking to count them and see how full each day is: no names, no
 * member looked up (for ten thousand bookings the lookup was most of the read).
 */
export async function heldOnBoard(db: Kysely<DB>, scope: BoardScope): Promise<HeldOnBoardRow[]> {
  const query = (await onBoardQuery(db, scope)).select((eb) => [
    'bookings.id',
    'bookings.bookable_id',
    'bookings.quantity',
    'bookings.start_ms',
    'bookings.end_ms',
    stateOf(eb),
  ]);
  return (await rowsAsArrays(db, query)) as HeldOnBoardRow[];
}
/** [id, bookable id, quantity, start ms, end ms, 'in' | status] */
export type HeldOnBoardRow = [string, string, number, number, number, string];
/** [id, bookable id, member name, guest name, title, quantity, start ms, end ms, 'in' | status, member id] */
export type BoardRow = [string, string, string | null, string, string, number, number, number, string, string | null];

/** Active bookings of one bookable overlapping [from, to). */
export async function ofBookable(db: Kysely<DB>, bookableId: string, from: number, to: number) {
  const span = await longestSpan(db, { bookableIds: [bookableId] });
  return detailed(db)
    .where('bookings.bookable_id', '=', bookableId)
    .where('bookings.occ_start_ms', '>=', from - span)
    .where('bookings.occ_start_ms', '<', to)
    .where('bookings.end_ms', '>', from)
    .where('bookings.status', 'in', ACTIVE)
    .orderBy('bookings.start_ms')
    .execute() as Promise<BookingRow[]>;
}

export function ofMember(db: Kysely<DB>, memberId: string, when: 'upcoming' | 'past', now: number) {
  const query = detailed(db).where('bookings.member_id', '=', memberId);
  return (
    when === 'upcoming'
      ? query.where('bookings.end_ms', '>', now).where('bookings.status', 'in', ACTIVE).orderBy('bookings.start_ms').limit(500)
      : query.where('bookings.end_ms', '<=', now).orderBy('bookings.start_ms', 'desc').limit(200)
  ).execute() as Promise<BookingRow[]>;
}

export const pending = (db: Kysely<DB>) =>
  detailed(db).where('bookings.status', '=', 'pending').orderBy('bookings.start_ms').execute() as Promise<BookingRow[]>;

/** Confirmed bookings under way and not checked in: candidates for the no-show release. */
export const unattended = async (db: Kysely<DB>, now: number) =>
  db
    .selectFrom('bookings')
    .select(['bookings.id', 'bookings.bookable_id', 'bookings.start_ms'])
    .where('bookings.occ_start_ms', '>=', now - (await longestSpan(db, 'all')))
    .where('bookings.start_ms', '<', now)
    .where('bookings.end_ms', '>', now)
    .where('bookings.status', '=', 'confirmed')
    .where('bookings.checked_in_at', 'is', null)
    .execute();

/** Marks checked in the member's confirmed bookings not yet checked in that start by `startsBy` and have not ended at `now`. */
export async function checkInBookingsStartingBefore(db: Kysely<DB>, memberId: string, now: number, startsBy: number) {
  return db
    .updateTable('bookings')
    .set({ checked_in_at: now, updated_at: now })
    .where('member_id', '=', memberId)
    .where('status', '=', 'confirmed')
    .where('checked_in_at', 'is', null)
    .where('start_ms', '<=', startsBy)
    .where('end_ms', '>', now)
    .returning(['id', 'bookable_id'])
    .execute();
}

/**
 * Members' confirmed bookings overlapping two instants (the premises' use, for costs shared by it).
 * A booking lies within a day's opening hours, so its occupancy starts at most a day before
 * `from`: that bound lets the time index answer.
 */
export const confirmedBetween = (db: Kysely<DB>, from: number, to: number) =>
  db
    .selectFrom('bookings')
    .select(['member_id', 'start_ms', 'end_ms'])
    .where('occ_start_ms', '>=', from - 86_400_000)
    .where('occ_start_ms', '<', to)
    .where('status', '=', 'confirmed')
    .where('member_id', 'is not', null)
    .where('start_ms', '<', to)
    .where('end_ms', '>', from)
    .execute();

/**
 * What a booking still costs its member: pending, confirmed, released for a no-show, or
 * cancelled after the cut-off. Cancelled within it (or declined), it costs nothing and its
 * credits come back.
 */
const charged = (eb: ExpressionBuilder<DB, 'bookings'>) =>
  eb.or([
    eb('bookings.status', 'in', ['pending', 'confirmed', 'released']),
    eb.and([eb('bookings.status', '=', 'cancelled'), eb('bookings.cutoff_overridden', '=', 1)]),
  ]);

/** Credits a member spent on bookables of a kind starting in `from`..`to` (read through the member's time index). */
export async function creditsSpent(db: Kysely<DB>, memberId: string, kind: BookingRow['kind'], range: { from: number; to: number }): Promise<number> {
  const q = db
    .selectFrom('bookings')
    .innerJoin('bookables', 'bookables.id', 'bookings.bookable_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('bookings.credits_used'), eb.val(0)).as('spent'))
    .where('bookings.member_id', '=', memberId)
    .where('bookings.start_ms', '>=', range.from)
    .where('bookings.start_ms', '<', range.to)
    .where('bookables.kind', '=', kind)
    .where(charged);
  return Number((await q.executeTakeFirstOrThrow()).spent);
}

/** Members' bookings that cost something or used credits, starting in `from`..`to` (all members, or one), oldest first. */
export function chargedBetween(db: Kysely<DB>, from: number, to: number, memberId?: string) {
  let q = db
    .selectFrom('bookings')
    .innerJoin('bookables', 'bookables.id', 'bookings.bookable_id')
    .select([
      'bookings.id',
      'bookings.member_id',
      'bookings.start_ms',
      'bookings.end_ms',
      'bookings.status',
      'bookings.price_minor',
      'bookings.credits_used',
      'bookables.name as bookable_name',
      'bookables.kind',
    ])
    .where('bookings.member_id', 'is not', null)
    .where((eb) => eb.or([eb('bookings.price_minor', '>', 0), eb('bookings.credits_used', '>', 0)]))
    .where(charged);
  q = memberId
    ? q.where('bookings.member_id', '=', memberId).where('bookings.start_ms', '>=', from).where('bookings.start_ms', '<', to)
    : // through the time index: a booking's occupancy starts at most its buffer (under a day) before it
      q
        .where('bookings.occ_start_ms', '>=', from - 86_400_000)
        .where('bookings.occ_start_ms', '<', to)
        .where('bookings.start_ms', '>=', from)
        .where('bookings.start_ms', '<', to);
  return q.orderBy('bookings.start_ms').execute();
}
