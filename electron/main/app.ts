import { type Api, createApi } from './api';
import { type Ctx, type DesktopDialogs, FRONT_DESK } from './context';
import { type Database, openDatabase, placeDatabaseFile } from './db/open';
import { remindDaily } from './features/bids/bids.service';
import { startAutomaticBackups } from './features/data/backups.service';
import { ensureDefaults } from './features/settings/settings.service';

export interface Coopdesk {
  api: Api;
  database: Database;
  dataDir: string;
  /** Gives the desktop app's dialogs and notifications (tests give a stand-in). */
  setDesktop?(desktop: DesktopDialogs): void;
  close(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  nativeBinding?: string;
  /** The clock; tests inject a fixed one. */
  now?: () => Date;
  /** Automatic backups at start and daily (default on; tests turn them off). */
  backups?: boolean;
  /** System file dialogs (the desktop app). */
  desktop?: DesktopDialogs;
}

/** Opens the data folder and wires the API. Shared by the Electron app, the browser host and tests. */
export async function startCoopdesk(options: StartOptions): Promise<Coopdesk> {
  const open = () => openDatabase({ dataDir: options.dataDir, nativeBinding: options.nativeBinding });
  const database = await open();
  const ctx: Omit<Ctx, 'emit'> = {
    db: database.db,
    database,
    now: options.now ?? (() => new Date()),
    dataDir: options.dataDir,
    schemaVersion: database.schemaVersion,
    desktop: options.desktop,
    async replaceDatabase(file) {
      await ctx.database.close();
      placeDatabaseFile(file, ctx.database.file);
      const reopened = await open();
      Object.assign(ctx, { db: reopened.db, database: reopened, schemaVersion: reopened.schemaVersion });
    },
  };
  await ensureDefaults({ ...ctx, emit: () => {} });
  const api = createApi(ctx);
  // Bookings that need a check-in go back on the board when nobody came (see releaseNoShows).
  const noShows = setInterval(() => void api.dispatch('bookings.releaseNoShows', {}, FRONT_DESK), 60_000);
  noShows.unref();
  // Overdue bid tasks and near deadlines: one desktop notification a day (checked hourly, and soon after start).
  const remind = () => void remindDaily(ctx as Ctx).catch((error: unknown) => console.error('Coopdesk: bid reminder', error));
  const reminders = setInterval(remind, 3_600_000);
  reminders.unref();
  const firstReminder = setTimeout(remind, 30_000);
  firstReminder.unref();
  const backups = options.backups === false ? null : startAutomaticBackups(ctx as Ctx);
  return {
    api,
    get database() {
      return ctx.database;
    },
    dataDir: options.dataDir,
    setDesktop(desktop) {
      ctx.desktop = desktop;
    },
    close: async () => {
      clearInterval(noShows);
      clearInterval(reminders);
      clearTimeout(firstReminder);
      await backups?.stop();
      await ctx.database.close();
    },
  };
}
