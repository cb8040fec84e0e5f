import { EventEmitter } from 'node:events';
import type { ZodError } from 'zod';
import { type ApiResult, type Channel, type PushEvent, contract, isChannel } from '../../shared/contract';
import type { Actor, Ctx } from './context';
import { AppError } from './errors';
import type { Handlers } from './handlers';
import { bookablesHandlers } from './features/bookables/bookables.handlers';
import { bookingsHandlers } from './features/bookings/bookings.handlers';
import { dataHandlers } from './features/data/data.handlers';
import { membersHandlers } from './features/members/members.handlers';
import { settingsHandlers } from './features/settings/settings.handlers';
import { systemHandlers } from './features/system/system.handlers';

/** Every channel of the contract has exactly one handler; a missing one does not compile. */
const handlers: Handlers<Channel> = {
  ...membersHandlers,
  ...settingsHandlers,
  ...systemHandlers,
  ...bookablesHandlers,
  ...bookingsHandlers,
  ...dataHandlers,
};

function fieldsOf(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

function mayCall(actor: Actor, channel: Channel): boolean {
  return actor.role === 'manager' || contract[channel].access === 'member';
}

export interface Api {
  dispatch(channel: string, input: unknown, actor: Actor): Promise<ApiResult<unknown>>;
  /** Subscribes to push events; returns the unsubscribe function. */
  subscribe(listener: (event: PushEvent) => void): () => void;
}

/**
 * The one entry point both transports call: validate with the contract's schema, check the
 * actor's permission, run the handler. Never throws; failures come back as error values.
 */
export function createApi(ctx: Omit<Ctx, 'emit'>, log = (error: unknown) => console.error('Coopdesk:', error)): Api {
  const bus = new EventEmitter();
  bus.setMaxListeners(100);
  // The same object, not a copy: a restore replaces ctx.db and every later call sees it.
  const fullCtx: Ctx = Object.assign(ctx, { emit: (event: PushEvent) => void bus.emit('event', event) });

  return {
    async dispatch(channel, input, actor) {
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'NOT_FOUND', message: `There is no operation called “${channel}”.` } };
      }
      const parsed = contract[channel].input.safeParse(input ?? {});
      if (!parsed.success) {
        const fields = fieldsOf(parsed.error);
        const first = Object.values(fields)[0];
        return { ok: false, error: { code: 'VALIDATION', message: first ?? 'The input is not valid.', fields } };
      }
      if (!mayCall(actor, channel)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Only a manager may do this.' } };
      }
      try {
        const handler = handlers[channel] as (input: unknown, ctx: Ctx, actor: Actor) => Promise<unknown>;
        return { ok: true, data: await handler(parsed.data, fullCtx, actor) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toApiError() };
        log(error);
        return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong; nothing was changed.' } };
      }
    },
    subscribe(listener) {
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
  };
}
