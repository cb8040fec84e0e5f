import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/main/db/migrations';
import { FRONT_DESK } from '../../electron/main/context';
import { ana, FIXED_NOW, startTestCoop, tempDir, freshCoopEachTest } from '../helpers/coop';

const t = freshCoopEachTest();

describe('backups', () => {
  it('backs up now and restores, keeping a safety copy of what was there', async () => {
    await t.call('members.create', ana);
    const backup = await t.call('data.backupNow', {});
    expect(backup).toMatchObject({ kind: 'manual', name: 'manual-2026-11-24T10-00-00Z.sqlite' });
    expect(backup.bytes).toBeGreaterThan(10_000);
    await t.call('members.create', { ...ana, name: 'Ben Okafor', email: 'ben@example.coop' });
    expect((await t.call('members.list', {})).total).toBe(2);

    const restored = await t.call('data.restore', { name: backup.name });
    expect(restored.safetyCopy).toMatch(/^pre-restore-/);
    expect((await t.call('members.list', {})).rows.map((r) => r.name)).toEqual(['Ana Ribeiro']);
    // the app keeps working on the restored file, and the safety copy holds both members
    await t.call('members.create', { ...ana, name: 'Chiara Novak', email: 'chiara@example.coop' });
    const list = await t.call('data.backups', {});
    expect(list.backups.map((b) => b.kind).sort()).toEqual(['manual', 'pre-restore']);
    const safety = new Sqlite(join(list.folder, restored.safetyCopy), { readonly: true });
    expect(safety.prepare('select count(*) as n from members').get()).toEqual({ n: 2 });
    safety.close();
  });

  it('answers every request that arrives while a restore swaps the file, from the restored file after it', async () => {
    const backup = await t.call('data.backupNow', {});
    let done = false;
    const restore = t.send('data.restore', { name: backup.name }).finally(() => (done = true));
    // a desk busy all through the restore: a request that finds the old file closed waits for the restored one
    const asked: Promise<{ ok: boolean }>[] = [];
    for (let i = 0; !done; i++) {
      for (let j = 0; j < 20; j++) asked.push(t.send('members.list', {}));
      // a command with an idempotency key: its replay is looked up first, on whichever file is open
      const member = { ...ana, name: `Queued ${i}`, email: `queued-${i}@example.coop` };
      asked.push(t.coop.api.dispatch('members.create', member, FRONT_DESK, { idempotencyKey: `queued-key-${i}` }));
      await new Promise((r) => setImmediate(r));
    }
    expect(await restore).toMatchObject({ ok: true });
    const answers = await Promise.all(asked);
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    expect(asked.length).toBeGreaterThan(20);
    // and the desk goes on working on the restored file
    await t.call('members.create', { ...ana, name: 'After the restore', email: 'after@example.coop' });
    expect((await t.call('members.list', { limit: 1000 })).rows.map((r) => r.name)).toContain('After the restore');
  });

  it('refuses to restore a damaged file, a stranger file or one from a newer version, and changes nothing', async () => {
    await t.call('members.create', ana);
    const { folder } = await t.call('data.backups', {});
    writeFileSync(join(folder, 'manual-2026-01-01T00-00-00Z.sqlite'), 'this is not a database at all');
    const stranger = new Sqlite(join(folder, 'manual-2026-01-02T00-00-00Z.sqlite'));
    stranger.exec('create table photos (id)');
    stranger.close();
    const future = new Sqlite(join(folder, 'manual-2026-01-03T00-00-00Z.sqlite'));
    future.exec('create table coop (id); create table members (id)');
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    future.close();
    const before = await t.snapshot();
    for (const [name, problem] of [
      ['manual-2026-01-01T00-00-00Z.sqlite', /not a Coopdesk database|cannot be opened/],
      ['manual-2026-01-02T00-00-00Z.sqlite', /not a Coopdesk database/],
      ['manual-2026-01-03T00-00-00Z.sqlite', /newer version of Coopdesk/],
    ] as const) {
      const r = await t.send('data.restore', { name });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(problem) } });
    }
    expect(await t.send('data.restore', { name: '../coopdesk.sqlite' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.send('data.restore', { name: 'manual-2020-01-01T00-00-00Z.sqlite' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.snapshot()).toEqual(before);
    expect(readdirSync(folder).filter((n) => n.startsWith('pre-restore'))).toEqual([]);
  });

  it('makes an automatic backup soon after start and rotates old ones', async () => {
    const dataDir = tempDir();
    const first = await startTestCoop({ dataDir });
    const { folder } = await first.call('data.backups', {});
    // forty days of old automatic backups
    for (let i = 1; i <= 40; i++) {
      const at = new Date(FIXED_NOW.getTime() - i * 86_400_000);
      writeFileSync(join(folder, `auto-${at.toISOString().slice(0, 19).replace(/:/g, '-')}Z.sqlite`), '');
    }
    await first.close();
    const second = await startTestCoop({ dataDir, backups: true, firstBackupAfterMs: 50 });
    await new Promise((r) => setTimeout(r, 100));
    await second.close(); // waits for the backup in progress
    const autos = readdirSync(folder)
      .filter((n) => n.startsWith('auto-'))
      .sort()
      .reverse();
    expect(autos[0]).toBe('auto-2026-11-24T10-00-00Z.sqlite');
    expect(autos.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(autos.length).toBeGreaterThan(7);
  });
});
