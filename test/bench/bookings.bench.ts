import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberFields } from '@shared/contract/members.contract';
import { addDaysIso, zonedInstant } from '@shared/domain/zoned';
import { startCoopdesk } from '../../electron/main/app';
import { FRONT_DESK } from '../../electron/main/context';
import { generateMembers, seededRandom } from '../../electron/main/demo/generate';
import { generateBookings } from '../../electron/main/demo/generateBookings';
import { createMany } from '../../electron/main/features/members/members.service';
import { loadSite } from '../../electron/main/features/sites';
import { measure, report, SCALE, timeOnce } from './measure';

const atLondon = (date: string, time: string) => new Date(zonedInstant(date, time, 'Europe/London')).toISOString();

const TODAY = '2026-11-24';
const NOW = new Date('2026-11-24T10:00:00Z');
const FROM = '2022-11-24'; // four years back and one ahead: five years of bookings
const TO = '2027-11-23';

export async function bookingsBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-bench-bookings-'));
  const coop = await startCoopdesk({ dataDir, now: () => NOW, backups: false });
  const db = coop.database.db;
  const ctx = coop.ctx;
  const dispatch = (channel: string, input: unknown) => coop.api.dispatch(channel, input, FRONT_DESK);
  const settings = await dispatch('settings.get', {});
  if (!settings.ok) throw new Error('no settings');
  const { site, coop: coopSettings } = settings.data as { site: { id: string; hours: unknown[] } & Record<string, unknown>; coop: Record<string, unknown> };
  await dispatch('settings.updateSite', {
    ...site,
    timeZone: 'Europe/London',
    hours: (site.hours as { weekday: number }[]).map((d) => (d.weekday === 6 ? { ...d, open: true, opens: '10:00', closes: '14:00' } : d)),
  });
  await dispatch('settings.updateCoop', { ...coopSettings, currency: 'GBP', timeZone: 'Europe/London' });

  const made = await timeOnce(
    'bookings.generate',
    async () => {
      const members = generateMembers({ count: Math.round(5000 * SCALE), today: TODAY, seed: 11 }).map((m) => memberFields.parse(m));
      await createMany(ctx, members);
      const memberIds = (await db.selectFrom('members').select('id').execute()).map((m) => m.id);
      return generateBookings(db, {
        siteId: site.id,
        timeZone: 'Europe/London',
        memberIds,
        rooms: Math.round(60 * SCALE),
        desks: Math.round(200 * SCALE),
        resources: Math.round(40 * SCALE),
        from: FROM,
        to: TO,
        now: NOW.getTime(),
        hours: (await loadSite(db, site.id)).hours,
        siteRules: { maxDaysAhead: 730, maxConcurrentPerMember: 1000 },
      });
    },
    {},
  );
  report({
    bench: 'bookings.dataset',
    bookings: made.bookings,
    series_occurrences: made.series,
    members: Math.round(5000 * SCALE),
    rooms: made.bookableIds.rooms.length,
    desks: made.bookableIds.desks.length,
    resources: made.bookableIds.resources.length,
  });
  coop.database.sqlite.pragma('optimize');

  const random = seededRandom(99);
  const dayIn = (from: string, days: number) => addDaysIso(from, Math.floor(random() * days));
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const rooms = made.bookableIds.rooms;
  const all = [...rooms, ...made.bookableIds.desks, ...made.bookableIds.resources];
  const memberIds = (await db.selectFrom('members').select('id').limit(500).execute()).map((m) => m.id);

  const ops: [string, () => unknown][] = [
    ['bookings.dayBoard.early', () => ({ date: dayIn(FROM, 60) })],
    ['bookings.dayBoard.middle', () => ({ date: dayIn('2024-11-01', 60) })],
    ['bookings.dayBoard.end', () => ({ date: dayIn('2027-09-20', 60) })],
    ['bookings.calendar.one', () => ({ bookableId: pick(all), date: dayIn(FROM, 1800), span: 'week' })],
    ['bookings.calendar.rooms', () => ({ kind: 'room', date: dayIn('2026-11-01', 60), span: 'week' })],
    ['bookings.calendar.month', () => ({ kind: 'room', date: dayIn('2026-11-01', 60), span: 'month' })],
    [
      'bookings.findRooms',
      () => {
        const date = dayIn('2026-11-25', 60);
        return { start: atLondon(date, '10:00'), end: atLondon(date, '12:00'), people: 6, features: ['screen'] };
      },
    ],
  ];
  const channelOf = (name: string) => name.replace(/\.(early|middle|end|one|rooms|month)$/, '');
  const service: Record<string, number> = {};
  for (const [name, input] of ops) {
    const f = await measure(`${name}.service`, 300, () => dispatch(channelOf(name), input()));
    service[name] = f.median_ms;
  }
  let created = 0;
  // Busy days (most attempts clash: every rule runs, the insert is skipped) …
  const busyInput = () => {
    const date = dayIn('2026-11-25', 360);
    const hour = 8 + Math.floor(random() * 9);
    const london = (h: number) => `${date}T${String(h).padStart(2, '0')}:00:00${date >= '2027-03-28' && date < '2027-10-31' ? '+01:00' : 'Z'}`;
    return { bookableId: pick(rooms), memberId: pick(memberIds), start: london(hour), end: london(hour + 1) };
  };
  // … and free slots past the generated years (every rule runs and the booking is written).
  const createInput = () => {
    const date = dayIn('2027-12-01', 60);
    const hour = 8 + Math.floor(random() * 9);
    const london = (h: number) => `${date}T${String(h).padStart(2, '0')}:00:00${date >= '2027-03-28' && date < '2027-10-31' ? '+01:00' : 'Z'}`;
    return { bookableId: pick(rooms), memberId: pick(memberIds), start: london(hour), end: london(hour + 1) };
  };
  const createFigure = await measure('bookings.create.service', 300, async () => {
    const r = await dispatch('bookings.create', createInput());
    if (r.ok) created++;
  });
  report({ bench: 'bookings.create.outcomes', booked: created, attempts: 320 });
  let refused = 0;
  await measure('bookings.create.busyDays.service', 300, async () => {
    const r = await dispatch('bookings.create', busyInput());
    if (!r.ok) refused++;
  });
  report({ bench: 'bookings.create.busyDays.outcomes', refused_by_rules: refused, attempts: 320 });
  service['bookings.create'] = createFigure.median_ms;
  const seriesInput = () => ({
    bookableId: pick(rooms),
    memberId: pick(memberIds),
    firstDate: dayIn('2026-11-30', 5),
    startTime: '13:00',
    endTime: '14:00',
    recurrence: { freq: 'weekly', interval: 1, count: 52 },
  });
  const seriesFigure = await measure('bookings.planSeries52.service', 100, () => dispatch('bookings.planSeries', seriesInput()));
  service['bookings.planSeries52'] = seriesFigure.median_ms;

  // The front desk: 300 members in, then today's screen and the command palette's search.
  const present = (await db.selectFrom('members').select('id').where('status', '=', 'active').limit(300).execute()).map((m) => m.id);
  for (const memberId of present) await dispatch('frontdesk.checkIn', { memberId });
  const todayFigure = await measure('frontdesk.today.service', 200, () => dispatch('frontdesk.today', {}), { present: present.length, rooms: rooms.length });
  service['frontdesk.today'] = todayFigure.median_ms;
  const KEYS = ['a', 'an', 'ana', 'b', 'be', 'ben', 'ro', 'roo', 'room', 'ch', 'chi', 'kow'];
  const paletteFigure = await measure('palette.keystroke.service', 300, (i) => dispatch('members.list', { q: KEYS[i % KEYS.length], limit: 6 }), {
    members: Math.round(5000 * SCALE),
  });
  service['palette.keystroke'] = paletteFigure.median_ms;

  // The same through the browser host: HTTP + JSON on 127.0.0.1.
  const renderer = join(dataDir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '');
  const { startHost } = await import('../../electron/main/host');
  const host = await startHost({ coopdesk: coop, rendererDir: renderer });
  const port = Number(new URL(host.url).port);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (channel: string, body: unknown) =>
    new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: `/api/${channel}`, method: 'POST', agent, headers: { 'content-type': 'application/json' } },
        (res) => {
          let data = '';
          res.on('data', (c) => (data += c));
          res.on('end', () => resolve(data));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  let key = 0;
  for (const [name, input] of [
    ...ops,
    ['bookings.create', createInput] as [string, () => unknown],
    ['bookings.planSeries52', seriesInput] as [string, () => unknown],
    ['frontdesk.today', () => ({})] as [string, () => unknown],
    ['palette.keystroke', () => ({ q: KEYS[key++ % KEYS.length], limit: 6 })] as [string, () => unknown],
  ]) {
    const channel = name === 'bookings.planSeries52' ? 'bookings.planSeries' : name === 'palette.keystroke' ? 'members.list' : channelOf(name);
    const f = await measure(`${name}.host`, name === 'bookings.planSeries52' ? 50 : 300, () => post(channel, input()));
    report({ bench: `${name}.host_vs_service`, ratio: Math.round((f.median_ms / service[name]) * 100) / 100 });
  }
  agent.destroy();
  await host.close();

  // Backing up the whole generated co-op (SQLite's online backup, as the app does daily).
  const { backup } = await import('../../electron/main/features/data/backups.service');
  const made2 = await timeOnce('data.backup', () => backup({ ...ctx, emit: () => {} } as never, 'manual'), {});
  report({ bench: 'data.backup.size', bytes: made2.bytes, mb: Math.round(made2.bytes / 1_048_576) });

  // Export everything, streamed: the process should not grow with the number of bookings.
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const exported = await timeOnce('data.exportAll', () => dispatch('data.exportAll', {}), {});
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const bookings = exported.ok ? (exported.data as { tables: Record<string, number> }).tables.bookings : 0;
  report({ bench: 'data.exportAll.memory', bookings, rss_growth_mb: Math.round((peak - rssBefore) / 1_048_576) });
  await coop.close();
  rmSync(dataDir, { recursive: true, force: true });
}
