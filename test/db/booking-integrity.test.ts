import { beforeEach, describe, expect, it } from 'vitest';
import { bookingWorld, london } from '../helpers/bookingWorld';
import { FIXED_NOW, freshCoopEachTest } from '../helpers/coop';

// The rules that keep bookings honest, tried past the service where the database must hold alone.
const t = freshCoopEachTest({ now: () => FIXED_NOW });
let w: Awaited<ReturnType<typeof bookingWorld>>;
beforeEach(async () => {
  w = await bookingWorld(t, { maxConcurrentPerMember: 100, maxMinutes: 24 * 60 });
});
const THU = '2026-11-26';

describe('the database guard', () => {
  it('still sees a long booking moved to another bookable by changing bookable_id alone', async () => {
    const long = await t.call('bookings.create', { bookableId: w.smallRoom.id, memberId: w.member.id, start: london(THU, '08:00'), end: london(THU, '17:00') });
    const sqlite = t.coop.database.sqlite;
    sqlite.prepare('update bookings set bookable_id = ? where id = ?').run(w.room.id, long.id);
    // a short booking in the middle of the long one, written past the service: the guard must refuse it
    const insert = () =>
      sqlite
        .prepare(
          `insert into bookings (id, bookable_id, member_id, guest_name, title, quantity, units, start_ms, end_ms, occ_start_ms, occ_end_ms, status, series_id, price_minor, currency, checked_in_at, cancelled_at, cancelled_by, cancel_reason, cutoff_overridden, created_at, updated_at)
           values ('x1', ?, ?, '', '', 1, 1, ?, ?, ?, ?, 'confirmed', null, 0, 'GBP', null, null, null, '', 0, 0, 0)`,
        )
        .run(
          w.room.id,
          w.ben.id,
          Date.parse(london(THU, '13:00')),
          Date.parse(london(THU, '14:00')),
          Date.parse(london(THU, '13:00')),
          Date.parse(london(THU, '14:00')),
        );
    expect(insert).toThrow(/OVERBOOKED/);
  });
});

describe('changing a bookable under its bookings', () => {
  it('refuses a capacity below what is booked ahead, naming the bookings, and changes nothing', async () => {
    await t.call('bookings.create', { bookableId: w.desks.id, memberId: w.member.id, start: london(THU, '09:00'), end: london(THU, '12:00') });
    await t.call('bookings.create', { bookableId: w.desks.id, memberId: w.ben.id, start: london(THU, '10:00'), end: london(THU, '11:00') });
    const desks = await t.call('bookables.get', { id: w.desks.id });
    const before = await t.snapshot();
    const refused = await t.send('bookables.update', { ...desks, capacity: 1, rules: desks.overrides } as never);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'RULE',
        fields: { capacity: expect.stringMatching(/2 bookings still to come would no longer fit: 2026-11-26 09:00 Ana Ribeiro, 2026-11-26 10:00 Ben Okafor/) },
      },
    });
    expect(await t.snapshot()).toEqual(before);
    expect(await t.send('bookables.update', { ...desks, capacity: 2, rules: desks.overrides } as never)).toMatchObject({ ok: true });
  });

  it('refuses making a desk zone a room while two bookings share it, and allows it when they do not overlap', async () => {
    await t.call('bookings.create', { bookableId: w.desks.id, memberId: w.member.id, start: london(THU, '09:00'), end: london(THU, '10:00') });
    const second = await t.call('bookings.create', { bookableId: w.desks.id, memberId: w.ben.id, start: london(THU, '09:30'), end: london(THU, '10:30') });
    const desks = await t.call('bookables.get', { id: w.desks.id });
    expect(await t.send('bookables.update', { ...desks, kind: 'room', rules: desks.overrides } as never)).toMatchObject({
      ok: false,
      error: { fields: { kind: expect.stringContaining('would no longer fit') } },
    });
    await t.call('bookings.cancel', { id: second.id, scope: 'this', override: false, reason: '' });
    expect(await t.send('bookables.update', { ...desks, kind: 'room', rules: desks.overrides } as never)).toMatchObject({ ok: true });
  });
});

describe('approval', () => {
  it('a member moving an approved booking where approval is required asks for approval again; the front desk moving it does not', async () => {
    const room = await t.call('bookables.get', { id: w.room.id });
    await t.call('bookables.update', { ...room, rules: { ...room.overrides, approvalRequired: true } } as never);
    const asked = await t.call('bookings.create', { bookableId: w.room.id, memberId: w.member.id, start: london(THU, '10:00'), end: london(THU, '11:00') });
    expect(asked.status).toBe('pending');
    await t.call('bookings.approve', { id: asked.id });
    const anaActor = { role: 'member' as const, memberId: w.member.id };
    const moved = await t.call('bookings.reschedule', { id: asked.id, scope: 'this', startTime: '14:00', endTime: '15:00' }, anaActor);
    expect(moved.moved[0].status).toBe('pending');
    await t.call('bookings.approve', { id: asked.id });
    const byDesk = await t.call('bookings.reschedule', { id: asked.id, scope: 'this', startTime: '15:00', endTime: '16:00' });
    expect(byDesk.moved[0].status).toBe('confirmed');
  });
});
