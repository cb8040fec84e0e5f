import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import type { ExportEntry } from '@shared/contract/data.contract';
import type { Ctx } from '../../context';
import { columnsOf, readRowsInBatches } from '../../db/tables';
import { schemaColumns } from '../../db/verify';
import { csvLines, restoreCell } from '../../csv';
import { dataPath, isRecordId, isStoredName } from '../storage';

/**
 * Everything as a zip of CSV files, one per table, with a SCHEMA.txt describing the columns.
 * NULL is written as \N; a text starting with a backslash gets one more (as in PostgreSQL's COPY).
 */
export const exportFolder = (ctx: Pick<Ctx, 'dataDir'>) => join(ctx.dataDir, 'exports');

const encode = (v: unknown) => (v === null ? '\\N' : typeof v === 'string' && v.startsWith('\\') ? `\\${v}` : String(v));
/** A CSV cell back to its value (the reverse of `encode`). */
export const decodeCell = (v: string, integer: boolean) => {
  if (v === '\\N') return null;
  if (integer) return Number(v);
  // The cell guard's quote goes first (it was put on last), then the backslash rule.
  const cell = restoreCell(v);
  return cell.startsWith('\\\\') ? cell.slice(1) : cell;
};

export function listExports(ctx: Pick<Ctx, 'dataDir'>): ExportEntry[] {
  const folder = exportFolder(ctx);
  mkdirSync(folder, { recursive: true });
  return readdirSync(folder)
    .filter((n) => /^coopdesk-export-[0-9TZ-]+\.zip$/.test(n))
    .map((name) => {
      const s = statSync(join(folder, name));
      return { name, createdAt: s.mtime.toISOString(), bytes: s.size };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/**
 * Writes the export as it reads it: rows a batch at a time into a zip streamed to disk, so a
 * million bookings are never in memory at once. Written under a temporary name, renamed at the end.
 * The same on PostgreSQL: how a co-op moves back from the server into a file (an import there).
 */
export async function exportAll(ctx: Ctx): Promise<ExportEntry & { tables: Record<string, number> }> {
  const tables: Record<string, number> = {};
  const schema: string[] = [
    'Coopdesk export. One CSV file per table, header row = column names.',
    'NULL is written as \\N; a value starting with a backslash has one more in front.',
    'A text starting with = + - @ (not a plain number) has a quote in front, so spreadsheets do not run it; one more quote where it already had one.',
    'Instants are milliseconds since 1970-01-01 UTC; dates are YYYY-MM-DD; money is in minor units.',
    `Schema version ${ctx.schemaVersion}.`,
    '',
  ];
  const folder = exportFolder(ctx);
  mkdirSync(folder, { recursive: true });
  const nameAt = (at: number) => `coopdesk-export-${new Date(at).toISOString().slice(0, 19).replace(/:/g, '-')}Z.zip`;
  // two exports in the same second get distinct names: an export never replaces another
  let at = ctx.now().getTime();
  while (existsSync(join(folder, nameAt(at)))) at += 1000;
  const name = nameAt(at);
  const partial = join(folder, `.${name}.part`);
  const fd = openSync(partial, 'w');
  try {
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      writeSync(fd, chunk);
    });
    const entries = new Map<string, ZipDeflate>();
    // on PostgreSQL, the columns of the same schema on SQLite: an export reads the same on both, and imports into either
    const reference = ctx.database.engine === 'sqlite' ? null : await schemaColumns(ctx.schemaVersion);
    const columnsByTable = new Map(ctx.dataTables.map((t) => [t, ctx.database.engine === 'sqlite' ? columnsOf(ctx.database.sqlite, t) : reference!.get(t)!]));
    for (const table of ctx.dataTables) {
      const columns = columnsByTable.get(table)!;
      schema.push(`${table}.csv: ${columns.map((c) => `${c.name} ${c.type}${c.primaryKey ? ' KEY' : ''}${c.notNull ? ' NOT NULL' : ''}`).join(', ')}`);
    }
    await readRowsInBatches(ctx.database, columnsByTable, 1000, (table, rows) => {
      const columns = columnsByTable.get(table)!;
      let entry = entries.get(table);
      if (!entry) {
        entry = new ZipDeflate(`${table}.csv`, { level: 6 });
        zip.add(entry);
        entries.set(table, entry);
        entry.push(strToU8(csvLines([columns.map((c) => c.name)])));
        tables[table] = 0;
      }
      tables[table] += rows.length;
      entry.push(strToU8(csvLines(rows.map((r) => columns.map((c) => encode(r[c.name]))))));
    });
    for (const entry of entries.values()) entry.push(new Uint8Array(0), true);
    for (const [path, file] of documentPaths(ctx)) {
      const entry = new ZipDeflate(path, { level: 6 });
      zip.add(entry);
      entry.push(readFileSync(file), true);
    }
    schema.push('', 'documents/<bid id>/<file>: the documents attached to joint bids (named in bid_documents.csv).');
    const schemaEntry = new ZipDeflate('SCHEMA.txt', { level: 6 });
    zip.add(schemaEntry);
    schemaEntry.push(strToU8(schema.join('\n')), true);
    zip.end();
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(partial, join(folder, name));
  ctx.emit('data.changed');
  return { ...listExports(ctx).find((e) => e.name === name)!, tables };
}

/** A bid's document in a zip, documents/<bid id>/<stored name>: its two parts, or null for anything else. */
export function documentEntry(path: string): [string, string] | null {
  const [top, bid, name, ...rest] = path.split('/');
  return top === 'documents' && rest.length === 0 && bid && name && isRecordId(bid) && isStoredName(name) ? [bid, name] : null;
}

/** Every bid's document: its zip entry name and its file (read one at a time when zipping). */
function documentPaths(ctx: Pick<Ctx, 'dataDir'>): [string, string][] {
  const root = dataPath(ctx.dataDir, 'documents');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter(isRecordId)
    .flatMap((bid) =>
      readdirSync(dataPath(ctx.dataDir, 'documents', bid))
        .filter(isStoredName)
        .map((name): [string, string] => [`documents/${bid}/${name}`, dataPath(ctx.dataDir, 'documents', bid, name)]),
    );
}
