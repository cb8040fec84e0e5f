import { z } from 'zod';
import { command, query, contractPart } from './common';
import { empty } from './fields';

export interface BackupEntry {
  name: string;
  kind: 'auto' | 'manual' | 'pre-migration' | 'pre-restore';
  createdAt: string;
  bytes: number;
}

export interface ExportEntry {
  name: string;
  createdAt: string;
  bytes: number;
}

/** The data folder's disk: what is free, what a backup needs, and a warning when it runs low or a backup was skipped. */
export interface DiskSpace {
  freeBytes: number;
  databaseBytes: number;
  warning: string | null;
}

const fileName = (pattern: RegExp, message: string) => z.string().trim().max(200).regex(pattern, message);
const backupName = fileName(/^[a-z-]+-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.sqlite$/, 'Not the name of a backup in the backups folder');
const exportName = fileName(/^coopdesk-export-[0-9TZ-]+\.zip$/, 'Not the name of an export in the exports folder');

export const dataContract = contractPart('data', 'Backups and exports', ['data.changed'], {
  'data.backups': query<{ folder: string; backups: BackupEntry[]; disk: DiskSpace }>()(empty, 'manager'),
  'data.backupNow': command<BackupEntry>()(empty, 'manager', { audit: 'made a backup' }),
  'data.restore': command<{ restored: string; safetyCopy: string }>()(z.object({ name: backupName }), 'manager', { audit: 'restored a backup' }),
  /** Desktop app: "Back up now…" to a file chosen in the system's save dialog. */
  'data.backupToFile': command<{ saved: string | null }>()(empty, 'manager', { audit: 'saved a backup to a file' }),
  /** Desktop app: "Restore…" from a file chosen in the system's open dialog. */
  'data.restoreFromFile': command<{ restored: string | null; safetyCopy: string | null }>()(empty, 'manager', { audit: 'restored from a file' }),
  'data.exports': query<{ folder: string; exports: ExportEntry[] }>()(empty, 'manager'),
  'data.exportAll': command<ExportEntry & { tables: Record<string, number> }>()(empty, 'manager', { audit: 'exported everything' }),
  'data.importAll': command<{ tables: Record<string, number> }>()(z.object({ name: exportName }), 'manager', { audit: 'imported everything' }),
});
