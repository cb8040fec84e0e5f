import { EventEmitter } from 'node:events';
import type { ZodError } from 'zod';
import { type ApiError, type ApiResult, type Channel, type PushEvent, contract, isChannel } from '@shared/contract';
import { type Actor, type Ctx, type Session, asSession, withDb, withSite } from './context';
import { type CommitHook, afterCommit, isClosedUnder, withCommitHook } from './db/tx';
import { AppError } from './errors';
import { isConnectionLost } from './db/postgres';
import { isDiskFull } from './db/sqlite';
import { FEATURES, KERNELS, buildHandlers } from './features';

/** Every channel of the contract has exactly one handler, from the one list of features. */
const handlers = buildHandlers(FEATURES);

function fieldsOf(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * The channel's access level against the caller's role: manager > front desk > a signed-in member
 * > anyone. Over the member portal only member and public channels, whoever signed in, and
 * nothing the co-op keeps to its own screens (the kiosk's PIN).
 */
function mayCall(session: Session, channel: Channel): boolean {
  const { actor } = session;
  const { access, onPremises } = contract[channel];
  if (session.mode === 'portal' && (onPremises || access === 'manager' || access === 'desk')) return false;
  if (access === 'public' || actor.role === 'manager') return true;
  // Jobs do not go through dispatch; nothing calls a channel as the app itself.
  if (actor.role === 'system' || actor.role === 'kiosk') return false;
  if (access === 'member') return true;
  return access === 'desk' && actor.role === 'frontdesk';
}

/**
 * What a failure tells the person, and only what is true: "nothing was changed" where a rollback
 * proved it; a change that was saved before a later step failed says so.
 */
function failure(error: unknown, saved: boolean, log: (error: unknown) => void): ApiError {
  const afterSaving = 'It was saved, but what should have followed failed';
  if (isDiskFull(error)) {
    return saved
      ? { code: 'DISK_FULL', message: `${afterSaving}: the disk holding the data folder is full. Free some space.`, fields: { disk: 'Full' } }
      : KERNELS.diskFull().toApiError();
  }
  if (isConnectionLost(error)) {
    return {
      code: 'UNAVAILABLE',
      message: saved
        ? `${afterSaving}: the connection to the database server was lost. Coopdesk reconnects by itself; check the result.`
        : 'The connection to the database server was lost, and nothing was saved. Coopdesk reconnects by itself: try again in a moment.',
    };
  }
  if (error instanceof AppError) return saved ? { ...error.toApiError(), message: `${afterSaving}: ${error.message}` } : error.toApiError();
  log(error);
  return { code: 'INTERNAL', message: saved ? `${afterSaving}; check the result.` : 'Something went wrong; nothing was changed.' };
}

const forbidden = ({ actor, mode }: Session): ApiError => ({
  code: 'FORBIDDEN',
  message:
    mode === 'portal'
      ? actor.role === 'kiosk'
        ? 'Sign in first.'
        : 'This is done at the front desk, on the co-op’s own computer; it is not open over the member portal.'
      : actor.role === 'kiosk'
        ? 'Identify with your member number and PIN first, or sign in.'
        : actor.role === 'frontdesk'
          ? 'Only a manager may do this.'
          : 'Only the front desk or a manager may do this.',
});

export interface DispatchOptions {
  /** The client's key for this command (HTTP's Idempotency-Key): a retry with it is answered from the first try, never done twice. */
  idempotencyKey?: string;
}

/** Who a retried command belongs to: the account, else the member at the kiosk, else the client's address. */
const callerOf = (session: Session) => session.actor.accountId ?? session.actor.memberId ?? session.client ?? 'desktop';

export interface Api {
  /** `caller` is the transport's session (auth channels change it), or an actor for internal calls and tests. */
  dispatch(channel: string, input: unknown, caller: Session | Actor, options?: DispatchOptions): Promise<ApiResult<unknown>>;
  /**
   * Whether `caller` may call `channel` at all, how large a body the transport should read for
   * it, and whether it only reads: asked before the body is read, so a refused caller costs nothing.
   */
  admits(channel: string, caller: Session): { ok: true; maxBody: number; reads: boolean } | { ok: false; error: ApiError };
  /** A new transport session: the manager's while no manager password is set, else the kiosk's; over the portal, signed out. */
  newSession(where?: 'desk' | 'portal'): Promise<Session>;
  /** Subscribes to push events; returns the unsubscribe function. */
  subscribe(listener: (event: PushEvent) => void): () => void;
}

/**
 * The one entry point both transports call: check the actor's permission, validate with the
 * contract's schema, run the handler, write the change to the audit log. Never throws; failures come back as error values.
 */
export function createApi(ctx: Omit<Ctx, 'emit'>, log = (error: unknown) => console.error('Coopdesk:', error)): Api {
  const bus = new EventEmitter();
  bus.setMaxListeners(100);
  // The same object, not a copy: a restore replaces ctx.db and every later call sees it.
  // told once the change is committed: a screen that reads at once must find it (on PostgreSQL, on another connection)
  const fullCtx: Ctx = Object.assign(ctx, { emit: (event: PushEvent) => afterCommit(() => void bus.emit('event', event)) });
  // The site sessions start at (this desk's, else the co-op's first), read once per database: a
  // restore swaps the database, an import or a settings change says so with settings.changed.
  let firstSite: { db: Ctx['db']; id: Promise<string> } | null = null;
  bus.on('event', (event: PushEvent) => {
    if (event === 'settings.changed') firstSite = null;
  });
  const siteOf = (session: Session): Promise<string> => {
    if (session.siteId) return Promise.resolve(session.siteId);
    // (after a restore that lost the site this desk was started for: the co-op's first)
    if (firstSite?.db !== fullCtx.db)
      firstSite = { db: fullCtx.db, id: KERNELS.homeSiteId(fullCtx.db, fullCtx.homeSite).catch(() => KERNELS.homeSiteId(fullCtx.db)) };
    return firstSite.id;
  };

  return {
    newSession: (where) => KERNELS.newSession(fullCtx, where),
    admits(channel, caller) {
      if (!isChannel(channel)) return { ok: false, error: { code: 'NOT_FOUND', message: `There is no operation called “${channel}”.` } };
      if (!mayCall(caller, channel)) {
        // on record as in dispatch (the body is never read, so it is not waited for)
        if (caller.actor.accountId || caller.actor.memberId) void KERNELS.recordRefusal(fullCtx, caller.actor, channel).catch(log);
        return { ok: false, error: forbidden(caller) };
      }
      return { ok: true, maxBody: contract[channel].maxBody, reads: contract[channel].kind === 'query' };
    },
    dispatch: (channel, input, caller, options = {}) => run(channel, input, caller, options, true),
    subscribe(listener) {
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
  };

  /**
   * `dispatch`, once more (`again`) if it waited for a move or a restore that swapped the database
   * and found the old one closed under it: it never reached that one, so it runs on the new.
   */
  async function run(channel: string, input: unknown, caller: Session | Actor, options: DispatchOptions, again: boolean): Promise<ApiResult<unknown>> {
    const database = fullCtx.database;
    // closed under it by a swap: once the swap is over (a restore reopens after closing), is there another database?
    const swapped = async (error: unknown) => {
      if (!again || !isClosedUnder(error)) return false;
      await fullCtx.databaseSettled?.();
      return fullCtx.database !== database;
    };
    const session = asSession(caller);
    // A session idle too long, or ended everywhere, or whose account was disabled, is signed out.
    try {
      await KERNELS.refreshSession(fullCtx, session);
    } catch (error) {
      if (await swapped(error)) return run(channel, input, caller, options, false);
      throw error;
    }
    const actor = session.actor;
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `There is no operation called “${channel}”.` } };
    }
    // Permission before validation: an unauthorised caller learns nothing about the input.
    if (!mayCall(session, channel)) {
      // A signed-in person trying what their role may not do is on record (the anonymous kiosk's tries are only refused).
      if (actor.accountId || actor.memberId) await KERNELS.recordRefusal(fullCtx, actor, channel).catch(log);
      return { ok: false, error: forbidden(session) };
    }
    const parsed = contract[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = fieldsOf(parsed.error);
      const first = Object.values(fields)[0];
      return { ok: false, error: { code: 'VALIDATION', message: first ?? 'The input is not valid.', fields } };
    }
    // A retried command is answered from its first try (or refused: the key was used for something else).
    const replay =
      options.idempotencyKey && contract[channel].kind === 'command' && !contract[channel].secretAnswer
        ? KERNELS.replayFor(callerOf(session), options.idempotencyKey, channel, parsed.data)
        : null;
    if (replay) {
      let first: ApiResult<unknown> | null;
      try {
        first = await KERNELS.answered(fullCtx, replay);
      } catch (error) {
        if (await swapped(error)) return run(channel, input, caller, options, false);
        throw error;
      }
      if (first) return first;
    }
    // A command that fails before anything is saved leaves the session as it was (a failed unlock never raises it).
    const before = structuredClone(session);
    // The person who acted: the one signed in by this very command (a sign-in), else the caller.
    const auditActor = () => (session.actor.accountId ? session.actor : actor);
    // The audit row, and the answer kept for retries, in the change's own transaction.
    const record = async (db: Ctx['db'], result: unknown) => {
      const txCtx = withDb(fullCtx, db);
      await KERNELS.recordAudit(txCtx, auditActor(), channel, parsed.data, result);
      if (replay) await KERNELS.remember(txCtx, replay, result);
    };
    const hook: CommitHook = { done: false, beforeCommit: record };
    try {
      const handler = handlers[channel] as (input: unknown, ctx: Ctx, actor: Actor, session: Session) => Promise<unknown>;
      const requestCtx = withSite(fullCtx, await siteOf(session));
      // A command's audit row is written in the transaction that makes the change; a command
      // that changes no table (a session's mode) or swaps the database writes it after.
      const data = await withCommitHook(hook, () => handler(parsed.data, requestCtx, actor, session));
      if (!hook.done) await record(fullCtx.db, data);
      else if (replay && hook.committed) await KERNELS.settle(fullCtx, replay, data);
      return { ok: true, data };
    } catch (error) {
      if (!hook.committed) Object.assign(session, before);
      if (!hook.committed && (await swapped(error))) return run(channel, input, caller, options, false);
      // its first try committed while this one ran (this one then failed, or rolled back on the
      // kept answer): the first answer stands
      const first = replay ? await KERNELS.answered(fullCtx, replay).catch(() => null) : null;
      if (first) return first;
      return { ok: false, error: failure(error, hook.committed === true, log) };
    }
  }
}
