import { sql } from 'kysely';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { bookingWorldEachTest, london } from '../helpers/bookingWorld';
import { FIXED_NOW } from '../helpers/coop';

const { t, clock, w } = bookingWorldEachTest();

const THU = '2026-11-26';
const FRI = '2026-11-27';
const book = (over: Record<string, unknown> = {}) =>
  t.send('bookings.create', { bookableId: w.room.id, memberId: w.member.id, start: london(THU, '10:00'), end: london(THU, '11:00'), ...over } as never);

/** Books or fails the test. */
async function booked(over: Record<string, unknown> = {}) {
  const r = await book(over);
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

/** Expects a rule to refuse, and the database to be unchanged. */
async function refused(over: Record<string, unknown>, rule: string, message: RegExp | string) {
  const before = await t.snapshot();
  const r = await book(over);
  expect(r.ok, JSON.stringify(r)).toBe(false);
  if (r.ok) return;
  expect(r.error).toMatchObject({ code: 'RULE', rule });
  expect(r.error.message).toMatch(message);
  expect(await t.snapshot()).toEqual(before);
}

describe('booking a room', () => {
  it('books with a frozen price and shows local times', async () => {
    const b = await booked({ title: 'Client workshop' });
    expect(b).toMatchObject({
      bookableName: 'Garden Room',
      memberName: 'Ana Ribeiro',
      localDate: THU,
      localStart: '10:00',
      localEnd: '11:00',
      status: 'confirmed',
      price: 1500,
      currency: 'GBP',
    });
    await t.call('bookables.update', { ...(await t.call('bookables.get', { id: w.room.id })), hourlyRate: 9999 } as never);
    expect((await t.call('bookings.get', { id: b.id })).price).toBe(1500);
  });

  it('half-open intervals: back-to-back bookings do not clash', async () => {
    await booked();
    await booked({ start: london(THU, '11:00'), end: london(THU, '12:00'), memberId: w.ben.id });
    await booked({ start: london(THU, '09:00'), end: london(THU, '10:00'), memberId: w.ben.id });
  });

  it('an overlap names the booking it clashes with', async () => {
    await booked();
    await refused({ start: london(THU, '10:30'), end: london(THU, '11:30'), memberId: w.ben.id }, 'capacity', 'Clashes with Ana Ribeiro’s booking 10:00–11:00');
  });

  it('a buffer keeps the booth free for cleaning after each booking', async () => {
    await booked({ bookableId: w.booth.id });
    await refused({ bookableId: w.booth.id, start: london(THU, '11:00'), end: london(THU, '11:30'), memberId: w.ben.id }, 'capacity', /including the buffer/);
    await booked({ bookableId: w.booth.id, start: london(THU, '11:15'), end: london(THU, '11:45'), memberId: w.ben.id });
  });

  it('hot desks take as many people as they have seats', async () => {
    const desk = { bookableId: w.desks.id, start: london(THU, '09:00'), end: london(THU, '17:00') };
    await booked({ ...desk, quantity: 2 });
    await booked({ ...desk, memberId: w.ben.id });
    await refused({ ...desk, memberId: w.chiara.id }, 'capacity', 'Only 0 of 3 free at that time.');
    await refused({ ...desk, memberId: w.chiara.id, quantity: 4 }, 'capacity', 'Hot desks has 3 seats; 4 asked for.');
    // free again after the others leave
    await booked({ ...desk, memberId: w.chiara.id, start: london(FRI, '09:00'), end: london(FRI, '17:00') });
  });

  it('counts the peak, not the sum: two bookings that do not overlap each other leave room', async () => {
    const p = { bookableId: w.projector.id };
    await booked({ ...p, start: london(THU, '09:00'), end: london(THU, '10:00') });
    await booked({ ...p, start: london(THU, '11:00'), end: london(THU, '12:00'), memberId: w.ben.id });
    await booked({ ...p, start: london(THU, '09:00'), end: london(THU, '12:00'), memberId: w.chiara.id });
    await refused({ ...p, start: london(THU, '09:30'), end: london(THU, '09:45'), memberId: w.ben.id }, 'capacity', 'Only 0 of 2 free');
  });

  it('a booking over several days clashes in its middle and shows on each day’s board', async () => {
    await t.call('bookables.update', {
      ...(await t.call('bookables.get', { id: w.projector.id })),
      rules: { withinOpeningHours: false, maxMinutes: 4320 },
    } as never);
    await booked({ bookableId: w.projector.id, start: london(THU, '09:00'), end: london('2026-11-29', '09:00'), quantity: 2 });
    await refused({ bookableId: w.projector.id, start: london(FRI, '12:00'), end: london(FRI, '13:00'), memberId: w.ben.id }, 'capacity', 'Only 0 of 2 free');
    const board = await t.call('bookings.dayBoard', { date: FRI });
    expect(board.bookings.map((b) => [b.localDate, b.localEnd])).toEqual([[THU, '2026-11-29 09:00']]);
    expect(board).toMatchObject({ fromTime: '00:00', toTime: '24:00' });
  });

  it('a whole-day desk booking is the site’s opening hours that date', async () => {
    const b = await booked({ bookableId: w.desks.id, start: undefined, end: undefined, date: FRI });
    expect(b).toMatchObject({ localStart: '08:00', localEnd: '18:00' });
    await refused({ bookableId: w.desks.id, start: undefined, end: undefined, date: '2026-11-29' }, 'opening-hours', 'Mill Lane is closed on 2026-11-29.');
  });
});

describe('rules say no in words, and write nothing', () => {
  it.each([
    ['start after end', { start: london(THU, '11:00'), end: london(THU, '10:00') }, 'interval', 'The booking must end after it starts.'],
    ['zero duration', { start: london(THU, '11:00'), end: london(THU, '11:00') }, 'interval', 'end after it starts'],
    ['closes on Fridays', { start: london(FRI, '17:00'), end: london(FRI, '18:30') }, 'opening-hours', 'Mill Lane closes at 18:00 on Fridays.'],
    [
      'opens later on Saturdays',
      { start: london('2026-11-28', '09:00'), end: london('2026-11-28', '11:00') },
      'opening-hours',
      'Mill Lane opens at 10:00 on Saturdays.',
    ],
    ['closed on Sundays', { start: london('2026-11-29', '10:00'), end: london('2026-11-29', '11:00') }, 'opening-hours', 'Mill Lane is closed on Sundays.'],
    ['a closure', { start: london('2026-12-25', '10:00'), end: london('2026-12-25', '11:00') }, 'closure', 'Mill Lane is closed on 2026-12-25 (Christmas).'],
    [
      'beyond the booking window',
      { start: london('2027-03-01', '10:00'), end: london('2027-03-01', '11:00') },
      'booking-window',
      'up to 90 days ahead (until 2027-02-22)',
    ],
    ['in the past', { start: london('2026-11-24', '08:00'), end: london('2026-11-24', '09:00') }, 'past', 'already started'],
    ['off the 15-minute grid', { start: london(THU, '10:10'), end: london(THU, '11:00') }, 'slot', 'steps of 15 minutes'],
    ['too short', { start: london(THU, '10:00'), end: london(THU, '10:00').replace('10:00', '10:00') }, 'interval', 'end after'],
    ['too long', { start: london(THU, '08:00'), end: london(THU, '18:15') }, 'max-duration', 'at most 10 hours at a time'],
    ['more people than seats', { quantity: 7 }, 'capacity', 'Garden Room has 6 seats; 7 asked for.'],
  ])('%s', async (_label, over, rule, message) => {
    await refused(over, rule, message);
  });

  it('unknown bookable or member, malformed input', async () => {
    expect(await book({ bookableId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: { bookableId: 'Unknown bookable' } } });
    expect(await book({ memberId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: { memberId: 'Unknown member' } } });
    expect(await book({ start: 'tomorrow at ten' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { start: expect.stringContaining('ISO') } },
    });
    expect(await book({ quantity: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { quantity: 'At least 1' } } });
    expect(await book({ memberId: null })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { memberId: expect.stringContaining('guest') } } });
  });

  it('guests only where the bookable is open to them', async () => {
    await refused({ memberId: null, guestName: 'Dana Visitor' }, 'members-only', 'Garden Room is for members only.');
    const open = await t.call('bookables.create', { siteId: w.siteId, kind: 'room', name: 'Hall', capacity: 40, rules: { membersOnly: false } });
    const b = await booked({ bookableId: open.id, memberId: null, guestName: 'Dana Visitor' });
    expect(b).toMatchObject({ memberId: null, guestName: 'Dana Visitor' });
  });

  it('minimum notice and the per-member limit', async () => {
    await t.call('bookables.update', {
      ...(await t.call('bookables.get', { id: w.room.id })),
      rules: { minNoticeMinutes: 120, maxConcurrentPerMember: 2 },
    } as never);
    await refused({ start: london('2026-11-24', '11:00'), end: london('2026-11-24', '12:00') }, 'min-notice', 'at least 2 hours ahead');
    await booked();
    await booked({ start: london(FRI, '10:00'), end: london(FRI, '11:00') });
    await refused({ start: london(FRI, '12:00'), end: london(FRI, '13:00') }, 'max-concurrent', 'already holds 2');
  });

  it('the database itself refuses an overbooking that skips the service', async () => {
    const b = await booked();
    const db = t.coop.database.db;
    // a copy of the booking half an hour later, straight into the table
    await expect(
      sql`insert into bookings (id, bookable_id, member_id, guest_name, title, quantity, start_ms, end_ms, occ_start_ms, occ_end_ms, status, price_minor, currency, created_at, updated_at, cancel_reason, cutoff_overridden)
        select 'sneaky', bookable_id, member_id, guest_name, title, quantity, start_ms + 1800000, end_ms, occ_start_ms + 1800000, occ_end_ms, status, 0, currency, 0, 0, '', 0 from bookings where id = ${b.id}`.execute(
        db,
      ),
    ).rejects.toThrow(/OVERBOOKED|bookings_no_overlap/);
    await sql`update bookings set status = 'confirmed', start_ms = start_ms + 3600000, end_ms = end_ms + 3600000, occ_start_ms = occ_start_ms + 3600000, occ_end_ms = occ_end_ms + 3600000 where id = ${b.id}`.execute(
      db,
    );
  });
});

