import { existsSync, renameSync, rmSync } from 'node:fs';
import type { PushEvent } from '@shared/contract';
import { type Api, createApi } from './api';
import { type Ctx, type DesktopDialogs } from './context';
import { type Database, openDatabase } from './db/open';
import { chosenServer, saveServer } from './db/choice';
import { type PostgresDatabase, openPostgres, relayEvents } from './db/postgres';
import { checkpoint } from './db/sqlite';
import { FEATURES, KERNELS, TRANSPORT, auditWordsOf, dataTables, jobsOf, recordLabels, seedDemo, startFeatures } from './features';
import { runJob, startJobs } from './jobs';
import { portalRuntime } from './portal';

type Relay = Awaited<ReturnType<typeof relayEvents>>;

export interface Coopdesk<D extends Database | PostgresDatabase = Database> {
  api: Api;
  /** The app's context (tests and benchmarks call services and jobs with it). */
  ctx: Ctx;
  /** Runs a feature's job now, as the scheduler would; returns how many records it changed. */
  runJob(name: string): Promise<number>;
  database: D;
  dataDir: string;
  /** Gives the desktop app's dialogs and notifications (tests give a stand-in). */
  setDesktop?(desktop: DesktopDialogs): void;
  /** The iCalendar feed behind a member's private link; null for a link that is not (or no longer) valid. */
  calendarFeed(token: string, client: string, which?: 'mine' | 'events'): Promise<string | null>;
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
  /** The site this instance works at (an id or a name; a co-op with several sites, each desk its own): sessions start there and may switch. */
  site?: string;
  /** The built renderer: given, the app serves the member portal from it when the manager turns it on. */
  rendererDir?: string;
}

/** Opens the data folder and wires the API. Shared by the Electron app, the browser host and tests. */
export function startCoopdesk(options: StartOptions): Promise<Coopdesk> {
  return start(() => openDatabase({ dataDir: options.dataDir, nativeBinding: options.nativeBinding, synchronous: options.synchronous }), options);
}

/**
 * The same app on a PostgreSQL server shared by several sites: what happens at one site is pushed
 * to the screens of the others. The data folder still holds the app's documents and this
 * computer's settings.
 */
export function startCoopdeskOnPostgres(url: string, options: StartOptions): Promise<Coopdesk<PostgresDatabase>> {
  return start(() => openPostgres(url), options, url);
}

/** The database this computer works on: the host's COOPDESK_DATABASE_URL, else the server chosen in Settings → Database, else the file. */
export function startChosenCoopdesk(options: StartOptions, fromEnvironment?: string): Promise<Coopdesk<Database | PostgresDatabase>> {
  const url = chosenServer(options.dataDir, fromEnvironment);
  return url ? startCoopdeskOnPostgres(url, options) : startCoopdesk(options);
}

