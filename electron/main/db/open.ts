import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { registerHandle } from './rows';
import type { DB } from './schema';

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
}

export interface Database {
  db: Kysely<DB>;
  sqlite: Sqlite.Database;
  file: string;
  schemaVersion: number;
  close(): Promise<void>;
}

function schemaVersionOf(sqlite: Sqlite.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
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
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');

  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  registerHandle(db, sqlite);

  if (found > 0 && found < LATEST_SCHEMA_VERSION) {
    const backups = join(options.dataDir, 'backups');
    mkdirSync(backups, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    await sqlite.backup(join(backups, `pre-migration-v${found}-${stamp}.sqlite`));
  }
  await migrate(db, found);

  return {
    db,
    sqlite,
    file,
    schemaVersion: schemaVersionOf(sqlite),
    close: () => db.destroy(),
  };
}

/**
 * Applies the migrations after `from`, each in its own transaction together with the version
 * bump, so a crash leaves the file at a whole version. (Kysely's Migrator cannot wrap SQLite
 * DDL in a transaction, hence this small runner.)
 */
async function migrate(db: Kysely<DB>, from: number): Promise<void> {
  for (let version = from; version < migrations.length; version++) {
    await db.transaction().execute(async (trx) => {
      await migrations[version].up(trx);
      await sql.raw(`pragma user_version = ${version + 1}`).execute(trx);
    });
  }
}
