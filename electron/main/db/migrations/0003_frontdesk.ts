import { type Kysely, sql } from 'kysely';

/** Frozen in time: front desk (presence, visitors, day passes), PINs and the manager password, the audit log. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('credentials')
    .addColumn('member_id', 'text', (c) => c.primaryKey().notNull().references('members.id'))
    .addColumn('pin_hash', 'text', (c) => c.notNull())
    .addColumn('failed_pins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'integer')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('app_secrets')
    .addColumn('key', 'text', (c) => c.primaryKey().notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('presence')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('checked_in_at', 'integer', (c) => c.notNull())
    .addColumn('checked_out_at', 'integer')
    .addCheckConstraint('presence_order', sql`checked_out_at is null or checked_out_at >= checked_in_at`)
    .execute();
  // The database keeps one open presence per member: a double check-in cannot be stored.
  await sql`create unique index presence_one_open on presence (member_id) where checked_out_at is null`.execute(db);
  await db.schema.createIndex('presence_by_member').on('presence').columns(['member_id', 'checked_in_at']).execute();
  await db.schema.createIndex('presence_by_time').on('presence').columns(['site_id', 'checked_in_at']).execute();

  await db.schema
    .createTable('visitors')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('company', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('host_member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('expected_at', 'integer', (c) => c.notNull())
    .addColumn('arrived_at', 'integer')
    .addColumn('left_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visitors_by_time').on('visitors').columns(['site_id', 'expected_at']).execute();

  await db.schema
    .createTable('day_passes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('price_minor', 'integer', (c) => c.notNull().check(sql`price_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('paid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('day_passes_by_date').on('day_passes').columns(['site_id', 'date']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('actor_member_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_by_time').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_by_record').on('audit_log').columns(['record_id', 'at']).execute();
}
