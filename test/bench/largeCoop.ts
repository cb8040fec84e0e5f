import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberFields } from '@shared/contract/members.contract';
import { startCoopdesk } from '../../electron/main/app';
import { FRONT_DESK } from '../../electron/main/context';
import { generateMembers } from '../../electron/main/demo/generate';
import { activeMembersWithOffers, generateBids, HISTORY } from '../../electron/main/demo/generateBids';
import { generateBookings } from '../../electron/main/demo/generateBookings';
import { createMany } from '../../electron/main/features/members/members.service';
import { loadSite } from '../../electron/main/features/sites';
import { addDaysIso, weekdayOf } from '@shared/domain/zoned';
import { report, SCALE } from './measure';

/**
 * The large generated co-op the screen benchmarks run on (at BENCH_SCALE=1: 10,000 members,
 * 300 bookables, about a million bookings over six years around today, 2,000 bids). It takes
 * minutes to make, so it is made once per scale and kept in the temp folder; delete the folder
 * (or set BENCH_FRESH=1) to make it again.
 */
export interface LargeCoop {
  dataDir: string;
  today: string;
}

export async function largeCoop(): Promise<LargeCoop> {
  const dataDir = join(tmpdir(), `coopdesk-bench-large-${SCALE}`);
  const done = join(dataDir, 'generated.json');
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  if (existsSync(done) && !process.env.BENCH_FRESH) return { dataDir, today };
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const started = performance.now();
  const coop = await startCoopdesk({ dataDir, backups: false });
  const dispatch = async (channel: string, input: unknown) => {
    const r = await coop.api.dispatch(channel, input, FRONT_DESK);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data as Record<string, unknown>;
  };
  const { site, coop: coopSettings } = (await dispatch('settings.get', {})) as {
    site: Record<string, unknown> & { id: string };
    coop: Record<string, unknown>;
  };
  await dispatch('settings.updateSite', { ...site, name: 'Large co-op', timeZone: 'Europe/London' });
  await dispatch('settings.updateCoop', { ...coopSettings, name: 'Large co-op', currency: 'GBP', timeZone: 'Europe/London' });
  const members = Math.round(10_000 * SCALE);
  await createMany(
    coop.ctx,
    generateMembers({ count: members, today, seed: 11 }).map((m) => memberFields.parse(m)),
  );
  const db = coop.database.db;
  const memberIds = (await db.selectFrom('members').select('id').execute()).map((m) => m.id);
  const made = await generateBookings(db, {
    siteId: site.id,
    timeZone: 'Europe/London',
    memberIds,
    rooms: Math.round(60 * SCALE),
    desks: Math.round(200 * SCALE),
    resources: Math.round(40 * SCALE),
    from: addDaysIso(today, -5 * 365),
    to: addDaysIso(today, 365),
    now: now.getTime(),
    hours: (await loadSite(db, site.id)).hours,
    siteRules: { maxDaysAhead: 730, maxConcurrentPerMember: 1000 },
  });
  const bids = await generateBids(db, {
    count: Math.round(2000 * SCALE),
    seed: 3,
    now: now.getTime(),
    currency: 'GBP',
    members: await activeMembersWithOffers(db),
    weights: HISTORY,
  });
  coop.database.sqlite.pragma('optimize');
  await coop.close();
  const figure = {
    bench: 'largeCoop.generate',
    n: 1,
    total_ms: Math.round(performance.now() - started),
    members,
    bookings: made.bookings,
    bookables: 300 * SCALE,
    bids,
  };
  writeFileSync(done, JSON.stringify(figure));
  report(figure);
  return { dataDir, today };
}

/** The next `count` weekdays from `from` (the site is busiest on them). */
export function weekdaysFrom(from: string, count: number): string[] {
  const days: string[] = [];
  for (let d = from; days.length < count; d = addDaysIso(d, 1)) if (weekdayOf(d) <= 5) days.push(d);
  return days;
}
