import { sql } from 'kysely';
import { expect, it, onTestFinished } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/main/db/migrations';
import { openPostgres } from '../../electron/main/db/postgres';
import { expectedShape } from '../../electron/main/db/verify';
import { describeOnPostgres } from '../helpers/describeOnPostgres';

/** One set of migrations for both databases: on PostgreSQL they build the same tables and columns as on SQLite. */
describeOnPostgres('the migrations on PostgreSQL', (server) => {
  it('bring an empty database to the latest schema, with every table and column SQLite has, and open it again without change', async () => {
    const url = server().createDatabase('coopdesk_migrations');
    const opened = await openPostgres(url);
    onTestFinished(() => opened.close());
    expect(opened.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const rows = (
      await sql<{ table_name: string; column_name: string; is_nullable: string }>`
        select table_name, column_name, is_nullable from information_schema.columns
        where table_schema = 'public' and table_name <> 'coopdesk_schema' order by table_name, ordinal_position`.execute(opened.db)
    ).rows;
    const onPostgres = new Map<string, string[]>();
    // the search index's key is a column of its own on PostgreSQL, SQLite's hidden rowid on SQLite;
    // a room's booking ahead is marked `whole` for PostgreSQL's exclusion constraint (dialect.ts)
    const own = (r: { table_name: string; column_name: string }) =>
      (r.table_name === 'members_fts' && r.column_name === 'rowid') || (r.table_name === 'bookings' && r.column_name === 'whole');
    for (const r of rows.filter((r) => !own(r)))
      onPostgres.set(r.table_name, [...(onPostgres.get(r.table_name) ?? []), `${r.column_name}${r.is_nullable === 'NO' ? ' NOT NULL' : ''}`]);
    const onSqlite = new Map(
      [...(await expectedShape(LATEST_SCHEMA_VERSION))].map(([table, columns]) => [
        table,
        // the search index's columns are text on both; SQLite says nothing of their nullness
        columns.map((c) => c.split(' ')[0] + (c.includes('NOT NULL') || c.includes(' KEY') ? ' NOT NULL' : '')),
      ]),
    );
    expect([...onPostgres.keys()].sort()).toEqual([...onSqlite.keys()].sort());
    for (const [table, columns] of onSqlite) expect({ table, columns: onPostgres.get(table) }).toEqual({ table, columns });
    const again = await openPostgres(url);
    expect(again.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    await again.close();
  });
});
