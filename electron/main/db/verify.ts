import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { migrations } from './migrations';
import type { DB } from './schema';
import { columnsOf, tableNames } from './tables';

/** Every table of a database with its columns, as `table: name TYPE [NOT NULL] [KEY], …`. */
function shapeOf(sqlite: Sqlite.Database): Map<string, string[]> {
  return new Map(
    tableNames(sqlite).map((t) => [t, columnsOf(sqlite, t).map((c) => `${c.name} ${c.type}${c.notNull ? ' NOT NULL' : ''}${c.primaryKey ? ' KEY' : ''}`)]),
  );
}

const shapes = new Map<string, Promise<Map<string, string[]>>>();

/** The tables and columns that schema `version` has: our migrations up to it, run once in memory. */
export function expectedShape(version: number, nativeBinding?: string): Promise<Map<string, string[]>> {
  const key = `${version}:${nativeBinding ?? ''}`;
  if (!shapes.has(key)) {
    shapes.set(
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
          return shapeOf(sqlite);
        } finally {
          await db.destroy();
        }
      })(),
    );
  }
  return shapes.get(key)!;
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
