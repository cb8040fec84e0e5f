import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Kysely } from 'kysely';
import Papa from 'papaparse';
import { newId } from '@shared/domain/ids';
import { PUSH_EVENTS } from '@shared/contract';
import type { Ctx } from '../../context';
import { DATABASE_FILE, openDatabase } from '../../db/open';
import { carryRows, settleFile } from '../../db/rebuild';
import type { DB } from '../../db/schema';
import { rebuildDerived } from '../../db/derived';
import { isDiskFull } from '../../db/sqlite';
import { columnsOf, emptyTables, hasRows, insertRows, serverColumnsOf } from '../../db/tables';
import { immediate, noteCommitted } from '../../db/tx';
import { AppError } from '../../errors';
import { dataPath, diskFull, isRecordId, isStoredName } from '../storage';
import { decodeCell, documentEntry, exportFolder, listExports } from './export.service';
import { ZipRefused, unzipToFiles } from './zip.format';
import { sqliteFile } from './engine.policy';

/** Rows inserted at a time; between batches the host answers other requests. */
const BATCH = 200;

async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  for (const table of ['members', 'bookables', 'bookings'] as const) {
    if (await hasRows(db, table)) return false;
  }
  return true;
}

/** An export always has its co-op and a site: without them it was not made by Coopdesk. */
async function refuseWithoutCoop(db: Kysely<DB>, name: string): Promise<void> {
  if (!(await hasRows(db, 'coop')) || !(await hasRows(db, 'sites'))) {
    throw new AppError('VALIDATION', `${name} is not a Coopdesk export (it has no co-op or site).`, { name: 'Not a Coopdesk export' });
  }
}

const notEmpty = () => new AppError('CONFLICT', 'An export can only be imported into an empty database (no members, bookables or bookings).');

/** The tables whose rows name files in documents/<folder>/<stored name>, and the column naming the folder. */
const DOCUMENT_TABLES: Record<string, string> = { bid_documents: 'bid_id', community_resources: 'community_id' };

/** Every document row of an import names a file the app could have written; anything else refuses the whole import. */
function checkDocumentRows(table: string, rows: Record<string, unknown>[], first: number): void {
  const folder = DOCUMENT_TABLES[table]!;
  for (const [i, row] of rows.entries()) {
    // a library's links and notes have no file
    if (table === 'community_resources' && (row.stored_name === null || row.stored_name === '' || row.stored_name === undefined)) continue;
    if (typeof row.stored_name !== 'string' || !isStoredName(row.stored_name) || typeof row[folder] !== 'string' || !isRecordId(row[folder])) {
      throw new AppError('VALIDATION', `${table}.csv, row ${first + i + 2}: the document's stored name is not one the app writes; nothing was imported.`, {
        name: 'Unsafe document name',
      });
    }
  }
}

/** Reads a table's CSV a row at a time and inserts it a batch at a time, giving the event loop a turn between batches. */
async function loadTable(db: Kysely<DB>, columns: Map<string, string>, table: string, file: string): Promise<number> {
  const source = createReadStream(file);
  const stream = source.pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { header: true, skipEmptyLines: true }));
  let batch: Record<string, unknown>[] = [];
  let count = 0;
  const flush = async () => {
    if (table in DOCUMENT_TABLES) checkDocumentRows(table, batch, count);
    await insertRows(db, table, batch);
    count += batch.length;
    batch = [];
    await nextTurn();
  };
  try {
    for await (const raw of stream as AsyncIterable<Record<string, string>>) {
      const unknown = Object.keys(raw).filter((k) => !columns.has(k));
      if (unknown.length > 0) throw new AppError('VALIDATION', `${table}.csv has columns this version does not know: ${unknown.join(', ')}.`);
      batch.push(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decodeCell(v, columns.get(k) === 'INTEGER')])));
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    return count;
  } finally {
    // leaving early (a refused row) must not leave the file open
    source.destroy();
  }
}

/**
 * Loads an export into an empty database (a new install), all or nothing. The zip is inflated
 * entry by entry to a private folder (unknown entries are never inflated), then its tables are
 * loaded a batch at a time — into a new file that takes the live one's place, or on PostgreSQL
 * into the live database in one transaction. The live database keeps answering throughout and is
 * untouched by any failure.
 */
