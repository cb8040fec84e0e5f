import { vi } from 'vitest';
import type { ApiResult } from '@shared/contract';

/** A fake bridge standing in for the desktop app's preload: canned answers per channel. */
export function installBridge(answers: Record<string, (input: any) => ApiResult<unknown>>) {
  const invoke = vi.fn(async (channel: string, input: unknown) =>
    answers[channel] ? answers[channel](input) : { ok: false, error: { code: 'NOT_FOUND', message: channel } },
  );
  window.coopdesk = { invoke, on: () => () => {} };
  return invoke;
}
