import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FIXED_NOW, startTestCoop } from '../helpers/coop';

const KILLS = 50;

/** The worker, bundled once so each of the fifty starts takes milliseconds, not a TypeScript compile. */
async function bundleWorker(): Promise<string> {
  // Inside the project, so the bundle finds better-sqlite3 in node_modules.
  const folder = resolve('node_modules/.cache/coopdesk-tests');
  mkdirSync(folder, { recursive: true });
  const out = join(mkdtempSync(join(folder, 'crash-')), 'worker.mjs');
  await build({
    entryPoints: [resolve('test/helpers/crash-worker.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as coopdeskRequire } from 'node:module'; const require = coopdeskRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  return out;
}

function runAndKill(worker: string, args: string[], afterMs: number): Promise<string[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [worker, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') fail(new Error(`worker stopped by itself: ${err}`));
      // a line cut by the kill is not a report
      else done(out.split('\n').filter((line) => /^[0-9a-f-]{36}$/.test(line)));
    });
  });
}

describe('crash safety', () => {
  it(`${KILLS} hard kills while writing bookings: the file stays intact and every reported booking is there`, async () => {
    const t = await startTestCoop();
    const settings = await t.call('settings.get', {});
    await t.call('settings.updateBookingRules', {
      siteId: settings.site.id,
      rules: { ...settings.bookingRules, withinOpeningHours: false, maxDaysAhead: 730, membersOnly: false },
    });
    const bookable = await t.call('bookables.create', { siteId: settings.site.id, kind: 'resource', name: 'Crash bench', capacity: 1 });
    const dataDir = t.dataDir;
    await t.coop.close();

    const worker = await bundleWorker();
    const reported: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      reported.push(...(await runAndKill(worker, [dataDir, bookable.id, FIXED_NOW.toISOString()], 20 + ((kill * 37) % 180))));
      const db = new Sqlite(join(dataDir, 'coopdesk.sqlite'));
      expect(db.pragma('integrity_check', { simple: true }), `after kill ${kill + 1}`).toBe('ok');
      db.close();
    }
    const db = new Sqlite(join(dataDir, 'coopdesk.sqlite'), { readonly: true });
    const stored = new Set((db.prepare("select id from bookings where status = 'confirmed'").all() as { id: string }[]).map((r) => r.id));
    const overlaps = db
      .prepare(
        'select count(*) as n from bookings a join bookings b on a.bookable_id = b.bookable_id and a.id < b.id and a.start_ms < b.end_ms and b.start_ms < a.end_ms',
      )
      .get() as { n: number };
    db.close();
    const lost = reported.filter((id) => !stored.has(id));
    console.log(JSON.stringify({ bench: 'crash.kills', kills: KILLS, reported: reported.length, stored: stored.size, lost: lost.length }));
    expect(reported.length).toBeGreaterThan(KILLS * 5);
    expect(lost).toEqual([]);
    expect(overlaps.n).toBe(0);
  }, 180_000);
});
