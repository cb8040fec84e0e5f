import { type Kysely, sql } from 'kysely';

/**
 * Schema 11: recurring events, fairs and communities of practice.
 * - An event series (the monthly breakfast) keeps its rule; each occurrence is an event of its own
 *   (with its own room booking and replies), tied by `series_id`.
 * - A community of practice: a topic, facilitators and members who join and leave, its sessions
 *   (events with `community_id`) and a library of resources (links, notes, recordings, files kept
 *   in the data folder under documents/<community id>/).
 * - A fair's exhibitors, and the needs visitors tell at it (a member's or a guest's), which the
 *   offers-and-needs matching answers.
 * Frozen: a shipped migration is never edited.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    /** The rule as JSON: freq, interval, monthlyBy, until or count (shared/domain/recurrence). */
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('communities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('archived_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await sql`create unique index communities_name on communities (lower(name))`.execute(db);
  await db.schema
    .createTable('community_members')
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('facilitator','member')`))
    .addColumn('joined_at', 'integer', (c) => c.notNull())
    /** Set when they leave; a member who comes back has it cleared. */
    .addColumn('left_at', 'integer')
    .addPrimaryKeyConstraint('community_members_pk', ['community_id', 'member_id'])
    .execute();
  await db.schema.createIndex('community_members_by_member').on('community_members').columns(['member_id']).execute();
  await db.schema
    .createTable('community_resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('link','note','recording','file')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    /** A file's name in documents/<community id>/ (uuid-name), and its size. */
    .addColumn('stored_name', 'text')
    .addColumn('size', 'integer')
    .addColumn('added_by_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('added_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('community_resources_file', sql`(kind = 'file') = (stored_name is not null)`)
    .execute();
  await db.schema.createIndex('community_resources_by_community').on('community_resources').columns(['community_id', 'added_at']).execute();

  await db.schema
    .alterTable('events')
    .addColumn('series_id', 'text', (c) => c.references('event_series.id'))
    .execute();
  await db.schema
    .alterTable('events')
    .addColumn('community_id', 'text', (c) => c.references('communities.id'))
    .execute();
  await db.schema.createIndex('events_by_series').on('events').columns(['series_id', 'starts_at']).execute();
  await db.schema.createIndex('events_by_community').on('events').columns(['community_id', 'starts_at']).execute();

  await db.schema
    .createTable('fair_exhibitors')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('stand', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('fair_exhibitors_pk', ['event_id', 'member_id'])
    .execute();
  await db.schema
    .createTable('fair_needs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('visitor_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('noted_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('fair_needs_someone', sql`member_id is not null or visitor_name <> ''`)
    .execute();
  await db.schema.createIndex('fair_needs_by_event').on('fair_needs').columns(['event_id', 'tag']).execute();
}
