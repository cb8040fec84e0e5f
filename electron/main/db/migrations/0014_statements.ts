import { type Kysely, sql } from 'kysely';
import { rowTrigger } from '../dialect';

/**
 * Schema 14: money at cost, second part.
 * - A booking keeps what its member's plan covered (`credits_used`: minutes of room or resource
 *   hours, or desk days) beside the price charged for the rest, both frozen when it is made.
 * - Day passes from the co-op's price list, each holding a desk seat for its day through the
 *   booking engine (`booking_id`; passes sold before keep none).
 * - Which bookables a plan's credits and discount cover (none listed: all of them).
 * - The co-op's money settings: the tax rate and the next statement number (a counter moved
 *   inside the transaction that issues statements).
 * - Monthly statements, one per member and month, numbered, with their lines written when issued
 *   and never changed after; adjustments (a correction, a credit) go on a month's statement;
 *   payments recorded by hand.
 * Frozen: a shipped migration is never edited.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('bookings')
    .addColumn('credits_used', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('plan_bookables')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('bookable_id', 'text', (c) => c.notNull().references('bookables.id'))
    .addPrimaryKeyConstraint('plan_bookables_pk', ['plan_id', 'bookable_id'])
    .execute();
  await db.schema
    .createTable('day_pass_prices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('price_minor', 'integer', (c) => c.notNull().check(sql`price_minor >= 0`))
    .addColumn('archived_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await sql`create unique index day_pass_prices_name on day_pass_prices (lower(name))`.execute(db);
  await db.schema
    .alterTable('day_passes')
    .addColumn('price_id', 'text', (c) => c.references('day_pass_prices.id'))
    .execute();
  await db.schema
    .alterTable('day_passes')
    .addColumn('booking_id', 'text', (c) => c.references('bookings.id'))
    .execute();
  await db.schema
    .createTable('money_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    /** Basis points: 2000 is 20%. */
    .addColumn('tax_bp', 'integer', (c) => c.notNull().check(sql`tax_bp between 0 and 10000`))
    .addColumn('next_number', 'integer', (c) => c.notNull().check(sql`next_number >= 1`))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('subtotal_minor', 'integer', (c) => c.notNull())
    .addColumn('tax_bp', 'integer', (c) => c.notNull())
    .addColumn('tax_minor', 'integer', (c) => c.notNull())
    .addColumn('total_minor', 'integer', (c) => c.notNull())
    .addColumn('issued_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('statements_one_per_month', ['member_id', 'month'])
    .execute();
  await db.schema.createIndex('statements_by_month').on('statements').columns(['month']).execute();
  await db.schema
    .createTable('statement_lines')
    .addColumn('statement_id', 'text', (c) => c.notNull().references('statements.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('plan','usage','day-pass','event','adjustment')`))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    /** What the plan covered, in words ("2 of 8 room hours"); empty where nothing. */
    .addColumn('credits', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('statement_lines_pk', ['statement_id', 'seq'])
    .execute();
  // issued means never changed, even if a service were bypassed: a correction is a new adjustment
  for (const table of ['statements', 'statement_lines'])
    await rowTrigger(db, {
      name: `${table}_never_change`,
      timing: 'before',
      event: 'update',
      table,
      sqlite: `select raise(abort, 'an issued statement never changes');`,
      postgres: `raise exception 'an issued statement never changes';`,
    });
  await db.schema
    .createTable('adjustments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor <> 0`))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('adjustments_by_month').on('adjustments').columns(['month', 'member_id']).execute();
  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('transfer','cash','card')`))
    .addColumn('reference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('payments_by_member').on('payments').columns(['member_id', 'paid_on']).execute();
}
