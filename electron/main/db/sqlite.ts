import { type Kysely, type RawBuilder, sql } from 'kysely';
import { engineOf } from './dialect';
import type { Database } from './open';

/**
 * What SQLite and PostgreSQL (a co-op with several sites) say differently, each behind a name that
 * takes the database it is for, so that nothing in the features knows which one it runs on. The rest of the
 * SQL is Kysely's portable builder. Also SQLite's: `search.ts` (FTS5), `rows.ts` (statements
 * returning arrays), `tables.ts` (PRAGMA table_info), the migrations' triggers.
 */

/** A text column ordered without regard to case (SQLite: `collate nocase`; PostgreSQL: `lower()`, as its index is). */
export const caseless = (db: Kysely<any>, column: string): RawBuilder<string> =>
  engineOf(db) === 'sqlite' ? sql<string>`${sql.ref(column)} collate nocase` : sql<string>`lower(${sql.ref(column)})`;

/** A column compared without letting SQLite's planner use its index (a unary plus), so that another index drives the query; PostgreSQL plans by its statistics. */
export const withoutIndex = <T>(db: Kysely<any>, column: string): RawBuilder<T> =>
  engineOf(db) === 'sqlite' ? sql<T>`+${sql.ref(column)}` : sql<T>`${sql.ref(column)}`;

/** Whether an error is the overbooking guard's refusal (the trigger raises `OVERBOOKED`; PostgreSQL's exclusion constraint for rooms, 23P01). */
export const isOverbooked = (error: unknown): boolean =>
  error instanceof Error && (error.message.includes('OVERBOOKED') || (error as { code?: string }).code === '23P01');

/**
 * Whether an error is the disk being full: SQLite's SQLITE_FULL, the system's ENOSPC, or SQLite
 * failing to grow the write-ahead log's index (SQLITE_IOERR_SHMSIZE: a write-ahead log that grew
 * past a page of index on a full disk — seen when an import's bigger schema filled the last bytes).
 */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'SQLITE_IOERR_SHMSIZE');
}

/** Folds the write-ahead log into the database file and empties it; throws when it cannot (a reader in the way, a full disk). */
export function checkpoint(database: Database): void {
  const [result] = database.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (result?.busy) throw new Error('The database is busy; try again.');
}

/** A consistent copy of the live database while the app keeps writing (SQLite's online backup). */
export const onlineBackup = (database: Database, file: string): Promise<unknown> => database.sqlite.backup(file);

/** `column` contains `text`, ignoring case (SQLite: LIKE, case-blind for ASCII; PostgreSQL: ILIKE), with LIKE's wildcards taken literally. */
export const containsText = (db: Kysely<any>, column: string, text: string): RawBuilder<boolean> => {
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return engineOf(db) === 'sqlite'
    ? sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`
    : sql<boolean>`${sql.ref(column)} ilike ${pattern} escape '\\'`;
};

/**
 * A list of values bound as one parameter, for `where(column, 'in', listOf(values))`: a thousand
 * ids cost one bound value instead of a thousand (compiling and binding those cost more than the
 * lookups), and no list is too long for a statement (SQLite: `json_each`; Postgres: `unnest` of an array).
 */
export const listOf = <T extends string | number>(db: Kysely<any>, values: readonly T[]): RawBuilder<T> => {
  if (engineOf(db) === 'sqlite') return sql<T>`(select value from json_each(${JSON.stringify(values)}))`;
  return typeof values[0] === 'number' ? sql<T>`(select unnest(${values}::bigint[]))` : sql<T>`(select unnest(${values}::text[]))`;
};
