import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { backupFileName } from './backupNames';
import { registerHandle } from './rows';
import type { DB } from './schema';
import { schemaProblem } from './verify';
import { immediate, withoutCommitHook } from './tx';

export const DATABASE_FILE = 'coopdesk.sqlite';

export class DatabaseTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `This database was written by a newer version of Coopdesk (schema ${fileVersion}; ` +
        `this version knows schema ${knownVersion}). Install the newer Coopdesk to open it. ` +
        'The file was not changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export interface OpenOptions {
  dataDir: string;
  /** Path to a better-sqlite3 build for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  fileName?: string;
  /** Migrate only up to this version (upgrade tests build old databases with it). */
  upTo?: number;
  /**
   * FULL (the default): every commit is on disk before it is reported, so a power cut loses
   * nothing the desk was told was saved. NORMAL is faster but may lose the last commits (see
   * test/bench/durability.bench.ts for what FULL costs).
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** A copy in backups/ before an upgrade (default); a restore's private working copy needs none. */
  backupBeforeMigrating?: boolean;
}

export interface Database {
  engine: 'sqlite';
  db: Kysely<DB>;
  sqlite: Sqlite.Database;
  file: string;
  nativeBinding?: string;
  schemaVersion: number;
  close(): Promise<void>;
}

function schemaVersionOf(sqlite: Sqlite.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/**
 * Kysely prepares every query anew; preparing costs more than running most of ours. The app
 * asks the same few hundred query shapes again and again, so prepared statements are kept.
 */
function withStatementCache(sqlite: Sqlite.Database) {
  const cache = new Map<string, Sqlite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let statement = cache.get(sqlText);
      if (!statement) {
        if (cache.size >= 1000) cache.clear();
        statement = sqlite.prepare(sqlText);
        cache.set(sqlText, statement);
      }
      return statement;
    },
  };
}

/** Opens (creating if needed) the database file, refusing one from a newer version, then migrates. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, options.fileName ?? DATABASE_FILE);
  const sqlite = new Sqlite(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});

  const found = schemaVersionOf(sqlite);
  if (found > LATEST_SCHEMA_VERSION) {
    sqlite.close();
    throw new DatabaseTooNewError(found, LATEST_SCHEMA_VERSION);
  }

  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');

  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  registerHandle(db, sqlite);

  try {
    if (found > 0 && found < (options.upTo ?? LATEST_SCHEMA_VERSION) && options.backupBeforeMigrating !== false) {
      const backups = join(options.dataDir, 'backups');
      mkdirSync(backups, { recursive: true });
      await sqlite.backup(join(backups, backupFileName('pre-migration', new Date())));
    }
    await migrate(db, found, options.upTo ?? LATEST_SCHEMA_VERSION);
  } catch (error) {
    // a file that could not be brought up to date (a full disk) is not left open
    await db.destroy();
    throw error;
  }

  return {
    engine: 'sqlite',
    db,
    sqlite,
    file,
    nativeBinding: options.nativeBinding,
    schemaVersion: schemaVersionOf(sqlite),
    close: () => db.destroy(),
  };
}

/**
 * Applies the migrations after `from`, each in its own transaction together with the version
 * bump, so a crash leaves the file at a whole version. (Kysely's Migrator cannot wrap SQLite
 * DDL in a transaction, hence this small runner.)
 */
async function migrate(db: Kysely<DB>, from: number, to: number): Promise<void> {
  for (let version = from; version < to; version++) {
    // never a request's audit row: a database opened during a request (an import's) is not the request's change
    await withoutCommitHook(() =>
      immediate(db, async (trx) => {
        await migrations[version].up(trx);
        await sql.raw(`pragma user_version = ${version + 1}`).execute(trx);
      }),
    );
  }
}

/**
 * Says whether a file is a Coopdesk database this version can open: SQLite, intact, with every
 * table and column its schema version has, its references whole, not from a newer version.
 * Returns the problem in words, or null.
 */
export async function inspectDatabaseFile(file: string, nativeBinding?: string): Promise<string | null> {
  let sqlite: Sqlite.Database;
  try {
    sqlite = new Sqlite(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch {
    return 'The file cannot be opened as a database.';
  }
  try {
    const version = schemaVersionOf(sqlite);
    if (version < 1) return 'The file is not a Coopdesk database.';
    if (version > LATEST_SCHEMA_VERSION) return new DatabaseTooNewError(version, LATEST_SCHEMA_VERSION).message;
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return `The file is damaged (${String(integrity)}).`;
    const shape = await schemaProblem(sqlite, version, nativeBinding);
    if (shape) return `The file is not a Coopdesk database: ${shape}.`;
    if ((sqlite.pragma('foreign_key_check') as unknown[]).length > 0) return 'The file is damaged: some records point at records that are not there.';
    return null;
  } catch {
    return 'The file is not a Coopdesk database, or it is damaged.';
  } finally {
    sqlite.close();
  }
}
