import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startCoopdeskOnPostgres } from '../../electron/main/app';
import { FRONT_DESK } from '../../electron/main/context';
import { moveToPostgres } from '../../electron/main/db/move';
import { openDatabase } from '../../electron/main/db/open';
import { openPostgres } from '../../electron/main/db/postgres';
import { DERIVED_TABLES, MACHINE_TABLES, tableNames } from '../../electron/main/db/tables';
import { callerOf, FIXED_NOW, startTestCoop, tempDir } from '../helpers/coop';
import { describeOnPostgres } from '../helpers/describeOnPostgres';

/** A co-op moves from its SQLite file onto a PostgreSQL server whole (counts and checksums the same, the source untouched), and back into a file by an export and an import. */
const READS = [
  ['bookings.dayBoard', { date: '2026-11-24' }],
  ['members.list', { q: 'design' }],
  ['network.gaps', {}],
  ['governance.register', {}],
] as const;

/** Every table that travels, its rows in one order, without the record of the export and import themselves. */
function comparable(tables: Record<string, unknown[]>) {
  const travels = Object.keys(tables).filter((t) => !DERIVED_TABLES.includes(t) && !MACHINE_TABLES.includes(t));
  return Object.fromEntries(
    travels.map((t) => [
      t,
      tables[t]!.filter((r) => !['data.exportAll', 'data.importAll'].includes((r as { channel?: string }).channel ?? ''))
        .map((r) => JSON.stringify(r))
        .sort(),
    ]),
  );
}

describeOnPostgres('moving a co-op onto PostgreSQL and back', (server) => {
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
    const url = server().createDatabase('coopdesk_moved');
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

      // and back: the server's co-op exported, and imported into a new install's file, is the file it came from
      const exported = await callerOf(onServer).call('data.exportAll', {});
      expect(exported.tables.bookings).toBe(before.bookings!.length);
      const back = await startTestCoop({ now: () => FIXED_NOW });
      try {
        const folder = (await back.call('data.exports', {})).folder;
        copyFileSync(join(onServer.dataDir, 'exports', exported.name), join(folder, exported.name));
        expect((await back.call('data.importAll', { name: exported.name })).tables).toEqual(exported.tables);
        expect(Object.keys(comparable(before)).length).toBeGreaterThan(40);
        expect(comparable(await back.snapshot())).toEqual(comparable(before));
      } finally {
        await back.close();
      }
    } finally {
      await onServer.close();
    }
  }, 120_000);

  it('refuses a file whose bookings overlap beyond what a bookable has, and moves nothing', async () => {
    const dataDir = tempDir();
    const t = await startTestCoop({ dataDir, now: () => FIXED_NOW });
    await t.call('system.loadDemo', {});
    await t.close();
    const source = await openDatabase({ dataDir });
    // a file written around the guard (by hand, or by a fault): a second booking over one of a room's
    source.sqlite.exec('drop trigger bookings_guard_insert');
    const clash = source.sqlite
      .prepare(
        `select b.* from bookings b join bookables k on k.id = b.bookable_id where k.kind = 'room' and b.status = 'confirmed' order by b.start_ms limit 1`,
      )
      .get() as Record<string, unknown>;
    const copy = { ...clash, id: `${String(clash.id)}-again` };
    const names = Object.keys(copy);
    source.sqlite.prepare(`insert into bookings (${names.join(', ')}) values (${names.map((n) => `@${n}`).join(', ')})`).run(copy);
    const url = server().createDatabase('coopdesk_overbooked');
    const target = await openPostgres(url);
    try {
      await expect(moveToPostgres(source, target)).rejects.toThrow(/OVERBOOKED: .+ would hold 2 at once and has 1; nothing was moved/);
      const left = await target.db
        .selectFrom('members')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(left.n).toBe(0);
    } finally {
      await target.close();
      await source.close();
    }
  }, 120_000);
});
