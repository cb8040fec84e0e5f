import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { AppError } from '../../errors';

/**
 * Every path built from stored data (a document's stored name, a zip entry, a backup's name) is
 * made here, and only here: resolved, and refused unless it stays inside the data folder, also
 * through symbolic links. Callers never `join` stored names themselves.
 */
export function dataPath(dataDir: string, ...parts: string[]): string {
  const root = resolve(dataDir);
  for (const part of parts) {
    if (part === '' || part.includes('\0') || isAbsolute(part) || part.split(/[\\/]/).some((p) => p === '..')) throw outside(part);
  }
  const target = resolve(root, ...parts);
  if (!inside(root, target)) throw outside(parts.join('/'));
  // A link inside the folder must not lead out of it: check the deepest part that exists.
  let existing = target;
  while (!existsSync(existing) && existing !== root) existing = dirname(existing);
  if (existsSync(existing) && !inside(realpathSync(root), realpathSync(existing))) throw outside(parts.join('/'));
  return target;
}

const inside = (root: string, target: string) => {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(sep));
};

const outside = (what: string) => new AppError('FORBIDDEN', `“${what.slice(0, 80)}” is not a file in the data folder.`);

/**
 * A stored document name: `<uuid>-<safe name>`, no folders. Dots inside a name ("report..final.pdf")
 * are fine: without a slash a name cannot climb, and it never is ".." itself (the id comes first).
 */
const STORED_NAME = /^[0-9a-f-]{36}-[^/\\\0]{1,200}$/u;
export const isStoredName = (name: string) => STORED_NAME.test(name);
/** An id as the app writes them (UUIDv7), for folders named after records. */
export const isRecordId = (id: string) => /^[0-9a-f-]{36}$/.test(id);

const MAX_NAME_BYTES = 150;

/** A file name safe on every system: no folders, control or reserved characters, at most 150 bytes of UTF-8. */
export function safeFileName(name: string): string {
  const clean = name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/^\.+/, '_');
  let out = '';
  for (const ch of clean) {
    if (Buffer.byteLength(out + ch) > MAX_NAME_BYTES) break;
    out += ch;
  }
  return out || 'document';
}
