import type Sqlite from 'better-sqlite3';
import type { Compilable, Kysely } from 'kysely';

/**
 * Hot reads that return hundreds of rows (the day board) spend most of their time building a
 * JavaScript object per row, not in SQLite. These helpers run a Kysely-built query as arrays,
 * through a cached prepared statement. Queries stay written in Kysely; only the execution is
 * better-sqlite3 specific, kept here in db/.
 */
const handles = new WeakMap<Kysely<any>, Sqlite.Database>();
const statements = new WeakMap<Sqlite.Database, Map<string, Sqlite.Statement>>();

export function registerHandle(db: Kysely<any>, sqlite: Sqlite.Database): void {
  handles.set(db, sqlite);
  statements.set(sqlite, new Map());
}

/** Rows as arrays in select order; falls back to objects' values when no handle is known (inside a transaction). */
export async function rowsAsArrays(db: Kysely<any>, query: Compilable<unknown>): Promise<unknown[][]> {
  const compiled = query.compile();
  const sqlite = handles.get(db);
  if (!sqlite) {
    const result = await db.executeQuery(compiled);
    return (result.rows as Record<string, unknown>[]).map((r) => Object.values(r));
  }
  const cache = statements.get(sqlite)!;
  let statement = cache.get(compiled.sql);
  if (!statement) {
    if (cache.size > 200) cache.clear();
    statement = sqlite.prepare(compiled.sql).raw(true);
    cache.set(compiled.sql, statement);
  }
  return statement.all(...(compiled.parameters as unknown[])) as unknown[][];
}
