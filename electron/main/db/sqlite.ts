import { type RawBuilder, sql } from 'kysely';
import type { Database } from './open';

/**
 * What only SQLite says this way, each behind a name, so that a second database (PostgreSQL,
 * for a co-op with several sites) replaces these and nothing in the features. The rest of the
 * SQL is Kysely's portable builder. Also SQLite's: `search.ts` (FTS5), `rows.ts` (statements
 * returning arrays), `tables.ts` (PRAGMA table_info), the migrations' triggers.
 */

/** A text column ordered without regard to case (SQLite: `collate nocase`; Postgres: `lower()` or a citext column). */
export const caseless = (column: string): RawBuilder<string> => sql<string>`${sql.ref(column)} collate nocase`;

/** A column compared without letting the planner use its index (SQLite: a unary plus), so that another index drives the query. */
export const withoutIndex = <T>(column: string): RawBuilder<T> => sql<T>`+${sql.ref(column)}`;

/** Whether an error is the overbooking guard's refusal (the trigger raises `OVERBOOKED`). */
export const isOverbooked = (error: unknown): boolean => error instanceof Error && error.message.includes('OVERBOOKED');

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

/** `column` contains `text`, ignoring case (SQLite: LIKE, case-blind for ASCII; Postgres: ILIKE), with LIKE's wildcards taken literally. */
export const containsText = (column: string, text: string): RawBuilder<boolean> =>
  sql<boolean>`${sql.ref(column)} like ${`%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`} escape '\\'`;

/**
 * A list of values bound as one parameter, for `where(column, 'in', listOf(values))`: a thousand
 * ids cost one bound value instead of a thousand (compiling and binding those cost more than the
 * lookups), and no list is too long for a statement (SQLite: `json_each`; Postgres: `unnest` of an array).
 */
export const listOf = <T extends string | number>(values: readonly T[]): RawBuilder<T> => sql<T>`(select value from json_each(${JSON.stringify(values)}))`;
