import { type KyselyPlugin, Kysely, OperationNodeTransformer, PostgresDialect, type DataTypeNode, sql } from 'kysely';
import type pg from 'pg';
import { DatabaseTooNewError } from './open';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import type { DB } from './schema';

/**
 * PostgreSQL, for a co-op whose sites share one database (issue 29, under way): the same
 * migrations as SQLite, the parts the two say differently named in `dialect.ts`. Chosen by the
 * host's COOPDESK_DATABASE_URL, or in Settings → Database (`choice.ts`).
 */

/** Instants are milliseconds since 1970, past 2^31: every `integer` column is `bigint` on PostgreSQL. */
class WideIntegers extends OperationNodeTransformer {
  protected override transformDataType(node: DataTypeNode): DataTypeNode {
    return node.dataType === 'integer' ? { ...node, dataType: 'bigint' } : node;
  }
}
const wideIntegers: KyselyPlugin = {
  transformQuery: (args) => new WideIntegers().transformNode(args.node),
  transformResult: async (args) => args.result,
};

/**
 * The driver, loaded when a PostgreSQL database is first used: its start-up (30 ms on a 2-core
 * machine, with Node's own fetch that it looks for) is not for a co-op on SQLite to pay.
 */
let loading: Promise<typeof pg> | null = null;
const loadDriver = () => (loading ??= import('pg').then((m) => m.default));

/** Counts and sums (bigint, numeric) come back as numbers, as SQLite's do: every instant and amount here fits in 2^53. */
const typesOf = (driver: typeof pg) => ({
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return driver.types.getTypeParser(oid, format);
  },
});

export interface PostgresDatabase {
  engine: 'postgres';
  /** The server's address without the password (`shownUrl`), for the screens. */
  address: string;
  db: Kysely<DB>;
  schemaVersion: number;
  close(): Promise<void>;
}

/** The address without its password, for messages and logs: `postgres://coop@db.example:5432/coopdesk`. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'the address given';
  }
}

/** Why a server could not be used, in words, never with the password. */
function problemOf(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const known: Record<string, string> = {
    ECONNREFUSED: 'nothing answers at that address and port',
    ENOTFOUND: 'there is no computer by that name',
    ETIMEDOUT: 'the server did not answer in time',
    '28P01': 'the user name or password is wrong',
    '28000': 'the server does not let this user in from here (if it takes TLS connections only, add ?sslmode=verify-full to the address)',
    '3D000': 'there is no database by that name on the server',
    DEPTH_ZERO_SELF_SIGNED_CERT:
      'the server’s TLS certificate is not one this computer trusts (name its certificate or authority with &sslrootcert=/path/to/ca.pem)',
    SELF_SIGNED_CERT_IN_CHAIN: 'the server’s TLS certificate is not one this computer trusts (name its authority with &sslrootcert=/path/to/ca.pem)',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server’s TLS certificate is not one this computer trusts (name its authority with &sslrootcert=/path/to/ca.pem)',
    ERR_TLS_CERT_ALTNAME_INVALID: 'the server’s TLS certificate is for another name than the one in the address',
  };
  if (e.message === 'The server does not support SSL connections')
    return 'the server does not take TLS connections (leave sslmode out of the address, or turn TLS on at the server)';
  return (e.code && known[e.code]) ?? e.message ?? String(error);
}

/**
 * Whether an error is the database server gone: the connection dropped (a restart, the network,
 * the server ending the session) or none to be had. PostgreSQL rolls back whatever the command had
 * begun; the pool opens a new connection for the next one.
 */
export function isConnectionLost(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', '57P01', '57P02', '57P03'].includes(code) || code.startsWith('08')) return true;
  return typeof e?.message === 'string' && /^Connection terminated|timeout exceeded when trying to connect/.test(e.message);
}

/** The address's form, before anything is asked of the network. */
export function urlProblem(url: string): string | null {
  return /^postgres(ql)?:\/\/[^/]/.test(url) && URL.canParse(url) ? null : 'The database address must look like postgres://user:password@host:5432/database';
}

/** What a server holds, as Settings → Database shows it before anything is moved or used. */
export interface ServerFound {
  serverVersion: string;
  tls: boolean;
  /** Coopdesk's schema version there; 0 where Coopdesk never ran. */
  schemaVersion: number;
  /** Tables that are not Coopdesk's (a database in use by something else). */
  otherTables: number;
  members: number;
  sites: string[];
}

