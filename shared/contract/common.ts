import type { z } from 'zod';

/** Error codes travel as values across the API boundary; nothing is thrown across it. */
/** DISK_FULL: the data folder's disk has no room; nothing was written, and writes work again once space is freed. */
/** UNAVAILABLE: the database server could not be reached or the connection was lost mid-command; nothing was saved, and the app reconnects by itself. */
export type ErrorCode = 'VALIDATION' | 'CONFLICT' | 'NOT_FOUND' | 'FORBIDDEN' | 'RULE' | 'DISK_FULL' | 'UNAVAILABLE' | 'INTERNAL';

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
 * Over the member portal (the co-op's network) only 'member' and 'public' channels are open,
 * whoever signs in: manager and desk screens stay on the desk's own computer.
 */
export type Access = 'manager' | 'desk' | 'member' | 'public';

/** A query reads and changes nothing; a command may change data and is written to the audit log. */
export type ChannelKind = 'query' | 'command';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown, K extends ChannelKind = ChannelKind> {
  input: I;
  access: Access;
  kind: K;
  /** The largest request body the browser host reads for it (bytes); most channels take a small one. */
  maxBody: number;
  /** A command's words in the audit log, after who did it: "added the member". Queries are not logged. */
  audit?: string;
  /** Only on the co-op's own screens (the desk and the kiosk), never over the member portal: the kiosk's PIN. */
  onPremises?: true;
  /** Its answer holds a secret (a one-time code, a calendar link): never kept for a retry, which makes a new one instead. */
  secretAnswer?: true;
  /** Phantom field carrying the output type; never set at run time. */
  readonly output?: O;
}

/** What a request body may hold unless its channel says more: forms, lists of ids, searches. */
export const SMALL_BODY = 256 * 1024;

/** Declares a channel that only reads: `query<Output>()(inputSchema, access)`. */
export const query =
  <O>() =>
  <I extends z.ZodType>(input: I, access: Access, options: { maxBody?: number } = {}): ChannelDef<I, O, 'query'> => ({
    input,
    access,
    kind: 'query',
    maxBody: options.maxBody ?? SMALL_BODY,
  });

/**
 * Declares a channel that may change data, with its words in the audit log (a command without
 * them does not compile): `command<Output>()(inputSchema, access, { audit: 'added the member' })`.
 */
export const command =
  <O>() =>
  <I extends z.ZodType>(
    input: I,
    access: Access,
    options: { audit: string; maxBody?: number; onPremises?: true; secretAnswer?: true },
  ): ChannelDef<I, O, 'command'> => ({
    input,
    access,
    kind: 'command',
    maxBody: options.maxBody ?? SMALL_BODY,
    audit: options.audit,
    ...(options.onPremises ? { onPremises: true as const } : {}),
    ...(options.secretAnswer ? { secretAnswer: true as const } : {}),
  });

/** One feature's part of the contract: its channels and the events it pushes to open screens. */
export interface ContractPart<N extends string = string, C extends Record<string, ChannelDef> = Record<string, ChannelDef>, E extends string = string> {
  name: N;
  /** What people call this part of the co-op (the audit log's filter names it so). */
  label: string;
  channels: C;
  events: readonly E[];
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
export type MergedChannels<P extends readonly ContractPart[]> = UnionToIntersection<P[number]['channels']>;

/**
 * Joins the features' channels into one contract. A channel named by two features would
 * silently win in a spread; here it stops the app at start-up with both names.
 */
export function mergeChannels<P extends readonly ContractPart[]>(parts: P): MergedChannels<P> {
  const merged: Record<string, ChannelDef> = {};
  const owner: Record<string, string> = {};
  for (const part of parts) {
    for (const [name, def] of Object.entries(part.channels)) {
      if (owner[name]) throw new Error(`The channel “${name}” is declared by both ${owner[name]} and ${part.name}.`);
      owner[name] = part.name;
      merged[name] = def;
    }
  }
  return merged as MergedChannels<P>;
}

/**
 * Declares a feature's part of the contract: its name, what people call it, the events it pushes
 * when its data changes (open screens reading any of its channels refresh on them), its channels.
 */
export function contractPart<const N extends string, const E extends string, C extends Record<string, ChannelDef>>(
  name: N,
  label: string,
  events: readonly E[],
  channels: C,
): ContractPart<N, C, E> {
  return { name, label, channels, events };
}
