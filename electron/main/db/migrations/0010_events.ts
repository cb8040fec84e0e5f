import { type Kysely, sql } from 'kysely';

/**
 * Schema 10: events. An event (breakfast, Stammtisch, seminar, training, fair) at a site, in a room
 * booked through the booking engine or at an outside venue, with its hosts; replies, going or
 * waitlisted in the order they came (`seq`), and who came (walk-ins too).
 * Frozen: a shipped migration is never edited.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('breakfast','stammtisch','seminar','training','fair','other')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_at', 'integer', (c) => c.notNull())
    .addColumn('ends_at', 'integer', (c) => c.notNull())
    .addColumn('booking_id', 'text', (c) => c.references('bookings.id'))
    .addColumn('room_id', 'text', (c) => c.references('bookables.id'))
    .addColumn('venue', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn('guests_allowed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('price_minor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rsvp_deadline', 'integer')
    .addColumn('min_attendees', 'integer')
    .addColumn('decide_by', 'integer')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('scheduled','cancelled')`))
    .addColumn('cancel_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reminded_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('events_times', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('events_by_start').on('events').columns(['starts_at']).execute();
  await db.schema
    .createTable('event_hosts')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addPrimaryKeyConstraint('event_hosts_pk', ['event_id', 'member_id'])
    .execute();
  await db.schema
    .createTable('event_rsvps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('guest_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('going','waitlisted','cancelled')`))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('attended_at', 'integer')
    .addColumn('walk_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('event_rsvps_someone', sql`member_id is not null or guest_name <> ''`)
    .execute();
  await db.schema.createIndex('event_rsvps_by_event').on('event_rsvps').columns(['event_id', 'state', 'seq']).execute();
  await db.schema.createIndex('event_rsvps_by_member').on('event_rsvps').columns(['member_id', 'event_id']).execute();
  // one live reply per member and event: a second RSVP is refused by the database too
  await sql`create unique index event_rsvps_one_per_member on event_rsvps (event_id, member_id) where member_id is not null and state <> 'cancelled'`.execute(
    db,
  );
}
