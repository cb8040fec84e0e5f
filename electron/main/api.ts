import { EventEmitter } from 'node:events';
import type { ZodError } from 'zod';
import { type ApiError, type ApiResult, type Channel, type PushEvent, contract, isChannel } from '@shared/contract';
import { type Actor, type Ctx, type Session, asSession, withSite } from './context';
import { type CommitHook, withCommitHook } from './db/tx';
import { AppError } from './errors';
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

/** The channel's access level against the caller's role: manager > front desk > a signed-in member > anyone. */
function mayCall(actor: Actor, channel: Channel): boolean {
  const access = contract[channel].access;
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
  if (error instanceof AppError) return saved ? { ...error.toApiError(), message: `${afterSaving}: ${error.message}` } : error.toApiError();
  log(error);
  return { code: 'INTERNAL', message: saved ? `${afterSaving}; check the result.` : 'Something went wrong; nothing was changed.' };
}

const forbidden = (actor: Actor): ApiError => ({
  code: 'FORBIDDEN',
  message:
    actor.role === 'kiosk'
      ? 'Identify with your member number and PIN first, or sign in.'
      : actor.role === 'frontdesk'
        ? 'Only a manager may do this.'
        : 'Only the front desk or a manager may do this.',
});

export interface Api {
  /** `caller` is the transport's session (auth channels change it), or an actor for internal calls and tests. */
  dispatch(channel: string, input: unknown, caller: Session | Actor): Promise<ApiResult<unknown>>;
  /**
   * Whether `caller` may call `channel` at all, and how large a body the transport should read
   * for it: asked before the body is read, so a refused caller costs nothing.
   */
  admits(channel: string, caller: Session): { ok: true; maxBody: number } | { ok: false; error: ApiError };
  /** A new transport session: the manager's while no manager password is set, else the kiosk's. */
  newSession(): Promise<Session>;
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
  const fullCtx: Ctx = Object.assign(ctx, { emit: (event: PushEvent) => void bus.emit('event', event) });
  // The co-op's first site, read once per database: a restore swaps the database, an import
  // or a settings change says so with settings.changed.
  let firstSite: { db: Ctx['db']; id: Promise<string> } | null = null;
  bus.on('event', (event: PushEvent) => {
    if (event === 'settings.changed') firstSite = null;
  });
  const siteOf = (session: Session): Promise<string> => {
    if (session.siteId) return Promise.resolve(session.siteId);
    if (firstSite?.db !== fullCtx.db) firstSite = { db: fullCtx.db, id: KERNELS.defaultSiteId(fullCtx.db) };
    return firstSite.id;
  };

  return {
    newSession: () => KERNELS.newSession(fullCtx),
    admits(channel, caller) {
      if (!isChannel(channel)) return { ok: false, error: { code: 'NOT_FOUND', message: `There is no operation called “${channel}”.` } };
      if (!mayCall(caller.actor, channel)) {
        // on record as in dispatch (the body is never read, so it is not waited for)
        if (caller.actor.accountId || caller.actor.memberId) void KERNELS.recordRefusal(fullCtx, caller.actor, channel).catch(log);
        return { ok: false, error: forbidden(caller.actor) };
      }
      return { ok: true, maxBody: contract[channel].maxBody };
    },
    async dispatch(channel, input, caller) {
      const session = asSession(caller);
      // A session idle too long, or ended everywhere, or whose account was disabled, is signed out.
      await KERNELS.refreshSession(fullCtx, session);
      const actor = session.actor;
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'NOT_FOUND', message: `There is no operation called “${channel}”.` } };
      }
      // Permission before validation: an unauthorised caller learns nothing about the input.
      if (!mayCall(actor, channel)) {
        // A signed-in person trying what their role may not do is on record (the anonymous kiosk's tries are only refused).
        if (actor.accountId || actor.memberId) await KERNELS.recordRefusal(fullCtx, actor, channel).catch(log);
        return { ok: false, error: forbidden(actor) };
      }
      const parsed = contract[channel].input.safeParse(input ?? {});
      if (!parsed.success) {
        const fields = fieldsOf(parsed.error);
        const first = Object.values(fields)[0];
        return { ok: false, error: { code: 'VALIDATION', message: first ?? 'The input is not valid.', fields } };
      }
      // A command that fails before anything is saved leaves the session as it was (a failed unlock never raises it).
      const before = structuredClone(session);
      // The person who acted: the one signed in by this very command (a sign-in), else the caller.
      const auditActor = () => (session.actor.accountId ? session.actor : actor);
      const hook: CommitHook = {
        done: false,
        beforeCommit: (trx, result) => KERNELS.recordAudit({ ...fullCtx, db: trx }, auditActor(), channel, parsed.data, result),
      };
      try {
        const handler = handlers[channel] as (input: unknown, ctx: Ctx, actor: Actor, session: Session) => Promise<unknown>;
        const requestCtx = withSite(fullCtx, await siteOf(session));
        // A command's audit row is written in the transaction that makes the change; a command
        // that changes no table (a session's mode) or swaps the database writes it after.
        const data = await withCommitHook(hook, () => handler(parsed.data, requestCtx, actor, session));
        if (!hook.done) await KERNELS.recordAudit(fullCtx, auditActor(), channel, parsed.data, data);
        return { ok: true, data };
      } catch (error) {
        if (!hook.committed) Object.assign(session, before);
        return { ok: false, error: failure(error, hook.committed === true, log) };
      }
    },
    subscribe(listener) {
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
  };
}
