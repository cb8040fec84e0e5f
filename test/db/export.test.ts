import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/main/db/migrations';
import { bookingWorld, london, bookFor } from '../helpers/bookingWorld';
import { startTestCoop, type TestCoop } from '../helpers/coop';

/** Every table but the derived ones (search index, longest spans), for comparing two databases. */
async function dataOf(t: TestCoop) {
  const all = await t.snapshot();
  delete all.members_fts;
  delete all.bookable_spans;
  // the export and the import are on record after the export was taken
  all.audit_log = all.audit_log.filter((r) => !['data.exportAll', 'data.importAll'].includes((r as { channel: string }).channel));
  return all;
}

describe('export everything and import it back', () => {
  it('round-trips a co-op with members, settings, closures, bookables, series and cancellations', async () => {
    const t = await startTestCoop();
    const w = await bookingWorld(t);
    await t.call('members.update', {
      id: w.ben.id,
      name: 'Ben \\ Okafor',
      email: 'ben@example.coop',
      memberSince: '2025-03-14',
      notes: 'Line one\nline "two", with commas\n\\N is not null here',
      status: 'paused',
      website: '',
      phone: '',
    });
    await t.call('members.archive', { id: w.chiara.id });
    await bookFor(t, w.room.id, w.member.id, '2026-11-26', '10:00', '11:00', { title: 'Workshop, part 1' });
    const series = await t.call('bookings.createSeries', {
      bookableId: w.desks.id,
      memberId: w.ben.id,
      firstDate: '2026-11-30',
      startTime: '09:00',
      endTime: '17:00',
      recurrence: { freq: 'weekly', count: 3 },
      onClash: 'none',
    });
    await t.call('bookings.cancel', { id: series.booked[1].id });
    const bid = await t.call(
      'bids.create',
      { title: 'Town hall website', skills: [{ tag: 'web design', days: 3 }] },
      { role: 'member', memberId: w.member.id },
    );
    const content = Buffer.from('%PDF-1.4 tender pack').toString('base64');
    const doc = (await t.call('bids.attach', { id: bid.id, name: 'Tender pack.pdf', content }, { role: 'member', memberId: w.member.id })).documents[0];

    const exported = await t.call('data.exportAll', {});
    expect(exported.tables).toMatchObject({ members: 3, bookings: 4, bookables: 6, site_closures: 1, booking_series: 1 });
    const { folder } = await t.call('data.exports', {});
    const zip = unzipSync(readFileSync(join(folder, exported.name)));
    const docPath = Object.keys(zip).find((k) => k.startsWith('documents/'))!;
    expect(docPath).toMatch(new RegExp(`^documents/${bid.id}/${doc.id}-Tender pack\\.pdf$`));
    expect(Object.keys(zip).sort()).toEqual(['SCHEMA.txt', docPath, ...t.coop.ctx.dataTables.map((t) => `${t}.csv`)].sort());
    expect(strFromU8(zip['SCHEMA.txt'])).toContain('members.csv: id TEXT KEY NOT NULL, number INTEGER NOT NULL');

    const fresh = await startTestCoop();
    const target = await fresh.call('data.exports', {});
    writeFileSync(join(target.folder, exported.name), readFileSync(join(folder, exported.name)));
    const imported = await fresh.call('data.importAll', { name: exported.name });
    expect(imported.tables).toEqual(exported.tables);
    expect(await dataOf(fresh)).toEqual(await dataOf(t));
    // the bid's document came back with it
    expect(await fresh.call('bids.openDocument', { id: doc.id })).toEqual({ name: 'Tender pack.pdf', opened: false, content });
    // derived data is rebuilt: search finds, the guard guards
    expect((await fresh.call('members.list', { q: 'okafor' })).rows.map((r) => r.name)).toEqual(['Ben \\ Okafor']);
    const clash = await fresh.send('bookings.create', {
      bookableId: w.room.id,
      memberId: w.member.id,
      start: london('2026-11-26', '10:30'),
      end: london('2026-11-26', '11:30'),
    });
    expect(clash).toMatchObject({ ok: false, error: { rule: 'capacity' } });

    // only into an empty database, and only real exports
    expect(await fresh.send('data.importAll', { name: exported.name })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    writeFileSync(join(target.folder, 'coopdesk-export-2020-01-01T00-00-00Z.zip'), 'garbage');
    const empty = await startTestCoop();
    const emptyFolder = (await empty.call('data.exports', {})).folder;
    writeFileSync(join(emptyFolder, 'coopdesk-export-2020-01-01T00-00-00Z.zip'), 'garbage');
    const before = await empty.snapshot();
    expect(await empty.send('data.importAll', { name: 'coopdesk-export-2020-01-01T00-00-00Z.zip' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await empty.send('data.importAll', { name: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await empty.snapshot()).toEqual(before);
    await Promise.all([t.close(), fresh.close(), empty.close()]);
  });

  it('imports an export from an earlier version, whose newer tables start empty; a file cannot climb out of the data folder', async () => {
    const t = await startTestCoop();
    await bookingWorld(t);
    const exported = await t.call('data.exportAll', {});
    const { folder } = await t.call('data.exports', {});
    const files = unzipSync(readFileSync(join(folder, exported.name)));
    // as version 3 wrote it: no joint-bid tables; and a hostile entry
    for (const table of ['bids', 'bid_skills', 'bid_team', 'bid_activity', 'bid_tasks', 'bid_documents', 'reminders_sent']) delete files[`${table}.csv`];
    files['SCHEMA.txt'] = strToU8(strFromU8(files['SCHEMA.txt']).replace(/Schema version \d+\./, 'Schema version 3.'));
    files['documents/../../escaped.txt'] = strToU8('no');
    const fresh = await startTestCoop();
    const target = (await fresh.call('data.exports', {})).folder;
    writeFileSync(join(target, 'coopdesk-export-2025-01-01T00-00-00Z.zip'), zipSync(files));
    const imported = await fresh.call('data.importAll', { name: 'coopdesk-export-2025-01-01T00-00-00Z.zip' });
    expect(imported.tables.members).toBe(3);
    expect(imported.tables.bids).toBeUndefined();
    expect(await fresh.call('bids.list', {})).toEqual([]);
    expect(existsSync(join(fresh.dataDir, '..', 'escaped.txt'))).toBe(false);
    expect(existsSync(join(fresh.dataDir, 'escaped.txt'))).toBe(false);

    // the same export claiming to be of this version is refused as incomplete
    files['SCHEMA.txt'] = strToU8(strFromU8(files['SCHEMA.txt']).replace('Schema version 3.', `Schema version ${LATEST_SCHEMA_VERSION}.`));
    writeFileSync(join(target, 'coopdesk-export-2025-01-02T00-00-00Z.zip'), zipSync(files));
    const empty = await startTestCoop();
    writeFileSync(join((await empty.call('data.exports', {})).folder, 'coopdesk-export-2025-01-02T00-00-00Z.zip'), zipSync(files));
    expect(await empty.send('data.importAll', { name: 'coopdesk-export-2025-01-02T00-00-00Z.zip' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    await Promise.all([t.close(), fresh.close(), empty.close()]);
  });
});
