import { type Kysely } from 'kysely';
import { dropRowTrigger, roomsNeverOverlap, rowTrigger } from '../dialect';

/**
 * Schema 16: the longest span of each bookable is written only when a booking is longer than the
 * longest so far (the triggers of schema 2 wrote it on every booking: on PostgreSQL each write
 * left a dead row version behind, and the guard's read of the span slowed down with them). And on
 * PostgreSQL a room's bookings ahead never overlap by an exclusion constraint of the database's
 * own (`dialect.ts`), beside the guard trigger that holds for every kind.
 * Frozen: a shipped migration is never edited.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const event of ['insert', 'update of occ_start_ms, occ_end_ms, bookable_id']) {
    const name = `bookings_span_${event.split(' ')[0]}`;
    await dropRowTrigger(db, name, 'bookings');
    const longest = `insert into bookable_spans (bookable_id, longest_ms) values (new.bookable_id, new.occ_end_ms - new.occ_start_ms)
      on conflict (bookable_id) do update set longest_ms = excluded.longest_ms where excluded.longest_ms > bookable_spans.longest_ms;`;
    await rowTrigger(db, { name, timing: 'after', event, table: 'bookings', sqlite: longest, postgres: longest });
  }
  await roomsNeverOverlap(db);
}