describe('approval, cancellation, check-in, no-shows', () => {
  it('approval required: pending until a manager approves, holding the slot meanwhile', async () => {
    await t.call('bookables.update', { ...(await t.call('bookables.get', { id: w.bigRoom.id })), rules: { approvalRequired: true } } as never);
    const b = await booked({ bookableId: w.bigRoom.id });
    expect(b.status).toBe('pending');
    expect((await t.call('bookings.pending', {})).map((p) => p.id)).toEqual([b.id]);
    await refused({ bookableId: w.bigRoom.id, memberId: w.ben.id }, 'capacity', 'Clashes with Ana');
    expect((await t.call('bookings.approve', { id: b.id })).status).toBe('confirmed');
    expect(await t.call('bookings.pending', {})).toEqual([]);
    const second = await booked({ bookableId: w.bigRoom.id, start: london(FRI, '10:00'), end: london(FRI, '11:00') });
    expect((await t.call('bookings.decline', { id: second.id, reason: 'Maintenance' })).status).toBe('declined');
  });

  it('cancels before the cut-off; after it only a manager with override, recorded', async () => {
    const b = await booked({ start: london('2026-11-24', '11:00'), end: london('2026-11-24', '12:00') }); // starts in 60 min
    clock.now = new Date(FIXED_NOW.getTime() + 30 * 60_000); // 30 min before start, cut-off is 60 min
    const member = { role: 'member' as const, memberId: w.member.id };
    expect(await t.send('bookings.cancel', { id: b.id }, member)).toMatchObject({
      ok: false,
      error: { code: 'RULE', rule: 'cancel-cutoff', message: 'Cancellation closed 1 hour before the start; ask a manager.' },
    });
    expect(await t.send('bookings.cancel', { id: b.id, override: true }, member)).toMatchObject({ ok: false, error: { rule: 'cancel-cutoff' } });
    expect(await t.send('bookings.cancel', { id: b.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('override the cut-off') } });
    const { cancelled } = await t.call('bookings.cancel', { id: b.id, override: true, reason: 'Client ill' });
    expect(cancelled[0]).toMatchObject({ status: 'cancelled', cutoffOverridden: true });
    const early = await booked({ start: london(FRI, '10:00'), end: london(FRI, '11:00') });
    expect((await t.call('bookings.cancel', { id: early.id }, member)).cancelled[0]).toMatchObject({ status: 'cancelled', cutoffOverridden: false });
    expect(await t.send('bookings.cancel', { id: early.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'The booking is already cancelled.' },
    });
  });

  it('check-in once, in its time; no-shows are released after the grace period', async () => {
    await t.call('bookables.update', {
      ...(await t.call('bookables.get', { id: w.room.id })),
      rules: { checkinRequired: true, noShowGraceMinutes: 15 },
    } as never);
    const a = await booked({ start: london('2026-11-24', '10:30'), end: london('2026-11-24', '11:30') });
    const b = await booked({ bookableId: w.room.id, memberId: w.ben.id, start: london('2026-11-24', '11:30'), end: london('2026-11-24', '12:30') });
    expect(await t.send('bookings.checkIn', { id: b.id })).toMatchObject({ ok: false, error: { message: 'Check-in opens at 11:15.' } });
    clock.now = new Date(Date.parse(london('2026-11-24', '10:25')));
    const inA = await t.call('bookings.checkIn', { id: a.id });
    expect(inA.checkedInAt).not.toBeNull();
    expect(await t.send('bookings.checkIn', { id: a.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Already checked in at 10:25.' } });
    clock.now = new Date(Date.parse(london('2026-11-24', '11:40')));
    expect(await t.coop.runJob('bookings.releaseNoShows')).toBe(0); // within grace
    clock.now = new Date(Date.parse(london('2026-11-24', '11:46')));
    expect(await t.coop.runJob('bookings.releaseNoShows')).toBe(1);
    expect((await t.call('bookings.get', { id: b.id })).status).toBe('released');
    expect((await t.call('bookings.get', { id: a.id })).status).toBe('confirmed');
    // the space is free again
    await booked({ memberId: w.chiara.id, start: london('2026-11-24', '12:00'), end: london('2026-11-24', '12:30') });
  });
});

describe('availability', () => {
  it('finds free rooms for 6 with a screen, snuggest first', async () => {
    const ask = { start: london(THU, '10:00'), end: london(THU, '12:00'), people: 6, features: ['screen'] };
    expect((await t.call('bookings.findRooms', ask)).map((r) => [r.bookable.name, r.fit])).toEqual([
      ['Garden Room', 'seats 6 (exact fit), has screen'],
      ['Loft', 'seats 12 (6 spare), has screen'],
    ]);
    await booked({ start: london(THU, '11:00'), end: london(THU, '12:00') });
    expect((await t.call('bookings.findRooms', ask)).map((r) => r.bookable.name)).toEqual(['Loft']);
    expect(await t.call('bookings.findRooms', { ...ask, start: london(THU, '17:00'), end: london(THU, '19:00') })).toEqual([]);
  });

  it('finds the next free slot, skipping bookings, closing time and Sundays', async () => {
    await booked({ start: london(THU, '10:00'), end: london(THU, '17:00') });
    const next = await t.call('bookings.nextFree', { bookableId: w.room.id, from: london(THU, '09:00'), minutes: 120 });
    expect(next).toEqual({ start: london(FRI, '08:00'), end: london(FRI, '10:00') });
    const after = await t.call('bookings.nextFree', { bookableId: w.room.id, from: london('2026-11-28', '13:00'), minutes: 120 });
    expect(after).toEqual({ start: london('2026-11-30', '08:00'), end: london('2026-11-30', '10:00') });
  });

  it('lists desks with free seats now', async () => {
    clock.now = new Date(Date.parse(london(THU, '09:00')));
    expect((await t.call('bookings.freeDesks', {})).map((d) => [d.bookable.name, d.freeSeats])).toEqual([['Hot desks', 3]]);
    expect(await t.call('bookings.deskSeatsFree', {})).toBe(3);
    await booked({ bookableId: w.desks.id, start: london(THU, '09:00'), end: london(THU, '17:00'), quantity: 3 });
    clock.now = new Date(Date.parse(london(THU, '10:00')));
    expect(await t.call('bookings.freeDesks', {})).toEqual([]);
    expect(await t.call('bookings.deskSeatsFree', {})).toBe(0);
  });
});

describe('the day board and the week', () => {
  it('shows every bookable and the day’s bookings, in local time', async () => {
    await booked();
    await booked({ bookableId: w.desks.id, date: THU, start: undefined, end: undefined });
    await booked({ start: london(FRI, '10:00'), end: london(FRI, '11:00') });
    const board = await t.call('bookings.dayBoard', { date: THU });
    expect(board).toMatchObject({
      siteName: 'Mill Lane',
      timeZone: 'Europe/London',
      opens: '08:00',
      closes: '18:00',
      fromTime: '08:00',
      toTime: '18:00',
      closure: null,
    });
    expect(board.bookables.map((b) => b.name)).toEqual(['Garden Room', 'Loft', 'Phone Booth', 'Snug', 'Projector', 'Hot desks']);
    const nameOf = (id: string) => board.bookables.find((b) => b.id === id)?.name;
    expect(board.bookings.map((b) => `${nameOf(b.bookableId)} ${b.localStart}-${b.localEnd} ${b.memberName}`)).toEqual([
      'Hot desks 08:00-18:00 Ana Ribeiro',
      'Garden Room 10:00-11:00 Ana Ribeiro',
    ]);
    expect((await t.call('bookings.dayBoard', { date: '2026-12-25' })).closure).toBe('Christmas');
  });

  it('lists rooms, then equipment, then desks, by name with numbers in order and whatever their case', async () => {
    const siteId = (await t.call('bookables.list', {}))[0].siteId;
    for (const name of ['Room 10', 'Room 2', 'room 1', 'Room 11']) await t.call('bookables.create', { siteId, kind: 'room', name, capacity: 4 });
    const rooms = ['Garden Room', 'Loft', 'Phone Booth', 'room 1', 'Room 2', 'Room 10', 'Room 11', 'Snug'];
    const board = await t.call('bookings.dayBoard', { date: THU });
    expect(board.bookables.map((b) => b.name)).toEqual([...rooms, 'Projector', 'Hot desks']);
    expect((await t.call('bookables.list', {})).map((b) => b.name)).toEqual([...rooms, 'Projector', 'Hot desks']);
  });

  it('shows a bookable’s week from Monday, with each day’s hours, closures and today', async () => {
    await booked();
    const week = await t.call('bookings.calendar', { bookableId: w.room.id, date: THU, span: 'week' });
    expect(week.days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(week.today).toBe('2026-11-24');
    expect(week.bookables.map((b) => b.name)).toEqual(['Garden Room']);
    expect(week.bookings).toHaveLength(1);
    expect(week.days[3]).toMatchObject({ opens: '08:00', closes: '18:00', closure: null, count: 1 });
    expect(week.days[5]).toMatchObject({ opens: '10:00', closes: '14:00' });
    expect(week.days[6]).toMatchObject({ opens: null, closes: null });
    expect([week.fromTime, week.toTime]).toEqual(['08:00', '18:00']);
    const christmas = await t.call('bookings.calendar', { bookableId: w.room.id, date: '2026-12-25', span: 'week' });
    expect(christmas.days[4]).toMatchObject({ date: '2026-12-25', closure: 'Christmas' });
  });

  it('a week of all rooms widens its hours to every booking, and leaves out desks and equipment', async () => {
    const studio = await t.call('bookables.create', { siteId: w.siteId, kind: 'room', name: 'Studio', capacity: 3, rules: { withinOpeningHours: false } });
    await booked({ bookableId: studio.id, start: london(THU, '07:00'), end: london(THU, '08:00') });
    await booked({ bookableId: studio.id, start: london(THU, '19:00'), end: london(THU, '19:30') });
    await t.call('bookings.create', { bookableId: w.desks.id, memberId: w.member.id, date: THU });
    const week = await t.call('bookings.calendar', { kind: 'room', date: THU, span: 'week' });
    expect(week.bookables.map((b) => b.name)).toEqual(['Garden Room', 'Loft', 'Phone Booth', 'Snug', 'Studio']);
    expect(week.bookings.map((b) => b.bookableId)).toEqual([studio.id, studio.id]);
    expect([week.fromTime, week.toTime]).toEqual(['07:00', '20:00']);
  });

  it('a month is whole weeks, counts every booking of a day and lists the first three', async () => {
    for (const hour of ['08', '09', '10', '11', '12']) await booked({ start: london(THU, `${hour}:00`), end: london(THU, `${hour}:30`) });
    const month = await t.call('bookings.calendar', { kind: 'room', date: '2026-11-10', span: 'month' });
    expect(month.days[0].date).toBe('2026-10-26');
    expect(month.days.at(-1)!.date).toBe('2026-12-06');
    expect(month.days).toHaveLength(42);
    expect(month.days.find((d) => d.date === THU)!.count).toBe(5);
    expect(month.bookings.map((b) => b.localStart)).toEqual(['08:00', '09:00', '10:00']);
    // how full: five half hours of one room out of four rooms open ten hours; nothing on a closed Sunday
    expect(month.days.find((d) => d.date === THU)!.load).toBe(0.06);
    expect(month.days.find((d) => d.date === '2026-11-29')!.load).toBe(0);
    // a desk seat for the whole day is a third of three seats
    await t.call('bookings.create', { bookableId: w.desks.id, memberId: w.member.id, date: THU });
    const desks = await t.call('bookings.calendar', { kind: 'desk', date: THU, span: 'month' });
    expect(desks.days.find((d) => d.date === THU)!.load).toBe(0.33);
    const march = await t.call('bookings.calendar', { kind: 'room', date: '2027-03-31', span: 'month' });
    expect([march.days[0].date, march.days.at(-1)!.date, march.days.length]).toEqual(['2027-03-01', '2027-04-04', 35]);
  });
});

describe('iCalendar export', () => {
  it('a member’s bookings, parsed back by a real iCalendar parser, with TZID and VTIMEZONE', async () => {
    await booked({ title: 'Workshop' });
    await booked({ bookableId: w.desks.id, date: FRI, start: undefined, end: undefined });
    const { filename, ics } = await t.call('bookings.ics', { memberId: w.member.id });
    expect(filename).toBe('coopdesk-ana-ribeiro.ics');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const zone = calendar.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Europe/London');
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary)).toEqual(['Garden Room: Workshop (Ana Ribeiro)', 'Hot desks (Ana Ribeiro)']);
    expect(events[0].component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/London');
    expect(events[0].startDate.toString()).toBe('2026-11-26T10:00:00');
    expect(events[1].endDate.toString()).toBe('2026-11-27T18:00:00');
    const bookableIcs = await t.call('bookings.ics', { bookableId: w.room.id });
    expect(bookableIcs.ics).toContain('LOCATION:Mill Lane');
  });
});
