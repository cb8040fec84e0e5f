import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { PART_OF_CHANNEL, PUSH_EVENTS, type Channel } from '@shared/contract';
import type { Actor } from '../../electron/main/context';
import { startTestCoop } from '../helpers/coop';

// A feature is its three folders plus one line in each list: here the lines are added to the lists
// (contract parts, features, migrations) and nothing else in the app is told about "notes".
vi.mock('@shared/contract/parts', async (importOriginal) => {
  const real = await importOriginal<typeof import('@shared/contract/parts')>();
  return { CONTRACT_PARTS: [...real.CONTRACT_PARTS, (await import('../helpers/throwawayLines')).notesContract] };
});
vi.mock('../../electron/main/db/migrations', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/main/db/migrations')>();
  const migrations = [...real.migrations, (await import('../helpers/throwawayLines')).notesMigration];
  return { ...real, migrations, LATEST_SCHEMA_VERSION: migrations.length };
});
vi.mock('../../electron/main/features', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/main/features')>();
  return { ...real, FEATURES: [...real.FEATURES, (await import('../helpers/throwawayFeature')).notesFeature] };
});

type Untyped = { send(channel: string, input: unknown, actor?: Actor): Promise<{ ok: boolean; data?: unknown; error?: unknown }> };
const untyped = (t: Awaited<ReturnType<typeof startTestCoop>>): Untyped => ({
  send: (channel, input, actor) => t.send(channel as Channel, input as never, actor) as never,
});

describe('a feature is one declaration', () => {
  it('a throwaway feature is audited in its words, filtered by its area, labelled, refreshed after a restore, backed up, exported and imported', async () => {
    const t = await startTestCoop();
    const fresh = await startTestCoop();
    try {
      const notes = untyped(t);
      // its channels answer, with the contract's validation and permissions
      expect(await notes.send('notes.add', { title: '  ' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { title: 'A note needs a title' } },
      });
      expect(await notes.send('notes.add', { title: 'Fire drill' }, { role: 'kiosk', memberId: null })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await notes.send('notes.add', { title: 'Fire drill' })).toMatchObject({ ok: true, data: { id: 'note-fire-drill' } });
      await t.call('members.create', { name: 'Ana Ribeiro', email: 'ana@example.coop', memberSince: '2025-03-14' });

      // audited in its own words, under its own area, with the record named by the feature
      const audit = await t.call('audit.list', { area: 'notes' });
      expect(audit.rows.map((r) => [r.channel, r.words, r.record?.label])).toEqual([['notes.add', 'added a note', 'Fire drill']]);

      // open screens reading notes.* refresh on notes.changed; restore and import announce it
      expect(PART_OF_CHANNEL['notes.list']).toMatchObject({ name: 'notes', label: 'Notes', events: ['notes.changed'] });
      expect(PUSH_EVENTS).toContain('notes.changed');

      // a backup holds its table, and a restore brings its rows back and tells its screens
      const backup = await t.call('data.backupNow', {});
      expect(await notes.send('notes.add', { title: 'Boiler service' })).toMatchObject({ ok: true });
      const events: string[] = [];
      const stop = t.coop.api.subscribe((event) => events.push(event));
      await t.call('data.restore', { name: backup.name });
      stop();
      expect(events).toContain('notes.changed');
      expect(await notes.send('notes.list', {})).toMatchObject({ ok: true, data: { rows: [{ title: 'Fire drill' }] } });

      // the export carries its table, and an import into another co-op brings it back
      const exported = await t.call('data.exportAll', {});
      expect(exported.tables).toMatchObject({ notes: 1 });
      const { folder } = await t.call('data.exports', {});
      const zip = unzipSync(readFileSync(join(folder, exported.name)));
      expect(strFromU8(zip['notes.csv'])).toContain('Fire drill');
      const target = await fresh.call('data.exports', {});
      writeFileSync(join(target.folder, exported.name), readFileSync(join(folder, exported.name)));
      await fresh.call('data.importAll', { name: exported.name });
      expect(await untyped(fresh).send('notes.list', {})).toMatchObject({ ok: true, data: { rows: [{ id: 'note-fire-drill', title: 'Fire drill' }] } });
    } finally {
      await t.close();
      await fresh.close();
    }
  });
});
