/**
 * A full disk, for real: the data folder on a small tmpfs this test mounts, filled to leave a
 * few bytes to a few megabytes free, and every operation that writes files tried at each level,
 * with the up-front room check on and off (off, the failures happen half-way through each step).
 * After each, the space is freed and the co-op must be intact, answering and writable, with
 * nothing half-written left behind.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readlinkSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestCoop, ana, startTestCoop, tempDir } from '../helpers/coop';
import { bookFor, bookingWorld } from '../helpers/bookingWorld';
import { roomCheck } from '../../electron/main/features/storage';

const mount = tempDir('coopdesk-disk-');
const mounted = (() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mount], { stdio: 'ignore' });
    return true;
  } catch {
    rmSync(mount, { recursive: true, force: true });
    console.warn('disk-full tests skipped: this machine does not let the test mount a small tmpfs (needs root or CAP_SYS_ADMIN).');
    return false;
  }
})();

const FILLER = join(mount, 'filler');
/** Fills the disk so that `free` bytes are left. */
function leave(free: number) {
  rmSync(FILLER, { force: true });
  const s = statfsSync(mount);
  let left = Number(s.bavail) * Number(s.bsize) - free;
  const fd = openSync(FILLER, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    while (left > 0) {
      left -= writeSync(fd, chunk, 0, Math.min(chunk.length, left));
    }
  } catch {
    // the disk filled before the count did: as full as it gets
  } finally {
    closeSync(fd);
  }
}
const freeAgain = () => rmSync(FILLER, { force: true });

/** What must survive: every table but the audit log (a refused command writes no audit row, but a successful one does). */
async function rows(t: TestCoop) {
  const { audit_log: _audit, access_guards: _guards, ...rest } = await t.snapshot();
  return rest;
}

/** Nothing half-written: no temporary files in the folders the app writes. */
function leftovers(dataDir: string): string[] {
  return ['backups', 'exports', 'documents']
    .flatMap((folder) => {
      try {
        return readdirSync(join(dataDir, folder)).map((f) => `${folder}/${f}`);
      } catch {
        return [];
      }
    })
    .filter((f) => /\/\.|\.part$|-wal$|-shm$/.test(f));
}

const FREE = [0, 8 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024, 3 * 1024 * 1024];

