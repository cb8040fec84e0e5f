import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { memberFields } from '@shared/contract/members.contract';
import { addDaysIso } from '@shared/domain/zoned';
import { startCoopdesk } from '../../electron/main/app';
import { FRONT_DESK } from '../../electron/main/context';
import { generateMembers } from '../../electron/main/demo/generate';
import { generateBookings } from '../../electron/main/demo/generateBookings';
import { createMany } from '../../electron/main/features/members/members.service';
import { loadSite } from '../../electron/main/features/sites';
import { startHost } from '../../electron/main/host';
import { SCALE, report } from './measure';

/**
 * The host under the attacks of issue 30, measured in its own process: memory while a zip bomb
 * is imported and while 24 clients each send a 16 MB body, and how long a normal call waits while
 * a real import runs. Printed, never asserted.
 */

const MB = 1024 * 1024;
const round = (x: number) => Math.round(x * 10) / 10;

/** Samples this process's resident memory every 5 ms while `work` runs; the peak above where it started. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  global.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: round((peak - start) / MB) };
  } finally {
    clearInterval(timer);
  }
}

function post(port: number, channel: string, body: string | Buffer, cookie = ''): Promise<{ status: number; body: string }> {
  return new Promise((done) => {
    const req = request(
      { host: '127.0.0.1', port, path: `/api/${channel}`, method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', () => done({ status: -1, body: '' }));
    req.end(body);
  });
}

export async function hostBench(): Promise<void> {
  const renderer = resolve('out/renderer');
  // a co-op to export: members and a year of bookings
  const sourceDir = mkdtempSync(join(tmpdir(), 'coopdesk-bench-host-'));
  const source = await startCoopdesk({ dataDir: sourceDir, backups: false });
  const today = new Date().toISOString().slice(0, 10);
  await createMany(
    source.ctx,
    generateMembers({ count: Math.round(2000 * SCALE), today, seed: 5 }).map((m) => memberFields.parse(m)),
  );
  const site = source.ctx.siteId;
  const memberIds = (await source.database.db.selectFrom('members').select('id').execute()).map((m) => m.id);
  const made = await generateBookings(source.database.db, {
    siteId: site,
    timeZone: 'UTC',
    memberIds,
    rooms: Math.max(2, Math.round(20 * SCALE)),
    desks: Math.max(2, Math.round(40 * SCALE)),
    resources: 2,
    from: addDaysIso(today, -365),
    to: addDaysIso(today, 30),
    now: Date.now(),
    hours: (await loadSite(source.database.db, site)).hours,
    siteRules: { maxDaysAhead: 730, maxConcurrentPerMember: 1000 },
  });
  const exported = await source.api.dispatch('data.exportAll', {}, FRONT_DESK);
  if (!exported.ok) throw new Error(exported.error.message);
  const exportName = (exported.data as { name: string }).name;
  await source.close();

  // the co-op that imports it, behind the host, with a manager password (new browsers are the kiosk's)
  const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-bench-host-'));
  const coop = await startCoopdesk({ dataDir, backups: false });
  await coop.api.dispatch('auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'bench password 1' }, FRONT_DESK);
  const host = await startHost({ coopdesk: coop, rendererDir: renderer });
  const port = Number(new URL(host.url).port);
  const exportsDir = join(dataDir, 'exports');
  mkdirSync(exportsDir, { recursive: true });
  try {
    // 1. the bomb: 640 MB in 0.6 MB, through the API as the desk
    copyFileSync('test/fixtures/zip-bomb.zip', join(exportsDir, 'coopdesk-export-2020-01-01T00-00-00Z.zip'));
    const bomb = await peakRss(() => coop.api.dispatch('data.importAll', { name: 'coopdesk-export-2020-01-01T00-00-00Z.zip' }, FRONT_DESK));
    report({ bench: 'host.zipBomb.import', n: 1, peak_rss_mb: bomb.peakMb, refused: !bomb.result.ok, goal_mb: 100 });

    // 2. 24 clients at once, each sending 16 MB to the largest channel without signing in
    const body = Buffer.alloc(16 * MB, 0x20);
    const bodies = await peakRss(() => Promise.all(Array.from({ length: 24 }, () => post(port, 'bids.attach', body))));
    report({
      bench: 'host.parallelBodies.24x16MB',
      n: 24,
      peak_rss_mb: bodies.peakMb,
      answered: bodies.result.filter((r) => r.status > 0).length,
      goal_mb: 100,
    });

    // 3. a normal call while a real import runs
    copyFileSync(join(sourceDir, 'exports', exportName), join(exportsDir, exportName));
    const times: number[] = [];
    let importing = true;
    const importRun = coop.api.dispatch('data.importAll', { name: exportName }, FRONT_DESK).finally(() => (importing = false));
    while (importing) {
      const started = performance.now();
      await post(port, 'system.status', '{}');
      times.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 5));
    }
    const imported = await importRun;
    times.sort((a, b) => a - b);
    const q = (p: number) => round(times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0);
    report({
      bench: 'host.callDuringImport',
      n: times.length,
      median_ms: q(0.5),
      p95_ms: q(0.95),
      max_ms: round(times.at(-1) ?? 0),
      imported_bookings: imported.ok ? (imported.data as { tables: Record<string, number> }).tables.bookings : 0,
      generated_bookings: made.bookings,
      goal_ms: 50,
    });
  } finally {
    await host.close();
    await coop.close();
    rmSync(sourceDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}