export async function importAll(ctx: Ctx, name: string): Promise<{ tables: Record<string, number> }> {
  const entry = listExports(ctx).find((e) => e.name === name);
  if (!entry) throw new AppError('NOT_FOUND', `There is no export called ${name} in ${exportFolder(ctx)}.`, { name: 'Unknown export' });
  if (!(await isEmpty(ctx.db))) throw notEmpty();
  const work = dataPath(ctx.dataDir, 'exports', `.importing-${newId()}`);
  mkdirSync(work, { recursive: true });
  try {
    const wanted = new Set([...ctx.dataTables.map((t) => `${t}.csv`), 'SCHEMA.txt']);
    let files: Map<string, string>;
    try {
      files = await unzipToFiles(join(exportFolder(ctx), name), (path) => {
        if (wanted.has(path)) return join(work, 'tables', path);
        const doc = documentEntry(path);
        return doc ? join(work, 'documents', ...doc) : null;
      });
    } catch (error) {
      if (error instanceof ZipRefused) throw new AppError('VALIDATION', `${name} was not imported: ${error.message}.`, { name: 'Too large to import' });
      if (isDiskFull(error)) throw error;
      throw new AppError('VALIDATION', `${name} is not a readable zip file.`, { name: 'Not a zip file' });
    }
    // An export from an earlier version lacks the tables added since: they start empty.
    const schema = files.get('SCHEMA.txt');
    const version = Number(/Schema version (\d+)\./.exec(schema ? readFileSync(schema, 'utf8') : '')?.[1] ?? 0);
    const missing = ctx.dataTables.filter((t) => !files.has(`${t}.csv`));
    if (!files.has('members.csv') || (missing.length > 0 && version >= ctx.schemaVersion)) {
      throw new AppError('VALIDATION', `${name} is not a Coopdesk export (missing ${missing.join(', ')}).`, { name: 'Not a Coopdesk export' });
    }

    const tables = ctx.database.engine === 'postgres' ? await loadIntoServer(ctx, files, name) : await loadIntoFile(ctx, files, name, work);
    placeDocuments(ctx, join(work, 'documents'));
    for (const event of PUSH_EVENTS) ctx.emit(event);
    return { tables };
  } catch (error) {
    if (!(error instanceof AppError) && isDiskFull(error)) throw diskFull(`Importing ${name}`);
    if (!(error instanceof AppError) && error instanceof Error && /constraint|OVERBOOKED|mismatch/i.test(error.message)) {
      throw new AppError('VALIDATION', `${name} was not imported: a row breaks the database's rules (${error.message}). Nothing was changed.`, {
        name: 'Rows refused',
      });
    }
    throw error;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The SQLite way: the tables loaded into a new file beside the live one, which then takes its place. */
async function loadIntoFile(ctx: Ctx, files: Map<string, string>, name: string, work: string): Promise<Record<string, number>> {
  const live = sqliteFile(ctx, 'An import');
  const tables: Record<string, number> = {};
  const built = await openDatabase({ dataDir: work, nativeBinding: live.nativeBinding, backupBeforeMigrating: false });
  try {
    for (const table of ctx.dataTables) {
      const file = files.get(`${table}.csv`);
      if (!file) continue;
      const columns = new Map(columnsOf(built.sqlite, table).map((c) => [c.name, c.type]));
      tables[table] = await loadTable(built.db, columns, table, file);
    }
    await refuseWithoutCoop(built.db, name);
    await rebuildDerived(built.db);
  } finally {
    await built.close();
  }
  const target = join(work, DATABASE_FILE);
  carryRows(target, live.file, ctx.dataTables, live.nativeBinding);
  settleFile(target, live.nativeBinding);
  // someone may have added a member meanwhile: that would be lost by the swap
  if (!(await isEmpty(ctx.db))) throw notEmpty();
  await ctx.replaceDatabase(target);
  noteCommitted();
  return tables;
}

/**
 * The PostgreSQL way: the live database emptied of the co-op's rows and loaded, in one
 * transaction holding the writers' lock — readers at every site see the empty co-op until it
 * commits, and a refused row leaves it as it was. The install's own rows (accounts) stay.
 */
async function loadIntoServer(ctx: Ctx, files: Map<string, string>, name: string): Promise<Record<string, number>> {
  const tables: Record<string, number> = {};
  await immediate(ctx.db, async (trx) => {
    // checked again under the lock: a member added meanwhile would be deleted with the rest
    if (!(await isEmpty(trx))) throw notEmpty();
    await emptyTables(trx, ctx.dataTables);
    for (const table of ctx.dataTables) {
      const file = files.get(`${table}.csv`);
      if (!file) continue;
      const columns = new Map((await serverColumnsOf(trx, table)).map((c) => [c.name, c.type]));
      tables[table] = await loadTable(trx, columns, table, file);
    }
    await refuseWithoutCoop(trx, name);
    await rebuildDerived(trx);
  });
  return tables;
}

/** Moves the inflated documents into the data folder (renames within one disk: nothing more to fill it). */
function placeDocuments(ctx: Ctx, from: string): void {
  if (!existsSync(from)) return;
  for (const bid of readdirSync(from)) {
    for (const name of readdirSync(join(from, bid))) {
      const target = dataPath(ctx.dataDir, 'documents', bid, name);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(from, bid, name), target);
    }
  }
}
