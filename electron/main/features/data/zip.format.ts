import { closeSync, createReadStream, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';

export interface ZipLimits {
  entries: number;
  /** Inflated bytes of one entry. */
  entryBytes: number;
  /** Inflated bytes of all entries together. */
  totalBytes: number;
  /** The longest line a .csv entry may have: a reader holds a row in memory, so a bomb of one endless row is stopped early. */
  csvLineBytes: number;
}

/** An import's limits: a co-op's export is a few dozen tables and its documents (10 MB each). */
export const IMPORT_LIMITS: ZipLimits = { entries: 20_000, entryBytes: 512 * 1024 * 1024, totalBytes: 2 * 1024 * 1024 * 1024, csvLineBytes: 1024 * 1024 };

export class ZipRefused extends Error {}

/** Compressed bytes read at a time: small, so that even a bomb inflates a few MB per step and requests are answered in between. */
const SLICE = 16 * 1024;

/**
 * Inflates a zip file entry by entry straight to disk, never holding an entry in memory. `place`
 * says where a wanted entry goes, or null for one that is not wanted: that one is never
 * inflated. What each entry inflates to is counted while it inflates, so a file that claims
 * little and inflates to a lot (a zip bomb) is stopped at the limit, not after. The zip is read
 * a slice at a time, giving the event loop a turn between slices.
 */
export async function unzipToFiles(zipFile: string, place: (entry: string) => string | null, limits: ZipLimits = IMPORT_LIMITS): Promise<Map<string, string>> {
  const written = new Map<string, string>();
  const open = new Set<number>();
  let entries = 0;
  let total = 0;
  let refusal: string | null = null;
  // a write that failed (a full disk): thrown as it is once the zip is put down
  let failed: unknown = null;
  const unzip = new Unzip((file) => {
    if (refusal) return;
    if (++entries > limits.entries) {
      refusal = `it has more than ${limits.entries.toLocaleString('en')} files`;
      return;
    }
    const target = place(file.name);
    if (!target) return;
    mkdirSync(dirname(target), { recursive: true });
    const fd = openSync(target, 'w');
    open.add(fd);
    written.set(file.name, target);
    let size = 0;
    // bytes since the last newline of a CSV entry
    let line = file.name.endsWith('.csv') ? 0 : -Infinity;
    const finish = () => {
      if (open.delete(fd)) closeSync(fd);
    };
    file.ondata = (error, chunk, final) => {
      if (refusal) return finish();
      if (error) {
        refusal = `${file.name} cannot be read`;
        return finish();
      }
      size += chunk.length;
      total += chunk.length;
      if (line !== -Infinity) {
        const last = chunk.lastIndexOf(10);
        line = last === -1 ? line + chunk.length : chunk.length - last - 1;
        if (line > limits.csvLineBytes) {
          refusal = `${file.name} has a line longer than ${mb(limits.csvLineBytes)}`;
          file.terminate();
          return finish();
        }
      }
      if (size > limits.entryBytes || total > limits.totalBytes) {
        refusal =
          size > limits.entryBytes ? `${file.name} inflates to more than ${mb(limits.entryBytes)}` : `it inflates to more than ${mb(limits.totalBytes)}`;
        file.terminate();
        return finish();
      }
      try {
        writeSync(fd, chunk);
      } catch (error) {
        failed = error;
        refusal = `${file.name} could not be written`;
        file.terminate();
        return finish();
      }
      if (final) finish();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for await (const chunk of createReadStream(zipFile, { highWaterMark: SLICE })) {
      unzip.push(chunk as Uint8Array);
      if (refusal) break;
    }
    if (!refusal) unzip.push(new Uint8Array(0), true);
  } finally {
    for (const fd of open) closeSync(fd);
  }
  if (failed) throw failed;
  if (refusal) throw new ZipRefused(refusal);
  if (open.size > 0 || written.size === 0) throw new ZipRefused('it ends before its files do');
  return written;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MB`;
