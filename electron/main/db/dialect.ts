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

/**
 * PostgreSQL's own guarantee that a room is never booked twice (btree_gist): an exclusion
 * constraint over each room's bookings ahead, beside the guard trigger that holds for every kind
 * (desks and equipment by their count, under a lock per bookable). A booking is `whole` when it
 * is of a room and ends after the moment it was written; bookings of the past keep their history
 * (a room may have been desks once, with bookings side by side), and a bookable that changes kind
 * hands its bookings back to the trigger alone. SQLite runs one writer at a time, and its trigger
 * is the guard.
 */
export async function roomsNeverOverlap(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'sqlite') return;
  await sql`create extension if not exists btree_gist`.execute(db);
  await sql`alter table bookings add column whole boolean not null default false`.execute(db);
  await sql`alter table bookings add constraint bookings_room_overbooked exclude using gist
    (bookable_id with =, int8range(occ_start_ms, occ_end_ms) with &&) where (whole and status in ('pending', 'confirmed'))`.execute(db);
  await rowTrigger(db, {
    name: 'bookings_whole',
    timing: 'before',
    event: 'insert or update of bookable_id',
    table: 'bookings',
    sqlite: '',
    postgres: `new.whole := new.occ_end_ms > (extract(epoch from clock_timestamp()) * 1000)::bigint
      and exists (select 1 from bookables where id = new.bookable_id and kind = 'room');`,
  });
  await rowTrigger(db, {
    name: 'bookables_kind_whole',
    timing: 'after',
    event: 'update of kind',
    table: 'bookables',
    when: 'new.kind <> old.kind',
    sqlite: '',
    postgres: 'update bookings set whole = false where bookable_id = new.id and whole;',
  });
}
