import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupName } from '../../electron/main/db/backupNames';
import { backupsToDelete } from '../../electron/main/features/data/rotation.rules';

describe('backup rotation', () => {
  it('keeps the newest of each of 7 days, 4 weeks and 12 months; never deletes manual ones', () => {
    // two automatic backups a day for 500 days, plus a manual one at the start
    const backups = [];
    for (let i = 0; i < 1000; i++) {
      const at = new Date(Date.UTC(2026, 10, 24, 22) - i * 12 * 3600_000);
      backups.push({ name: backupFileName('auto', at), kind: 'auto', at });
    }
    const manual = new Date(Date.UTC(2025, 0, 1));
    backups.push({ name: backupFileName('manual', manual), kind: 'manual', at: manual });
    const doomed = new Set(backupsToDelete(backups));
    const kept = backups.filter((b) => !doomed.has(b.name));
    expect(kept.some((b) => b.kind === 'manual')).toBe(true);
    const autos = kept.filter((b) => b.kind === 'auto').map((b) => b.at.toISOString().slice(0, 13));
    // 7 days (the evening one of each), then weekly and monthly ones reaching a year back
    expect(autos.slice(0, 7)).toEqual(['2026-11-24T22', '2026-11-23T22', '2026-11-22T22', '2026-11-21T22', '2026-11-20T22', '2026-11-19T22', '2026-11-18T22']);
    expect(autos.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(autos.at(-1)! < '2026-01-01').toBe(true);
    expect(new Set(autos.map((a) => a.slice(0, 7))).size).toBe(12);
  });

  it('names and parses backups', () => {
    const at = new Date('2026-11-24T10:05:09Z');
    expect(backupFileName('pre-migration', at)).toBe('pre-migration-2026-11-24T10-05-09Z.sqlite');
    expect(parseBackupName('pre-migration-2026-11-24T10-05-09Z.sqlite')).toEqual({ kind: 'pre-migration', at });
    expect(parseBackupName('../../etc/passwd')).toBeNull();
    expect(parseBackupName('notes.txt')).toBeNull();
  });
});
