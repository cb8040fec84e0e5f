import { createReadStream, existsSync, statSync } from 'node:fs';
import { type IncomingMessage, type RequestListener, type Server, type ServerResponse, createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Api } from './api';
import type { Session } from './context';
import { pushBatcher } from './pushBatch';

/**
 * The browser host: the built renderer and POST /api/<channel> over HTTP on 127.0.0.1, the same
 * dispatch as the desktop app. End-to-end tests drive it in Chromium. With `portal` it is the
 * member portal: HTTPS on the co-op's network, every session a portal session (members' own
 * devices: manager and desk channels refused), and members' calendar feeds.
 */

const MAX_SESSIONS = 5000;
/** Open connections one address may hold (a browser opens six or so, plus the event stream). */
const MAX_CONNECTIONS_PER_CLIENT = 32;
/** A request's headers must arrive within this, and the whole request within REQUEST_MS; an idle connection is closed after IDLE_MS. */
const HEADERS_MS = 10_000;
const REQUEST_MS = 60_000;
const IDLE_MS = 30_000;
/** A list of reads (POST /api/reads): a screen's first reads, a dozen at most, small inputs. */
const MAX_READS = 12;
const READS_MAX_BODY = 64 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
/** Sent with everything the host serves (the bench serves its comparison pages with them too). */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // the page's own policy is a <meta>, so that the desktop app's window has it too; this one is ignored there
  'Content-Security-Policy': "frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** What the host serves: the API, and the calendar feeds behind members' private links. */
export interface Hosted {
  api: Api;
  calendarFeed?(token: string, client: string, which?: 'mine' | 'events'): Promise<string | null>;
}

export interface HostOptions {
  coopdesk: Hosted;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** 127.0.0.1 unless you deliberately open it to the network. */
  hostname?: string;
  /** Serve the member portal over HTTPS with this certificate and key. */
  portal?: { cert: string; key: string };
}

export interface Host {
  url: string;
  server: Server;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(body);
}

class TooLarge extends Error {}

