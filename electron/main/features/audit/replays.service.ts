import { createHash } from 'node:crypto';
import type { ApiResult } from '@shared/contract';
import type { Ctx } from '../../context';
import type { JobResult } from '../../feature';
import { SECRET_KEYS } from './audit.service';
import * as repo from './replays.repository';

/**
 * Idempotency keys: a client sends one with each command and the same one when it retries (a
 * phone on a flaky office network that never saw the answer). The first try's answer is kept a
 * day, written in the command's own transaction, so a retry is answered from it and nothing is
 * done twice; the same key with other content is refused.
 */
export interface Replay {
  caller: string;
  key: string;
  channel: string;
  hash: string;
  /** The answer kept in the command's transaction, once it is. */
  kept?: string;
}

/** Kept a day: long enough for any retry, short enough to stay small. */
export const REPLAY_KEPT_MS = 24 * 60 * 60 * 1000;

/** Raised when a retry's first try committed while the retry ran: its transaction rolls back, and the first answer is given. */
export class ReplayRaced extends Error {}

export const replayFor = (caller: string, key: string, channel: string, input: unknown): Replay => ({
  caller,
  key,
  channel,
  // secrets are left out: a hash of a password is a password to guess offline
  hash: createHash('sha256')
    .update(`${channel}\n${JSON.stringify(input, (k, v: unknown) => (SECRET_KEYS.has(k) ? undefined : v))}`)
    .digest('hex'),
});

/** The answer already given for this key, a refusal when the key was used for something else, or null: carry it out. */
export async function answered(ctx: Ctx, replay: Replay): Promise<ApiResult<unknown> | null> {
  const seen = await repo.replayOf(ctx.db, replay.caller, replay.key);
  if (!seen) return null;
  if (seen.input_hash !== replay.hash) {
    return {
      ok: false,
      error: { code: 'CONFLICT', message: 'This request key was already used for a different request; nothing was changed. Reload and try again.' },
    };
  }
  return JSON.parse(seen.result) as ApiResult<unknown>;
}

/** Keeps the answer, in the command's transaction (`db`). */
export async function remember(ctx: Ctx, replay: Replay, data: unknown): Promise<void> {
  const result = JSON.stringify({ ok: true, data } satisfies ApiResult<unknown>);
  const kept = await repo.insertReplay(ctx.db, {
    caller: replay.caller,
    key: replay.key,
    channel: replay.channel,
    input_hash: replay.hash,
    result,
    created_at: ctx.now().getTime(),
  });
  if (!kept) throw new ReplayRaced();
  replay.kept = result;
}

/**
 * The handler's final answer, once it returned (the transaction kept what it had by then). Most
 * handlers answer with what their transaction returned: then there is nothing to write again
 * (a second write, and its sync to disk, for each booking a phone makes).
 */
export async function settle(ctx: Ctx, replay: Replay, data: unknown): Promise<void> {
  const result = JSON.stringify({ ok: true, data } satisfies ApiResult<unknown>);
  if (result !== replay.kept) await repo.updateReplayResult(ctx.db, replay.caller, replay.key, result);
}

export async function forgetOldReplays(ctx: Ctx): Promise<JobResult> {
  return { changed: await repo.deleteReplaysBefore(ctx.db, ctx.now().getTime() - REPLAY_KEPT_MS) };
}
