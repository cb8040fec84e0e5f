import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/main/context';
import { bookingWorld } from '../helpers/bookingWorld';
import { FIXED_NOW, startTestCoop, type TestCoop } from '../helpers/coop';

/** Recurring events: the monthly breakfast across daylight-saving changes; this / following / all edits; a clash on one date refuses the series. */
let t: TestCoop;
let w: Awaited<ReturnType<typeof bookingWorld>>;
let clock: { now: Date };
const as = (memberId: string): Actor => ({ role: 'member', memberId });
const londonTime = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

const monthlyBreakfast = (extra: Record<string, unknown> = {}) =>
  t.call('events.create', {
    kind: 'breakfast',
    title: 'Members’ breakfast',
    hostIds: [w.member.id],
    // the first Tuesday of January, then of each month: across the change to summer time in March
    date: '2027-01-05',
    startTime: '08:00',
    endTime: '09:00',
    roomId: w.bigRoom.id,
    capacity: 12,
    rsvpDeadline: '2027-01-04T12:00:00Z',
    repeat: { freq: 'monthly', monthlyBy: 'weekday', count: 6 },
    ...extra,
  });
const seriesEvents = async () => (await t.call('events.list', { from: '2027-01-01', to: '2027-07-31' })).filter((e) => e.seriesId !== null);

beforeEach(async () => {
  clock = { now: FIXED_NOW };
  t = await startTestCoop({ now: () => clock.now });
  w = await bookingWorld(t);
});
afterEach(async () => {
  await t.close();
});

describe('recurring events', () => {
  it('makes the monthly breakfast on the first Tuesday at 08:00 local, winter and summer, each with its room booked and its deadline the day before', async () => {
    const first = await monthlyBreakfast();
    expect(first.series).toEqual({ rule: 'Every month on the same weekday, 6 times', index: 1, total: 6 });
    const all = await seriesEvents();
    expect(all.map((e) => e.startsAt.slice(0, 10))).toEqual(['2027-01-05', '2027-02-02', '2027-03-02', '2027-04-06', '2027-05-04', '2027-06-01']);
    expect(all.map((e) => londonTime(e.startsAt))).toEqual(Array(6).fill('08:00'));
    // summer time: 08:00 in London is 07:00 UTC
    expect(all[3]!.startsAt).toBe('2027-04-06T07:00:00.000Z');
    const april = await t.call('events.get', { id: all[3]!.id });
    expect(april.rsvpDeadline).toBe('2027-04-05T11:00:00.000Z');
    const board = await t.call('bookings.dayBoard', { date: '2027-04-06' });
    expect(board.bookings.find((b) => b.bookableId === w.bigRoom.id)).toMatchObject({ title: 'Members’ breakfast', localStart: '08:00', localEnd: '09:00' });
  });

  it('refuses the whole series when the room is taken on one date, naming the date; nothing is written', async () => {
    await t.call('bookings.create', {
      bookableId: w.bigRoom.id,
      memberId: w.ben.id,
      start: '2027-02-02T08:30:00Z',
      end: '2027-02-02T09:30:00Z',
    });
    const before = await t.snapshot();
    const refused = await t.send('events.create', {
      kind: 'breakfast',
      title: 'Members’ breakfast',
      hostIds: [w.member.id],
      date: '2027-01-05',
      startTime: '08:00',
      endTime: '09:00',
      roomId: w.bigRoom.id,
      capacity: 12,
      repeat: { freq: 'monthly', monthlyBy: 'weekday', count: 6 },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(!refused.ok && refused.error.message).toMatch(/^On 2 Feb 2027: /);
    expect(await t.snapshot()).toEqual(before);
    const tooMany = await t.send('events.create', {
      kind: 'breakfast',
      title: 'Daily',
      hostIds: [w.member.id],
      date: '2027-01-05',
      startTime: '08:00',
      endTime: '09:00',
      venue: 'Kitchen',
      capacity: 12,
      repeat: { freq: 'daily', until: '2027-12-31' },
    });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'repeat.until': 'At most 60 events' } } });
    expect(await t.snapshot()).toEqual(before);
  });

  it('changes this one, this and the following, or all: later ones move to 08:30 on their own days with their rooms booked again; earlier ones stay', async () => {
    await monthlyBreakfast();
    const all = await seriesEvents();
    const march = all[2]!;
    await t.call('events.update', { id: all[0]!.id, title: 'January breakfast', description: '', capacity: 12, rsvpDeadline: null, scope: 'this' });
    await t.call('events.update', {
      id: march.id,
      title: 'Breakfast & news',
      description: 'With the month’s news',
      capacity: 14,
      rsvpDeadline: null,
      startTime: '08:30',
      endTime: '09:30',
      scope: 'following',
    });
    const after = await seriesEvents();
    expect(after.map((e) => e.title)).toEqual([
      'January breakfast',
      'Members’ breakfast',
      'Breakfast & news',
      'Breakfast & news',
      'Breakfast & news',
      'Breakfast & news',
    ]);
    expect(after.map((e) => londonTime(e.startsAt))).toEqual(['08:00', '08:00', '08:30', '08:30', '08:30', '08:30']);
    expect(after.map((e) => e.capacity)).toEqual([12, 12, 14, 14, 14, 14]);
    const april = await t.call('bookings.dayBoard', { date: '2027-04-06' });
    const rooms = april.bookings.filter((b) => b.bookableId === w.bigRoom.id);
    expect(rooms.map((b) => `${b.localStart}–${b.localEnd} ${b.title}`)).toEqual(['08:30–09:30 Breakfast & news']);
    // a new title alone renames the room's booking too
    const january = await t.call('bookings.dayBoard', { date: '2027-01-05' });
    expect(january.bookings.find((b) => b.bookableId === w.bigRoom.id)?.title).toBe('January breakfast');
    // the room at 08:00 is free again: a member books it once it is within their 90 days
    clock.now = new Date('2027-03-01T10:00:00Z');
    await t.call('bookings.create', { bookableId: w.bigRoom.id, memberId: w.ben.id, start: '2027-04-06T07:00:00Z', end: '2027-04-06T07:30:00Z' });
  });

  it('refuses fewer places than are going on any event reached, with nothing changed', async () => {
    await monthlyBreakfast({ capacity: 3 });
    const all = await seriesEvents();
    for (const m of [w.ben, w.chiara]) await t.call('events.rsvp', { eventId: all[4]!.id }, as(m.id));
    const before = await t.snapshot();
    const refused = await t.send('events.update', { id: all[0]!.id, title: 'Breakfast', description: '', capacity: 1, rsvpDeadline: null, scope: 'all' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '2 are already going on 4 May 2027: the event needs at least 2 places.' },
    });
    expect(await t.snapshot()).toEqual(before);
  });

  it('cancels all of a series: every room freed and everyone who replied told', async () => {
    await monthlyBreakfast();
    const all = await seriesEvents();
    await t.call('events.rsvp', { eventId: all[5]!.id }, as(w.ben.id));
    await t.call('events.cancel', { id: all[1]!.id, reason: 'The kitchen is being rebuilt', scope: 'all' });
    expect((await seriesEvents()).map((e) => e.state)).toEqual(Array(6).fill('cancelled'));
    const june = await t.call('bookings.dayBoard', { date: '2027-06-01' });
    expect(june.bookings.filter((b) => b.bookableId === w.bigRoom.id)).toEqual([]);
    expect((await t.call('notifications.inbox', {}, as(w.ben.id))).rows[0]).toMatchObject({ title: 'Cancelled: Members’ breakfast' });
  });
});
