import { statfsSync } from 'node:fs';
import { AppError } from '../../errors';

const mb = (bytes: number) => `${Math.max(0, Math.ceil(bytes / 1024 / 1024)).toLocaleString('en')} MB`;

/** Bytes this process may still write on the disk that holds `dir`. */
export function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return Number(s.bavail) * Number(s.bsize);
}

/**
 * Room kept beyond an operation's own copies (SQLite's journal, the audit row, the next commits).
 * `enabled` is for the disk-full tests only: with it off, they reach the failures the check would
 * otherwise refuse up front, one step at a time.
 */
export const roomCheck = { margin: 8 * 1024 * 1024, enabled: true };

/** Refuses, before anything is written, an operation that needs `bytes` on the data folder's disk. */
export function ensureRoom(dataDir: string, bytes: number, what: string): void {
  if (!roomCheck.enabled) return;
  const free = freeBytes(dataDir);
  const needed = bytes + roomCheck.margin;
  if (free < needed) {
    throw new AppError('DISK_FULL', `Not enough free space for ${what}: it needs about ${mb(needed)} and the disk has ${mb(free)}. Nothing was changed.`, {
      disk: 'Full',
    });
  }
}

/** What a person is told when a write met a full disk. */
export const diskFull = (what = 'That change') =>
  new AppError('DISK_FULL', `${what} could not be saved: the disk holding the data folder is full. Nothing was changed; free some space and try again.`, {
    disk: 'Full',
  });
