import type { Kysely } from 'kysely';
import type { PushEvent } from '../../shared/contract';
import type { Database } from './db/open';
import type { DB } from './db/schema';

/** Who is calling. Both transports act as the front-desk manager until sign-in exists. */
export interface Actor {
  role: 'manager' | 'guardian' | 'member';
  memberId: string | null;
}

export const FRONT_DESK: Actor = { role: 'manager', memberId: null };

/**
 * What every service gets: the database, the clock (fixed in tests) and the event bus.
 * One object for the app's lifetime; a restore swaps `db` and `database` in place.
 */
export interface Ctx {
  db: Kysely<DB>;
  database: Database;
  now: () => Date;
  emit: (event: PushEvent) => void;
  dataDir: string;
  schemaVersion: number;
  /** Closes the database, puts `file` in its place, reopens (and migrates) it. */
  replaceDatabase: (file: string) => Promise<void>;
  /** The desktop app's system dialogs; absent in the browser host. */
  desktop?: DesktopDialogs;
}

/** Native file dialogs, given by the Electron shell (the only place that may import electron). */
export interface DesktopDialogs {
  /** Asks where to save; null when the person cancels. */
  chooseSaveFile(options: { title: string; defaultName: string; extension: string }): Promise<string | null>;
  /** Asks which file to open; null when the person cancels. */
  chooseOpenFile(options: { title: string; extension: string }): Promise<string | null>;
}
