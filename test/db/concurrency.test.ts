import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startTestCoop } from '../helpers/coop';
import { ATTEMPTS, raceForSlots, WORKERS } from '../helpers/race';

describe('never double-booked', () => {
  it(`${WORKERS} processes racing for the same slots, ${ATTEMPTS} attempts: exactly one wins each room slot, exactly three each 3-seat desk slot, every day`, async () => {
    const t = await startTestCoop();
    const file = () => new Sqlite(`${t.dataDir}/coopdesk.sqlite`, { readonly: true });
    const read = <T>(f: (db: Sqlite.Database) => T): T => {
      const db = file();
      try {
        return f(db);
      } finally {
        db.close();
      }
    };
    const confirmed = () => read((db) => (db.prepare("select id from bookings where status = 'confirmed'").all() as { id: string }[]).map((r) => r.id));
    const won = await raceForSlots({ call: t.call, close: () => t.coop.close(), where: t.dataDir, confirmed: async () => confirmed() });
    expect(confirmed()).toHaveLength(won);
    expect(read((db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
  }, 120_000);
});
