import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { migrations } from './migrations';
import type { DB } from './schema';
import { type Column, columnsOf, tableNames } from './tables';

/** A table's columns as `name TYPE [NOT NULL] [KEY]`. */
const described = (columns: Column[]) => columns.map((c) => `${c.name} ${c.type}${c.notNull ? ' NOT NULL' : ''}${c.primaryKey ? ' KEY' : ''}`);

/** Every table of a database with its columns. */
function shapeOf(sqlite: Sqlite.Database): Map<string, string[]> {
  return new Map(tableNames(sqlite).map((t) => [t, described(columnsOf(sqlite, t))]));
}

const schemas = new Map<string, Promise<Map<string, Column[]>>>();

/**
 * The tables and columns that schema `version` has in SQLite's words: our migrations up to it,
 * run once in memory. Also what an export describes and writes on PostgreSQL, where the same
 * schema has a column or two of the server's own.
 */
export function schemaColumns(version: number, nativeBinding?: string): Promise<Map<string, Column[]>> {
  const key = `${version}:${nativeBinding ?? ''}`;
  if (!schemas.has(key)) {
    schemas.set(
      key,
      (async () => {
        const sqlite = new Sqlite(':memory:', nativeBinding ? { nativeBinding } : {});
        const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
        try {
          for (let v = 0; v < version; v++) {
            await db.transaction().execute(async (trx) => {
              await migrations[v].up(trx);
              await sql.raw(`pragma user_version = ${v + 1}`).execute(trx);
            });
          }
          return new Map(tableNames(sqlite).map((t) => [t, columnsOf(sqlite, t)]));
        } finally {
          await db.destroy();
        }
      })(),
    );
  }
  return schemas.get(key)!;
}

/** The tables and columns that schema `version` has, each column described. */
export async function expectedShape(version: number, nativeBinding?: string): Promise<Map<string, string[]>> {
  return new Map([...(await schemaColumns(version, nativeBinding))].map(([t, columns]) => [t, described(columns)]));
}

/**
 * Whether a database has every table and column its version must have (tables named like ours
 * are not enough); the first difference in words, or null.
 */
export async function schemaProblem(sqlite: Sqlite.Database, version: number, nativeBinding?: string): Promise<string | null> {
  const expected = await expectedShape(version, nativeBinding);
  const found = shapeOf(sqlite);
  for (const [table, columns] of expected) {
    const have = found.get(table);
    if (!have) return `it has no ${table} table, which schema ${version} has`;
    const missing = columns.filter((c) => !have.includes(c));
    if (missing.length > 0) return `its ${table} table differs from schema ${version} (${missing[0].split(' ')[0]})`;
  }
  return null;
}
