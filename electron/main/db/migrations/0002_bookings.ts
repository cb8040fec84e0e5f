import { type Kysely, sql } from 'kysely';
import { rowTrigger } from '../dialect';

/** Frozen in time: bookables, closures, bookings and series, with a database-level guard against overbooking. */

const DEFAULT_SITE_RULES = {
  slotMinutes: 15,
  minMinutes: 15,
  maxMinutes: 600,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  maxDaysAhead: 90,
  minNoticeMinutes: 0,
  cancelCutoffMinutes: 60,
  maxConcurrentPerMember: 20,
  noShowGraceMinutes: 30,
  membersOnly: true,
  approvalRequired: false,
  checkinRequired: false,
  withinOpeningHours: true,
};

/**
 * The guard: the most units held at any moment of the new booking's occupancy, plus its own,
 * must fit the bookable: a room is taken whole (one unit), desks and resources have `capacity` units. Held load changes only where a booking starts, so it is
 * enough to look at the new start and every start inside the new occupancy. The longest booking
 * a bookable ever had (bookable_spans, kept by triggers) bounds how far back the index scan goes.
 */
function load(excludeSelf: boolean): string {
  const other = (alias: string) =>
    `${alias}.bookable_id = new.bookable_id and ${alias}.status in ('pending','confirmed')` + (excludeSelf ? ` and ${alias}.id <> new.id` : '');
  return `
      select coalesce(max(load), 0) from (
        select p.t, sum(b.units) as load
        from (
          select new.occ_start_ms as t
          union
          select o.occ_start_ms from bookings o
          where ${other('o')} and o.occ_start_ms > new.occ_start_ms and o.occ_start_ms < new.occ_end_ms
        ) p
        join bookings b on ${other('b')}
          and b.occ_start_ms > p.t - (select coalesce(max(longest_ms), 0) from bookable_spans where bookable_id = new.bookable_id)
          and b.occ_start_ms <= p.t and b.occ_end_ms > p.t
        group by p.t
      ) loads`;
}
const units = `(select case kind when 'room' then 1 else capacity end from bookables where id = new.bookable_id)`;
const OVERBOOKED = 'OVERBOOKED: the bookable is fully booked at that time';

/**
 * SQLite runs one writer at a time, so the check sees every booking committed before it. On
 * PostgreSQL a lock per bookable, held to the end of the transaction, makes bookings of the same
 * bookable wait for each other, and the check then sees the one before it.
 */
const guard = (excludeSelf: boolean) => ({
  sqlite: `select raise(abort, '${OVERBOOKED}') where (${load(excludeSelf)}) + new.units > ${units};`,
  postgres: `perform pg_advisory_xact_lock(hashtext(new.bookable_id)); if (${load(excludeSelf)}) + new.units > ${units} then raise exception '${OVERBOOKED}'; end if;`,
});

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sites')
    .addColumn('booking_rules', 'text', (c) => c.notNull().defaultTo(JSON.stringify(DEFAULT_SITE_RULES)))
    .execute();

  await db.schema
    .createTable('site_closures')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('site_closures_pk', ['site_id', 'date'])
    .execute();

  await db.schema
    .createTable('bookables')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('desk','room','resource')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity >= 1`))
    .addColumn('features', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('hourly_rate_minor', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`hourly_rate_minor >= 0`),
    )
    .addColumn('owner_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('rule_overrides', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('retired_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bookables_site').on('bookables').columns(['site_id', 'kind', 'name']).execute();

  await db.schema
    .createTable('booking_series')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('bookable_id', 'text', (c) => c.notNull().references('bookables.id'))
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('recurrence', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('bookings')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('bookable_id', 'text', (c) => c.notNull().references('bookables.id'))
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('guest_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    // People in a room, or desks/items taken; `units` is what the booking holds (a room: 1, whole).
    .addColumn('quantity', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`quantity >= 1`),
    )
    .addColumn('units', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`units >= 1`),
    )
    .addColumn('start_ms', 'integer', (c) => c.notNull())
    .addColumn('end_ms', 'integer', (c) => c.notNull())
    .addColumn('occ_start_ms', 'integer', (c) => c.notNull())
    .addColumn('occ_end_ms', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','confirmed','cancelled','released','declined')`))
    .addColumn('series_id', 'text', (c) => c.references('booking_series.id'))
    .addColumn('price_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'integer')
    .addColumn('cancelled_at', 'integer')
    .addColumn('cancelled_by', 'text')
    .addColumn('cancel_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cutoff_overridden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    // Half-open [start, end); the occupancy includes buffers; a booking lasts at most 31 days.
    .addCheckConstraint('bookings_interval', sql`start_ms < end_ms and occ_start_ms <= start_ms and occ_end_ms >= end_ms`)
    .addCheckConstraint('bookings_span', sql`occ_end_ms - occ_start_ms <= 2678400000`)
    .addCheckConstraint('bookings_who', sql`member_id is not null or guest_name <> ''`)
    .execute();
  await db.schema.createIndex('bookings_by_bookable').on('bookings').columns(['bookable_id', 'occ_start_ms']).execute();
  await db.schema.createIndex('bookings_by_time').on('bookings').columns(['occ_start_ms']).execute();
  await db.schema.createIndex('bookings_by_member').on('bookings').columns(['member_id', 'start_ms']).execute();
  await db.schema.createIndex('bookings_by_series').on('bookings').columns(['series_id', 'start_ms']).execute();
  await sql`create index bookings_pending on bookings (start_ms) where status = 'pending'`.execute(db);

  // The longest occupancy each bookable has ever had: interval queries start that far back.
  await db.schema
    .createTable('bookable_spans')
    .addColumn('bookable_id', 'text', (c) => c.primaryKey().notNull().references('bookables.id'))
    .addColumn('longest_ms', 'integer', (c) => c.notNull())
    .execute();
  for (const event of ['insert', 'update of occ_start_ms, occ_end_ms']) {
    const longest = (sql: string) => `insert into bookable_spans (bookable_id, longest_ms) values (new.bookable_id, new.occ_end_ms - new.occ_start_ms)
      on conflict (bookable_id) do update set longest_ms = ${sql};`;
    await rowTrigger(db, {
      name: `bookings_span_${event.split(' ')[0]}`,
      timing: 'after',
      event,
      table: 'bookings',
      sqlite: longest('max(longest_ms, excluded.longest_ms)'),
      postgres: longest('greatest(bookable_spans.longest_ms, excluded.longest_ms)'),
    });
  }
  const active = "new.status in ('pending','confirmed')";
  await rowTrigger(db, { name: 'bookings_guard_insert', timing: 'before', event: 'insert', table: 'bookings', when: active, ...guard(false) });
  await rowTrigger(db, {
    name: 'bookings_guard_update',
    timing: 'before',
    event: 'update of start_ms, end_ms, occ_start_ms, occ_end_ms, units, status, bookable_id',
    table: 'bookings',
    when: active,
    ...guard(true),
  });
}
