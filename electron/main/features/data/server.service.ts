import { PUSH_EVENTS } from '@shared/contract';
import type { ServerCheck } from '@shared/contract/data.contract';
import type { Ctx } from '../../context';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { moveToPostgres, removeMoved } from '../../db/move';
import { type PostgresDatabase, openPostgres, probePostgres, shownUrl } from '../../db/postgres';
import { noteCommitted } from '../../db/tx';
import { AppError } from '../../errors';
import { sqliteFile } from './engine.policy';

/**
 * Settings → Database: a co-op outgrowing one desk moves its file onto a PostgreSQL server, and
 * the other sites' desks join it there. Looking changes nothing; a move copies every row inside one
 * transaction on the server, checks counts and checksums, and only then does this desk work there.
 * The file is never written: it stays in the data folder as the co-op was at the move.
 */

const atUrl = (message: string) => new AppError('VALIDATION', message, { url: message });

export async function checkServer(ctx: Ctx, url: string): Promise<ServerCheck> {
  const found = await probePostgres(url).catch((error: Error) => {
    throw atUrl(error.message);
  });
  const holds = found.sites.length > 0 ? 'coop' : found.otherTables > 0 ? 'other' : 'nothing';
  const server = `PostgreSQL ${found.serverVersion}${found.tls ? ' over TLS' : ''}`;
  const here = ctx.database.engine === 'postgres' ? ' This desk already works on a PostgreSQL server.' : '';
  const summary =
    holds === 'other'
      ? `${server}: this database holds ${found.otherTables} tables that are not Coopdesk’s. Choose an empty database for the co-op (create database coopdesk).`
      : holds === 'nothing'
        ? `${server}: an empty database. This co-op can move there.${here}`
        : found.schemaVersion > LATEST_SCHEMA_VERSION
          ? `${server}: a co-op written by a newer Coopdesk (schema ${found.schemaVersion}). Update this Coopdesk before it works there.`
          : `${server}: a co-op of ${found.members} members at ${found.sites.join(', ')}. This desk can work on it; its own file stays as it is.${here}`;
  return { address: shownUrl(url), ...found, holds, summary };
}

/** Opens the server for good (migrating a co-op's schema there up to this version), its problems said next to the address. */
async function opened(url: string): Promise<PostgresDatabase> {
  return openPostgres(url).catch((error: Error) => {
    throw atUrl(error.message);
  });
}

function onFileStill(ctx: Ctx): void {
  if (ctx.database.engine !== 'sqlite')
    throw new AppError('CONFLICT', `This desk already works on the PostgreSQL server at ${ctx.database.address}. Nothing was changed.`);
}

export async function moveToServer(ctx: Ctx, url: string): Promise<{ address: string; tables: Record<string, number> }> {
  onFileStill(ctx);
  const check = await checkServer(ctx, url);
  if (check.holds !== 'nothing') throw atUrl(`A co-op moves into an empty database. ${check.summary} Nothing was moved.`);
  const source = sqliteFile(ctx, 'A move');
  const target = await opened(url);
  let moved: Awaited<ReturnType<typeof moveToPostgres>>;
  try {
    // the file's one connection is held for the whole move and the switch: every other request
    // waits, then finds the file closed and runs on the server (api.ts), so nothing written
    // meanwhile is left behind in the file
    moved = await source.db.connection().execute(async (conn) => {
      const copied = await moveToPostgres({ ...source, db: conn }, target);
      await switchOver(ctx, target, url, copied);
      return copied;
    });
  } catch (error) {
    // switchOver has closed the server already, and says what became of the copy
    if (error instanceof AppError) throw error;
    await target.close();
    if (error instanceof Error && /^OVERBOOKED: /.test(error.message)) throw new AppError('RULE', error.message.slice('OVERBOOKED: '.length));
    throw error;
  }
  noteCommitted();
  // every open screen reads again, from the server
  for (const event of PUSH_EVENTS) ctx.emit(event);
  return { address: shownUrl(url), tables: Object.fromEntries(Object.entries(moved).map(([table, { rows }]) => [table, rows])) };
}

/** This desk works on the server from now on; if it cannot, the copy is taken away again, so a second try finds the empty database the first one did. */
async function switchOver(ctx: Ctx, target: PostgresDatabase, url: string, copied: Record<string, unknown>): Promise<void> {
  try {
    await ctx.switchToServer(target, url);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const removed = await removeMoved(target, Object.keys(copied)).then(
      () => true,
      () => false,
    );
    await target.close();
    throw new AppError(
      'CONFLICT',
      removed
        ? `This desk could not start working on ${shownUrl(url)} (${why}), so the copy there was removed again. It goes on with its file; nothing was moved.`
        : `The co-op was copied onto ${shownUrl(url)}, but this desk could not start working there (${why}). It goes on with its file; empty that database before moving again.`,
    );
  }
}

export async function useServer(ctx: Ctx, url: string): Promise<{ address: string }> {
  onFileStill(ctx);
  const check = await checkServer(ctx, url);
  if (check.holds !== 'coop') throw atUrl(`This desk works on a database that holds the co-op. ${check.summary} Nothing was changed.`);
  const target = await opened(url);
  try {
    await ctx.switchToServer(target, url);
  } catch (error) {
    await target.close();
    throw error;
  }
  noteCommitted();
  for (const event of PUSH_EVENTS) ctx.emit(event);
  return { address: shownUrl(url) };
}
