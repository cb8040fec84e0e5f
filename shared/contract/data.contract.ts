import * as z from 'zod';
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

/** A PostgreSQL server as Settings → Database found it: what it holds, and what this desk may do with it. */
export interface ServerCheck {
  /** The address without its password. */
  address: string;
  serverVersion: string;
  tls: boolean;
  /** Empty (a co-op may move in), a co-op's (a desk may work on it), or something else's (neither). */
  holds: 'nothing' | 'coop' | 'other';
  schemaVersion: number;
  members: number;
  sites: string[];
  /** What the manager reads: what is there, and what can be done with it. */
  summary: string;
}

/** A PostgreSQL address, password and all: its shape here, the rest (a port that is a number…) where it is parsed, and the server when it is asked. */
const serverUrl = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'Enter the server’s address')
    .max(2000)
    .regex(/^postgres(ql)?:\/\/[^/\s]+\/[^\s]+$/, 'Write it as postgres://user:password@host:5432/database'),
});

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
  /** Settings → Database: looks at a PostgreSQL server, changing nothing there or here. */
  'data.checkServer': command<ServerCheck>()(serverUrl, 'manager', { audit: 'checked a PostgreSQL server' }),
  /** Moves this co-op from its file into an empty PostgreSQL database, and works there from then on (the file stays as it was). */
  'data.moveToServer': command<{ address: string; tables: Record<string, number> }>()(serverUrl, 'manager', {
    audit: 'moved the co-op onto a PostgreSQL server',
  }),
  /** This desk works on the co-op a PostgreSQL server already holds (another site's desk moved it there). */
  'data.useServer': command<{ address: string }>()(serverUrl, 'manager', { audit: 'connected this desk to the co-op’s PostgreSQL server' }),
  'data.importAll': command<{ tables: Record<string, number> }>()(z.object({ name: exportName }), 'manager', { audit: 'imported everything' }),
});
