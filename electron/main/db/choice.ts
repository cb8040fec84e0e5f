import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The PostgreSQL server this computer's Coopdesk works on, when the manager chose one in Settings
 * → Database (a move there, or a second site's desk joining): kept in the data folder, readable by
 * this computer's user alone, since the address holds the password. Absent: the data folder's
 * SQLite file. The host's COOPDESK_DATABASE_URL, when set, comes before it.
 */
const FILE = 'database.json';

export function savedServer(dataDir: string): string | null {
  const file = join(dataDir, FILE);
  if (!existsSync(file)) return null;
  try {
    const { url } = JSON.parse(readFileSync(file, 'utf8')) as { url?: unknown };
    if (typeof url === 'string' && /^postgres(ql)?:\/\//.test(url)) return url;
  } catch {
    // a damaged choice: said below, never guessed at
  }
  throw new Error(`${file} in the data folder does not name a PostgreSQL server. Delete it to open this computer's own file, or set COOPDESK_DATABASE_URL.`);
}

export function saveServer(dataDir: string, url: string): void {
  const file = join(dataDir, FILE);
  // written whole, then renamed: a crash leaves the old choice or the new, never half of one
  writeFileSync(`${file}.new`, JSON.stringify({ url }), { mode: 0o600 });
  renameSync(`${file}.new`, file);
}

/** Which database a start opens: the host's address, else the saved choice, else the file (null). */
export function chosenServer(dataDir: string, fromEnvironment: string | undefined): string | null {
  return fromEnvironment || savedServer(dataDir);
}
