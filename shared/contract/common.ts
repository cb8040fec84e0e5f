import type { z } from 'zod';

/** Error codes travel as values across the API boundary; nothing is thrown across it. */
export type ErrorCode = 'VALIDATION' | 'CONFLICT' | 'NOT_FOUND' | 'FORBIDDEN' | 'RULE' | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field path (e.g. "email", "hours.2.closes") -> message to show next to that field. */
  fields?: Record<string, string>;
  /** For RULE errors: the name of the rule that said no. */
  rule?: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/**
 * Who may call a channel: the manager may call everything; a member (or guardian) identified
 * at the kiosk may call 'member' and 'public' channels, and only for themselves where it
 * matters (checked in the services); the kiosk before anyone identified, 'public' ones only.
 */
export type Access = 'manager' | 'member' | 'public';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access: Access;
  /** Phantom field carrying the output type; never set at run time. */
  readonly output?: O;
}

/** Declares one channel: `channel<Output>()(inputSchema, access)`. */
export function channel<O>() {
  return <I extends z.ZodType>(input: I, access: Access): ChannelDef<I, O> => ({ input, access });
}
