import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/main/context';
import { bookingWorld, london } from '../helpers/bookingWorld';
import { FIXED_NOW, startTestCoop, type TestCoop } from '../helpers/coop';

/** Events through dispatch: a room booked through the booking engine, replies with a waitlist, the door, and bad input. */
let t: TestCoop;
let w: Awaited<ReturnType<typeof bookingWorld>>;
let clock: { now: Date };
const as = (memberId: string): Actor => ({ role: 'member', memberId });
const FRONTDESK: Actor = { role: 'frontdesk', memberId: null, accountId: 'desk-account', name: 'Lena' };

async function members(n: number) {
  const out = [];
  for (let i = 0; i < n; i++)
    out.push(await t.call('members.create', { name: `Member ${String(i + 1).padStart(2, '0')}`, email: `m${i}@example.coop`, memberSince: '2025-01-10' }));
  return out;
}
const breakfast = (extra: Record<string, unknown> = {}) =>
  t.call('events.create', {
    kind: 'breakfast',
    title: 'Members’ breakfast',
    hostIds: [w.member.id],
    date: '2026-12-02',
    startTime: '08:30',
    endTime: '09:30',
    roomId: w.bigRoom.id,
    capacity: 12,
    ...extra,
  });

beforeEach(async () => {
  clock = { now: FIXED_NOW };
  t = await startTestCoop({ now: () => clock.now });
  w = await bookingWorld(t);
});
afterEach(async () => {
  await t.close();
});

