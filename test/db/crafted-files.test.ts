import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipToFiles } from '../../electron/main/features/data/zip.format';
import { ana, startTestCoop, tempDir, type TestCoop } from '../helpers/coop';

// Files a hostile member or a crafted export would hand the app: each must stay inside the data folder.

async function withBidDocument(t: TestCoop) {
  const member = await t.call('members.create', ana);
  const actor = { role: 'member' as const, memberId: member.id };
  const bid = await t.call('bids.create', { title: 'Library fit-out', client: 'County', skills: [] } as never, actor);
  const doc = (await t.call('bids.attach', { id: bid.id, name: 'Tender.pdf', content: Buffer.from('tender').toString('base64') }, actor)).documents[0];
  return { actor, bid, doc };
}

/** An export of `t` with bid_documents.csv rewritten by `craft`, placed in `target`'s exports folder. */
async function craftedExport(t: TestCoop, target: TestCoop, craft: (csv: string) => string): Promise<string> {
  const exported = await t.call('data.exportAll', {});
  const zip = unzipSync(readFileSync(join((await t.call('data.exports', {})).folder, exported.name)));
  zip['bid_documents.csv'] = strToU8(craft(strFromU8(zip['bid_documents.csv'])));
  writeFileSync(join((await target.call('data.exports', {})).folder, exported.name), zipSync(zip));
  return exported.name;
}

describe('crafted exports', () => {
  it('refuses an export whose document names climb out of the data folder, and changes nothing', async () => {
    const t = await startTestCoop();
    const fresh = await startTestCoop();
    try {
      const { doc } = await withBidDocument(t);
      const name = await craftedExport(t, fresh, (csv) => csv.replace(/[0-9a-f-]{36}-Tender\.pdf/, '../../../../../../etc/passwd'));
      const before = await fresh.snapshot();
      const result = await fresh.send('data.importAll', { name });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('stored name is not one the app writes') } });
      expect(await fresh.snapshot()).toEqual(before);
      expect(doc.name).toBe('Tender.pdf');
    } finally {
      await t.close();
      await fresh.close();
    }
  });

  it('refuses a zip bomb while inflating it (640 MB from 0.6 MB), and changes nothing', async () => {
    const t = await startTestCoop();
    try {
      writeFileSync(join((await t.call('data.exports', {})).folder, 'coopdesk-export-2026-01-01T00-00-00Z.zip'), readFileSync('test/fixtures/zip-bomb.zip'));
      const before = await t.snapshot();
      const rss = process.memoryUsage().rss;
      const result = await t.send('data.importAll', { name: 'coopdesk-export-2026-01-01T00-00-00Z.zip' });
      // one endless row of 640 MB: stopped after its first megabyte, never held in memory
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('members.csv has a line longer than 1 MB') } });
      expect(process.memoryUsage().rss - rss).toBeLessThan(100 * 1024 * 1024);
      expect(await t.snapshot()).toEqual(before);
      expect((await t.send('system.status', {})).ok).toBe(true);
    } finally {
      await t.close();
    }
  });
});

