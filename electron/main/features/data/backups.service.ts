import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry } from '@shared/contract/data.contract';
import type { Ctx } from '../../context';
import { type BackupKind, backupFileName, parseBackupName } from '../../db/backupNames';
import { newId } from '@shared/domain/ids';
import { DATABASE_FILE, inspectDatabaseFile, openDatabase } from '../../db/open';
import { countRows, hasRows } from '../../db/tables';
import { dataPath } from '../storage';
import { AppError } from '../../errors';
import { recoverRemovedDocuments } from '../bids';
import { backupsToDelete } from './rotation';
import { onlineBackup } from '../../db/sqlite';

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

/** A consistent copy of the live database (SQLite's online backup), written while the app runs. */
export async function backup(ctx: Ctx, kind: BackupKind): Promise<BackupEntry> {
  const folder = backupFolder(ctx);
  mkdirSync(folder, { recursive: true });
  let at = ctx.now();
  // Two backups in the same second get distinct names.
  while (listBackups(ctx).some((b) => b.name === backupFileName(kind, at))) at = new Date(at.getTime() + 1000);
  const name = backupFileName(kind, at);
  await onlineBackup(ctx.database, join(folder, name));
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

/** "Restore…": a file chosen anywhere is checked, copied into the backups folder, then restored. */
export async function restoreFromFile(ctx: Ctx): Promise<{ restored: string | null; safetyCopy: string | null }> {
  const source = await desktopOnly(ctx).chooseOpenFile({ title: 'Restore Coopdesk from a backup', extension: 'sqlite' });
  if (!source) return { restored: null, safetyCopy: null };
  const problem = await inspectDatabaseFile(source, ctx.database.nativeBinding);
  if (problem) throw new AppError('VALIDATION', `That file cannot be restored: ${problem}`, { file: problem });
  const name = backupFileName('manual', ctx.now());
  mkdirSync(backupFolder(ctx), { recursive: true });
  copyFileSync(source, join(backupFolder(ctx), name));
  const done = await restore(ctx, name);
  return { restored: source, safetyCopy: done.safetyCopy };
}

/** Deletes automatic backups beyond 7 daily, 4 weekly and 12 monthly ones. */
export function rotate(ctx: Pick<Ctx, 'dataDir'>): string[] {
  const doomed = backupsToDelete(listBackups(ctx).map((b) => ({ name: b.name, kind: b.kind, at: new Date(b.createdAt) })));
  for (const name of doomed) rmSync(join(backupFolder(ctx), name), { force: true });
  return doomed;
}

/**
 * Restores a backup from the backups folder: checks it is an intact Coopdesk database this
 * version can open, keeps a copy of the current data first, then swaps the file and reopens.
 */
export async function restore(ctx: Ctx, name: string): Promise<{ restored: string; safetyCopy: string }> {
  const entry = listBackups(ctx).find((b) => b.name === name);
  if (!entry) throw new AppError('NOT_FOUND', `There is no backup called ${name}.`, { name: 'Unknown backup' });
  const file = join(backupFolder(ctx), name);
  const problem = await inspectDatabaseFile(file, ctx.database.nativeBinding);
  if (problem) throw new AppError('VALIDATION', `${name} cannot be restored: ${problem}`, { name: problem });
  // A migrated copy is opened and read first; the live database is swapped only for one that works.
  const checked = await workingCopy(ctx, file, name);
  let safety: BackupEntry;
  try {
    safety = await backup(ctx, 'pre-restore');
    await ctx.replaceDatabase(checked.file);
  } finally {
    checked.remove();
  }
  await recoverRemovedDocuments(ctx);
  for (const event of ['members.changed', 'settings.changed', 'bookables.changed', 'bookings.changed', 'bids.changed', 'data.changed'] as const)
    ctx.emit(event);
  return { restored: name, safetyCopy: safety!.name };
}

/** Copies a backup aside, migrates and opens it, and reads every table, so that a file that only looks right fails here. */
async function workingCopy(ctx: Ctx, file: string, name: string): Promise<{ file: string; remove: () => void }> {
  const folder = dataPath(ctx.dataDir, 'backups', `.checking-${newId()}`);
  mkdirSync(folder, { recursive: true });
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    copyFileSync(file, join(folder, DATABASE_FILE));
    const copy = await openDatabase({ dataDir: folder, nativeBinding: ctx.database.nativeBinding });
    try {
      for (const table of ctx.dataTables) await countRows(copy.db, table);
      if (!(await hasRows(copy.db, 'coop')) || !(await hasRows(copy.db, 'sites'))) throw new Error('no co-op or site');
    } finally {
      await copy.close();
    }
    return { file: join(folder, DATABASE_FILE), remove };
  } catch {
    remove();
    throw new AppError('VALIDATION', `${name} cannot be restored: it does not open as a working Coopdesk database. Nothing was changed.`, {
      name: 'Does not open',
    });
  }
}

/**
 * A backup at start, then whenever the newest automatic one is a day old (checked hourly),
 * each followed by rotation. Failures are logged, never fatal: the app keeps working.
 */
/**
 * A backup a day the app is used: the first a little after start (so it never delays the first
 * screen on a large file), then checked hourly.
 */
export function startAutomaticBackups(ctx: Ctx, firstAfterMs = 20_000): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => {
      try {
        const newest = listBackups(ctx).find((b) => b.kind === 'auto');
        if (!newest || ctx.now().getTime() - Date.parse(newest.createdAt) >= 23 * HOUR) {
          await backup(ctx, 'auto');
          rotate(ctx);
        }
      } catch (error) {
        console.error('Coopdesk: automatic backup failed:', error);
      }
    });
  };
  const first = setTimeout(tick, firstAfterMs);
  first.unref();
  const timer = setInterval(tick, HOUR);
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
