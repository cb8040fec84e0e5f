import type { Kysely } from 'kysely';
import type { DB } from './schema';

/** Bound values per statement: well under SQLite's limit (32,766 in the build better-sqlite3 ships). */
const BOUND_VALUES = 30_000;

/** Inserts many rows in statements of as many rows as stay under the limit of bound values (their columns counted from the first row). */
export async function insertChunked<T extends keyof DB>(db: Kysely<DB>, table: T, rows: readonly DB[T][]): Promise<void> {
  if (rows.length === 0) return;
  const per = Math.max(1, Math.floor(BOUND_VALUES / Object.keys(rows[0] as object).length));
  for (let i = 0; i < rows.length; i += per)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + per) as never)
      .execute();
}
