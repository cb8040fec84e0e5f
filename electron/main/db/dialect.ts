import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The two databases Coopdesk runs on: SQLite (the embedded default, one file) and PostgreSQL (a
 * co-op with several sites sharing one server). Which one a query goes to is read from the
 * Kysely instance (a transaction speaks to the same), never from a setting, so both can be open
 * at once (moving a co-op from one to the other).
 */
export type Engine = 'sqlite' | 'postgres';

export const engineOf = (db: Kysely<any>): Engine => (db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');

/** The schema's own DDL that the two databases say differently, each said once per database here. */

/**
 * A trigger run for each row. `when` is the same condition in both (SQLite's WHEN; on PostgreSQL
 * tested inside the function, where it may hold a subquery); the bodies are each database's own
 * (SQLite: statements, `raise(abort, …)` to refuse; PostgreSQL: PL/pgSQL, `raise exception`).
 */
export async function rowTrigger(
  db: Kysely<any>,
  t: { name: string; timing: 'before' | 'after'; event: string; table: string; when?: string; sqlite: string; postgres: string },
): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await sql.raw(`create trigger ${t.name} ${t.timing} ${t.event} on ${t.table}${t.when ? ` when ${t.when}` : ''} begin ${t.sqlite} end`).execute(db);
    return;
  }
  const body = t.when ? `if ${t.when} then ${t.postgres} end if;` : t.postgres;
  const row = t.event === 'delete' ? 'old' : 'new';
  await sql.raw(`create function ${t.name}() returns trigger language plpgsql as $$ begin ${body} return ${row}; end $$`).execute(db);
  await sql.raw(`create trigger ${t.name} ${t.timing} ${t.event} on ${t.table} for each row execute function ${t.name}()`).execute(db);
}

export async function dropRowTrigger(db: Kysely<any>, name: string, table: string): Promise<void> {
  if (engineOf(db) === 'sqlite') await sql.raw(`drop trigger ${name}`).execute(db);
  else await sql.raw(`drop trigger ${name} on ${table}; drop function ${name}()`).execute(db);
}

/** An index of a text column read without regard to case, then `then` (SQLite: `collate nocase`; PostgreSQL: `lower()`). */
export async function caselessIndex(db: Kysely<any>, name: string, table: string, column: string, then: string): Promise<void> {
  const key = engineOf(db) === 'sqlite' ? `${column} collate nocase` : `lower(${column})`;
  await sql.raw(`create index ${name} on ${table} (${key}, ${then})`).execute(db);
}

/** `without rowid` on SQLite (a table kept in its key's order); PostgreSQL has no rowid to leave out. */
export const withoutRowid = (db: Kysely<any>) => sql.raw(engineOf(db) === 'sqlite' ? 'without rowid' : '');

/** A true/false condition as the number 1 or 0 (SQLite's comparisons are numbers already; PostgreSQL's are booleans). */
export const asNumber = (db: Kysely<any>, condition: string) => (engineOf(db) === 'sqlite' ? condition : `(${condition})::int`);
