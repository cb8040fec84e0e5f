import pg from 'pg';
import { openPostgres } from '../../electron/main/db/postgres';
import { postgresMissing, startPostgres } from './postgres';

/**
 * The database suites' second run, on PostgreSQL (test/vitest.postgres.config.ts): one server for
 * the run, and a template database migrated once, from which every test co-op gets a database of
 * its own in milliseconds (`createDatabase … template`). The workers find the server by
 * COOPDESK_TEST_POSTGRES (they are started after this runs, and inherit it).
 */
export const TEMPLATE = 'coopdesk_template';

export default async function setup(): Promise<() => Promise<void>> {
  const missing = postgresMissing();
  if (missing) {
    console.warn(`The database suites on PostgreSQL are skipped: ${missing}.`);
    return async () => undefined;
  }
  const server = await startPostgres();
  const url = server.createDatabase(TEMPLATE);
  const template = await openPostgres(url);
  await template.close();
  process.env.COOPDESK_TEST_POSTGRES = server.url;
  return () => server.stop();
}

/** A database of its own for one test co-op, copied from the migrated template; null when the suites run on SQLite. */
export async function matrixDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const serverUrl = process.env.COOPDESK_TEST_POSTGRES;
  if (!serverUrl) return null;
  const name = `coop_${process.pid}_${++made}`;
  await onServer(serverUrl, `create database ${name} template ${TEMPLATE}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(serverUrl, `drop database if exists ${name} with (force)`) };
}
let made = 0;

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
