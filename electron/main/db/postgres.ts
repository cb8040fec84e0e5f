import { type KyselyPlugin, Kysely, OperationNodeTransformer, PostgresDialect, type DataTypeNode, sql } from 'kysely';
import pg from 'pg';
import { DatabaseTooNewError } from './open';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import type { DB } from './schema';

/**
 * PostgreSQL, for a co-op whose sites share one database (issue 29, under way): the same
 * migrations as SQLite, the parts the two say differently named in `dialect.ts`. Not yet offered
 * in Settings: the features' own SQL is still SQLite's in places.
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

/** Counts and sums (bigint, numeric) come back as numbers, as SQLite's do: every instant and amount here fits in 2^53. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PostgresDatabase {
  engine: 'postgres';
  db: Kysely<DB>;
  schemaVersion: number;
  close(): Promise<void>;
}

/** Connects to `url`, refuses a database written by a newer Coopdesk, and brings it up to date, each migration in its own transaction. */
export async function openPostgres(url: string, options: { upTo?: number } = {}): Promise<PostgresDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  // an idle connection dropped by the server (a restart, the network) is replaced on the next query, not a crash
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [wideIntegers] });
  try {
    await sql`create table if not exists coopdesk_schema (id integer primary key check (id = 1), version integer not null)`.execute(db);
    const found = await versionOf(db);
    if (found > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(found, LATEST_SCHEMA_VERSION);
    const to = options.upTo ?? LATEST_SCHEMA_VERSION;
    for (let version = found; version < to; version++) {
      await db.transaction().execute(async (trx) => {
        // one migrator at a time: two instances starting together must not both migrate
        await sql`select pg_advisory_xact_lock(1)`.execute(trx);
        if ((await versionOf(trx)) !== version) return;
        await migrations[version].up(trx);
        await sql`insert into coopdesk_schema (id, version) values (1, ${version + 1}) on conflict (id) do update set version = excluded.version`.execute(trx);
      });
    }
    return { engine: 'postgres', db, schemaVersion: await versionOf(db), close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

async function versionOf(db: Kysely<any>): Promise<number> {
  const row = (await sql<{ version: number }>`select version from coopdesk_schema where id = 1`.execute(db)).rows[0];
  return row ? Number(row.version) : 0;
}