async function start<D extends Database | PostgresDatabase>(open: () => Promise<D>, options: StartOptions, url?: string): Promise<Coopdesk<D>> {
  const database = await open();
  const ctx: Omit<Ctx, 'emit'> = {
    db: database.db,
    database,
    now: options.now ?? (() => new Date()),
    dataDir: options.dataDir,
    siteId: '',
    homeSite: options.site,
    dataTables: dataTables(FEATURES),
    recordLabels: recordLabels(FEATURES),
    auditWords: auditWordsOf(FEATURES),
    seedDemo: seedDemo(FEATURES),
    schemaVersion: database.schemaVersion,
    desktop: options.desktop,
    // settled whether the replacement worked or not (its caller hears how it went)
    databaseSettled: () => (replacing ?? Promise.resolve()).catch(() => undefined),
    async replaceDatabase(file) {
      replacing = replaceWith(file);
      try {
        await replacing;
      } finally {
        replacing = null;
      }
    },
    async switchToServer(target, serverUrl) {
      if (ctx.database.engine !== 'sqlite') throw new Error('This desk already works on a PostgreSQL server.');
      const next = await relayTo(serverUrl, target);
      try {
        // chosen for good before the switch: a choice that cannot be saved leaves the desk on its file
        saveServer(options.dataDir, serverUrl);
      } catch (error) {
        await next.close();
        throw error;
      }
      const siteId = await KERNELS.homeSiteId(target.db, options.site).catch(() => KERNELS.homeSiteId(target.db));
      // the server in the file's place before the file is closed: a request finding the file closed finds the server there
      const file = ctx.database;
      checkpoint(file);
      Object.assign(ctx, { db: target.db, database: target, schemaVersion: target.schemaVersion, siteId });
      relay = next;
      await file.close();
    },
  };
  // a restore or an import in progress: requests that find the old file closed wait for it
  let replacing: Promise<void> | null = null;
  async function replaceWith(file: string): Promise<void> {
    const current = ctx.database;
    if (current.engine !== 'sqlite') throw new Error('Only a SQLite database is replaced by a file.');
    const live = current.file;
    const previous = `${live}.replaced`;
    // The log is folded into the live file while it is still open: a failure here (a full disk)
    // leaves it open and answering, and nothing changed.
    checkpoint(current);
    await current.close();
    const reopen = async () => {
      const database = await open();
      Object.assign(ctx, {
        db: database.db,
        database,
        schemaVersion: database.schemaVersion,
        siteId: await KERNELS.homeSiteId(database.db, options.site).catch(() => KERNELS.homeSiteId(database.db)),
      });
    };
    // Renames only, within the data folder: nothing is copied, so nothing can run out of room half-way.
    try {
      rmSync(previous, { force: true });
      renameSync(live, previous);
      renameSync(file, live);
    } catch (error) {
      if (!existsSync(live) && existsSync(previous)) renameSync(previous, live);
      await reopen();
      throw error;
    }
    try {
      await reopen();
    } catch (error) {
      // The new file does not open: the old one goes back, and the app keeps answering.
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${live}${suffix}`, { force: true });
      renameSync(previous, live);
      await reopen();
      throw error;
    }
    rmSync(previous, { force: true });
  }
  // what this desk does is told to the other sites' desks sharing the server, and theirs come back
  let relay: Relay | null = null;
  let fromElsewhere = false;
  const relayTo = (serverUrl: string, database: PostgresDatabase) =>
    relayEvents(serverUrl, database, (event) => {
      fromElsewhere = true;
      try {
        (ctx as Ctx).emit(event as PushEvent);
      } finally {
        fromElsewhere = false;
      }
    });
  await startFeatures(FEATURES, { ...ctx, emit: () => {} });
  ctx.siteId = await KERNELS.homeSiteId(ctx.db, options.site);
  const api = createApi(ctx);
  api.subscribe((event) => !fromElsewhere && relay?.tell(event));
  if (url)
    relay = await relayTo(url, database as PostgresDatabase).catch(async (error: unknown) => {
      await database.close();
      throw error;
    });
  const allJobs = jobsOf(FEATURES);
  const scheduled = allJobs
    .filter((job) => options.backups !== false || !job.backup)
    .map((job) => (job.backup && options.firstBackupAfterMs !== undefined ? { ...job, firstAfterMs: options.firstBackupAfterMs } : job));
  const jobs = startJobs(ctx as Ctx, scheduled);
  const calendarFeed = (token: string, client: string, which?: 'mine' | 'events') => TRANSPORT.calendarFeed(ctx as Ctx, token, client, which);
  const portal = options.rendererDir ? portalRuntime({ api, calendarFeed }, ctx as Ctx, options.rendererDir) : undefined;
  if (portal) {
    ctx.portal = portal;
    await portal.apply();
    // a restore or an import announces every event: the portal follows the settings it brought
    api.subscribe((event) => void (event === 'portal.changed' && portal.apply()));
  }
  return {
    calendarFeed,
    api,
    ctx: ctx as Ctx,
    runJob(name) {
      const job = allJobs.find((j) => j.name === name);
      if (!job) throw new Error(`There is no job called ${name}.`);
      return runJob(ctx as Ctx, job);
    },
    get database() {
      // a restore swaps one SQLite file for another; a move in Settings → Database puts a server in the file's place
      return ctx.database as D;
    },
    dataDir: options.dataDir,
    setDesktop(desktop) {
      ctx.desktop = desktop;
    },
    close: async () => {
      await relay?.close();
      await portal?.close();
      await jobs.stop();
      await ctx.database.close();
    },
  };
}
