import { type Kysely, sql } from 'kysely';
import { caselessIndex } from '../dialect';
import { createSearchIndex } from '../search';

/** Frozen in time: the first schema (co-op, sites with opening hours, members and their tags). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('coop')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('ownership_months', 'integer', (c) => c.notNull().defaultTo(14))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sites')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('site_hours')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('opens', 'text')
    .addColumn('closes', 'text')
    .addPrimaryKeyConstraint('site_hours_pk', ['site_id', 'weekday'])
    .addCheckConstraint('site_hours_order', sql`opens is null or closes is null or opens < closes`)
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('business_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('business_description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('member_since', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','paused','left')`))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('member','manager','guardian')`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('archived_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  // The database, not only the service, keeps one member per email address.
  await db.schema.createIndex('members_email_unique').on('members').column('email').unique().execute();
  // Sorting the directory by name walks this index instead of sorting thousands of rows.
  await caselessIndex(db, 'members_name_nocase', 'members', 'name', 'number');
  await caselessIndex(db, 'members_business_nocase', 'members', 'business_name', 'number');
  await db.schema.createIndex('members_member_since').on('members').columns(['member_since', 'number']).execute();

  await db.schema
    .createTable('member_tags')
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('offers','needs')`))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_tags_pk', ['member_id', 'kind', 'tag'])
    .execute();
  await db.schema.createIndex('member_tags_by_tag').on('member_tags').columns(['tag', 'kind']).execute();

  // Full-text index for instant member search (db/search.ts).
  await createSearchIndex(db);
}
