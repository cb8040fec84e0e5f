import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/main/db/migrations';
import { startCoopdeskOnPostgres } from '../../electron/main/app';
import { openPostgres } from '../../electron/main/db/postgres';
import { ana, callerOf, FIXED_NOW, tempDir } from '../helpers/coop';
import { postgresMissing, startPostgres, type TestPostgres } from '../helpers/postgres';

/** A database address that is wrong in any way, or a server lost mid-command, gets a clear message, never the password, and nothing is half-written. */
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

  it('fails a command whose connection is lost half-way, whole and saying so, and the next one works on a new connection', async () => {
    const url = server.createDatabase('coopdesk_lost');
    const coop = await startCoopdeskOnPostgres(url, { dataDir: tempDir(), now: () => FIXED_NOW, backups: false });
    const t = callerOf(coop);
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      // the audit log held by another session: the command writes its member, then waits to write its audit row
      const blocker = new pg.Client({ connectionString: url });
      await blocker.connect();
      await blocker.query('begin; lock table audit_log in exclusive mode');
      const sent = t.send('members.create', { ...ana });
      const waiting = async () =>
        (await admin.query(`select pid from pg_stat_activity where datname = 'coopdesk_lost' and wait_event_type = 'Lock'`)).rows as { pid: number }[];
      let stuck = await waiting();
      while (stuck.length === 0) {
        await new Promise((r) => setTimeout(r, 20));
        stuck = await waiting();
      }
      // the server ends that session in the middle of the command (as a restart or a dropped network would)
      await admin.query('select pg_terminate_backend($1)', [stuck[0]!.pid]);
      expect(await sent).toEqual({
        ok: false,
        error: {
          code: 'UNAVAILABLE',
          message: 'The connection to the database server was lost, and nothing was saved. Coopdesk reconnects by itself: try again in a moment.',
        },
      });
      await blocker.query('rollback');
      await blocker.end();
      // nothing half-written: no member, no audit row
      const onDb = new pg.Client({ connectionString: url });
      await onDb.connect();
      expect((await onDb.query('select count(*)::int as n from members')).rows).toEqual([{ n: 0 }]);
      expect((await onDb.query("select count(*)::int as n from audit_log where channel = 'members.create'")).rows).toEqual([{ n: 0 }]);
      await onDb.end();
      // the same command again: a new connection, saved once
      expect((await t.call('members.create', { ...ana })).name).toBe('Ana Ribeiro');
      expect((await t.call('members.list', {})).total).toBe(1);
    } finally {
      await admin.end();
      await coop.close();
    }
  });
});

describe.skipIf(missing !== null)('a PostgreSQL server with passwords and TLS only', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres({ password: 'r1ght horse', tls: true });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('connects over TLS, the server’s certificate checked, and says what is wrong with a wrong password, no TLS, or a certificate not trusted', async () => {
    const url = server.createDatabase('coopdesk_tls');
    const opened = await openPostgres(url);
    try {
      expect((await sql<{ ssl: boolean }>`select ssl from pg_stat_ssl where pid = pg_backend_pid()`.execute(opened.db)).rows).toEqual([{ ssl: true }]);
    } finally {
      await opened.close();
    }
    const refusal = async (address: string) => {
      const error = (await openPostgres(address).then(
        () => null,
        (e: Error) => e,
      )) as Error;
      expect(error.message).not.toMatch(/r1ght|s3cret/);
      return error.message;
    };
    const wrong = url.replace('r1ght%20horse', 's3cret');
    expect(await refusal(wrong)).toMatch(/: the user name or password is wrong\. Nothing was changed\.$/);
    expect(await refusal(url.split('?')[0]!)).toMatch(/does not let this user in from here \(if it takes TLS connections only, add \?sslmode=verify-full/);
    expect(await refusal(`${url.split('?')[0]!}?sslmode=verify-full`)).toMatch(/TLS certificate is not one this computer trusts/);
  });
});
