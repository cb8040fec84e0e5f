import { type Kysely, sql } from 'kysely';
import type { PushEvent } from '@shared/contract';
import type { DB } from './schema';

/**
 * Runs `work` in one `BEGIN IMMEDIATE` transaction: the write lock is taken before the first
 * read, so a check followed by a write cannot interleave with another process's write.
 * Any error rolls back everything; the database is unchanged.
 */
export async function immediate<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
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
