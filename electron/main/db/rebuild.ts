import { closeSync, copyFileSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { openDatabase } from './open';
import { DERIVED_TABLES, MACHINE_TABLES, columnsOf, tableNames } from './tables';
import { expectedShape } from './verify';

/**
 * Restoring a file carries its rows, never its schema: a backup with one extra trigger, a view,
 * or a dropped guard or unique index would otherwise travel into the live database and into
 * every later backup. SQLite-only (ATTACH, the file header), behind these two names.
 */

/**
 * Copies a database file to `target` so that SQLite opens the copy without creating -wal and
 * -shm files (its header says "rollback journal"): checking a file leaves nothing beside it, and
 * the original is never opened at all.
 */
export function privateCopy(source: string, target: string): void {
  copyFileSync(source, target);
  const fd = openSync(target, 'r+');
  try {
    const header = Buffer.alloc(2);
    // bytes 18 and 19: the file format's write and read versions, 2 in WAL mode
    if (readSync(fd, header, 0, 2, 18) === 2 && header[0] === 2 && header[1] === 2) writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Builds `target` from this version's own migrations up to the source's schema version, then
 * copies the source's rows into it, table by table and column by column: the app's triggers
 * (the double-booking guard among them) check every row as it arrives, and only rows travel.
 * Sign-in counters (`MACHINE_TABLES`) stay behind; derived tables are rebuilt by their triggers
 * or by the caller (the search index). Throws when a row breaks a rule or a reference.
 */
export async function rebuildFromRows(source: string, target: string, nativeBinding?: string): Promise<void> {
  const reader = new Sqlite(source, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  const version = reader.pragma('user_version', { simple: true }) as number;
  reader.close();
  const expected = await expectedShape(version, nativeBinding);
  const built = await openDatabase({ dataDir: dirname(target), fileName: basename(target), nativeBinding, upTo: version, backupBeforeMigrating: false });
  const sqlite = built.sqlite;
  try {
    // references are checked once every table is in, whatever the order of the tables
    sqlite.pragma('foreign_keys = OFF');
    sqlite.prepare('attach database ? as src').run(source);
    try {
      sqlite.transaction(() => {
        for (const [table, columns] of expected) {
          if (DERIVED_TABLES.includes(table) || MACHINE_TABLES.includes(table)) continue;
          const names = columns.map((c) => quoted(c.split(' ')[0])).join(', ');
          sqlite.exec(`insert into main.${quoted(table)} (${names}) select ${names} from src.${quoted(table)}`);
        }
      })();
    } finally {
      sqlite.exec('detach database src');
    }
    if ((sqlite.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error('some records point at records that are not there');
    sqlite.pragma('foreign_keys = ON');
  } finally {
    await built.close();
  }
}

/** Leaves a closed database a single, complete file (its log folded in, no -wal or -shm beside it), ready to be renamed into place. */
export function settleFile(file: string, nativeBinding?: string): void {
  const sqlite = new Sqlite(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    sqlite.pragma('journal_mode = DELETE');
  } finally {
    sqlite.close();
  }
}

/**
 * Copies into `target` (a closed file) the rows of `source`'s tables other than `except`, the
 * derived and the machine's ones: what an import keeps of the install it lands in (the manager
 * password). Both files are this version's schema.
 */
export function carryRows(target: string, source: string, except: readonly string[], nativeBinding?: string): void {
  const sqlite = new Sqlite(target, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    sqlite.prepare('attach database ? as src').run(source);
    const skip = new Set([...except, ...DERIVED_TABLES, ...MACHINE_TABLES]);
    sqlite.transaction(() => {
      for (const table of tableNames(sqlite).filter((t) => !skip.has(t))) {
        const names = columnsOf(sqlite, table)
          .map((c) => quoted(c.name))
          .join(', ');
        sqlite.exec(`insert into main.${quoted(table)} (${names}) select ${names} from src.${quoted(table)}`);
      }
    })();
    sqlite.exec('detach database src');
  } finally {
    sqlite.close();
  }
}