/** Reads a request's body up to `limit` bytes; a larger one is refused as soon as it is known to be (its Content-Length, or the bytes so far). */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(new TooLarge());
  return new Promise((resolvePromise, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else {
        reject(new TooLarge());
        req.destroy();
      }
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A client's key for one command (retries send the same one): letters, digits, - and _. */
const idempotencyKey = (req: IncomingMessage) => {
  const key = req.headers['idempotency-key'];
  return typeof key === 'string' && /^[A-Za-z0-9_-]{8,100}$/.test(key) ? key : undefined;
};

/** An IPv6 address in a URL goes in brackets. */
const inUrl = (hostname: string) => (hostname.includes(':') ? `[${hostname}]` : hostname);

/** The session token a browser sent in its cookie, if it looks like one of ours. */
const sessionToken = (req: IncomingMessage) => /(?:^|;\s*)coopdesk_session=([A-Za-z0-9_-]{20,})/.exec(req.headers.cookie ?? '')?.[1];

/** The path of a request target, decoded; null when it is not a path we could serve ("//x", "%zz", "*"). */
export function requestPath(target: string | undefined): string | null {
  const raw = (target ?? '/').split('?')[0].split('#')[0];
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  try {
    const decoded = decodeURIComponent(raw);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

export function startHost(options: HostOptions): Promise<Host> {
  const { coopdesk } = options;
  const rendererDir = resolve(options.rendererDir);
  const hostname = options.hostname ?? '127.0.0.1';
  const scheme = options.portal ? 'https' : 'http';
  let origins = new Set<string>();
  const streams = new Set<ServerResponse>();
  const pushes = pushBatcher((batch) => {
    for (const stream of streams) stream.write(batch);
  });
  const unsubscribe = coopdesk.api.subscribe((event) => pushes.add(JSON.stringify(event)));
  // One session per browser (an HttpOnly, SameSite=Strict cookie): manager mode or kiosk.
  const sessions = new Map<string, Promise<Session>>();
  const resolved = new Map<string, Session>();
  /** The oldest session that holds no sign-in (the kiosk before anyone identified). */
  const evictable = () => {
    for (const [token] of sessions) {
      const s = resolved.get(token);
      if (s && s.mode === 'kiosk' && s.actor.memberId === null) {
        resolved.delete(token);
        return token;
      }
    }
    return undefined;
  };

  function sessionOf(req: IncomingMessage, res: ServerResponse): Promise<Session> {
    const token = sessionToken(req);
    if (token && sessions.has(token)) return sessions.get(token)!;
    const fresh = randomBytes(24).toString('base64url');
    // Requests without a cookie (scripts, curl) each start a session: keep a few thousand, and
    // make room by dropping sessions nobody signed in to, so a flood cannot sign anyone out.
    if (sessions.size >= MAX_SESSIONS) sessions.delete(evictable() ?? sessions.keys().next().value!);
    const client = req.socket.remoteAddress ?? 'unknown';
    const session = coopdesk.api.newSession(options.portal ? 'portal' : 'desk').then((s) => Object.assign(s, { client }));
    sessions.set(fresh, session);
    // a session that could not start (the database unreachable) is forgotten, and this request answered with an error
    session.then(
      (s) => resolved.set(fresh, s),
      () => sessions.delete(fresh),
    );
    res.setHeader('Set-Cookie', `coopdesk_session=${fresh}; HttpOnly; SameSite=Strict; Path=/${options.portal ? '; Secure' : ''}`);
    return sessions.get(fresh)!;
  }

  /** Refuses other origins (CSRF) and other Host names (DNS rebinding). */
  function trusted(req: IncomingMessage): boolean {
    const host = req.headers.host ?? '';
    if (!origins.has(`${scheme}://${host}`)) return false;
    const origin = req.headers.origin;
    return origin === undefined || origins.has(origin);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string) {
    if (req.method !== 'POST') return send(res, 405, JSON.stringify({ error: 'Use POST' }));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, JSON.stringify({ error: 'Send application/json' }));
    }
    const session = await sessionOf(req, res);
    // who may call it, before a byte of the body is read
    const admitted = coopdesk.api.admits(channel, session);
    if (!admitted.ok) {
      res.setHeader('Connection', 'close');
      return send(res, 200, JSON.stringify(admitted));
    }
    let input: unknown;
    try {
      const body = await readBody(req, admitted.maxBody);
      input = body ? JSON.parse(body) : {};
    } catch (error) {
      if (error instanceof TooLarge) {
        res.setHeader('Connection', 'close');
        const mb = Math.round(admitted.maxBody / 1024 / 1024);
        const limit = mb >= 1 ? `${mb} MB` : `${Math.round(admitted.maxBody / 1024)} kB`;
        return send(
          res,
          413,
          JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: `The request is over ${limit}, the most this operation takes.` } }),
        );
      }
      return send(res, 400, JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } }));
    }
    const result = await coopdesk.api.dispatch(channel, input, session, { idempotencyKey: idempotencyKey(req) });
    send(res, 200, JSON.stringify(result));
  }

  /**
   * POST /api/reads: a screen's first reads in one request, answered together in order, each
   * admitted and dispatched as if asked alone. Only reads: a change is sent on its own, with its
   * idempotency key.
   */
  async function handleReads(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST') return send(res, 405, JSON.stringify({ error: 'Use POST' }));
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, JSON.stringify({ error: 'Send application/json' }));
    }
    const session = await sessionOf(req, res);
    const refused = (message: string) => send(res, 400, JSON.stringify({ ok: false, error: { code: 'VALIDATION', message } }));
    let reads: unknown;
    try {
      reads = JSON.parse(await readBody(req, READS_MAX_BODY));
    } catch (error) {
      if (error instanceof TooLarge) res.setHeader('Connection', 'close');
      return refused(error instanceof TooLarge ? 'The request is over 64 kB, the most a list of reads takes.' : 'The request body is not valid JSON.');
    }
    const wellFormed = (r: unknown): r is [string, unknown] => Array.isArray(r) && r.length === 2 && typeof r[0] === 'string';
    if (!Array.isArray(reads) || reads.length > MAX_READS || !reads.every(wellFormed)) {
      return refused(`Send a list of at most ${MAX_READS} reads, each [operation, input].`);
    }
    const answers = [];
    for (const [channel, input] of reads) {
      const admitted = coopdesk.api.admits(channel, session);
      if (!admitted.ok) answers.push(admitted);
      else if (!admitted.reads) answers.push({ ok: false, error: { code: 'VALIDATION', message: `“${channel}” changes something: send it on its own.` } });
      else answers.push(await coopdesk.api.dispatch(channel, input, session));
    }
    send(res, 200, JSON.stringify(answers));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse) {
    // only for a browser that already holds one of our sessions (the page asks for its status first)
    const token = sessionToken(req);
    if (!token || !resolved.has(token)) return send(res, 401, JSON.stringify({ error: 'Open Coopdesk first' }));
    req.socket.setTimeout(0);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      ...SECURITY_HEADERS,
    });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => {
      streams.delete(res);
    });
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
    const wanted = normalize(join(rendererDir, pathname));
    if (wanted !== rendererDir && !wanted.startsWith(rendererDir + sep)) return send(res, 403, 'Forbidden', 'text/plain');
    const file = existsSync(wanted) && statSync(wanted).isFile() ? wanted : join(rendererDir, 'index.html');
    if (!existsSync(file)) return send(res, 500, 'The renderer is not built: run npm run build', 'text/plain');
    // the page comes with its session, so its event stream is let in from the start
    if (file.endsWith('index.html')) void sessionOf(req, res).catch(() => undefined);
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  }

  /**
   * GET /calendar/<token>.ics: a member's bookings and events for calendar apps, which poll it
   * without signing in; /calendar/<token>/events.ics: the co-op's events, behind the same secret.
   */
  async function handleCalendar(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
    const [, token, events] = /^\/calendar\/([A-Za-z0-9_-]+)(\/events)?\.ics$/.exec(pathname) ?? [];
    const ics = coopdesk.calendarFeed ? await coopdesk.calendarFeed(token ?? '', req.socket.remoteAddress ?? 'unknown', events ? 'events' : 'mine') : null;
    if (ics === null) return send(res, 404, 'This calendar link was revoked, replaced or never existed. Make a new one in the member portal.', 'text/plain');
    res.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
    res.end(req.method === 'HEAD' ? undefined : ics);
  }

  function route(req: IncomingMessage, res: ServerResponse) {
    if (!trusted(req)) return send(res, 403, JSON.stringify({ error: 'Forbidden origin' }));
    const pathname = requestPath(req.url);
    if (pathname === null) return send(res, 400, 'Bad request path', 'text/plain');
    if (pathname === '/api/events') return handleEvents(req, res);
    if (pathname === '/api/reads') return pushes.busy(() => handleReads(req, res));
    if (pathname.startsWith('/api/')) return pushes.busy(() => handleApi(req, res, pathname.slice('/api/'.length)));
    if (options.portal && pathname.startsWith('/calendar/')) return handleCalendar(req, res, pathname);
    handleStatic(req, res, pathname);
  }

  // Whatever a client sends, it gets an answer and the host stays up.
  const answerFailure = (res: ServerResponse, error: unknown) => {
    console.error('Coopdesk host:', error);
    if (res.headersSent) res.destroy();
    else send(res, 500, JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong; nothing was changed.' } }));
  };
  const listener: RequestListener = (req, res) => {
    try {
      void Promise.resolve(route(req, res)).catch((error: unknown) => answerFailure(res, error));
    } catch (error) {
      answerFailure(res, error);
    }
  };
  const server: Server = options.portal ? createTlsServer({ cert: options.portal.cert, key: options.portal.key }, listener) : createServer(listener);
  server.headersTimeout = HEADERS_MS;
  server.requestTimeout = REQUEST_MS;
  // a page's connection stays open while its person looks at the screen (browsers keep theirs for
  // minutes): the booking that follows needs no new TLS handshake, which costs more than the booking
  server.keepAliveTimeout = IDLE_MS;
  server.timeout = IDLE_MS;
  // a few dozen connections per address: one client cannot hold the host's sockets
  const perClient = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const open = (perClient.get(address) ?? 0) + 1;
    if (open > MAX_CONNECTIONS_PER_CLIENT) return socket.destroy();
    perClient.set(address, open);
    socket.once('close', () => {
      const left = (perClient.get(address) ?? 1) - 1;
      if (left > 0) perClient.set(address, left);
      else perClient.delete(address);
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', (error) => {
      unsubscribe();
      reject(error);
    });
    server.listen(options.port ?? 0, hostname, () => {
      const { port } = server.address() as AddressInfo;
      origins = new Set([`${scheme}://127.0.0.1:${port}`, `${scheme}://localhost:${port}`, `${scheme}://${inUrl(hostname)}:${port}`]);
      const url = `${scheme}://${inUrl(hostname)}:${port}/`;
      resolvePromise({
        url,
        server,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            pushes.stop();
            for (const s of streams) s.end();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
