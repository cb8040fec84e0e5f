import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { startCoopdeskOnPostgres } from '../../electron/main/app';
import { openPostgres } from '../../electron/main/db/postgres';
import { callerOf, FIXED_NOW, tempDir } from '../helpers/coop';
import { describeOnPostgres } from '../helpers/describeOnPostgres';
import { ATTEMPTS, raceForSlots, WORKERS } from '../helpers/race';

/** The race test of `test/db/concurrency.test.ts`, its processes on one PostgreSQL server: each opens its own pool of connections. */
describeOnPostgres('never double-booked on PostgreSQL', (server) => {
  it(`${WORKERS} processes racing for the same slots, ${ATTEMPTS} attempts: exactly one wins each room slot, exactly three each 3-seat desk slot, every day`, async () => {
    const url = server().createDatabase('coopdesk_race');
    const coop = await startCoopdeskOnPostgres(url, { dataDir: tempDir(), now: () => FIXED_NOW, backups: false });
    const reader = await openPostgres(url);
    try {
      const confirmed = async () => (await sql<{ id: string }>`select id from bookings where status = 'confirmed'`.execute(reader.db)).rows.map((r) => r.id);
      const won = await raceForSlots({ call: callerOf(coop).call, close: () => coop.close(), where: url, confirmed });
      expect(await confirmed()).toHaveLength(won);
    } finally {
      await reader.close();
    }
  }, 180_000);
});