describe('stored names in the database', () => {
  it('a document row pointing outside the data folder (a crafted restore) is refused by open and remove, and nothing moves', async () => {
    const outside = tempDir('coopdesk-outside-');
    writeFileSync(join(outside, 'secret.txt'), 'not yours');
    const t = await startTestCoop();
    try {
      const { actor, doc } = await withBidDocument(t);
      t.coop.database.sqlite.prepare('update bid_documents set stored_name = ? where id = ?').run(`../../../..${outside}/secret.txt`, doc.id);
      expect(await t.send('bids.openDocument', { id: doc.id }, actor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await t.send('bids.removeDocument', { id: doc.id }, actor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(existsSync(join(outside, 'secret.txt'))).toBe(true);
      expect(t.coop.database.sqlite.prepare('select count(*) as n from bid_documents').get()).toEqual({ n: 1 });
    } finally {
      await t.close();
    }
  });

  it('a document named with 120 non-Latin characters is kept under a name the file system takes', async () => {
    const t = await startTestCoop();
    try {
      const { actor, bid } = await withBidDocument(t);
      const name = `${'文'.repeat(120)}.pdf`;
      const after = await t.call('bids.attach', { id: bid.id, name, content: Buffer.from('x').toString('base64') }, actor);
      const doc = after.documents.find((d) => d.name === name)!;
      expect(doc).toBeDefined();
      expect(await t.call('bids.openDocument', { id: doc.id }, actor)).toMatchObject({ name, opened: false, content: Buffer.from('x').toString('base64') });
    } finally {
      await t.close();
    }
  });
});

describe('impostor databases', () => {
  it('refuses to restore a SQLite file that merely has tables named like ours; the live database keeps answering and the app starts again', async () => {
    const dataDir = tempDir();
    const t = await startTestCoop({ dataDir });
    try {
      await t.call('members.create', ana);
      const { folder } = await t.call('data.backups', {});
      // Tables named like ours, at our version, passing the integrity check: but not our schema.
      const impostor = new Sqlite(join(folder, 'manual-2026-01-01T00-00-00Z.sqlite'));
      impostor.exec('create table coop (id integer); create table members (id text); create table bookings (x); pragma user_version = 4;');
      impostor.close();
      const before = await t.snapshot();
      const result = await t.send('data.restore', { name: 'manual-2026-01-01T00-00-00Z.sqlite' });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringMatching(/not a Coopdesk database: it has no \w+ table|differs from schema 4/) },
      });
      expect(await t.snapshot()).toEqual(before);
      expect((await t.call('members.list', {})).total).toBe(1);
    } finally {
      await t.close();
    }
    const again = await startTestCoop({ dataDir });
    expect((await again.call('members.list', {})).total).toBe(1);
    await again.close();
  });

  it('refuses a backup with the whole schema that does not open as a working co-op (no site), and changes nothing', async () => {
    const t = await startTestCoop();
    try {
      await t.call('members.create', ana);
      const made = await t.call('data.backupNow', {});
      const { folder } = await t.call('data.backups', {});
      const file = new Sqlite(join(folder, made.name));
      file.exec('pragma foreign_keys = off; delete from site_hours; delete from site_closures; delete from sites;');
      file.close();
      const before = await t.snapshot();
      expect(await t.send('data.restore', { name: made.name })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringContaining('Nothing was changed') },
      });
      expect(await t.snapshot()).toEqual(before);
      expect((await t.call('settings.get', {})).site.name).toBe('Main site');
    } finally {
      await t.close();
    }
  });
});

describe('the zip reader', () => {
  it('stops an entry, and all entries together, at their limits while inflating; unknown entries are never written', async () => {
    const folder = tempDir('coopdesk-unzip-');
    const rows = strToU8('a,b\n'.repeat(500_000)); // 2 MB of short lines
    const zipFile = join(folder, 'in.zip');
    writeFileSync(zipFile, zipSync({ 'members.csv': rows, 'bookings.csv': rows, 'secret/../../x': rows, 'unknown.bin': rows }));
    const limits = { entries: 10, entryBytes: 3 * 1024 * 1024, totalBytes: 3 * 1024 * 1024, csvLineBytes: 1024 };
    await expect(unzipToFiles(zipFile, (name) => (name.endsWith('.csv') ? join(folder, 'out', name) : null), limits)).rejects.toThrow(
      /inflates to more than 3 MB/,
    );
    const one = { ...limits, totalBytes: 100 * 1024 * 1024, entryBytes: 1024 * 1024 };
    await expect(unzipToFiles(zipFile, (name) => (name.endsWith('.csv') ? join(folder, 'out', name) : null), one)).rejects.toThrow(
      /members.csv inflates to more than 1 MB/,
    );
    const fine = { ...one, entryBytes: 3 * 1024 * 1024 };
    const written = await unzipToFiles(zipFile, (name) => (name.endsWith('.csv') ? join(folder, 'ok', name) : null), fine);
    expect([...written.keys()].sort()).toEqual(['bookings.csv', 'members.csv']);
    expect(readdirSync(join(folder, 'ok')).sort()).toEqual(['bookings.csv', 'members.csv']);
  });
});
