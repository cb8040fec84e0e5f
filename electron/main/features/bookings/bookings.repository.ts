import type { Kysely } from 'kysely';
import { MAX_BOOKING_SPAN_MS } from '../../../../shared/domain/bookingRules';
import type { BookingsTable, DB } from '../../db/schema';

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

const detailed = (db: Kysely<DB>) =>
  db
    .selectFrom('bookings')
    .innerJoin('bookables', 'bookables.id', 'bookings.bookable_id')
    .innerJoin('sites', 'sites.id', 'bookables.site_id')
    .leftJoin('members', 'members.id', 'bookings.member_id')
    .selectAll('bookings')
    .select(['bookables.name as bookable_name', 'bookables.kind', 'bookables.site_id', 'sites.time_zone', 'members.name as member_name']);

export const findById = (db: Kysely<DB>, id: string) =>
  detailed(db).where('bookings.id', '=', id).executeTakeFirst() as Promise<BookingRow | undefined>;

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

/**
 * Active bookings of these bookables whose occupancy overlaps [occStart, occEnd). No booking
 * lasts longer than MAX_BOOKING_SPAN_MS, so the index range starts that far back, not at the
 * beginning of time.
 */
export function held(db: Kysely<DB>, bookableIds: readonly string[], occStart: number, occEnd: number, exclude: readonly string[] = []) {
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
    .where('bookings.occ_start_ms', '>', occStart - MAX_BOOKING_SPAN_MS)
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

/** Active bookings at a site overlapping [from, to), found through the time index. */
export const atSite = (db: Kysely<DB>, siteId: string, from: number, to: number, longestSpan: number) =>
  detailed(db)
    .where('bookings.occ_start_ms', '>', from - longestSpan)
    .where('bookings.occ_start_ms', '<', to)
    .where('bookings.end_ms', '>', from)
    .where('bookings.start_ms', '<', to)
    .where('bookings.status', 'in', ACTIVE)
    .where('bookables.site_id', '=', siteId)
    .orderBy('bookings.start_ms')
    .execute() as Promise<BookingRow[]>;

/** Active bookings of one bookable overlapping [from, to). */
export const ofBookable = (db: Kysely<DB>, bookableId: string, from: number, to: number) =>
  detailed(db)
    .where('bookings.bookable_id', '=', bookableId)
    .where('bookings.occ_start_ms', '>', from - MAX_BOOKING_SPAN_MS)
    .where('bookings.occ_start_ms', '<', to)
    .where('bookings.end_ms', '>', from)
    .where('bookings.status', 'in', ACTIVE)
    .orderBy('bookings.start_ms')
    .execute() as Promise<BookingRow[]>;

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
export const unattended = (db: Kysely<DB>, now: number) =>
  db
    .selectFrom('bookings')
    .select(['bookings.id', 'bookings.bookable_id', 'bookings.start_ms'])
    .where('bookings.occ_start_ms', '>', now - MAX_BOOKING_SPAN_MS)
    .where('bookings.start_ms', '<', now)
    .where('bookings.end_ms', '>', now)
    .where('bookings.status', '=', 'confirmed')
    .where('bookings.checked_in_at', 'is', null)
    .execute();
