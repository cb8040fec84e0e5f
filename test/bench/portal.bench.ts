import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { memberFields } from '@shared/contract/members.contract';
import { addDaysIso } from '@shared/domain/zoned';
import { startCoopdesk } from '../../electron/main/app';
import { FRONT_DESK } from '../../electron/main/context';
import { immediate } from '../../electron/main/db/tx';
import { makeCertificate } from '../../electron/main/features/portal/certificate.service';
import { saveSettings } from '../../electron/main/features/portal/portal.repository';
import { generateMembers } from '../../electron/main/demo/generate';
import { createMany } from '../../electron/main/features/members/members.service';
import { SCALE, measure, report } from './measure';
import { freePort } from '../helpers/ports';

/**
 * The member portal under a busy morning: 300 members' phones connected over HTTPS and listening
 * for push events (in their own process), 20 of them booking at once, against the bundled host
 * alone in its own process (its memory read from /proc). Goals: a booking's p95
 * under 50 ms, a push heard by all 300 within 200 ms, the host under 300 MB. Printed, never asserted.
 */
function postOnce(port: number, agent: Agent, channel: string, body: unknown, cookie: string, key: string): Promise<{ cookie: string; data: any }> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent,
        path: `/api/${channel}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, host: `127.0.0.1:${port}`, ...(cookie ? { cookie } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          const answer = JSON.parse(text) as { ok: boolean; data: unknown; error?: { message: string } };
          if (!answer.ok) return fail(new Error(`${channel}: ${answer.error?.message}`));
          done({ cookie: String(res.headers['set-cookie'] ?? cookie).split(';')[0], data: answer.data });
        });
      },
    );
    req.on('error', fail);
    req.end(JSON.stringify(body));
  });
}

let keys = 0;
/** As a phone's page sends a command: with an idempotency key, retried once with it when a kept-alive connection was closed under it. */
async function post(port: number, agent: Agent, channel: string, body: unknown, cookie = ''): Promise<{ cookie: string; data: any }> {
  const key = `bench-key-${(keys += 1)}`;
  try {
    return await postOnce(port, agent, channel, body, cookie, key);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
    return postOnce(port, agent, channel, body, cookie, key);
  }
}

/** Resident memory of a process now and at its peak (Linux: /proc), in MB. */
function memoryOf(pid: number): { rss_mb: number; peak_mb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss_mb: Math.round(kb('VmRSS') / 1024), peak_mb: Math.round(kb('VmHWM') / 1024) };
}

export async function portalBench(): Promise<void> {
  const phones = Math.max(20, Math.round(300 * SCALE));
  const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-bench-portal-'));
  const port = await freePort();
  // the co-op is set up here, then closed: the host runs alone in its own process, as a co-op runs it
  const coop = await startCoopdesk({ dataDir, backups: false });
  const call = async (channel: string, input: unknown) => {
    const r = await coop.api.dispatch(channel, input, FRONT_DESK);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data as any;
  };
  await createMany(
    coop.ctx,
    generateMembers({ count: phones, today: '2026-11-24', seed: 5 }).map((m) => ({ ...memberFields.parse(m), status: 'active' as const })),
  );
  const site = (await call('settings.get', {})).site;
  await call('settings.updateSite', { ...site, hours: site.hours.map((d: object) => ({ ...d, open: true, opens: '08:00', closes: '18:00' })) });
  const rooms: { id: string }[] = [];
  for (let i = 0; i < 21; i++) rooms.push(await call('bookables.create', { siteId: site.id, kind: 'room', name: `Room ${i + 1}`, capacity: 8 }));
  // the portal on the loopback address the phones share here (Settings offers the network's addresses only)
  const cert = await makeCertificate('127.0.0.1', new Date());
  await immediate(coop.database.db, (trx) =>
    saveSettings(trx, { enabled: 1, address: '127.0.0.1', port, own_cert: 0, cert_pem: cert.cert, key_pem: cert.key, updated_at: Date.now() }),
  );
  const ids = (coop.database.sqlite.prepare('select id from members order by number').all() as { id: string }[]).map((r) => r.id);
  const codes: string[] = [];
  for (const memberId of ids) codes.push((await call('accounts.issueCode', { memberId })).code);
  await coop.close();

  // the bundled host (`out/serve/serve.js`, what `npm run serve` runs), built now from this code
  execFileSync(process.execPath, ['electron/tools/build-serve.mjs'], { stdio: 'inherit' });
  const host = spawn(process.execPath, ['out/serve/serve.js', '--data-dir', dataDir], {
    env: { ...process.env, PORT: String(await freePort()) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const agents = ids.map(
    (_, i) => new Agent({ keepAlive: true, rejectUnauthorized: false, localAddress: `127.0.${2 + Math.floor(i / 250)}.${1 + (i % 250)}` }),
  );
  for (let tries = 0; ; tries++) {
    try {
      await post(port, agents[0], 'auth.status', {});
      break;
    } catch (error) {
      if (tries > 300) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const hostReady = memoryOf(host.pid!);

  // every member signs in on their phone with a code from the desk (each phone its own address)
  const cookies: string[] = [];
  for (const [i, code] of codes.entries()) {
    const first = await post(port, agents[i], 'auth.status', {});
    await post(port, agents[i], 'auth.redeemCode', { code, password: `phone password ${i}` }, first.cookie);
    cookies.push(first.cookie);
  }

  const devices = spawn(process.execPath, [resolve('test/bench/portal-devices.mjs')], { env: { ...process.env, DEVICES: JSON.stringify({ port, cookies }) } });
  const heardAll = new Map<number, number>();
  const rounds = new Map<number, (times: number[]) => void>();
  const waiting = new Map<number, () => void>();
  let ready: () => void;
  const allReady = new Promise<void>((done) => (ready = done));
  createInterface({ input: devices.stdout }).on('line', (line) => {
    const message = JSON.parse(line) as { ready?: number; event?: number; at?: number; round?: number; times?: number[] };
    if (message.ready) ready();
    if (message.round) rounds.get(message.round)?.(message.times!);
    if (message.event) {
      heardAll.set(message.event, message.at!);
      waiting.get(message.event)?.();
    }
  });
  devices.stderr.pipe(process.stderr);
  await allReady;
  const phonesIn = memoryOf(host.pid!);
  let events = 0;
  const heardBy = (n: number) => (heardAll.has(n) ? Promise.resolve() : new Promise<void>((done) => waiting.set(n, done)));

  // one booking at a time: from sending it until every phone has heard of it (one push event per booking)
  const tomorrow = addDaysIso(new Date().toISOString().slice(0, 10), 1);
  const day = (k: number) => addDaysIso(tomorrow, k);
  const pushRoom = rooms.pop()!;
  let booked = 0;
  await measure(
    'portal.pushToAll',
    30,
    async () => {
      const k = (booked += 1);
      const m = k % ids.length;
      await post(port, agents[m], 'bookings.create', { bookableId: pushRoom.id, memberId: ids[m], date: day(k) }, cookies[m]);
      events += 1;
      await heardBy(events);
    },
    { phones },
  );

  // 20 members booking at once, round after round, while every phone listens: each just after
  // its page read the booking screen (its connection open, as a browser keeps it), then each on a
  // new TLS connection (a page whose connection the host closed while it stood idle)
  let round = 0;
  for (const newConnections of [false, true]) {
    const bookingTimes: number[] = [];
    const name = newConnections ? 'portal.booking.newConnections' : 'portal.booking';
    await measure(
      `${name}.round`,
      20,
      async (_, warmingUp) => {
        round += 1;
        const r = round;
        // sent and timed by the phones' process: the host's thread does only the host's work
        const bookings = rooms.map((room, j) => {
          const device = (r * rooms.length + j) % ids.length;
          return { device, body: { bookableId: room.id, memberId: ids[device], date: day(r) } };
        });
        const times = await new Promise<number[]>((done) => {
          rounds.set(r, done);
          devices.stdin.write(`${JSON.stringify({ round: r, bookings, newConnections })}\n`);
        });
        // the bookings of the rounds that warm up are not counted, as with every other figure
        if (!warmingUp) bookingTimes.push(...times);
      },
      { phones, at_once: 20 },
    );
    bookingTimes.sort((a, b) => a - b);
    const q = (x: number) => Math.round(bookingTimes[Math.min(bookingTimes.length - 1, Math.floor(x * bookingTimes.length))] * 1000) / 1000;
    report({ bench: name, n: bookingTimes.length, median_ms: q(0.5), p95_ms: q(0.95), phones, at_once: 20 });
  }
  const after = memoryOf(host.pid!);
  report({
    bench: 'portal.hostMemory',
    ...after,
    started_mb: hostReady.rss_mb,
    phones_signed_in_mb: phonesIn.rss_mb,
    phones,
    note: 'the bundled host in its own process (VmRSS now and its peak VmHWM), after 300 phones signed in, listened and booked',
  });
  devices.kill();
  agents.forEach((a) => a.destroy());
  await new Promise((done) => {
    host.on('exit', done);
    host.kill('SIGTERM');
  });
  rmSync(dataDir, { recursive: true, force: true });
}
