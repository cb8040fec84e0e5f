import { beforeEach } from 'vitest';
import { FIXED_NOW, ana, freshCoopEachTest, type TestCoop } from './coop';

/**
 * A small co-op to book in: Mill Lane (Europe/London), open Mon–Fri 08:00–18:00 and Saturday
 * 10:00–14:00, closed on 2026-12-25; rooms, a booth with a cleaning buffer, hot desks, projectors.
 * The fixed clock says Tuesday 2026-11-24 10:00 UTC.
 */
export async function bookingWorld(t: Pick<TestCoop, 'call'>, rules: Record<string, unknown> = {}) {
  const settings = await t.call('settings.get', {});
  const siteId = settings.site.id;
  const hours = settings.site.hours.map((d) => (d.weekday === 6 ? { ...d, open: true, opens: '10:00', closes: '14:00' } : d));
  await t.call('settings.updateSite', { ...settings.site, name: 'Mill Lane', timeZone: 'Europe/London', hours });
  await t.call('settings.updateCoop', { ...settings.coop, currency: 'GBP', timeZone: 'Europe/London' });
  await t.call('settings.updateBookingRules', { siteId, rules: { ...settings.bookingRules, ...rules } });
  await t.call('settings.addClosure', { siteId, date: '2026-12-25', reason: 'Christmas' });

  const room = await t.call('bookables.create', {
    siteId,
    kind: 'room',
    name: 'Garden Room',
    capacity: 6,
    features: ['screen', 'whiteboard'],
    hourlyRate: 1500,
  });
  const bigRoom = await t.call('bookables.create', { siteId, kind: 'room', name: 'Loft', capacity: 12, features: ['screen'], hourlyRate: 2500 });
  const smallRoom = await t.call('bookables.create', { siteId, kind: 'room', name: 'Snug', capacity: 4, features: [], hourlyRate: 800 });
  const booth = await t.call('bookables.create', { siteId, kind: 'room', name: 'Phone Booth', capacity: 1, rules: { bufferAfterMinutes: 15 } });
  const desks = await t.call('bookables.create', { siteId, kind: 'desk', name: 'Hot desks', capacity: 3 });
  const projector = await t.call('bookables.create', { siteId, kind: 'resource', name: 'Projector', capacity: 2 });

  const member = await t.call('members.create', ana);
  const ben = await t.call('members.create', { ...ana, name: 'Ben Okafor', email: 'ben@example.coop' });
  const chiara = await t.call('members.create', { ...ana, name: 'Chiara Novak', email: 'chiara@example.coop' });
  return { siteId, room, bigRoom, smallRoom, booth, desks, projector, member, ben, chiara };
}

/** An instant from a London wall-clock time, e.g. london('2026-11-26', '10:00'). */
export function london(date: string, time: string): string {
  const utc = new Date(`${date}T${time}:00Z`);
  // London is UTC+0 in winter and UTC+1 from the last Sunday of March to the last Sunday of October.
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' }).formatToParts(utc);
  const offset = parts.find((p) => p.type === 'timeZoneName')?.value === 'GMT+1' ? 1 : 0;
  return new Date(utc.getTime() - offset * 3600_000).toISOString();
}

export type BookingWorld = Awaited<ReturnType<typeof bookingWorld>>;

/**
 * A fresh co-op with the booking world for every test, and a clock the test may move
 * (`clock.now = …`), back at FIXED_NOW at the start of each test.
 */
export function bookingWorldEachTest(rules: Record<string, unknown> = {}) {
  const clock = { now: FIXED_NOW };
  const t = freshCoopEachTest(() => ((clock.now = FIXED_NOW), { now: () => clock.now }));
  let current: BookingWorld | undefined;
  beforeEach(async () => {
    current = await bookingWorld(t, rules);
  });
  const w = new Proxy({} as BookingWorld, { get: (_target, key) => current![key as keyof BookingWorld] });
  return { t, clock, w };
}

/** Books `bookableId` for a member on a London date and times, or fails the test. */
export const bookFor = (
  t: Pick<TestCoop, 'call'>,
  bookableId: string,
  memberId: string,
  date: string,
  from: string,
  to: string,
  extra: { title?: string } = {},
) => t.call('bookings.create', { bookableId, memberId, start: london(date, from), end: london(date, to), ...extra });
