import { copyFileSync, rmSync } from 'node:fs';
import { type Api, createApi } from './api';
import { type Ctx, type DesktopDialogs } from './context';
import { type Database, openDatabase, placeDatabaseFile } from './db/open';
import { FEATURES, dataTables, jobsOf, recordLabels } from './features';
import { startAutomaticBackups } from './features/data';
import { ensureDefaults } from './features/settings';
import { defaultSiteId } from './features/sites';
import { runJob, startJobs } from './jobs';

export interface Coopdesk {
  api: Api;
  /** The app's context (tests and benchmarks call services and jobs with it). */
  ctx: Ctx;
  /** Runs a feature's job now, as the scheduler would; returns how many records it changed. */
  runJob(name: string): Promise<number>;
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
  /** Automatic backups, daily (default on; tests turn them off). */
  backups?: boolean;
  /** When the day's first automatic backup runs after start (default 20 s: after the first screen). */
  firstBackupAfterMs?: number;
  /** System file dialogs (the desktop app). */
  desktop?: DesktopDialogs;
  /** How durable each commit is (benchmarks compare; the app uses the default, FULL). */
  synchronous?: 'FULL' | 'NORMAL';
}

/** Opens the data folder and wires the API. Shared by the Electron app, the browser host and tests. */
export async function startCoopdesk(options: StartOptions): Promise<Coopdesk> {
  const open = () => openDatabase({ dataDir: options.dataDir, nativeBinding: options.nativeBinding, synchronous: options.synchronous });
  const database = await open();
  const ctx: Omit<Ctx, 'emit'> = {
    db: database.db,
    database,
    now: options.now ?? (() => new Date()),
    dataDir: options.dataDir,
    siteId: '',
    dataTables: dataTables(FEATURES),
    recordLabels: recordLabels(FEATURES),
    schemaVersion: database.schemaVersion,
    desktop: options.desktop,
    async replaceDatabase(file) {
      await ctx.database.close();
      const live = ctx.database.file;
      const previous = `${live}.replaced`;
      copyFileSync(live, previous);
      placeDatabaseFile(file, live);
      let reopened: Database;
      try {
        reopened = await open();
      } catch (error) {
        // The new file does not open: the old one goes back, and the app keeps answering.
        placeDatabaseFile(previous, live);
        Object.assign(ctx, { database: await open() });
        Object.assign(ctx, { db: ctx.database.db });
        throw error;
      } finally {
        rmSync(previous, { force: true });
      }
      Object.assign(ctx, { db: reopened.db, database: reopened, schemaVersion: reopened.schemaVersion, siteId: await defaultSiteId(reopened.db) });
    },
  };
  await ensureDefaults({ ...ctx, emit: () => {} });
  ctx.siteId = await defaultSiteId(ctx.db);
  const api = createApi(ctx);
  const jobs = startJobs(ctx as Ctx, jobsOf(FEATURES));
  const backups = options.backups === false ? null : startAutomaticBackups(ctx as Ctx, options.firstBackupAfterMs);
  const allJobs = jobsOf(FEATURES);
  return {
    api,
    ctx: ctx as Ctx,
    runJob(name) {
      const job = allJobs.find((j) => j.name === name);
      if (!job) throw new Error(`There is no job called ${name}.`);
      return runJob(ctx as Ctx, job);
    },
    get database() {
      return ctx.database;
    },
    dataDir: options.dataDir,
    setDesktop(desktop) {
      ctx.desktop = desktop;
    },
    close: async () => {
      jobs.stop();
      await backups?.stop();
      await ctx.database.close();
    },
  };
}
