import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresMissing, startPostgres, type TestPostgres } from '../helpers/postgres';

/**
 * The PostgreSQL server the shared-database tests run against (issue 29): a real server of its
 * own, started for the run in a temporary folder on a free port, with what the double-booking
 * guard on PostgreSQL will need (btree_gist, for an exclusion constraint on time ranges).
 */
const missing = postgresMissing();
if (missing) console.warn(`PostgreSQL tests skipped: ${missing}.`);

describe.skipIf(missing !== null)('a PostgreSQL server of the test run’s own', () => {
  let server: TestPostgres;
  let db: Kysely<any>;
  beforeAll(async () => {
    server = await startPostgres();
    db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: server.createDatabase('coopdesk_smoke'), max: 2 }) }) });
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  it('answers over TCP on 127.0.0.1, in UTF-8, and refuses two rooms booked over each other by an exclusion constraint', async () => {
    const version = await sql<{
      v: string;
      enc: string;
    }>`select current_setting('server_version_num') as v, pg_encoding_to_char(encoding) as enc from pg_database where datname = current_database()`.execute(db);
    expect(Number(version.rows[0]!.v)).toBeGreaterThanOrEqual(130000);
    expect(version.rows[0]!.enc).toBe('UTF8');
    await sql`create extension btree_gist`.execute(db);
    await sql`create table held (bookable text not null, during int8range not null, exclude using gist (bookable with =, during with &&))`.execute(db);
    await sql`insert into held values ('room-1', int8range(0, 60)), ('room-1', int8range(60, 120)), ('room-2', int8range(0, 60))`.execute(db);
    await expect(sql`insert into held values ('room-1', int8range(30, 90))`.execute(db)).rejects.toThrow(/conflicting key value violates exclusion constraint/);
    expect((await sql<{ n: string }>`select count(*) as n from held`.execute(db)).rows[0]!.n).toBe('3');
  });
});
