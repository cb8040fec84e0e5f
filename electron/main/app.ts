import { type Api, createApi } from './api';
import { type Database, openDatabase } from './db/open';
import { ensureDefaults } from './features/settings/settings.service';

export interface Coopdesk {
  api: Api;
  database: Database;
  dataDir: string;
  close(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  nativeBinding?: string;
  /** The clock; tests inject a fixed one. */
  now?: () => Date;
}

/** Opens the data folder and wires the API. Shared by the Electron app, the browser host and tests. */
export async function startCoopdesk(options: StartOptions): Promise<Coopdesk> {
  const database = await openDatabase({ dataDir: options.dataDir, nativeBinding: options.nativeBinding });
  const ctx = {
    db: database.db,
    now: options.now ?? (() => new Date()),
    dataDir: options.dataDir,
    schemaVersion: database.schemaVersion,
  };
  await ensureDefaults({ ...ctx, emit: () => {} });
  return {
    api: createApi(ctx),
    database,
    dataDir: options.dataDir,
    close: () => database.close(),
  };
}
