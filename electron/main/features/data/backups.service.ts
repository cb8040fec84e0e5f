import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PUSH_EVENTS } from '@shared/contract';
import type { BackupEntry, DiskSpace } from '@shared/contract/data.contract';
import type { Ctx } from '../../context';
import type { Job } from '../../feature';
import { type BackupKind, backupFileName, parseBackupName } from '../../db/backupNames';
import { newId } from '@shared/domain/ids';
import { DATABASE_FILE, inspectDatabaseFile, openDatabase } from '../../db/open';
import { countRows, hasRows } from '../../db/tables';
import { dataPath, diskFull, ensureRoom, freeBytes } from '../storage';
import { privateCopy, rebuildFromRows, settleFile } from '../../db/rebuild';
import { rebuildDerived } from '../../db/derived';
import { sqliteFile } from './engine.policy';
import { AppError } from '../../errors';
import { recoverRemovedDocuments } from '../bids';
import { recoverRemovedFiles } from '../communities';
import { backupsToDelete } from './rotation.rules';
import { isDiskFull, onlineBackup } from '../../db/sqlite';
import { noteCommitted } from '../../db/tx';

const HOUR = 3_600_000;

export const backupFolder = (ctx: Pick<Ctx, 'dataDir'>) => join(ctx.dataDir, 'backups');

