import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from './open';
import type { PostgresDatabase } from './postgres';
import { rebuildDerived } from './derived';
import type { DB } from './schema';
import { DERIVED_TABLES, MACHINE_TABLES, countRows, emptyTables, tableNames } from './tables';

/**
 * Moving a co-op from its SQLite file onto a PostgreSQL server (issue 29): every table but the
 * derived ones and this machine's sign-in counters, parents before children, into a new, empty
 * database of the same schema version, where the database's own rules check every row as it
 * arrives — all but the overbooking guard, which checks every bookable at once at the end. Then
 * what is derived is rebuilt, and each table's count and checksum must be the same on both sides.
 * The source is only read. The way back is an export on the server imported into a new install.
 */

/** An order-independent checksum of a table's rows: the sum of each row's hash (the two databases may order text differently). */
async function checksumOf(db: Kysely<DB>, table: string, columns: readonly string[]): Promise<string> {
  let sum = 0n;
  const rows = await sql<Record<string, unknown>>`select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)}`.execute(db);
  for (const row of rows.rows) {
    const digest = createHash('sha256')
      .update(JSON.stringify(columns.map((c) => row[c] ?? null)))
      .digest();
    sum = (sum + digest.readBigUInt64BE(0)) & 0xffffffffffffffffn;
  }
  return sum.toString(16);
}

/** Tables in an order where every table comes after those it references (PostgreSQL checks each reference as the row arrives). */
function parentsFirst(source: Database, tables: readonly string[]): string[] {
  const refs = new Map(
    tables.map((t) => [t, (source.sqlite.pragma(`foreign_key_list(${JSON.stringify(t)})`) as { table: string }[]).map((f) => f.table).filter((p) => p !== t)]),
  );
  const done: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (done.includes(t) || path.has(t)) return;
    path.add(t);
    for (const parent of refs.get(t) ?? []) if (refs.has(parent)) visit(parent, path);
    done.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return done;
}

/**
 * The guard's rule for every bookable at once: walking each bookable's active bookings in time
 * order (an end before a start at the same instant: occupancy is half-open), the units held never
 * exceed what it has (a room is held whole). Refuses the move with the first bookable that would.
 */
async function refuseOverbooked(db: Kysely<DB>): Promise<void> {
  const found = await sql<{ name: string; most: number; has: number }>`
    with changes as (
      select bookable_id, occ_start_ms as t, units as d from bookings where status in ('pending', 'confirmed')
      union all
      select bookable_id, occ_end_ms, -units from bookings where status in ('pending', 'confirmed')
    ), held as (
      select bookable_id, sum(d) over (partition by bookable_id order by t, d rows unbounded preceding) as load from changes
    )
    select k.name, max(h.load) as most, case k.kind when 'room' then 1 else k.capacity end as has
    from held h join bookables k on k.id = h.bookable_id
    group by k.id, k.name, k.kind, k.capacity
    having max(h.load) > case k.kind when 'room' then 1 else k.capacity end
    limit 1`.execute(db);
  const over = found.rows[0];
  if (over) throw new Error(`OVERBOOKED: ${over.name} would hold ${over.most} at once and has ${over.has}; nothing was moved.`);
}

export interface MovedTable {
  rows: number;
  checksum: string;
}

export async function moveToPostgres(source: Database, target: PostgresDatabase): Promise<Record<string, MovedTable>> {
  if (source.schemaVersion !== target.schemaVersion)
    throw new Error(
      `The two databases are at different schema versions (${source.schemaVersion} and ${target.schemaVersion}): open both with this Coopdesk first.`,
    );
  const tables = parentsFirst(
    source,
    tableNames(source.sqlite).filter((t) => !DERIVED_TABLES.includes(t) && !MACHINE_TABLES.includes(t)),
  );
  for (const table of tables)
    if ((await countRows(target.db, table)) > 0) throw new Error(`The PostgreSQL database already holds ${table}: a co-op moves into an empty one.`);
  const moved: Record<string, MovedTable> = {};
  await target.db.transaction().execute(async (trx) => {
    // the guard trigger reads every booking of the bookable before each one: for a whole co-op, one check of all of them at the end is faster by far
    await sql`alter table bookings disable trigger bookings_guard_insert`.execute(trx);
    for (const table of tables) {
      const statement = source.sqlite.prepare(`select * from "${table.replace(/"/g, '""')}"`);
      const columns = statement.columns().map((c) => c.name);
      const list = sql.join(columns.map((c) => sql.ref(c)));
      const per = 5_000;
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        // a batch as one JSON value, its rows read by the server: far fewer values to bind than one per column
        if (batch.length > 0)
          await sql`insert into ${sql.table(table)} (${list}) select ${list} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(batch)})`.execute(
            trx,
          );
        batch = [];
      };
      // a batch at a time: nothing else reads the source while its rows are walked
      for (const row of statement.iterate() as IterableIterator<Record<string, unknown>>) {
        batch.push(row);
        if (batch.length === per) await flush();
      }
      await flush();
    }
    await refuseOverbooked(trx);
    await sql`alter table bookings enable trigger bookings_guard_insert`.execute(trx);
    // (the longest spans were kept by their triggers as the bookings arrived)
    await rebuildDerived(trx);
  });
  for (const table of tables) {
    const columns = (source.sqlite.prepare(`select * from "${table.replace(/"/g, '""')}" limit 0`).columns() as { name: string }[]).map((c) => c.name);
    const [from, to] = [await checksumOf(source.db, table, columns), await checksumOf(target.db, table, columns)];
    const [n, m] = [await countRows(source.db, table), await countRows(target.db, table)];
    if (from !== to || n !== m) {
      await removeMoved(target, tables);
      throw new Error(`${table} differs after the move (${n} rows and ${m}), so what was copied was removed again; nothing was moved.`);
    }
    moved[table] = { rows: n, checksum: from };
  }
  return moved;
}

/**
 * Empties what a move wrote (the co-op's tables and what was derived from them), in one
 * transaction: the database is as the move found it, migrated and empty, and the move can be
 * tried again.
 */
export async function removeMoved(target: PostgresDatabase, tables: readonly string[]): Promise<void> {
  await target.db.transaction().execute((trx) => emptyTables(trx, [...tables, ...DERIVED_TABLES]));
}