/** Looks at the server without changing anything there: its version, and whether it holds a co-op, nothing, or something else. */
export async function probePostgres(url: string): Promise<ServerFound> {
  const problem = urlProblem(url);
  if (problem) throw new Error(`${problem}; ${shownUrl(url)} does not.`);
  const driver = await loadDriver();
  const client = new driver.Client({ connectionString: url, connectionTimeoutMillis: 10_000, types: typesOf(driver) });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const one = async <T>(text: string) => (await client.query(text)).rows[0] as T;
    const { server_version, tls } = await one<{ server_version: string; tls: boolean }>(
      "select current_setting('server_version') as server_version, coalesce((select ssl from pg_stat_ssl where pid = pg_backend_pid()), false) as tls",
    );
    const { tables, ours } = await one<{ tables: number; ours: boolean }>(
      "select count(*) as tables, bool_or(table_name = 'coopdesk_schema') as ours from information_schema.tables where table_schema = current_schema()",
    );
    const schemaVersion = ours ? ((await one<{ version?: number }>('select max(version) as version from coopdesk_schema'))?.version ?? 0) : 0;
    const holdsCoop = schemaVersion > 0;
    const members = holdsCoop ? (await one<{ n: number }>('select count(*) as n from members')).n : 0;
    const sites = holdsCoop ? (await client.query<{ name: string }>('select name from sites order by name')).rows.map((r) => r.name) : [];
    const known = holdsCoop ? Number(tables) : ours ? 1 : 0;
    return { serverVersion: server_version.split(' ')[0]!, tls, schemaVersion, otherTables: holdsCoop ? 0 : Number(tables) - known, members, sites };
  } catch (error) {
    throw new Error(`Coopdesk cannot use the PostgreSQL database at ${shownUrl(url)}: ${problemOf(error)}.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Connects to `url`, refuses a database written by a newer Coopdesk, and brings it up to date, each migration in its own transaction. */
export async function openPostgres(url: string, options: { upTo?: number } = {}): Promise<PostgresDatabase> {
  const problem = urlProblem(url);
  if (problem) throw new Error(`${problem}; ${shownUrl(url)} does not. Nothing was changed.`);
  try {
    return await connect(url, options);
  } catch (error) {
    if (error instanceof DatabaseTooNewError) throw error;
    throw new Error(`Coopdesk cannot use the PostgreSQL database at ${shownUrl(url)}: ${problemOf(error)}. Nothing was changed.`);
  }
}

async function connect(url: string, options: { upTo?: number }): Promise<PostgresDatabase> {
  const driver = await loadDriver();
  const pool = new driver.Pool({ connectionString: url, max: 10, types: typesOf(driver), connectionTimeoutMillis: 10_000 });
  // a connection dropped by the server (a restart, the network) fails what it was running and is
  // replaced on the next query; its 'error' event, idle or in use, must not end the app
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [wideIntegers] });
  try {
    // one migrator at a time: two instances starting together must not both create or migrate
    const migrator = (trx: Kysely<DB>) => sql`select pg_advisory_xact_lock(1)`.execute(trx);
    await db.transaction().execute(async (trx) => {
      await migrator(trx);
      await sql`create table if not exists coopdesk_schema (id integer primary key check (id = 1), version integer not null)`.execute(trx);
    });
    const found = await versionOf(db);
    if (found > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(found, LATEST_SCHEMA_VERSION);
    const to = options.upTo ?? LATEST_SCHEMA_VERSION;
    for (let version = found; version < to; version++) {
      await db.transaction().execute(async (trx) => {
        await migrator(trx);
        if ((await versionOf(trx)) !== version) return;
        await migrations[version].up(trx);
        await sql`insert into coopdesk_schema (id, version) values (1, ${version + 1}) on conflict (id) do update set version = excluded.version`.execute(trx);
      });
    }
    return { engine: 'postgres', address: shownUrl(url), db, schemaVersion: await versionOf(db), close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

async function versionOf(db: Kysely<any>): Promise<number> {
  const row = (await sql<{ version: number }>`select version from coopdesk_schema where id = 1`.execute(db)).rows[0];
  return row ? Number(row.version) : 0;
}

/** The channel Coopdesk's instances tell each other their push events on. */
const CHANNEL = 'coopdesk_events';

/**
 * Push events between the Coopdesk instances sharing one PostgreSQL server (a front desk at each
 * site): each event this instance emits is told to the others through LISTEN/NOTIFY, and theirs
 * come back through `deliver`, so a booking made at one site appears on the other's board without
 * a reload. The listening connection is opened again when the server drops it.
 */
export async function relayEvents(
  url: string,
  database: PostgresDatabase,
  deliver: (event: string) => void,
): Promise<{ tell(event: string): void; close(): Promise<void> }> {
  const me = crypto.randomUUID();
  let closed = false;
  let client: pg.Client | null = null;
  const listen = async (): Promise<void> => {
    const next = new (await loadDriver()).Client({ connectionString: url });
    next.on('notification', (message) => {
      try {
        const { from, event } = JSON.parse(message.payload ?? '') as { from: string; event: string };
        if (from !== me && typeof event === 'string') deliver(event);
      } catch {
        // not one of ours
      }
    });
    next.on('error', () => undefined);
    next.on('end', () => {
      if (!closed) setTimeout(() => void listen().catch(() => undefined), 1000);
    });
    await next.connect();
    await next.query(`listen ${CHANNEL}`);
    client = next;
  };
  await listen();
  return {
    tell(event) {
      void sql`select pg_notify(${CHANNEL}, ${JSON.stringify({ from: me, event })})`.execute(database.db).catch(() => undefined);
    },
    async close() {
      closed = true;
      await client?.end();
    },
  };
}
