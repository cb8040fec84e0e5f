import { beforeEach, describe, expect, it } from 'vitest';
import { bookingWorld, london } from '../helpers/bookingWorld';
import { FIXED_NOW, freshCoopEachTest } from '../helpers/coop';

const t = freshCoopEachTest({ now: () => FIXED_NOW });
let w: Awaited<ReturnType<typeof bookingWorld>>;
beforeEach(async () => {
  w = await bookingWorld(t, { maxDaysAhead: 400 });
});

const weekly = (over: Record<string, unknown> = {}) => ({
  bookableId: w.room.id,
  memberId: w.member.id,
  firstDate: '2026-12-01',
  startTime: '09:00',
  endTime: '10:00',
  recurrence: { freq: 'weekly' as const, interval: 1, count: 6 },
  ...over,
});

describe('recurring series', () => {
  it('checks every occurrence and names the clashing dates', async () => {
    await t.call('bookings.create', { bookableId: w.room.id, memberId: w.ben.id, start: london('2026-12-15', '09:30'), end: london('2026-12-15', '10:30') });
    const plan = await t.call('bookings.planSeries', weekly());
    expect(plan).toMatchObject({ description: 'Every week, 6 times', free: 5, clashing: 1 });
    expect(plan.occurrences.map((o) => [o.date, o.violations.map((v) => v.rule)])).toEqual([
      ['2026-12-01', []],
      ['2026-12-08', []],
      ['2026-12-15', ['capacity']],
      ['2026-12-22', []],
      ['2026-12-29', []],
      ['2027-01-05', []],
    ]);
    expect(plan.occurrences[2].violations[0].message).toBe('Clashes with Ben Okafor’s booking 09:30–10:30.');
  });

  it('“none” books nothing when a date clashes; “book the free ones” books the rest', async () => {
    await t.call('bookings.create', { bookableId: w.room.id, memberId: w.ben.id, start: london('2026-12-15', '09:30'), end: london('2026-12-15', '10:30') });
    const before = await t.snapshot();
    const none = await t.send('bookings.createSeries', { ...weekly(), onClash: 'none' });
    expect(none).toMatchObject({ ok: false, error: { code: 'RULE', message: 'Nothing was booked: 1 of 6 dates clash (2026-12-15).' } });
    expect(await t.snapshot()).toEqual(before);
    const done = await t.call('bookings.createSeries', { ...weekly(), onClash: 'book-free' });
    expect(done.booked.map((b) => b.localDate)).toEqual(['2026-12-01', '2026-12-08', '2026-12-22', '2026-12-29', '2027-01-05']);
    expect(done.skipped.map((o) => o.date)).toEqual(['2026-12-15']);
    expect(new Set(done.booked.map((b) => b.seriesId))).toEqual(new Set([done.seriesId]));
  });

  it('a closure and a Sunday are clashes too; a series counts once against the member limit', async () => {
    await t.call('bookables.update', { ...(await t.call('bookables.get', { id: w.room.id })), rules: { maxConcurrentPerMember: 1 } } as never);
    const plan = await t.call(
      'bookings.planSeries',
      weekly({ firstDate: '2026-12-04', recurrence: { freq: 'weekly', interval: 1, byWeekday: [5, 7], count: 6 } }),
    );
    expect(plan.occurrences.map((o) => [o.date, o.violations.map((v) => v.rule).join()])).toEqual([
      ['2026-12-04', ''],
      ['2026-12-06', 'opening-hours'],
      ['2026-12-11', ''],
      ['2026-12-13', 'opening-hours'],
      ['2026-12-18', ''],
      ['2026-12-20', 'opening-hours'],
    ]);
    const christmas = await t.call('bookings.planSeries', weekly({ firstDate: '2026-12-18', recurrence: { freq: 'weekly', interval: 1, count: 2 } }));
    expect(christmas.occurrences[1].violations.map((v) => v.rule)).toEqual(['closure']);
  });

  it.each([
    ['Europe/London', '2027-03-16', ['09:00Z', '09:00Z', '08:00Z', '08:00Z']],
    ['America/New_York', '2027-03-02', ['14:00Z', '14:00Z', '13:00Z', '13:00Z']],
  ])('a weekly 09:00 booking stays at 09:00 local across the DST change (%s)', async (zone, first, utc) => {
    const settings = await t.call('settings.get', {});
    await t.call('settings.updateSite', { ...settings.site, timeZone: zone });
    const done = await t.call('bookings.createSeries', {
      ...weekly({ firstDate: first, recurrence: { freq: 'weekly', interval: 1, count: 4 } }),
      onClash: 'none',
    });
    expect(done.booked.map((b) => b.localStart)).toEqual(['09:00', '09:00', '09:00', '09:00']);
    expect(done.booked.map((b) => b.start.slice(11, 16) + 'Z')).toEqual(utc);
    // the board of the first day after the change still shows 09:00
    const board = await t.call('bookings.dayBoard', { date: done.booked[2].localDate });
    expect(board.bookings[0].localStart).toBe('09:00');
  });

  it('cancels this occurrence, this and following, or all', async () => {
    const { booked } = await t.call('bookings.createSeries', { ...weekly(), onClash: 'none' });
    const one = await t.call('bookings.cancel', { id: booked[1].id, scope: 'this' });
    expect(one.cancelled.map((b) => b.localDate)).toEqual(['2026-12-08']);
    // the cancelled slot is free for someone else
    await t.call('bookings.create', { bookableId: w.room.id, memberId: w.ben.id, start: london('2026-12-08', '09:00'), end: london('2026-12-08', '10:00') });
    const following = await t.call('bookings.cancel', { id: booked[3].id, scope: 'following' });
    expect(following.cancelled.map((b) => b.localDate)).toEqual(['2026-12-22', '2026-12-29', '2027-01-05']);
    const all = await t.call('bookings.cancel', { id: booked[0].id, scope: 'all' });
    expect(all.cancelled.map((b) => b.localDate)).toEqual(['2026-12-01', '2026-12-15']);
    expect(await t.call('bookings.forMember', { memberId: w.member.id })).toEqual([]);
  });

  it('moves this and following to a new time, all or nothing', async () => {
    const { booked } = await t.call('bookings.createSeries', { ...weekly(), onClash: 'none' });
    await t.call('bookings.create', { bookableId: w.room.id, memberId: w.ben.id, start: london('2026-12-29', '14:00'), end: london('2026-12-29', '15:00') });
    const before = await t.snapshot();
    const clash = await t.send('bookings.reschedule', { id: booked[2].id, scope: 'following', startTime: '14:00', endTime: '15:00' });
    expect(clash).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: expect.stringContaining('Nothing was moved. 2026-12-29: Clashes with Ben Okafor') },
    });
    expect(await t.snapshot()).toEqual(before);
    const { moved } = await t.call('bookings.reschedule', { id: booked[2].id, scope: 'following', startTime: '10:00', endTime: '11:30' });
    expect(moved.map((b) => `${b.localDate} ${b.localStart}-${b.localEnd}`)).toEqual([
      '2026-12-15 10:00-11:30',
      '2026-12-22 10:00-11:30',
      '2026-12-29 10:00-11:30',
      '2027-01-05 10:00-11:30',
    ]);
    const single = await t.call('bookings.reschedule', { id: booked[0].id, scope: 'this', date: '2026-12-02', startTime: '09:00', endTime: '10:00' });
    expect(single.moved[0]).toMatchObject({ localDate: '2026-12-02', seriesId: booked[0].seriesId });
  });

  it('rejects malformed recurrences', async () => {
    const bad = async (recurrence: unknown, field: string) => {
      const r = await t.send('bookings.planSeries', weekly({ recurrence }) as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(Object.keys(r.error.fields ?? {})).toContain(field);
    };
    await bad({ freq: 'hourly', count: 3 }, 'recurrence.freq');
    await bad({ freq: 'weekly' }, 'recurrence.count');
    await bad({ freq: 'weekly', count: 3, until: '2027-01-01' }, 'recurrence.count');
    await bad({ freq: 'weekly', count: 0 }, 'recurrence.count');
    await bad({ freq: 'weekly', count: 10_000 }, 'recurrence.count');
    await bad({ freq: 'weekly', byWeekday: [8], count: 3 }, 'recurrence.byWeekday.0');
    await bad({ freq: 'weekly', until: '2026-01-01' }, 'recurrence.until');
    const r = await t.send('bookings.planSeries', weekly({ startTime: '10:00', endTime: '09:00' }));
    expect(r).toMatchObject({ ok: false, error: { fields: { endTime: 'The end must be after the start' } } });
  });
});
