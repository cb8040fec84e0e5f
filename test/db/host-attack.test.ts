import { request } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/main/host';
import { ana, startTestCoop, startTestHost, type TestCoop } from '../helpers/coop';

// The host as a hostile client meets it: malformed requests on a real socket, floods, big bodies.
let t: TestCoop;
let host: Host;
let port: number;

beforeAll(async () => {
  t = await startTestCoop();
  ({ host, port } = await startTestHost(t.coop));
});
afterAll(async () => {
  await host.close();
  await t.close();
});

/** Writes bytes on a fresh socket and reads whatever comes back until the server closes or a status line arrives. */
function rawSocket(bytes: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = () => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(2000, done);
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (/\r\n\r\n/.test(answer)) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes);
  });
}

function http(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const status = () => http('/api/system.status', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
const statusOf = (answer: string) => Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0);

describe('the host answers whatever it is sent, and stays up', () => {
  it('answers malformed request paths with a status code (they used to kill the process)', async () => {
    for (const target of ['%', '/%', '/%zz', '//', '//etc/passwd', '/api/%E0%A4%A', '/%00', '*', '/api/%', '/..%2f..%2f']) {
      const answer = await rawSocket(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      expect(statusOf(answer), target).toBeGreaterThanOrEqual(200);
      expect(answer).not.toContain('root:');
    }
    expect((await status()).status).toBe(200);
  });

  it('answers broken HTTP itself (bad request lines, headers, chunking) with 400', async () => {
    for (const bytes of [
      'GARBAGE\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nBad Header\r\n\r\n`,
      `POST /api/system.status HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
      '\x00\x01\x02\r\n\r\n',
    ]) {
      const answer = await rawSocket(bytes);
      expect(answer === '' || statusOf(answer) >= 400).toBe(true);
    }
    expect((await status()).status).toBe(200);
  });

  it('survives thousands of generated requests: paths, methods, headers, bodies', async () => {
    const segment = fc.oneof(
      fc.constantFrom('%', '%%', '%2f', '%00', '..', '.', '//', 'api', 'events', 'system.status', '\u00e9', '?', '#', '%E0%A4%A'),
      fc.string({ maxLength: 8 }),
    );
    const path = fc.array(segment, { maxLength: 6 }).map((parts) => parts.join('/'));
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'TRACE');
    const body = fc.oneof(fc.constant(''), fc.string({ maxLength: 200 }), fc.json());
    const type = fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8', '');
    await fc.assert(
      fc.asyncProperty(path, method, body, type, async (p, m, b, ct) => {
        const target = `/${encodeURI(p).replace(/%25/g, '%')}`;
        const answer = await rawSocket(
          `${m} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: ${ct}\r\nContent-Length: ${Buffer.byteLength(b)}\r\nConnection: close\r\n\r\n${b}`,
        );
        return answer === '' || statusOf(answer) >= 200;
      }),
      { numRuns: 2000 },
    );
    expect((await status()).status).toBe(200);
  });

  it('refuses a body over its channel’s limit with a clear answer, and takes a 10 MB document', async () => {
    // a form takes 256 kB; only a document (16 MB) and a CSV import (8 MB) take more
    const form = await http('/api/members.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(300 * 1024, 0x20),
    });
    expect(form.status).toBe(413);
    expect(JSON.parse(form.body).error.message).toMatch(/over 256 kB/);
    const huge = await http('/api/bids.attach', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(17 * 1024 * 1024, 0x20),
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.message).toMatch(/over 16 MB/);
    const member = await t.call('members.create', ana);
    const bid = await t.call('bids.create', { title: 'Big tender', client: 'County', skills: [] } as never, { role: 'member', memberId: member.id });
    const content = Buffer.alloc(9.5 * 1024 * 1024, 7).toString('base64');
    const answer = await http('/api/bids.attach', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: bid.id, name: 'pack.pdf', content }),
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).ok).toBe(true);
    expect((await status()).status).toBe(200);
  });
});

describe('sessions', () => {
  it('a flood of anonymous requests does not sign out the manager', async () => {
    await t.call('auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'correct horse battery' });
    const first = await status();
    const cookie = String(first.headers['set-cookie']).split(';')[0];
    const unlock = await http('/api/auth.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ who: 'Kasia Nowak', password: 'correct horse battery' }),
    });
    expect(JSON.parse(unlock.body)).toMatchObject({ ok: true, data: { mode: 'manager' } });
    for (let i = 0; i < 5200; i += 25) await Promise.all(Array.from({ length: 25 }, () => status()));
    const after = await http('/api/auth.status', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{}' });
    expect(JSON.parse(after.body)).toMatchObject({ ok: true, data: { mode: 'manager' } });
  });
});

describe('the host holds its ground', () => {
  it('a caller who may not use a channel is refused before its body is read: 15 MB sent to bids.attach from the kiosk', async () => {
    // the manager password above turned new sessions into the kiosk's
    const started = Date.now();
    const answer = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      const req = request(
        { host: '127.0.0.1', port, path: '/api/bids.attach', method: 'POST', headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json' } },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
        },
      );
      req.on('error', reject);
      // sent a megabyte at a time: the answer comes long before the last one would have
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      const pump = () => {
        while (sent < 15 && req.write(chunk)) sent++;
        if (sent < 15) req.once('drain', pump);
        else req.end();
      };
      pump();
    }).catch((error: unknown) => ({ status: -1, body: String(error), sent: -1 }));
    // either the refusal arrived, or the host cut the upload: never a read and parsed body
    if (answer.status !== -1) expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await status()).status).toBe(200);
  });

  it('one client holding many connections gets no more than 32 at once; the host still answers', async () => {
    const sockets = await Promise.all(
      Array.from(
        { length: 40 },
        () =>
          new Promise<{ closed: boolean; socket: ReturnType<typeof connect> }>((resolve) => {
            const socket = connect(port, '127.0.0.1');
            const entry = { closed: false, socket };
            socket.on('close', () => (entry.closed = true));
            socket.on('error', () => (entry.closed = true));
            socket.on('connect', () => setTimeout(() => resolve(entry), 100));
          }),
      ),
    );
    expect(sockets.filter((s) => s.closed).length).toBeGreaterThanOrEqual(8);
    for (const s of sockets) s.socket.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect((await status()).status).toBe(200);
  });

  it('sets header, request and idle timeouts, so slow and idle connections are cut', () => {
    expect(host.server.headersTimeout).toBeGreaterThan(0);
    expect(host.server.headersTimeout).toBeLessThanOrEqual(10_000);
    expect(host.server.requestTimeout).toBeLessThanOrEqual(60_000);
    expect(host.server.timeout).toBeGreaterThan(0);
  });

  it('a database that cannot be reached answers errors and never brings the host down', async () => {
    const other = await startTestCoop();
    const { host: second, port: secondPort } = await startTestHost(other.coop);
    try {
      await other.coop.database.close();
      for (let i = 0; i < 3; i++) {
        const answer = await new Promise<number>((resolve) => {
          const req = request(
            { host: '127.0.0.1', port: secondPort, path: '/api/auth.status', method: 'POST', headers: { 'content-type': 'application/json' } },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            },
          );
          req.on('error', () => resolve(-1));
          req.end('{}');
        });
        expect(answer).toBe(500);
      }
      expect(second.server.listening).toBe(true);
    } finally {
      await second.close();
      await other.close().catch(() => undefined);
    }
  });
});
