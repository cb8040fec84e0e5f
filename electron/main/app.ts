import { type Api, createApi } from './api';
import { FRONT_DESK } from './context';
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
  const api = createApi(ctx);
  // Bookings that need a check-in go back on the board when nobody came (see releaseNoShows).
  const noShows = setInterval(() => void api.dispatch('bookings.releaseNoShows', {}, FRONT_DESK), 60_000);
  noShows.unref();
  return {
    api,
    database,
    dataDir: options.dataDir,
    close: async () => {
      clearInterval(noShows);
      await database.close();
    },
  };
}
