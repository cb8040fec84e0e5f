import type { Ctx } from '../../context';
import type { Database } from '../../db/open';
import { AppError } from '../../errors';

/**
 * The live database as Coopdesk's own SQLite file, for what the app does to that file (backups,
 * restores and imports). A co-op on a PostgreSQL server backs up with the server's own tools
 * (pg_dump); it exports as a file's co-op does, and that export imports into a new install's file.
 */
export function sqliteFile(ctx: Ctx, what: string): Database {
  if (ctx.database.engine === 'sqlite') return ctx.database;
  throw new AppError(
    'CONFLICT',
    `${what} works on Coopdesk's own database file. This co-op's data is on a PostgreSQL server: back it up with pg_dump (README: Several sites on PostgreSQL). Nothing was changed.`,
  );
}
