import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoopdeskOnPostgres } from '../../electron/main/app';
import { FRONT_DESK } from '../../electron/main/context';
import { moveToPostgres } from '../../electron/main/db/move';
import { openDatabase } from '../../electron/main/db/open';
import { openPostgres } from '../../electron/main/db/postgres';
import { tableNames } from '../../electron/main/db/tables';
import { FIXED_NOW, startTestCoop, tempDir } from '../helpers/coop';
import { postgresMissing, startPostgres, type TestPostgres } from '../helpers/postgres';

/** A co-op moves from its SQLite file onto a PostgreSQL server whole: counts and checksums the same, the source untouched. */
const missing = postgresMissing();
const READS = [
  ['bookings.dayBoard', { date: '2026-11-24' }],
  ['members.list', { q: 'design' }],
  ['network.gaps', {}],
  ['governance.register', {}],
] as const;

describe.skipIf(missing !== null)('moving a co-op onto PostgreSQL', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('copies the demo co-op table by table, checks every table, leaves the file as it was, and the co-op answers the same from the server', async () => {
    // the demo co-op in its file, and what its screens read, before the app is closed
    const dataDir = tempDir();
    const t = await startTestCoop({ dataDir, now: () => FIXED_NOW });
    await t.call('system.loadDemo', {});
    const expected = [];
    for (const [channel, input] of READS) expected.push({ channel, data: await t.call(channel, input as never) });
    const members = (await t.call('members.list', {})).total;
    await t.close();

    const source = await openDatabase({ dataDir });
    const everything = () => Object.fromEntries(tableNames(source.sqlite).map((n) => [n, source.sqlite.prepare(`select * from "${n}"`).all()]));
    const before = everything();
    const url = server.createDatabase('coopdesk_moved');
    const target = await openPostgres(url);
    try {
      const moved = await moveToPostgres(source, target);
      expect(moved.bookings.rows).toBeGreaterThan(100);
      expect(moved.members.rows).toBe(members);
      expect(everything()).toEqual(before);
      // into a database that holds a co-op already: refused
      await expect(moveToPostgres(source, target)).rejects.toThrow(/moves into an empty one/);
    } finally {
      await target.close();
      await source.close();
    }

    const onServer = await startCoopdeskOnPostgres(url, { dataDir: tempDir(), now: () => FIXED_NOW, backups: false });
    try {
      const found = [];
      for (const [channel, input] of READS) {
        const r = await onServer.api.dispatch(channel, input, FRONT_DESK);
        found.push({ channel, data: r.ok ? r.data : r.error });
      }
      expect(found).toEqual(expected);
    } finally {
      await onServer.close();
    }
  }, 120_000);
});
