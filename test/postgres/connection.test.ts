import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/main/db/migrations';
import { openPostgres } from '../../electron/main/db/postgres';
import { postgresMissing, startPostgres, type TestPostgres } from '../helpers/postgres';

/** A database address that is wrong in any way gets a clear message, never the password, and nothing is changed. */
const missing = postgresMissing();

describe.skipIf(missing !== null)('connecting to PostgreSQL', () => {
  let server: TestPostgres;
  let port: string;
  beforeAll(async () => {
    server = await startPostgres();
    port = new URL(server.url).port;
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  const refusal = async (url: string) => {
    const error = (await openPostgres(url).then(
      () => null,
      (e: Error) => e,
    )) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).not.toContain('s3cret');
    return error.message;
  };

  it('says what is wrong with the address, the server or the database, without the password', async () => {
    expect(await refusal('postgress://coop:s3cret@127.0.0.1/coopdesk')).toMatch(/must look like postgres:\/\/user:password@host:5432\/database/);
    expect(await refusal('postgres://coop:s3cret@127.0.0.1:1/coopdesk')).toBe(
      'Coopdesk cannot use the PostgreSQL database at postgres://coop@127.0.0.1:1/coopdesk: nothing answers at that address and port. Nothing was changed.',
    );
    expect(await refusal(`postgres://postgres:s3cret@127.0.0.1:${port}/no_such_coop`)).toMatch(/there is no database by that name on the server/);
  });

  it('refuses a database written by a newer Coopdesk, changing nothing', async () => {
    const url = server.createDatabase('coopdesk_newer');
    const opened = await openPostgres(url);
    await sql`update coopdesk_schema set version = ${LATEST_SCHEMA_VERSION + 1}`.execute(opened.db);
    await opened.close();
    expect(await refusal(url)).toMatch(/written by a newer version of Coopdesk/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    expect((await client.query('select version from coopdesk_schema')).rows).toEqual([{ version: LATEST_SCHEMA_VERSION + 1 }]);
    await client.end();
  });
});
