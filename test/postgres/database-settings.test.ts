import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { type Coopdesk, startChosenCoopdesk } from '../../electron/main/app';
import type { Database } from '../../electron/main/db/open';
import type { PostgresDatabase } from '../../electron/main/db/postgres';
import { bookFor, bookingWorld } from '../helpers/bookingWorld';
import { callerOf, FIXED_NOW, tempDir } from '../helpers/coop';
import { describeOnPostgres } from '../helpers/describeOnPostgres';

/**
 * Settings → Database, as the manager uses it: look at a server, move the co-op's file there,
 * and let a second site's desk join it; the password is never shown, logged or audited.
 */
const PASSWORD = 'hunter2-Coop!';
const open: Coopdesk<Database | PostgresDatabase>[] = [];
const started = async (dataDir = tempDir()) => {
  const coop = await startChosenCoopdesk({ dataDir, now: () => FIXED_NOW, backups: false });
  open.push(coop);
  return coop;
};
afterEach(async () => {
  for (const coop of open.splice(0)) await coop.close();
});

describeOnPostgres(
  'Settings → Database',
  (server) => {
    it('checks an address without changing anything, and says what is wrong with a bad one next to the field', async () => {
      const desk = callerOf(await started());
      const bad = await desk.send('data.checkServer', { url: 'postgres:/db.example/coop' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { url: 'Write it as postgres://user:password@host:5432/database' } } });
      const url = server().createDatabase('coop_check');
      const wrong = await desk.send('data.checkServer', { url: url.replace(encodeURIComponent(PASSWORD), 'guess') });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { url: expect.stringContaining('the user name or password is wrong') } } });
      const nobody = await desk.send('data.checkServer', { url: 'postgres://coop:secret@127.0.0.1:1/coop' });
      expect(nobody).toMatchObject({ ok: false, error: { fields: { url: expect.stringContaining('nothing answers at that address and port') } } });
      const empty = await desk.call('data.checkServer', { url });
      expect(empty).toMatchObject({ holds: 'nothing', schemaVersion: 0, members: 0, sites: [] });
      expect(empty.summary).toMatch(/^PostgreSQL \d+(\.\d+)?: an empty database\. This co-op can move there\.$/);
      expect(empty.address).not.toContain(PASSWORD);
      // looking made no table there
      expect((await desk.call('data.checkServer', { url })).holds).toBe('nothing');
      expect(JSON.stringify([bad, wrong, nobody])).not.toContain(PASSWORD);
    });

    it('is for the manager alone', async () => {
      const desk = callerOf(await started());
      const url = server().createDatabase('coop_forbidden');
      for (const channel of ['data.checkServer', 'data.moveToServer', 'data.useServer'] as const) {
        const asDesk = await desk.send(channel, { url }, { role: 'frontdesk', memberId: null });
        expect(asDesk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        const asMember = await desk.send(channel, { url }, { role: 'member', memberId: 'm1' });
        expect(asMember).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      expect((await desk.call('data.checkServer', { url })).holds).toBe('nothing');
    });

    it('moves the co-op onto the server and works there from then on; the file stays as it was; a second desk joins; a restart opens the server', async () => {
      const dataDir = tempDir();
      const first = await started(dataDir);
      const desk = callerOf(first);
      const w = await bookingWorld(desk);
      await bookFor(desk, w.room.id, w.member.id, '2026-11-26', '10:00', '11:00', { title: 'Before the move' });
      const url = server().createDatabase('coop_moved');
      const file = (first.database as Database).file;
      const rowsOf = () => {
        const sqlite = new Sqlite(file, { readonly: true });
        try {
          return ['members', 'bookings', 'audit_log'].map((t) => (sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n);
        } finally {
          sqlite.close();
        }
      };

      const moved = await desk.call('data.moveToServer', { url });
      expect(moved.address).not.toContain(PASSWORD);
      expect(moved.tables).toMatchObject({ members: 3, bookings: 1 });
      const status = await desk.call('system.status', {});
      expect(status.database).toEqual({ engine: 'postgres', address: moved.address });
      // the same desk, now on the server: what was there is, and what is new goes there
      const board = await desk.call('bookings.dayBoard', { date: '2026-11-26' });
      expect(board.bookings.map((b) => b.title)).toEqual(['Before the move']);
      await bookFor(desk, w.room.id, w.ben.id, '2026-11-26', '12:00', '13:00', { title: 'After the move' });
      // the file was closed as it was: no booking after the move, no audit row of it
      const [members, bookings, audited] = rowsOf();
      expect([members, bookings]).toEqual([3, 1]);
      const log = await desk.call('audit.list', {});
      expect(log.rows.length).toBeGreaterThan(audited!);
      expect(log.rows.some((r) => r.channel === 'data.moveToServer')).toBe(true);
      expect(JSON.stringify(log)).not.toContain(PASSWORD);
      // chosen for good: the address is in the data folder, for this computer's user alone
      const saved = join(dataDir, 'database.json');
      expect(statSync(saved).mode & 0o777).toBe(0o600);
      expect(readFileSync(saved, 'utf8')).toContain('coop_moved');

      // a second site's desk, a new install: looks, then joins
      const second = callerOf(await started());
      const seen = await second.call('data.checkServer', { url });
      expect(seen).toMatchObject({ holds: 'coop', members: 3, sites: [expect.any(String)] });
      expect(seen.summary).toContain('a co-op of 3 members');
      // a co-op moves into an empty database only: nothing is moved over one
      const over = await second.send('data.moveToServer', { url });
      expect(over).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { url: expect.stringContaining('A co-op moves into an empty database') } },
      });
      expect((await second.call('system.status', {})).database.engine).toBe('sqlite');
      await second.call('data.useServer', { url });
      const there = await second.call('bookings.dayBoard', { date: '2026-11-26' });
      expect(there.bookings.map((b) => b.title).sort()).toEqual(['After the move', 'Before the move']);

      // the first desk again, after a restart: on the server without being told
      await first.close();
      open.splice(open.indexOf(first), 1);
      const again = await started(dataDir);
      expect(again.database.engine).toBe('postgres');
      expect((await callerOf(again).call('members.list', {})).rows).toHaveLength(3);
      // and once on the server, neither a move nor a join is taken again
      expect(await callerOf(again).send('data.moveToServer', { url })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    });

    it('refuses a database that holds something else, and one that is not empty, leaving the desk on its file', async () => {
      const desk = callerOf(await started());
      await bookingWorld(desk);
      const url = server().createDatabase('coop_other');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('create table invoices (id integer primary key)');
      await client.end();
      const seen = await desk.call('data.checkServer', { url });
      expect(seen).toMatchObject({ holds: 'other' });
      expect(seen.summary).toContain('1 tables that are not Coopdesk’s');
      for (const channel of ['data.moveToServer', 'data.useServer'] as const) {
        const refused = await desk.send(channel, { url });
        expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
      expect((await desk.call('system.status', {})).database.engine).toBe('sqlite');
      expect((await desk.call('members.list', {})).rows).toHaveLength(3);
    });

    it('takes the copy away again when this desk cannot start working on the server, so the move can simply be tried again', async () => {
      const dataDir = tempDir();
      const desk = callerOf(await started(dataDir));
      const w = await bookingWorld(desk);
      await bookFor(desk, w.room.id, w.member.id, '2026-11-26', '10:00', '11:00', { title: 'Before the move' });
      const url = server().createDatabase('coop_switch_fails');
      // the choice cannot be saved in the data folder: a folder stands where its file goes
      mkdirSync(join(dataDir, 'database.json'));
      const failed = await desk.send('data.moveToServer', { url });
      expect(failed).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('so the copy there was removed again') } });
      expect(JSON.stringify(failed)).not.toContain(PASSWORD);
      // the server holds no co-op, and not a row of this one; the desk goes on with its file
      expect(await desk.call('data.checkServer', { url })).toMatchObject({ holds: 'nothing', members: 0, sites: [] });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const counts = await client.query<{ n: number }>(
        'select (select count(*) from members) + (select count(*) from bookings) + (select count(*) from sites) as n',
      );
      await client.end();
      expect(Number(counts.rows[0]!.n)).toBe(0);
      expect((await desk.call('system.status', {})).database.engine).toBe('sqlite');
      expect((await desk.call('bookings.dayBoard', { date: '2026-11-26' })).bookings.map((b) => b.title)).toEqual(['Before the move']);

      // put right, the same move again: it goes through
      rmSync(join(dataDir, 'database.json'), { recursive: true });
      expect((await desk.call('data.moveToServer', { url })).tables).toMatchObject({ members: 3, bookings: 1 });
      expect((await desk.call('system.status', {})).database.engine).toBe('postgres');
      expect((await desk.call('bookings.dayBoard', { date: '2026-11-26' })).bookings.map((b) => b.title)).toEqual(['Before the move']);
    });

    it('answers the requests that waited for a move from the server, and keeps what they write there', async () => {
      const desk = callerOf(await started());
      await bookingWorld(desk);
      const url = server().createDatabase('coop_queued');
      let done = false;
      const move = desk.send('data.moveToServer', { url }).finally(() => (done = true));
      // a desk busy all through the move: some of these wait for the file while the move holds it, then run on the server
      const asked: Promise<{ ok: boolean }>[] = [];
      const names: string[] = [];
      for (let i = 0; !done; i++) {
        asked.push(desk.send('members.list', {}));
        if (i % 5 === 0) {
          names.push(`Queued ${i}`);
          asked.push(desk.send('members.create', { name: `Queued ${i}`, email: `queued-${i}@example.coop`, memberSince: '2026-01-05' }));
        }
        await new Promise((r) => setTimeout(r, 1));
      }
      expect(await move).toMatchObject({ ok: true });
      const answers = await Promise.all(asked);
      expect(answers.filter((a) => !a.ok)).toEqual([]);
      // every member added, before, during or after the move, is on the server
      expect((await desk.call('system.status', {})).database.engine).toBe('postgres');
      const register = (await desk.call('members.list', { limit: 1000 })).rows.map((r) => r.name);
      expect(names.filter((n) => !register.includes(n))).toEqual([]);
    });
  },
  { password: PASSWORD },
);
