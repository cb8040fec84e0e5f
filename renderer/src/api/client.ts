import type { ApiError, ApiResult, Channel, InputOf, OutputOf } from '@shared/contract';
import type { CoopdeskBridge } from '@shared/contract/transport';

declare global {
  interface Window {
    coopdesk?: CoopdeskBridge;
  }
}

/** An error the API returned: its code, message and per-field messages. */
export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly fields: Record<string, string>;
  readonly rule?: string;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.fields = error.fields ?? {};
    this.rule = error.rule;
  }
}

/** Whether the host answers: a phone on a flaky office network is told while it is not, and its calls wait. */
export type Connection = 'online' | 'reconnecting';
let connection: Connection = 'online';
const connectionListeners = new Set<() => void>();
function setConnection(next: Connection) {
  if (next === connection) return;
  connection = next;
  connectionListeners.forEach((l) => l());
}
export const connectionState = () => connection;
export function onConnection(listener: () => void): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

/** How long a call keeps trying while the host is unreachable, before it says so. */
const RETRY_FOR_MS = 60_000;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** A key per call, the same on each of its retries: the host answers a retry of a command it already did from that first try. */
const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** The desktop app's bridge when it exists, HTTP to the browser host otherwise. Nothing else knows which. */
async function send(channel: string, input: unknown): Promise<ApiResult<unknown>> {
  if (window.coopdesk) return (await window.coopdesk.invoke(channel, input)) as ApiResult<unknown>;
  return post<ApiResult<unknown>>(`/api/${channel}`, input ?? {}, (error) => ({ ok: false, error }));
}

/** POSTs JSON to the browser host, waiting out a flaky network (the same key on each retry); a failure comes back through `failed`. */
async function post<T>(path: string, body: unknown, failed: (error: ApiError) => T): Promise<T> {
  const init = { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() }, body: JSON.stringify(body) };
  const giveUpAt = Date.now() + RETRY_FOR_MS;
  let response: Response | null = null;
  for (let attempt = 0; response === null; attempt++) {
    try {
      response = await fetch(path, init);
      setConnection('online');
    } catch {
      if (Date.now() > giveUpAt) {
        setConnection('online');
        return failed({ code: 'INTERNAL', message: 'Coopdesk is not reachable. Is it still running? Nothing you entered was lost: try again.' });
      }
      setConnection('reconnecting');
      await sleep(Math.min(500 * 2 ** attempt, 5_000));
    }
  }
  try {
    return (await response.json()) as T;
  } catch {
    return failed({ code: 'INTERNAL', message: `Unexpected answer from Coopdesk (${response.status}).` });
  }
}

/**
 * Reads started by the page's first script before the app's code has arrived (`firstScreen.ts`),
 * each answered once to the app's own first ask for it. One not asked for soon is dropped, so a
 * later ask is never answered from an old read.
 */
const early = new Map<string, Promise<ApiResult<unknown>>>();
const EARLY_KEPT_MS = 10_000;
/** The same read always gives the same key, whatever order its input's fields were written in. */
const readKey = (channel: string, input: unknown) =>
  `${channel} ${JSON.stringify(input ?? {}, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v))}`;

/**
 * Starts reads for the app to take later. Over HTTP they go in one request (`/api/reads`): the
 * browser opens six connections to a host, and the screen's code would hold them all; the bridge
 * takes each at once.
 */
export function startReads(reads: readonly (readonly [Channel, unknown])[]): void {
  const fresh = reads.filter(([channel, input]) => !early.has(readKey(channel, input)));
  const keep = (channel: string, input: unknown, answer: Promise<ApiResult<unknown>>) => {
    const key = readKey(channel, input);
    early.set(key, answer);
    setTimeout(() => early.delete(key), EARLY_KEPT_MS);
  };
  if (window.coopdesk) {
    for (const [channel, input] of fresh) keep(channel, input, send(channel, input));
    return;
  }
  if (fresh.length === 0) return;
  const answers = post<ApiResult<unknown>[]>('/api/reads', fresh, (error) => fresh.map(() => ({ ok: false, error })));
  fresh.forEach(([channel, input], i) =>
    keep(
      channel,
      input,
      answers.then((all) => all[i] ?? { ok: false, error: { code: 'INTERNAL', message: 'Coopdesk did not answer this read.' } }),
    ),
  );
}

function takeEarly(channel: string, input: unknown): Promise<ApiResult<unknown>> | undefined {
  if (early.size === 0) return undefined;
  const key = readKey(channel, input);
  const started = early.get(key);
  early.delete(key);
  return started;
}

export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await (takeEarly(channel, input) ?? send(channel, input));
  if (!result.ok) throw new ApiCallError(result.error);
  return result.data as OutputOf<C>;
}

/** Whether this page came over the co-op's network (the member portal) rather than from the desk's own computer. */
export const onMembersNetwork = () => !['127.0.0.1', 'localhost', '[::1]', ''].includes(window.location.hostname);

/** Told to listeners when the event stream comes back after a gap: refresh everything. */
export const REFRESH_ALL = '*';

/** Push events (e.g. "members.changed") so open screens refresh. Returns the unsubscribe function. */
export function onPush(listener: (event: string) => void): () => void {
  if (window.coopdesk) return window.coopdesk.on(listener);
  if (typeof EventSource === 'undefined') return () => {};
  // The host streams events only to a browser holding a session (its first call makes one), and
  // EventSource gives up on a refusal: open again a moment later until it is let in.
  let source: EventSource;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let missed = false;
  const open = () => {
    source = new EventSource('/api/events');
    source.onmessage = (message) => listener(JSON.parse(message.data as string) as string);
    // back after a gap: what changed meanwhile was not heard, so everything is read again
    source.onopen = () => {
      if (missed) listener(REFRESH_ALL);
      missed = false;
    };
    source.onerror = () => {
      missed = true;
      if (source.readyState === EventSource.CLOSED && !stopped) retry = setTimeout(open, 1000);
    };
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source.close();
  };
}
