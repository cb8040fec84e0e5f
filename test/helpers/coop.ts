import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiResult, Channel, InputOf, OutputOf } from '@shared/contract';
import { type Coopdesk, type StartOptions, startCoopdesk, startCoopdeskOnPostgres } from '../../electron/main/app';
import { type Host, startHost } from '../../electron/main/host';
import { type Actor, FRONT_DESK } from '../../electron/main/context';
import type { Database } from '../../electron/main/db/open';
import type { PostgresDatabase } from '../../electron/main/db/postgres';
import { matrixDatabase } from './postgres-matrix';

/** 2026-11-24 10:00 UTC: every test sees the same "now". */
export const FIXED_NOW = new Date('2026-11-24T10:00:00Z');

export function tempDir(prefix = 'coopdesk-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestCoop {
  coop: Coopdesk;
  dataDir: string;
  /** Calls a channel through dispatch (validation, permissions, handler) and returns the raw result. */
  send<C extends Channel>(channel: C, input: InputOf<C>, actor?: Actor): Promise<ApiResult<OutputOf<C>>>;
  /** Same, but fails the test unless the call succeeds. */
  call<C extends Channel>(channel: C, input: InputOf<C>, actor?: Actor): Promise<OutputOf<C>>;
  /** Every row of every table, to prove that a rejected operation changed nothing. */
  snapshot(): Promise<Record<string, unknown[]>>;
  close(): Promise<void>;
}

/** `send` and `call` through a co-op's dispatch, on either database, as the front desk unless told. */
export function callerOf(coop: Pick<Coopdesk<Database | PostgresDatabase>, 'api'>): Pick<TestCoop, 'send' | 'call'> {
  const send = async <C extends Channel>(channel: C, input: InputOf<C>, actor: Actor = FRONT_DESK) =>
    (await coop.api.dispatch(channel, input, actor)) as ApiResult<OutputOf<C>>;
  return {
    send,
    async call(channel, input, actor) {
      const result = await send(channel, input, actor);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.data;
    },
  };
}

/** Every row of every table of either database, each table's rows in one stable order. */
export async function snapshotOf(database: Database | PostgresDatabase): Promise<Record<string, unknown[]>> {
  if (database.engine === 'postgres') {
    // pg_tables, not information_schema (whose views cost milliseconds a read: the fuzz suites take thousands of snapshots)
    const names = await sql<{
      name: string;
    }>`select tablename as name from pg_tables where schemaname = current_schema() and tablename <> 'coopdesk_schema' order by tablename`.execute(database.db);
    const tables: Record<string, unknown[]> = {};
    for (const { name } of names.rows) {
      const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(database.db)).rows;
      tables[name] = rows
        .map((r) => [JSON.stringify(r), r] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, r]) => r);
    }
    return tables;
  }
  const tables = database.sqlite
    .prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'members_fts_%' order by name")
    .all() as { name: string; sql: string }[];
  // a table WITHOUT ROWID (secret ballots) is read in its key's order
  const order = (sql: string) => (/without rowid\s*$/i.test(sql) ? '' : ' order by rowid');
  return Object.fromEntries(tables.map(({ name, sql }) => [name, database.sqlite.prepare(`select * from "${name}"${order(sql)}`).all()]));
}

export async function startTestCoop(
  options: { now?: () => Date; dataDir?: string; backups?: boolean; firstBackupAfterMs?: number; rendererDir?: string } = {},
): Promise<TestCoop> {
  const dataDir = options.dataDir ?? tempDir();
  const started = {
    dataDir,
    now: options.now ?? (() => FIXED_NOW),
    backups: options.backups ?? false,
    firstBackupAfterMs: options.firstBackupAfterMs,
    rendererDir: options.rendererDir,
  };
  // the PostgreSQL run: a database of its own, kept for a data folder the test opens again
  const server = serverFor.get(dataDir) ?? (await matrixDatabase());
  if (server && options.dataDir) serverFor.set(dataDir, server);
  const coop = await startOn(server, started);
  return {
    coop,
    dataDir,
    ...callerOf(coop),
    snapshot: () => snapshotOf(coop.database),
    async close() {
      await coop.close();
      if (!options.dataDir) {
        rmSync(dataDir, { recursive: true, force: true });
        await server?.drop();
      }
    },
  };
}

/** Coopdesk itself (not a test co-op) on the database a test co-op of `options.dataDir` was given: its file, or its PostgreSQL database. */
export const startCoopdeskAgain = (options: StartOptions): Promise<Coopdesk> => startOn(serverFor.get(options.dataDir), options);

/** Coopdesk on the test's PostgreSQL database when it has one, else on its data folder's file (typed as the file's: tests read either through `db`). */
const startOn = (server: MatrixDatabase | null | undefined, options: StartOptions): Promise<Coopdesk> =>
  server ? (startCoopdeskOnPostgres(server.url, options) as Promise<unknown> as Promise<Coopdesk>) : startCoopdesk(options);

/** The suites' second run, on PostgreSQL: what only a SQLite file does (backups, restores) is skipped there. */
export const onPostgres = Boolean(process.env.COOPDESK_TEST_POSTGRES);

const serverFor = new Map<string, MatrixDatabase>();
type MatrixDatabase = NonNullable<Awaited<ReturnType<typeof matrixDatabase>>>;

export const ana = {
  name: 'Ana Ribeiro',
  email: 'ana@example.coop',
  phone: '+44 7700 900123',
  businessName: 'Ribeiro Design',
  businessDescription: 'Brand identity and web design',
  website: 'ribeiro.example.coop',
  memberSince: '2025-03-14',
  offers: ['Web Design', 'branding'],
  needs: ['copywriting'],
};

type CoopOptions = Parameters<typeof startTestCoop>[0];

/**
 * A fresh co-op for every test of the file: started before each test (with `options`, or what
 * `options()` returns then), closed after it. The handle always points at the current one.
 */
export function freshCoopEachTest(options: CoopOptions | (() => CoopOptions) = {}): TestCoop {
  let current: TestCoop | undefined;
  beforeEach(async () => {
    current = await startTestCoop(typeof options === 'function' ? options() : options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return new Proxy({} as TestCoop, {
    get(_target, key) {
      if (!current) throw new Error('The test co-op exists only while a test runs.');
      const value = current[key as keyof TestCoop];
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}

/** A stand-in renderer (an index.html and one asset) in a temp folder. */
export function standInRenderer(): string {
  const renderer = tempDir('coopdesk-renderer-');
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Coopdesk</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  return renderer;
}

/** The browser host over a test co-op, serving a stand-in renderer. */
export async function startTestHost(coop: Coopdesk): Promise<{ host: Host; port: number }> {
  const host = await startHost({ coopdesk: coop, rendererDir: standInRenderer() });
  return { host, port: Number(new URL(host.url).port) };
}