describe('events', () => {
  it('books its room through the booking engine: the day board shows it, a clash is refused with the rule and nothing written', async () => {
    const e = await breakfast();
    expect(e).toMatchObject({ where: 'Loft', capacity: 12, going: 0, state: 'scheduled', hosts: [{ name: 'Ana Ribeiro' }] });
    const board = await t.call('bookings.dayBoard', { date: '2026-12-02' });
    expect(JSON.stringify(board)).toContain('Members’ breakfast');
    const before = await t.snapshot();
    const clash = await t.send('events.create', {
      kind: 'seminar',
      title: 'Tenders',
      hostIds: [w.ben.id],
      date: '2026-12-02',
      startTime: '09:00',
      endTime: '10:00',
      roomId: w.bigRoom.id,
      capacity: 10,
    });
    expect(clash).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(await t.snapshot()).toEqual(before);
    // cancelling frees the room and tells who replied
    await t.call('events.rsvp', { eventId: e.id }, as(w.ben.id));
    await t.call('events.cancel', { id: e.id, reason: 'Kitchen flooded' });
    expect((await t.call('notifications.inbox', {}, as(w.ben.id))).rows[0]).toMatchObject({ kind: 'event', title: 'Cancelled: Members’ breakfast' });
    await t.call('events.create', {
      kind: 'seminar',
      title: 'Tenders',
      hostIds: [w.ben.id],
      date: '2026-12-02',
      startTime: '09:00',
      endTime: '10:00',
      roomId: w.bigRoom.id,
      capacity: 10,
    });
  });

  it('fills 12 places and waitlists 2; a cancellation promotes the first waiting, who is told; who came is checked at the door', async () => {
    const e = await breakfast();
    const people = await members(14);
    const replies = [];
    for (const m of people) replies.push(await t.call('events.rsvp', { eventId: e.id }, as(m.id)));
    expect(replies.filter((r) => r.state === 'going')).toHaveLength(12);
    expect(replies.slice(12).map((r) => [r.state, r.place])).toEqual([
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    expect((await t.call('events.list', { from: '2026-12-01', to: '2026-12-31' }, as(people[13]!.id)))[0]).toMatchObject({
      going: 12,
      waitlisted: 2,
      mine: { state: 'waitlisted', place: 2 },
    });
    await t.call('events.cancelRsvp', { id: replies[3]!.id }, as(people[3]!.id));
    const promoted = await t.call('events.get', { id: e.id }, as(people[12]!.id));
    expect(promoted.mine).toMatchObject({ state: 'going' });
    expect((await t.call('notifications.inbox', {}, as(people[12]!.id))).rows[0]!.title).toBe('A place came free: you are going to Members’ breakfast');
    expect((await t.call('events.get', { id: e.id }, as(people[13]!.id))).mine).toMatchObject({ state: 'waitlisted', place: 1 });

    // a member checks in at the door, not from home the day before
    expect(await t.send('events.checkIn', { eventId: e.id }, as(people[1]!.id))).toMatchObject({ ok: false, error: { code: 'RULE' } });
    // at the door: one who replied, and a walk-in who did not; a member at the kiosk checks in
    clock.now = new Date(london('2026-12-02', '08:35'));
    expect(await t.call('events.checkIn', { eventId: e.id }, as(people[4]!.id))).toMatchObject({ attended: true, walkIn: false });
    expect(await t.call('events.checkIn', { eventId: e.id, memberId: people[0]!.id }, FRONTDESK)).toMatchObject({ attended: true, walkIn: false });
    expect(await t.call('events.checkIn', { eventId: e.id, memberId: w.chiara.id }, FRONTDESK)).toMatchObject({ attended: true, walkIn: true });
    expect((await t.call('events.get', { id: e.id })).attended).toBe(3);
    clock.now = new Date(london('2026-12-03', '10:00'));
    const counts = await t.call('events.attendance', { from: '2026-12-01', to: '2026-12-31' });
    expect(counts.byKind).toEqual([{ kind: 'breakfast', events: 1, attended: 3 }]);
    expect(counts.byMember.find((m) => m.member.name === 'Member 02')).toMatchObject({ attended: 0, noShows: 1 });
  });

  it('shows a member who else is going only where they chose to be listed; the desk sees everyone', async () => {
    const e = await breakfast();
    const listed = await t.call('members.create', { name: 'Lia Listed', email: 'lia@example.coop', memberSince: '2025-01-10', listed: true });
    for (const m of [listed, w.ben]) await t.call('events.rsvp', { eventId: e.id }, as(m.id));
    // Ben is not listed: Chiara does not see his name; Ben sees himself
    const seen = async (id: string) => (await t.call('events.get', { id: e.id }, as(id))).rsvps.map((r) => r.member?.name);
    expect(await seen(w.chiara.id)).toEqual(['Lia Listed']);
    expect(await seen(w.ben.id)).toEqual(['Lia Listed', 'Ben Okafor']);
    expect((await t.call('events.get', { id: e.id })).rsvps.map((r) => r.member?.name)).toEqual(['Lia Listed', 'Ben Okafor']);
  });

  it('cancels an event too few signed up for by its decision time, and reminds those going the day before', async () => {
    const e = await breakfast({ minAttendees: 3, decideBy: london('2026-11-30', '12:00') });
    await t.call('events.rsvp', { eventId: e.id }, as(w.ben.id));
    clock.now = new Date(london('2026-11-30', '12:05'));
    expect(await t.coop.runJob('events.remind')).toBe(1);
    expect((await t.call('events.get', { id: e.id })).state).toBe('cancelled');
    const other = await breakfast({ date: '2026-12-03' });
    await t.call('events.rsvp', { eventId: other.id }, as(w.ben.id));
    clock.now = new Date(london('2026-12-02', '09:00'));
    expect(await t.coop.runJob('events.remind')).toBe(1);
    expect((await t.call('notifications.inbox', {}, as(w.ben.id))).rows[0]!.title).toBe('Tomorrow: Members’ breakfast');
    expect(await t.coop.runJob('events.remind')).toBe(0);
  });

  it('refuses places below those going, a reply past the deadline or to a cancelled event, a guest at a members-only event, changing nothing', async () => {
    const e = await breakfast({ capacity: 3, rsvpDeadline: london('2026-11-30', '18:00') });
    for (const m of [w.ben, w.chiara]) await t.call('events.rsvp', { eventId: e.id }, as(m.id));
    const before = await t.snapshot();
    expect(await t.send('events.update', { id: e.id, title: 'x', capacity: 1 })).toMatchObject({ ok: false, error: { fields: { capacity: 'At least 2' } } });
    expect(await t.send('events.rsvp', { eventId: e.id, guestName: 'Dana Visitor' }, FRONTDESK)).toMatchObject({
      ok: false,
      error: { message: 'This event is for members only.' },
    });
    expect(await t.send('events.rsvp', { eventId: e.id, guestName: 'Dana Visitor' }, as(w.ben.id))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.send('events.rsvp', { eventId: e.id }, as(w.ben.id))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      await t.send('events.create', {
        kind: 'fair',
        title: 'Fair',
        hostIds: [w.ben.id],
        date: '2026-12-05',
        startTime: '10:00',
        endTime: '16:00',
        capacity: 50,
      }),
    ).toMatchObject({
      ok: false,
      error: { fields: { venue: 'Choose a room, or give the venue’s address' } },
    });
    expect(await t.snapshot()).toEqual(before);
    // a member does not create events (refused by role; that refusal is in the audit log)
    expect(
      await t.send(
        'events.create',
        { kind: 'fair', title: 'Fair', hostIds: [w.ben.id], date: '2026-12-05', startTime: '10:00', endTime: '16:00', venue: 'Hall', capacity: 50 },
        as(w.ben.id),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    clock.now = new Date(london('2026-11-30', '18:01'));
    expect(await t.send('events.rsvp', { eventId: e.id }, as(w.member.id))).toMatchObject({
      ok: false,
      error: { message: 'Replies to this event closed at its deadline.' },
    });
    await t.call('events.cancel', { id: e.id });
    expect(await t.send('events.rsvp', { eventId: e.id }, as(w.member.id))).toMatchObject({ ok: false, error: { message: 'This event is cancelled.' } });
  });
});
