import type { Kysely } from 'kysely';
import type { PushEvent } from '@shared/contract';
import type { Database } from './db/open';
import type { PostgresDatabase } from './db/postgres';
import type { DB } from './db/schema';
import type { RecordLabel } from '@shared/contract/audit.contract';

/**
 * Who is calling. Staff signed in with their accounts (a manager, the front desk); a member or
 * guardian signed in with their password or identified at the kiosk with their PIN; the kiosk
 * before anyone identified; or the app itself (`system`: scheduled jobs, never a transport's
 * caller). An actor without an account is the desk of a co-op that has none yet (first run), or
 * a test's or a job's.
 */
export interface Actor {
  role: 'manager' | 'frontdesk' | 'guardian' | 'member' | 'kiosk' | 'system';
  memberId: string | null;
  /** The account signed in, and its name as the audit log writes it. */
  accountId?: string | null;
  name?: string;
}

/**
 * A transport's session (one per desktop window, one per browser cookie): which mode the app is
 * in and who is acting. Auth handlers change it; everything else only reads the actor.
 */
export interface Session {
  /** The desk's app, the shared kiosk screen, or the member portal (a member's own device over the co-op's network). */
  mode: 'manager' | 'kiosk' | 'portal';
  actor: Actor;
  /** A signed-in session ends after this long without a request (a kiosk member's after a few minutes). */
  expiresAt?: number;
  /** The account's session epoch when it signed in: "sign out everywhere" raises the account's, ending this one. */
  epoch?: number;
  /** The site this session works at; absent: the co-op's first site. */
  siteId?: string;
  /** Where the session's requests come from (the browser's address); absent: the desktop app. */
  client?: string;
}

export const FRONT_DESK: Actor = { role: 'manager', memberId: null };
export const SYSTEM: Actor = { role: 'system', memberId: null };

export const managerSession = (): Session => ({ mode: 'manager', actor: { ...FRONT_DESK } });
export const kioskSession = (): Session => ({ mode: 'kiosk', actor: { role: 'kiosk', memberId: null } });
/** The portal before anyone signed in: like the kiosk's, nobody identified (role `kiosk`). */
export const portalSession = (): Session => ({ mode: 'portal', actor: { role: 'kiosk', memberId: null } });
/** What a session becomes when its person signs out or it ends: the kiosk on the desk's screen, the sign-in page on the portal. */
export const signedOutSession = (session: Session): Session => (session.mode === 'portal' ? portalSession() : kioskSession());

/** Tests and internal jobs may pass an actor; transports pass their session. */
export function asSession(caller: Session | Actor): Session {
  if ('mode' in caller) return caller;
  return { mode: caller.role === 'manager' || caller.role === 'frontdesk' ? 'manager' : 'kiosk', actor: caller };
}

export const isManager = (actor: Actor) => actor.role === 'manager';
/** The manager or the front desk: they act for any member, so members' privacy rules let them through. */
export const isStaff = (actor: Actor) => actor.role === 'manager' || actor.role === 'frontdesk';

/**
 * What every service gets: the database, the clock (fixed in tests) and the event bus.
 * One object for the app's lifetime; a restore swaps `db` and `database` in place.
 */
export interface Ctx {
  db: Kysely<DB>;
  /** The SQLite file (the default), or a PostgreSQL server shared by several sites. */
  database: Database | PostgresDatabase;
  now: () => Date;
  emit: (event: PushEvent) => void;
  dataDir: string;
  /** The current site: the session's, resolved for each request (see `withSite`). */
  siteId: string;
  /** The site this Coopdesk was started for (an id or a name), where a session starts; absent: the co-op's first. */
  homeSite?: string;
  /** The tables holding the co-op's data, in export order (from the features list). */
  dataTables: readonly string[];
  /** What a logged channel or job did, in words (from the contract and the features' jobs). */
  auditWords(channel: string): string;
  /** Names the records among `ids` for people, by asking each feature (from the features list). */
  recordLabels(ctx: Ctx, ids: readonly string[]): Promise<Map<string, RecordLabel>>;
  /** Fills an empty register with the demo co-op: each feature's own seed step (from the features list). */
  seedDemo(ctx: Ctx): Promise<void>;
  schemaVersion: number;
  /** Closes the database, puts `file` in its place, reopens (and migrates) it. */
  replaceDatabase: (file: string) => Promise<void>;
  /** Resolves once no database is being replaced (`replaceDatabase` under way): a request that found the old one closed runs again then. */
  databaseSettled?: () => Promise<void>;
  /** Works on `target` (the co-op just moved there, or the one it holds) from now on, and at every start: the file is closed and stays as it was. */
  switchToServer(target: PostgresDatabase, url: string): Promise<void>;
  /** The desktop app's system dialogs; absent in the browser host. */
  desktop?: DesktopDialogs;
  /** The member portal's server, where this process serves it (the desktop app, `npm run serve`). */
  portal?: PortalRuntime;
}

/** The member portal's server as the portal feature sees it: is it running, and (re)start it from the saved settings. */
export interface PortalRuntime {
  status(): { running: boolean; url: string | null; problem: string | null };
  apply(): Promise<void>;
}

/**
 * The context for one request at `siteId`. A prototype rather than a copy, so that a restore
 * during the request (which swaps `db` on the app's context) is seen by everything after it.
 */
export function withSite(ctx: Ctx, siteId: string): Ctx {
  return Object.create(ctx, { siteId: { value: siteId, enumerable: true } }) as Ctx;
}

/**
 * The context with `db` as a transaction: what a service passes to another feature's command so
 * that it writes in the same transaction (its notifications, say). A prototype, as `withSite`.
 */
export function withDb(ctx: Ctx, db: Ctx['db']): Ctx {
  const inside = Object.create(ctx, { db: { value: db, enumerable: true } }) as Ctx;
  outside.set(inside, outsideOf(ctx));
  return inside;
}
const outside = new WeakMap<Ctx, Ctx>();

/** The context `withDb` was given, outside any transaction: for work that runs once the transaction is over. */
export const outsideOf = (ctx: Ctx): Ctx => outside.get(ctx) ?? ctx;

/** Native file dialogs, given by the Electron shell (the only place that may import electron). */
export interface DesktopDialogs {
  /** Asks where to save; null when the person cancels. */
  chooseSaveFile(options: { title: string; defaultName: string; extension: string }): Promise<string | null>;
  /** Asks which file to open; null when the person cancels. */
  chooseOpenFile(options: { title: string; extension: string }): Promise<string | null>;
  /** A desktop notification (a visitor arrived). */
  notify?(message: { title: string; body: string }): void;
  /** Opens a file with the system's own viewer (a bid's document). */
  openPath?(file: string): Promise<void>;
}
