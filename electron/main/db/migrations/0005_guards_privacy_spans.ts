import { type Kysely, sql } from 'kysely';
import { dropRowTrigger, rowTrigger } from '../dialect';

/**
 * Schema 5: the counters that guard access (kiosk PINs, the manager password, and each client
 * that tries them), read and written in the same transaction as the attempt they count; and
 * whether a member shares their email and phone with other members (not until they say so); and
 * the longest-occupancy bound kept also when a booking moves to another bookable (schema 2's
 * trigger missed a change of bookable_id alone, so a later overlap check could look back too little).
 * Frozen: a shipped migration is never edited.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('access_guards')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'integer')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_guards_pk', ['scope', 'key'])
    .addCheckConstraint('access_guards_scope', sql`scope in ('pin', 'manager-password', 'client')`)
    .addCheckConstraint('access_guards_failures', sql`failures >= 0`)
    .execute();
  await db.schema
    .alterTable('members')
    .addColumn('share_contact', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`share_contact in (0, 1)`),
    )
    .execute();
  await dropRowTrigger(db, 'bookings_span_update', 'bookings');
  const longest = (greater: string) => `insert into bookable_spans (bookable_id, longest_ms) values (new.bookable_id, new.occ_end_ms - new.occ_start_ms)
      on conflict (bookable_id) do update set longest_ms = ${greater};`;
  await rowTrigger(db, {
    name: 'bookings_span_update',
    timing: 'after',
    event: 'update of occ_start_ms, occ_end_ms, bookable_id',
    table: 'bookings',
    sqlite: longest('max(longest_ms, excluded.longest_ms)'),
    postgres: longest('greatest(bookable_spans.longest_ms, excluded.longest_ms)'),
  });
}