describe.skipIf(!mounted)('a full disk loses nothing', () => {
  let t: TestCoop;
  let backupName: string;
  let exportName: string;
  let exportedMembers: number;
  const dataDir = join(mount, 'data');

  beforeAll(async () => {
    mkdirSync(dataDir);
    t = await startTestCoop({ dataDir });
    const w = await bookingWorld(t);
    for (let day = 0; day < 40; day++)
      await bookFor(
        t,
        w.room.id,
        w.member.id,
        `2026-12-${String(1 + (day % 28)).padStart(2, '0')}`,
        `${String(8 + Math.floor(day / 28)).padStart(2, '0')}:00`,
        `${String(8 + Math.floor(day / 28)).padStart(2, '0')}:30`,
      ).catch(() => null);
    backupName = (await t.call('data.backupNow', {})).name;
    const exported = await t.call('data.exportAll', {});
    exportName = exported.name;
    exportedMembers = exported.tables.members;
    await t.call('members.create', { ...ana, name: 'Zoe After', email: 'zoe@example.coop' });
  });
  afterAll(async () => {
    await t?.close();
    // lazily: a file the app failed to close would show as a leak in the assertions above, not here
    if (mounted) execFileSync('umount', ['-l', mount]);
    rmSync(mount, { recursive: true, force: true });
  });

  const operations: [string, () => Promise<{ ok: boolean; error?: { code: string; message: string } }>][] = [
    ['a member added', () => t.send('members.create', { ...ana, name: 'Yan Full', email: `yan${Math.random()}@example.coop` })],
    ['a backup', () => t.send('data.backupNow', {})],
    ['an export', () => t.send('data.exportAll', {})],
    ['a restore', () => t.send('data.restore', { name: backupName })],
    ['the manager password set', () => t.send('auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front desk 2026' })],
  ];

  for (const check of [true, false]) {
    for (const [what, run] of operations) {
      it(`${what}, with the room check ${check ? 'on' : 'off'}: refused as DISK_FULL or done, at every level of free space`, async () => {
        roomCheck.enabled = check;
        roomCheck.margin = 64 * 1024;
        let refused = 0;
        try {
          for (const free of FREE) {
            const before = await rows(t);
            leave(free);
            const result = await run();
            freeAgain();
            if (!result.ok) {
              refused++;
              expect(result.error!.code, `${what} with ${free} bytes free: ${result.error!.message}`).toBe('DISK_FULL');
              expect(result.error!.message).toMatch(/disk|space/i);
              if (what !== 'a restore' || /Nothing was changed/.test(result.error!.message)) expect(await rows(t)).toEqual(before);
            }
            // answering and writable again once space is freed
            expect((await t.call('members.list', {})).total).toBeGreaterThan(0);
            await t.call('settings.updateCoop', { ...(await t.call('settings.get', {})).coop });
            expect(leftovers(dataDir), `${what} with ${free} bytes free`).toEqual([]);
            // the manager account is made once; start each level without it
            t.coop.database.sqlite.exec('delete from sign_in_codes; delete from account_passwords; delete from accounts');
          }
          // the disk did fill: at least the emptiest level was refused
          expect(refused).toBeGreaterThan(0);
        } finally {
          freeAgain();
          roomCheck.enabled = true;
          roomCheck.margin = 8 * 1024 * 1024;
        }
      });
    }
  }

  it('an automatic backup on a full disk rotates, then is skipped with a warning Settings shows; the next one clears it', async () => {
    // the scheduler's automatic backup, run now
    const runOnce = () => t.coop.runJob('data.backup');
    leave(0);
    await runOnce();
    freeAgain();
    const skipped = await t.call('data.backups', {});
    expect(skipped.disk.warning).toMatch(/automatic backup of 2026-11-24 was skipped: the disk is full/);
    expect(skipped.backups.filter((b) => b.kind === 'auto')).toEqual([]);
    expect(leftovers(dataDir)).toEqual([]);
    await runOnce();
    const done = await t.call('data.backups', {});
    expect(done.backups.filter((b) => b.kind === 'auto')).toHaveLength(1);
    expect(done.disk.warning ?? '').not.toMatch(/skipped/);
    expect(done.disk.freeBytes).toBeGreaterThan(0);
  });

  it('an import into an empty co-op on a full disk leaves it empty, and works once there is room', async () => {
    const emptyDir = join(mount, 'empty');
    const empty = await startTestCoop({ dataDir: emptyDir });
    try {
      mkdirSync(join(emptyDir, 'exports'), { recursive: true });
      copyFileSync(join(dataDir, 'exports', exportName), join(emptyDir, 'exports', exportName));
      roomCheck.enabled = false;
      let refused = 0;
      let imported = false;
      for (const free of FREE) {
        leave(free);
        const result = await empty.send('data.importAll', { name: exportName });
        freeAgain();
        if (result.ok) {
          imported = true;
          break;
        }
        refused++;
        expect(result.error.code, result.error.message).toBe('DISK_FULL');
        expect((await empty.call('members.list', {})).total).toBe(0);
        expect(leftovers(emptyDir)).toEqual([]);
      }
      expect(refused).toBeGreaterThan(0);
      if (!imported) expect(await empty.send('data.importAll', { name: exportName })).toMatchObject({ ok: true });
      expect((await empty.call('members.list', {})).total).toBe(exportedMembers);
    } finally {
      roomCheck.enabled = true;
      roomCheck.margin = 8 * 1024 * 1024;
      await empty.close();
    }
  });

  it('leaves no file open on the small disk but the live database’s own', () => {
    const open = readdirSync('/proc/self/fd')
      .map((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`);
        } catch {
          return '';
        }
      })
      .filter((target) => target.startsWith(mount) && !target.startsWith(join(dataDir, 'coopdesk.sqlite')));
    expect(open).toEqual([]);
  });
});
