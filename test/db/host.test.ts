import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/main/host';
import { ana, startTestCoop, startTestHost, type TestCoop } from '../helpers/coop';

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

function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const post = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('serves the renderer with security headers and falls back to index.html', async () => {
    const index = await raw('/');
    expect(index.status).toBe(200);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect(index.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect((await raw('/assets/app.js')).headers['content-type']).toContain('text/javascript');
    expect((await raw('/members/123')).body).toContain('<title>Coopdesk');
  });

  it('never serves files outside the renderer folder', async () => {
    const res = await raw('/..%2f..%2f..%2fetc%2fpasswd');
    expect(res.body).not.toContain('root:');
  });

  it('dispatches channels with the same validation as the app', async () => {
    const created = JSON.parse((await post('members.create', ana)).body);
    expect(created).toMatchObject({ ok: true, data: { name: 'Ana Ribeiro' } });
    const bad = JSON.parse((await post('members.create', { ...ana, email: 'nope' })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { email: expect.any(String) } } });
    const unknown = JSON.parse((await post('members.nuke', {})).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses other origins, other host names, non-JSON bodies and GET on the API', async () => {
    expect((await post('members.list', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('members.list', {}, { host: 'evil.example:80' })).status).toBe(403);
    expect((await raw('/api/members.list', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await raw('/api/members.list')).status).toBe(405);
    const broken = await raw('/api/members.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('accepts its own origin', async () => {
    const res = await post('members.list', {}, { origin: `http://127.0.0.1:${port}` });
    expect(res.status).toBe(200);
  });

  it('streams push events to open pages that hold a session, and to nobody else', async () => {
    expect((await raw('/api/events')).status).toBe(401);
    expect((await raw('/api/events', { headers: { cookie: 'coopdesk_session=madeupmadeupmadeupmadeup' } })).status).toBe(401);
    const cookie = String((await post('auth.status', {})).headers['set-cookie']).split(';')[0];
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/events', headers: { cookie } }, (res) => {
        res.on('data', (chunk: Buffer) => {
          const text = chunk.toString();
          if (text.includes('data:')) {
            resolve(text);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    await new Promise((r) => setTimeout(r, 50));
    await post('members.create', { ...ana, email: 'second@example.coop' });
    expect(await received).toContain('"members.changed"');
  });
});

describe('a screen’s first reads in one request', () => {
  const reads = (list: unknown, headers: Record<string, string> = {}) =>
    raw('/api/reads', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(list) });

  it('answers each read in order, as if asked alone, validation included', async () => {
    const res = await reads([
      ['system.status', {}],
      ['members.list', { q: 'Ana' }],
      ['members.list', { q: 42 }],
      ['members.nuke', {}],
    ]);
    expect(res.status).toBe(200);
    const answers = JSON.parse(res.body);
    expect(answers).toHaveLength(4);
    expect(answers[0]).toMatchObject({ ok: true });
    expect(answers[1]).toMatchObject({ ok: true });
    expect(answers[1].data.rows[0].name).toBe('Ana Ribeiro');
    expect(answers[2]).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(answers[3]).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a change smuggled into the list, and writes nothing', async () => {
    const before = (await t.call('members.list', {})).total;
    const [answer] = JSON.parse((await reads([['members.create', { ...ana, email: 'smuggled@example.coop' }]])).body);
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('send it on its own') } });
    expect((await t.call('members.list', {})).total).toBe(before);
  });

  it('refuses what is not a short list of reads, other origins, and GET', async () => {
    for (const bad of [{}, [['members.list']], [[1, {}]], Array.from({ length: 13 }, () => ['system.status', {}])]) {
      const res = await reads(bad);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect((await reads([['members.list', { q: 'x'.repeat(70_000) }]])).status).toBe(400);
    expect((await reads([], { origin: 'https://evil.example' })).status).toBe(403);
    expect((await raw('/api/reads')).status).toBe(405);
  });
});

describe('browser host sessions', () => {
  it('keeps a session per browser: kiosk identification in one does not unlock another', async () => {
    await t.call('auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });
    const first = await post('auth.status', {});
    const cookie = String(first.headers['set-cookie']).split(';')[0];
    expect(cookie).toMatch(/^coopdesk_session=/);
    expect(String(first.headers['set-cookie'])).toContain('HttpOnly');
    expect(JSON.parse(first.body)).toMatchObject({ ok: true, data: { mode: 'kiosk' } });
    const unlocked = await post('auth.signIn', { who: 'kasia@example.coop', password: 'front-desk-2026' }, { cookie });
    expect(JSON.parse(unlocked.body)).toMatchObject({ ok: true, data: { mode: 'manager' } });
    expect(JSON.parse((await post('members.list', {}, { cookie })).body)).toMatchObject({ ok: true });
    // another browser, no cookie: still the kiosk
    expect(JSON.parse((await post('members.list', {})).body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a signed-in member refused a manager channel over HTTP is on record, as through the app', async () => {
    // the co-op of the tests above: Ana is a member, Kasia the manager
    const member = (await t.call('members.list', { q: 'ana@example.coop' })).rows[0];
    await t.call('auth.setPin', { memberId: member.id, pin: '4821' });
    const cookie = String((await post('auth.status', {})).headers['set-cookie']).split(';')[0];
    expect(JSON.parse((await post('auth.identify', { who: String(member.number), pin: '4821' }, { cookie })).body)).toMatchObject({ ok: true });
    const refused = await post('data.restore', { name: 'manual-2026-01-01T00-00-00Z.sqlite' }, { cookie });
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await new Promise((r) => setTimeout(r, 50));
    const log = await t.call('audit.list', { channel: 'data.restore' });
    expect(log.rows).toMatchObject([{ actorName: 'Ana Ribeiro', details: expect.stringContaining('refused') }]);
  });
});
