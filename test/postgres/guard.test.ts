import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type PostgresDatabase } from '../../electron/main/db/postgres';
import { postgresMissing, startPostgres, type TestPostgres } from '../helpers/postgres';

/**
 * Never double-booked on PostgreSQL either, by the database's own means: bookings of one
 * bookable, sent at once over separate connections (separate server sessions), wait for each
 * other's lock and then see each other; a room is held whole, desks by their count.
 */
const missing = postgresMissing();
const HOUR = 3_600_000;
const T0 = Date.UTC(2030, 0, 7, 9);

describe.skipIf(missing !== null)('the double-booking guard on PostgreSQL', () => {
  let server: TestPostgres;
  let pg: PostgresDatabase;
  beforeAll(async () => {
    server = await startPostgres();
    pg = await openPostgres(server.createDatabase('coopdesk_guard'));
    const db = pg.db;
    await db
      .insertInto('sites')
      .values({ id: 's1', name: 'Old Mill', address: '', time_zone: 'Europe/London', created_at: 0, updated_at: 0 } as never)
      .execute();
    for (const [id, kind, capacity] of [
      ['room', 'room', 8],
      ['desks', 'desk', 3],
    ] as const)
      await db
        .insertInto('bookables')
        .values({ id, site_id: 's1', kind, name: id, capacity, created_at: 0, updated_at: 0 } as never)
        .execute();
  }, 60_000);
  afterAll(async () => {
    await pg?.close();
    await server?.stop();
  });

  /** `n` attempts at once, each its own transaction on its own connection; how many were refused as overbooked. */
  async function attempt(bookableId: string, n: number, at: (i: number) => [number, number], refusal = /OVERBOOKED/) {
    const results = await Promise.allSettled(
      Array.from({ length: n }, (_, i) =>
        pg.db.transaction().execute(async (trx) => {
          const [start, end] = at(i);
          await trx
            .insertInto('bookings')
            .values({
              id: `${bookableId}-${start}-${i}`,
              bookable_id: bookableId,
              guest_name: `Guest ${i}`,
              start_ms: start,
              end_ms: end,
              occ_start_ms: start,
              occ_end_ms: end,
              status: 'confirmed',
              currency: 'GBP',
              created_at: 0,
              updated_at: 0,
            } as never)
            .execute();
        }),
      ),
    );
    const refused = results.filter((r) => r.status === 'rejected');
    for (const r of refused) expect(String((r as PromiseRejectedResult).reason)).toMatch(refusal);
    return refused.length;
  }

  it('lets one of forty clashing bookings of a room in, and three of forty of three desks', async () => {
    expect(await attempt('room', 40, (i) => [T0 + (i % 4) * 15 * 60_000, T0 + HOUR + (i % 4) * 15 * 60_000])).toBe(39);
    expect(await attempt('desks', 40, () => [T0, T0 + 8 * HOUR])).toBe(37);
    // and the bookings held never overlap beyond what the bookable has, whatever the order they came in
    const held = (
      await sql<{ bookable_id: string; n: number }>`select bookable_id, count(*) as n from bookings group by bookable_id order by bookable_id`.execute(pg.db)
    ).rows;
    expect(held).toEqual([
      { bookable_id: 'desks', n: 3 },
      { bookable_id: 'room', n: 1 },
    ]);
  });

  it('keeps a room whole by its exclusion constraint alone, with the guard trigger switched off; desks then overbook, which the trigger is there for', async () => {
    await sql`delete from bookings`.execute(pg.db);
    await sql`alter table bookings disable trigger bookings_guard_insert`.execute(pg.db);
    try {
      const later = T0 + 24 * HOUR;
      // without the trigger's lock, two inserts that each wait on the other's row are a deadlock the server
      // breaks by refusing one: a refusal too (with the trigger, bookings of a bookable queue on its lock first)
      expect(
        await attempt('room', 12, (i) => [later + (i % 4) * 15 * 60_000, later + HOUR + (i % 4) * 15 * 60_000], /bookings_room_overbooked|deadlock detected/),
      ).toBe(11);
      expect(await attempt('desks', 10, () => [later, later + HOUR])).toBe(0);
      // a booking of the past is history, not held by the constraint: a room may have been desks once
      const past = Date.UTC(2020, 0, 6, 9);
      expect(await attempt('room', 2, () => [past, past + HOUR])).toBe(0);
    } finally {
      await sql`alter table bookings enable trigger bookings_guard_insert`.execute(pg.db);
    }
  });
});
