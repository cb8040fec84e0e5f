import { type Kysely, sql } from 'kysely';

/**
 * Schema 13: money at cost, first part.
 * - Plans: a month's price in minor units (0: a free community membership), what they include per
 *   month, a discount on rates beyond it, a weight for sharing costs.
 * - A member's plan over time: periods, one at a time (active or paused), each from a day to a
 *   last day (open while it goes on). Proration is by calendar days in the co-op's zone.
 * - The co-op's real costs per month, each with how it is shared among members on plans.
 * Frozen: a shipped migration is never edited.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('price_minor', 'integer', (c) => c.notNull().check(sql`price_minor >= 0`))
    .addColumn('desk_days', 'integer', (c) => c.notNull().check(sql`desk_days >= 0`))
    .addColumn('room_hours', 'integer', (c) => c.notNull().check(sql`room_hours >= 0`))
    .addColumn('resource_hours', 'integer', (c) => c.notNull().check(sql`resource_hours >= 0`))
    .addColumn('discount_pct', 'integer', (c) => c.notNull().check(sql`discount_pct between 0 and 100`))
    .addColumn('weight', 'integer', (c) => c.notNull().check(sql`weight >= 0`))
    .addColumn('archived_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await sql`create unique index plans_name on plans (lower(name))`.execute(db);
  await db.schema
    .createTable('member_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('active','paused')`))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    /** The last day, inclusive; null while it goes on. */
    .addColumn('ends_on', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('member_plans_order', sql`ends_on is null or ends_on >= starts_on`)
    .execute();
  await db.schema.createIndex('member_plans_by_member').on('member_plans').columns(['member_id', 'starts_on']).execute();
  // at most one open period per member: the database's own rule
  await sql`create unique index member_plans_one_open on member_plans (member_id) where ends_on is null`.execute(db);
  await db.schema
    .createTable('costs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('rent','utilities','insurance','cleaning','equipment','other')`))
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('split', 'text', (c) => c.notNull().check(sql`split in ('usage','equal','weight')`))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('costs_by_month').on('costs').columns(['month']).execute();
}
