import type Sqlite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema';

/**
 * Tables rebuilt from the others, never exported: members_fts (the search index), bookable_spans
 * and tag_counts (kept by triggers, counted again by `rebuildDerived` after rows arrive in bulk).
 */
export const DERIVED_TABLES = ['members_fts', 'bookable_spans', 'tag_counts'];

/**
 * Sign-in counters and lockouts: they belong to this machine's sessions, never to a file, so a
 * restore starts them afresh (a crafted backup cannot lock the desk out for ever).
 */
export const MACHINE_TABLES = ['access_guards'];

export interface Column {
  name: string;
  type: string;
  notNull: boolean;
  primaryKey: boolean;
}

/** Every table in the file (SQLite's own and the search index's shadow tables excluded). */
export function tableNames(sqlite: Sqlite.Database): string[] {
  return (
    sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'members_fts_%' order by name")
      .all() as { name: string }[]
  ).map((t) => t.name);
}

export function columnsOf(sqlite: Sqlite.Database, table: string): Column[] {
  return (sqlite.pragma(`table_info(${JSON.stringify(table)})`) as { name: string; type: string; notnull: number; pk: number }[]).map((c) => ({
    name: c.name,
    type: c.type.toUpperCase(),
    notNull: c.notnull === 1,
    primaryKey: c.pk > 0,
  }));
}

/** A PostgreSQL table's columns, its integers typed INTEGER as SQLite's are (what an import decodes its cells by). */
export async function serverColumnsOf(db: Kysely<DB>, table: string): Promise<Column[]> {
  const found = await sql<{ name: string; type: string; nullable: string }>`
    select column_name as name, data_type as type, is_nullable as nullable from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  return found.rows.map((c) => ({
    name: c.name,
    type: /^(bigint|integer|smallint)$/.test(c.type) ? 'INTEGER' : c.type.toUpperCase(),
    notNull: c.nullable === 'NO',
    primaryKey: false,
  }));
}

/** Deletes every row of `tables` (given parents first: emptied children first). */
export async function emptyTables(db: Kysely<DB>, tables: readonly string[]): Promise<void> {
  for (const table of [...tables].reverse()) await db.deleteFrom(table as keyof DB).execute();
}

/** Whether a table holds any row. */
export async function hasRows(db: Kysely<DB>, table: keyof DB): Promise<boolean> {
  return (
    (
      await db
        .selectFrom(table)
        .select(sql`1`.as('one'))
        .limit(1)
        .execute()
    ).length > 0
  );
}

/** Inserts rows read from an export, a few hundred per statement. */
export async function insertRows(db: Kysely<DB>, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto(table as keyof DB)
      .values(rows.slice(i, i + 200) as never)
      .execute();
  }
}

/** How many rows a table has (reading it through, as a restore's check does). */
export async function countRows(db: Kysely<DB>, table: string): Promise<number> {
  const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

/**
 * Reads every row of each table in `tables`, a batch at a time, all inside one read transaction
 * (every table from the same moment) and without holding a table in memory. Synchronous, so no
 * other query runs in between on the shared connection.
 */
export function readTablesInBatches(
  sqlite: Sqlite.Database,
  tables: readonly string[],
  batch: number,
  onBatch: (table: string, rows: Record<string, unknown>[]) => void,
): void {
  sqlite.exec('begin');
  try {
    for (const table of tables) {
      let rows: Record<string, unknown>[] = [];
      for (const row of sqlite.prepare(`select * from "${table.replace(/"/g, '""')}"`).iterate() as IterableIterator<Record<string, unknown>>) {
        rows.push(row);
        if (rows.length === batch) {
          onBatch(table, rows);
          rows = [];
        }
      }
      onBatch(table, rows);
    }
  } finally {
    sqlite.exec('commit');
  }
}

/**
 * The same, on either database: on PostgreSQL through a cursor per table inside one
 * repeatable-read transaction (every table from the same moment, a batch in memory at a time),
 * reading `columns` of each table: the schema's own, without the server's additions.
 */
export async function readRowsInBatches(
  database: { engine: 'sqlite'; sqlite: Sqlite.Database } | { engine: 'postgres'; db: Kysely<DB> },
  columns: ReadonlyMap<string, readonly Column[]>,
  batch: number,
  onBatch: (table: string, rows: Record<string, unknown>[]) => void,
): Promise<void> {
  const tables = [...columns.keys()];
  if (database.engine === 'sqlite') return readTablesInBatches(database.sqlite, tables, batch, onBatch);
  await database.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      for (const table of tables) {
        const list = sql.join(columns.get(table)!.map((c) => sql.ref(c.name)));
        await sql`declare rows_of no scroll cursor for select ${list} from ${sql.table(table)}`.execute(trx);
        for (;;) {
          const rows = (await sql<Record<string, unknown>>`fetch ${sql.lit(batch)} from rows_of`.execute(trx)).rows;
          onBatch(table, rows);
          if (rows.length < batch) break;
        }
        await sql`close rows_of`.execute(trx);
      }
    });
}

/** The `label` column of the rows of `table` among `ids` (for naming records in the audit log). */
export async function labelsOf<T extends keyof DB>(
  db: Kysely<DB>,
  table: T,
  label: keyof DB[T] & string,
  ids: readonly string[],
): Promise<{ id: string; label: string }[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{ id: string; label: string }>`select id, ${sql.ref(label)} as label from ${sql.table(table)} where id in (${sql.join(ids)})`.execute(
    db,
  );
  return rows.rows;
}
