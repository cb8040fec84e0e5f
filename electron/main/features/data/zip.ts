import { Unzip, UnzipInflate } from 'fflate';

export interface ZipLimits {
  entries: number;
  /** Inflated bytes of one entry. */
  entryBytes: number;
  /** Inflated bytes of all entries together. */
  totalBytes: number;
}

/** An import's limits: a co-op's export is a few dozen tables and its documents (10 MB each). */
export const IMPORT_LIMITS: ZipLimits = { entries: 20_000, entryBytes: 512 * 1024 * 1024, totalBytes: 2 * 1024 * 1024 * 1024 };

export class ZipRefused extends Error {}

/**
 * Reads a zip entry by entry, counting what each inflates to while it inflates: a file that
 * claims little and inflates to a lot (a zip bomb) is stopped at the limit, not after.
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits = IMPORT_LIMITS): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  let entries = 0;
  let total = 0;
  let refusal: string | null = null;
  const unzip = new Unzip((file) => {
    if (refusal) return;
    if (++entries > limits.entries) {
      refusal = `it has more than ${limits.entries.toLocaleString('en')} files`;
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) {
        refusal = `${file.name} cannot be read`;
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.entryBytes || total > limits.totalBytes) {
        refusal =
          size > limits.entryBytes ? `${file.name} inflates to more than ${mb(limits.entryBytes)}` : `it inflates to more than ${mb(limits.totalBytes)}`;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) files[file.name] = concat(chunks, size);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  // Fed in slices so that inflating, and the counting, happen as we go.
  const SLICE = 64 * 1024;
  for (let at = 0; at < bytes.length && !refusal; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  if (refusal) throw new ZipRefused(refusal);
  return files;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MB`;

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