export function listBackups(ctx: Pick<Ctx, 'dataDir'>): BackupEntry[] {
  const folder = backupFolder(ctx);
  mkdirSync(folder, { recursive: true });
  return readdirSync(folder)
    .map((name) => ({ name, parsed: parseBackupName(name) }))
    .filter((f): f is { name: string; parsed: NonNullable<ReturnType<typeof parseBackupName>> } => f.parsed !== null)
    .map(({ name, parsed }) => ({ name, kind: parsed.kind, createdAt: parsed.at.toISOString(), bytes: statSync(join(folder, name)).size }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** What the live database holds on disk now: the file and its write-ahead log. */
function liveBytes(ctx: Ctx): number {
  if (ctx.database.engine !== 'sqlite') return 0;
  return [ctx.database.file, `${ctx.database.file}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
}

/** Why the last automatic backup of each data folder was skipped, until one succeeds. */
const skipped = new Map<string, string>();

/** Free space on the data folder's disk, with a warning when it would not hold two more backups or a backup was skipped. */
export function diskSpace(ctx: Ctx): DiskSpace {
  const free = freeBytes(ctx.dataDir);
  const database = liveBytes(ctx);
  const low = free < 2 * database + 50 * 1024 * 1024;
  const warning = skipped.get(ctx.dataDir) ?? (low ? 'Free space is low: backups and restores need room for copies of the database. Free some space.' : null);
  return { freeBytes: free, databaseBytes: database, warning };
}

/**
 * A consistent copy of the live database (SQLite's online backup), written while the app runs:
 * under a temporary name first, so a copy cut short by a full disk never looks like a backup.
 */
export async function backup(ctx: Ctx, kind: BackupKind): Promise<BackupEntry> {
  const live = sqliteFile(ctx, 'A backup');
  const folder = backupFolder(ctx);
  mkdirSync(folder, { recursive: true });
  ensureRoom(ctx.dataDir, liveBytes(ctx), 'a backup');
  let at = ctx.now();
  // Two backups in the same second get distinct names.
  while (listBackups(ctx).some((b) => b.name === backupFileName(kind, at))) at = new Date(at.getTime() + 1000);
  const name = backupFileName(kind, at);
  const partial = join(folder, `.${name}.part`);
  try {
    await onlineBackup(live, partial);
    renameSync(partial, join(folder, name));
  } catch (error) {
    rmSync(partial, { force: true });
    throw isDiskFull(error) ? diskFull('The backup') : error;
  }
  ctx.emit('data.changed');
  return listBackups(ctx).find((b) => b.name === name)!;
}

function desktopOnly(ctx: Ctx) {
  if (!ctx.desktop) throw new AppError('RULE', 'Choosing a file needs the desktop app; here, use the backups folder.', undefined, 'desktop-only');
  return ctx.desktop;
}

/** "Back up now…": a manual backup, also saved where the person chooses. */
export async function backupToFile(ctx: Ctx): Promise<{ saved: string | null }> {
  const target = await desktopOnly(ctx).chooseSaveFile({ title: 'Back up Coopdesk', defaultName: backupFileName('manual', ctx.now()), extension: 'sqlite' });
  if (!target) return { saved: null };
  const entry = await backup(ctx, 'manual');
  copyFileSync(join(backupFolder(ctx), entry.name), target);
  return { saved: target };
}

/** "Restore…": a file chosen anywhere is copied into the backups folder, then restored from there (and not kept when it is refused). */
export async function restoreFromFile(ctx: Ctx): Promise<{ restored: string | null; safetyCopy: string | null }> {
  const source = await desktopOnly(ctx).chooseOpenFile({ title: 'Restore Coopdesk from a backup', extension: 'sqlite' });
  if (!source) return { restored: null, safetyCopy: null };
  // the copy kept in backups/, then the restore's own copies
  ensureRoom(ctx.dataDir, 3 * statSync(source).size + liveBytes(ctx), 'restoring that file');
  const name = backupFileName('manual', ctx.now());
  mkdirSync(backupFolder(ctx), { recursive: true });
  const kept = join(backupFolder(ctx), name);
  try {
    copyFileSync(source, kept);
    const done = await restore(ctx, name);
    return { restored: source, safetyCopy: done.safetyCopy };
  } catch (error) {
    rmSync(kept, { force: true });
    throw isDiskFull(error) ? diskFull('The restore') : error;
  }
}

/** Deletes automatic backups beyond 7 daily, 4 weekly and 12 monthly ones. */
export function rotate(ctx: Pick<Ctx, 'dataDir'>): string[] {
  const doomed = backupsToDelete(listBackups(ctx).map((b) => ({ name: b.name, kind: b.kind, at: new Date(b.createdAt) })));
  for (const name of doomed) rmSync(join(backupFolder(ctx), name), { force: true });
  return doomed;
}

/**
 * Restores a backup from the backups folder. Only its rows travel: a database is built from this
 * version's migrations, the rows copied in, migrated, opened and read through, all in a private
 * folder; then a copy of the current data is kept and the finished file renamed over the live
 * one. Until that rename the live database stays open and answering; any failure before it
 * changes nothing.
 */
export async function restore(ctx: Ctx, name: string): Promise<{ restored: string; safetyCopy: string }> {
  sqliteFile(ctx, 'A restore');
  const entry = listBackups(ctx).find((b) => b.name === name);
  if (!entry) throw new AppError('NOT_FOUND', `There is no backup called ${name}.`, { name: 'Unknown backup' });
  // a private copy of the file, the database rebuilt from it, and the safety copy of today's data
  ensureRoom(ctx.dataDir, 2 * entry.bytes + liveBytes(ctx), `restoring ${name}`);
  const folder = dataPath(ctx.dataDir, 'backups', `.checking-${newId()}`);
  mkdirSync(folder, { recursive: true });
  let safety: BackupEntry;
  try {
    const file = await rebuilt(ctx, join(backupFolder(ctx), name), folder, name);
    safety = await backup(ctx, 'pre-restore');
    await ctx.replaceDatabase(file);
    noteCommitted();
  } catch (error) {
    throw isDiskFull(error) ? diskFull(`Restoring ${name}`) : error;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  await recoverRemovedDocuments(ctx);
  await recoverRemovedFiles(ctx);
  // every open screen refreshes: the whole database changed
  for (const event of PUSH_EVENTS) ctx.emit(event);
  return { restored: name, safetyCopy: safety.name };
}

/**
 * Checks a backup and rebuilds it from its rows in `folder`: a private copy (the file itself is
 * never opened, so nothing is left beside it), the checks, the rows into a database of our own
 * migrations, then migrated, opened and read through. Returns the finished file.
 */
async function rebuilt(ctx: Ctx, file: string, folder: string, name: string): Promise<string> {
  const { nativeBinding } = sqliteFile(ctx, 'A restore');
  const copy = join(folder, 'source.sqlite');
  privateCopy(file, copy);
  const problem = await inspectDatabaseFile(copy, nativeBinding);
  if (problem) throw new AppError('VALIDATION', `${name} cannot be restored: ${problem} Nothing was changed.`, { name: problem });
  const target = join(folder, DATABASE_FILE);
  try {
    await rebuildFromRows(copy, target, nativeBinding);
    rmSync(copy);
    const built = await openDatabase({ dataDir: folder, nativeBinding: nativeBinding, backupBeforeMigrating: false });
    try {
      await rebuildDerived(built.db);
      for (const table of ctx.dataTables) await countRows(built.db, table);
      if (!(await hasRows(built.db, 'coop')) || !(await hasRows(built.db, 'sites'))) throw new Error('no co-op or site');
    } finally {
      await built.close();
    }
    settleFile(target, nativeBinding);
    return target;
  } catch (error) {
    if (isDiskFull(error)) throw error;
    throw new AppError('VALIDATION', `${name} cannot be restored: its records do not make a working Coopdesk database. Nothing was changed.`, {
      name: 'Does not open',
    });
  }
}

/** An automatic backup; on a full disk, rotation makes room first, else it is skipped with a warning Settings shows. */
async function automaticBackup(ctx: Ctx): Promise<void> {
  try {
    await backup(ctx, 'auto');
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'DISK_FULL')) throw error;
    rotate(ctx);
    try {
      await backup(ctx, 'auto');
    } catch (again) {
      if (!(again instanceof AppError && again.code === 'DISK_FULL')) throw again;
      skipped.set(ctx.dataDir, `The automatic backup of ${ctx.now().toISOString().slice(0, 10)} was skipped: the disk is full. Free some space.`);
      return;
    }
  }
  skipped.delete(ctx.dataDir);
}

/**
 * A backup a day the app is used: the first a little after start (so it never delays the first
 * screen on a large file), then checked hourly; each followed by rotation. Failures are logged by
 * the scheduler, never fatal: the app keeps working.
 */
export const backupJob: Job = {
  name: 'data.backup',
  audit: 'made the automatic backup',
  everyMs: HOUR,
  firstAfterMs: 20_000,
  backup: true,
  async run(ctx) {
    const newest = listBackups(ctx).find((b) => b.kind === 'auto');
    if (!newest || ctx.now().getTime() - Date.parse(newest.createdAt) >= 23 * HOUR) {
      await automaticBackup(ctx);
      rotate(ctx);
    }
    // files, not records: nothing for the audit log
    return { changed: 0 };
  },
};
