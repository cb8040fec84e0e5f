import { request as httpsRequest } from 'node:https';
import { connect } from 'node:tls';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCertificate } from '../../electron/main/features/portal/certificate.service';
import { type Host, startHost } from '../../electron/main/host';
import { ana, FIXED_NOW, standInRenderer, startTestCoop, type TestCoop } from '../helpers/coop';

// The portal's HTTPS as a hostile device on the network meets it: generated requests over TLS,
// calendar-feed guesses, and manager channels asked for by name.
let t: TestCoop;
let host: Host;
let port: number;

beforeAll(async () => {
  t = await startTestCoop();
  const cert = await makeCertificate('127.0.0.1', FIXED_NOW);
  // the transport itself, on loopback: the network namespace tests cover reaching it from another device
  host = await startHost({ coopdesk: t.coop, rendererDir: standInRenderer(), portal: cert });
  port = Number(new URL(host.url).port);
});
afterAll(async () => {
  await host.close();
  await t.close();
});

/** Writes bytes over TLS on a fresh connection; resolves with what came back before it closed (or a status line). */
function tlsSocket(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', rejectUnauthorized: false });
    let answer = '';
    const done = () => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(2000, done);
    socket.on('secureConnect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      if (/\r\n\r\n/.test(answer)) done();
    });
    socket.on('error', done);
    socket.on('close', done);
  });
}
const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
/** POSTs a channel over HTTPS as a fresh device (no cookie); resolves with the Set-Cookie header and the body. */
const post = (channel: string, body: object) =>
  new Promise<{ status: number; cookie: string; body: string }>((resolve, reject) => {
    const req = httpsRequest(
      { host: '127.0.0.1', port, path: `/api/${channel}`, method: 'POST', rejectUnauthorized: false, headers: { 'Content-Type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, cookie: String(res.headers['set-cookie'] ?? ''), body: text }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });

describe('the member portal’s HTTPS answers whatever it is sent, and opens nothing', () => {
  it('survives generated requests over TLS: paths, methods, bodies', async () => {
    const segment = fc.oneof(
      fc.constantFrom('%', '%2f', '%00', '..', '//', 'api', 'reads', 'calendar', 'x.ics', 'members.exportCsv', '?'),
      fc.string({ maxLength: 8 }),
    );
    const path = fc.array(segment, { maxLength: 5 }).map((parts) => parts.join('/'));
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'HEAD', 'OPTIONS');
    const body = fc.oneof(fc.constant(''), fc.string({ maxLength: 100 }), fc.json());
    await fc.assert(
      fc.asyncProperty(path, method, body, async (p, m, b) => {
        const target = `/${encodeURI(p).replace(/%25/g, '%')}`;
        const answer = await tlsSocket(
          `${m} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(b)}\r\nConnection: close\r\n\r\n${b}`,
        );
        return answer === '' || statusOf(answer) >= 200;
      }),
      { numRuns: 300 },
    );
    expect((await post('auth.status', {})).status).toBe(200);
  });

  it('gives a new device a signed-out portal session with a Secure cookie, and refuses manager channels and the kiosk PIN', async () => {
    const first = await post('auth.status', {});
    expect(first.cookie).toMatch(/^coopdesk_session=[^;]+; HttpOnly; SameSite=Strict; Path=\/; Secure$/);
    expect(JSON.parse(first.body)).toMatchObject({ ok: true, data: { mode: 'portal', account: null } });
    await t.call('members.create', ana);
    for (const [channel, body] of [
      ['members.exportCsv', {}],
      ['data.backupNow', {}],
      ['auth.identify', { who: '1', pin: '0000' }],
      ['portal.save', { enabled: false, address: '', port: 8443 }],
    ] as const) {
      expect(JSON.parse((await post(channel, body)).body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // asked for inside a list of reads: the same refusals, one by one
    const listed = JSON.parse(
      (
        await post('reads', [
          ['members.exportCsv', {}],
          ['members.list', {}],
          ['data.backupNow', {}],
        ])
      ).body,
    );
    expect(listed).toMatchObject([
      { ok: false, error: { code: 'FORBIDDEN' } },
      { ok: false, error: { code: 'FORBIDDEN' } },
      { ok: false, error: { code: 'FORBIDDEN' } },
    ]);
    expect((await t.snapshot()).members).toHaveLength(1);
  });

  it('answers calendar-feed guesses with 404, the same for every wrong token', async () => {
    for (const guess of ['x', 'A'.repeat(43), '../../etc/passwd', '%00']) {
      const answer = await tlsSocket(`GET /calendar/${guess}.ics HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
      expect([400, 404]).toContain(statusOf(answer));
    }
  });
});
