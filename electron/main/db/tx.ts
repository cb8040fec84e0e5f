import { AsyncLocalStorage } from 'node:async_hooks';
import { type Kysely, sql } from 'kysely';
import type { PushEvent } from '@shared/contract';
import { engineOf } from './dialect';
import type { DB } from './schema';

/** Work to do inside the first transaction a request commits (its audit row), once. */
export interface CommitHook {
  beforeCommit(trx: Kysely<DB>, result: unknown): Promise<void>;
  done: boolean;
  /** Set once the request's change is on disk: from then on, a failure must not say "nothing was changed". */
  committed?: boolean;
}

const hooks = new AsyncLocalStorage<CommitHook | undefined>();

/** Runs `fn` so that the first transaction it commits also runs `hook` (dispatch: a command and its audit row commit together). */
export const withCommitHook = <T>(hook: CommitHook, fn: () => Promise<T>): Promise<T> => hooks.run(hook, fn);

/** Runs `fn` with no hook: transactions that are not the change itself (counting a sign-in attempt). */
export const withoutCommitHook = <T>(fn: () => Promise<T>): Promise<T> => hooks.run(undefined, fn);

/** Says that the request's change is done although no transaction of it committed (a database swapped in by a restore). */
export function noteCommitted(): void {
  const hook = hooks.getStore();
  if (hook) hook.committed = true;
}

/**
 * Whether `error` says the database handle was closed under the query (a move or a restore put
 * another in its place while the query waited for it): Kysely's, better-sqlite3's and pg's words.
 */
export function isClosedUnder(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /^driver has already been destroyed|^The database connection is not open|^Cannot use a pool after calling end/.test(message);
}

const afterCommits = new AsyncLocalStorage<(() => void)[]>();

/**
 * Runs `fn` once the transaction under way commits (now, outside one; never, if it rolls back):
 * what tells others of a change (screens, e-mail) must not run before they can read it — on
 * PostgreSQL they read on other connections, which see a change only once it is committed.
 */
export function afterCommit(fn: () => void): void {
  const queue = afterCommits.getStore();
  if (queue) queue.push(fn);
  else fn();
}

/** The lock every writing transaction takes first on PostgreSQL: one writer at a time, as SQLite has. */
const WRITER_LOCK = 0x436f6f70; // "Coop"

/**
 * Runs `work` in one transaction that holds the write lock before its first read (SQLite:
 * `BEGIN IMMEDIATE`; PostgreSQL: a lock all of Coopdesk's writers take, at every site), so a
 * check followed by a write cannot interleave with another writer's.
 * Any error rolls back everything; the database is unchanged.
 */
export async function immediate<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  const postgres = engineOf(db) === 'postgres';
  const queue: (() => void)[] = [];
  const result = await afterCommits.run(queue, () =>
    db.connection().execute(async (conn) => {
      await sql.raw(postgres ? 'begin' : 'begin immediate').execute(conn);
      try {
        if (postgres) await sql`select pg_advisory_xact_lock(${WRITER_LOCK})`.execute(conn);
        const result = await work(conn);
        const hook = hooks.getStore();
        if (hook && !hook.done) {
          hook.done = true;
          await hook.beforeCommit(conn, result);
        }
        await sql`commit`.execute(conn);
        if (hook) hook.committed = true;
        return result;
      } catch (error) {
        await rollback(conn);
        throw error;
      }
    }),
  );
  for (const fn of queue) fn();
  return result;
}

/**
 * Rolls back; SQLite has already done so itself after some errors (a full disk: SQLITE_FULL), and
 * then says there is no transaction, which must not hide the error that caused it.
 */
async function rollback(conn: Kysely<DB>): Promise<void> {
  try {
    await sql`rollback`.execute(conn);
  } catch (error) {
    if (!(error instanceof Error && /no transaction is active/.test(error.message))) throw error;
  }
}

/**
 * A change: `work` in one immediate transaction, then the open screens told (`events`) once it
 * is committed. A refusal rolls everything back and tells no one.
 */
export async function commit<T>(
  ctx: { db: Kysely<DB>; emit: (event: PushEvent) => void },
  events: PushEvent | readonly PushEvent[],
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  const result = await immediate(ctx.db, work);
  for (const event of typeof events === 'string' ? [events] : events) ctx.emit(event);
  return result;
}
