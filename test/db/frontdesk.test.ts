import { PART_OF_CHANNEL } from '@shared/contract';
import { describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import type { Actor, Session } from '../../electron/main/context';
import { bookingWorldEachTest, london, bookFor } from '../helpers/bookingWorld';
import { FIXED_NOW } from '../helpers/coop';

const { t, clock, w } = bookingWorldEachTest();

const MISMATCH = 'That member number (or name) and PIN do not match.';
const kiosk = (): Session => ({ mode: 'kiosk', actor: { role: 'kiosk', memberId: null } });

describe('manager password, kiosk and PINs', () => {
  it('a member identifies with number and PIN; five wrong PINs lock them out and the manager sees it', async () => {
    await t.call('auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });
    await t.call('auth.setPin', { memberId: w.member.id, pin: '4821' });
    const session: Session = { mode: 'manager', actor: { role: 'manager', memberId: null } };
    expect(await t.coop.api.dispatch('auth.enterKiosk', {}, session)).toMatchObject({ ok: true, data: { mode: 'kiosk' } });
    expect(session.actor.role).toBe('kiosk');
    // the kiosk alone can do nothing but identify
    expect(await t.coop.api.dispatch('members.list', {}, session)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Identify with your member number and PIN first, or sign in.' },
    });

    for (let i = 1; i <= 4; i++) {
      const r = await t.coop.api.dispatch('auth.identify', { who: '1', pin: '0000' }, session);
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: `${MISMATCH} ${5 - i} ${5 - i === 1 ? 'try' : 'tries'} left; no PIN yet? Ask the front desk.` },
      });
    }
    expect(await t.coop.api.dispatch('auth.identify', { who: '1', pin: '0000' }, session)).toMatchObject({
      ok: false,
      error: { message: `${MISMATCH} Too many wrong PINs: locked for 15 minutes; the front desk can unlock.` },
    });
    expect(await t.coop.api.dispatch('auth.identify', { who: 'ana ribeiro', pin: '4821' }, session)).toMatchObject({ ok: false, error: { rule: 'locked' } });
    expect((await t.call('auth.lockouts', {})).map((l) => l.label)).toEqual(['Ana Ribeiro']);
    expect((await t.call('frontdesk.today', {})).lockouts.map((l) => l.label)).toEqual(['Ana Ribeiro']);

    await t.call('auth.clearLockout', { scope: 'pin', key: w.member.id });
    expect(await t.coop.api.dispatch('auth.identify', { who: 'ANA@example.coop', pin: '4821' }, session)).toMatchObject({
      ok: true,
      data: { mode: 'kiosk', member: { name: 'Ana Ribeiro' } },
    });
    expect(session.actor).toEqual({ role: 'member', memberId: w.member.id });
    // walking away signs the member out after a few idle minutes
    clock.now = new Date(FIXED_NOW.getTime() + 4 * 60_000);
    expect(await t.coop.api.dispatch('members.list', {}, session)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('an unknown member and a member without a PIN get the answer a wrong PIN gets; wrong manager passwords get clear messages', async () => {
    await t.call('auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });
    const session = kiosk();
    expect(await t.coop.api.dispatch('auth.identify', { who: '999', pin: '1234' }, session)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining(MISMATCH) },
    });
    expect(await t.coop.api.dispatch('auth.identify', { who: '2', pin: '1234' }, session)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining(MISMATCH) },
    });
    expect(await t.coop.api.dispatch('auth.identify', { who: '2', pin: '12' }, session)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { pin: 'A PIN is 4 to 8 digits' } },
    });
    expect(await t.coop.api.dispatch('auth.signIn', { who: 'kasia@example.coop', password: 'guess' }, session)).toMatchObject({
      ok: false,
      error: { fields: { password: 'Wrong e-mail or password' } },
    });
    expect(session.mode).toBe('kiosk');
    expect(await t.coop.api.dispatch('auth.signIn', { who: 'kasia@example.coop', password: 'front-desk-2026' }, session)).toMatchObject({
      ok: true,
      data: { mode: 'manager' },
    });
    expect(await t.coop.api.dispatch('auth.changePassword', { current: 'nope', password: 'another-one-1' }, session)).toMatchObject({
      ok: false,
      error: { fields: { current: 'Not the current password' } },
    });
  });

  it('stores PINs and the password only as scrypt hashes', async () => {
    await t.call('auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });
    await t.call('auth.setPin', { memberId: w.member.id, pin: '4821' });
    const dump = JSON.stringify(await t.snapshot());
    expect(dump).toMatch(/scrypt\$16384\$8\$1\$/);
    // ids and hashes are random and may hold any four digits by chance: the PIN is looked for in the rest
    const readable = dump.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID').replace(/scrypt\$[^"]*/g, 'HASH');
    expect(readable).not.toContain('front-desk-2026');
    expect(readable).not.toContain('4821');
  });

  it('entering kiosk mode needs a staff account first', async () => {
    expect(await t.send('auth.enterKiosk', {})).toMatchObject({ ok: false, error: { rule: 'staff-account' } });
  });
});

describe('permissions: every role against every operation', () => {
  const member: Actor = { role: 'member', memberId: '' };
  const roles = { kiosk: { role: 'kiosk', memberId: null } as Actor, member, frontdesk: { role: 'frontdesk', memberId: null } as Actor };
  for (const [channel, def] of Object.entries(contract)) {
    it(`${channel} (${def.access})`, async () => {
      member.memberId = w.member.id;
      for (const [name, actor] of Object.entries(roles)) {
        const r = await t.coop.api.dispatch(channel, {}, actor);
        const allowed = def.access === 'public' || (def.access === 'member' && name !== 'kiosk') || (def.access === 'desk' && name === 'frontdesk');
        if (allowed) expect(r.ok || r.error.code !== 'FORBIDDEN' || /yourself|your own|not your/.test(r.error.message), `${name} on ${channel}`).toBe(true);
        else expect(r, `${name} on ${channel}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    });
  }

  it('a member cannot cancel, move or read someone else’s booking, nor book for them; the manager can', async () => {
    const bens = await bookFor(t, w.room.id, w.ben.id, '2026-11-26', '10:00', '11:00');
    const ana: Actor = { role: 'member', memberId: w.member.id };
    const before = await t.snapshot();
    expect(await t.send('bookings.cancel', { id: bens.id }, ana)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('not your booking') },
    });
    expect(await t.send('bookings.reschedule', { id: bens.id, startTime: '12:00', endTime: '13:00' }, ana)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.send('bookings.get', { id: bens.id }, ana)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await t.send(
        'bookings.create',
        { bookableId: w.room.id, memberId: w.ben.id, start: london('2026-11-27', '10:00'), end: london('2026-11-27', '11:00') },
        ana,
      ),
    ).toMatchObject({ ok: false, error: { message: 'You can only book for yourself.' } });
    expect(await t.send('bookings.forMember', { memberId: w.ben.id }, ana)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.send('frontdesk.checkIn', { memberId: w.ben.id }, ana)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.snapshot()).toEqual(before);
    const own = await t.call(
      'bookings.create',
      { bookableId: w.room.id, memberId: w.member.id, start: london('2026-11-27', '10:00'), end: london('2026-11-27', '11:00') },
      ana,
    );
    expect((await t.call('bookings.cancel', { id: own.id }, ana)).cancelled).toHaveLength(1);
    expect((await t.call('bookings.cancel', { id: bens.id })).cancelled).toHaveLength(1);
  });

  it('members never see other members’ private notes', async () => {
    await t.call('members.update', {
      id: w.ben.id,
      name: 'Ben Okafor',
      email: 'ben@example.coop',
      memberSince: '2025-03-14',
      notes: 'owes for October',
      listed: true,
    });
    expect((await t.call('members.get', { id: w.ben.id }, { role: 'member', memberId: w.member.id })).notes).toBe('');
    expect((await t.call('members.get', { id: w.ben.id }, { role: 'member', memberId: w.ben.id })).notes).toBe('owes for October');
    expect((await t.call('members.get', { id: w.ben.id })).notes).toBe('owes for October');
  });
});

describe('presence, visitors, day passes, today', () => {
  it('checks in and out once, with clear messages otherwise, and keeps the history', async () => {
    clock.now = new Date(Date.parse(london('2026-11-24', '09:02')));
    const entry = await t.call('frontdesk.checkIn', { memberId: w.member.id });
    expect(entry).toMatchObject({ name: 'Ana Ribeiro', since: '09:02', checkedOutAt: null });
    const before = await t.snapshot();
    expect(await t.send('frontdesk.checkIn', { memberId: w.member.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Ana Ribeiro is already checked in (since 09:02).' },
    });
    expect(await t.send('frontdesk.checkOut', { memberId: w.ben.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Ben Okafor is not checked in.' },
    });
    expect(await t.send('frontdesk.checkIn', { memberId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.snapshot()).toEqual(before);
    clock.now = new Date(Date.parse(london('2026-11-24', '17:30')));
    expect((await t.call('frontdesk.checkOut', { memberId: w.member.id })).checkedOutAt).not.toBeNull();
    expect(await t.call('frontdesk.presence', { memberId: w.member.id })).toHaveLength(1);
    // the database refuses a second open presence even past the service
    const sqlite = t.coop.database.sqlite;
    sqlite.prepare("insert into presence values ('p1', ?, ?, 1, null)").run(w.ben.id, w.siteId);
    expect(() => sqlite.prepare("insert into presence values ('p2', ?, ?, 2, null)").run(w.ben.id, w.siteId)).toThrow(/UNIQUE/);
  });

  it('checking in a member checks in their booking under way, and the other way round', async () => {
    const b = await bookFor(t, w.room.id, w.member.id, '2026-11-24', '11:00', '12:00');
    clock.now = new Date(Date.parse(london('2026-11-24', '10:50')));
    await t.call('frontdesk.checkIn', { memberId: w.member.id });
    expect((await t.call('bookings.get', { id: b.id })).checkedInAt).not.toBeNull();
    const c = await bookFor(t, w.booth.id, w.ben.id, '2026-11-24', '11:00', '11:30');
    await t.call('bookings.checkIn', { id: c.id });
    expect((await t.call('frontdesk.today', {})).present.map((p) => p.name)).toEqual(['Ana Ribeiro', 'Ben Okafor']);
  });

  it('visitors need a host, arrive and leave once, and notify the host', async () => {
    const notified: string[] = [];
    t.coop.setDesktop?.({ chooseSaveFile: async () => null, chooseOpenFile: async () => null, notify: (m) => notified.push(`${m.title} — ${m.body}`) });
    expect(await t.send('visitors.create', { name: 'Dana', expectedAt: london('2026-11-24', '11:00') } as never)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { hostMemberId: 'Choose the member they are visiting' } },
    });
    const v = await t.call('visitors.create', { name: 'Dana Visitor', company: 'Acme', hostMemberId: w.member.id, expectedAt: london('2026-11-24', '11:00') });
    expect(v).toMatchObject({ hostName: 'Ana Ribeiro', expectedLocal: '11:00', arrivedAt: null });
    expect(await t.send('visitors.leave', { id: v.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Dana Visitor has not arrived yet.' },
    });
    await t.call('visitors.arrive', { id: v.id });
    expect(notified).toEqual(['Dana Visitor has arrived — Visiting Ana Ribeiro (Acme)']);
    expect(await t.send('visitors.arrive', { id: v.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await t.call('visitors.leave', { id: v.id });
    const csv = await t.call('visitors.exportDay', { date: '2026-11-24' });
    expect(csv.csv).toContain('2026-11-24,Dana Visitor,Acme,Ana Ribeiro,11:00,10:00,10:00');
  });

  it('day passes: sold from the price list, each holding a desk seat for the day; refused when no desk is free, nothing written', async () => {
    expect(await t.send('dayPasses.savePrice', { name: 'X', priceMinor: -1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { priceMinor: 'A price cannot be negative' } },
    });
    const [day] = await t.call('dayPasses.savePrice', { name: 'Day pass', priceMinor: 1500 });
    const freeBefore = (await t.call('frontdesk.today', {})).desks.freeRestOfDay;
    const pass = await t.call('dayPasses.create', { name: 'Drop-in Dave', priceId: day.id });
    expect(pass).toMatchObject({ date: '2026-11-24', priceName: 'Day pass', price: 1500, currency: 'GBP', paid: false, deskName: 'Hot desks' });
    expect((await t.call('frontdesk.today', {})).desks.freeRestOfDay).toBe(freeBefore - 1);
    expect((await t.call('dayPasses.markPaid', { id: pass.id })).paid).toBe(true);
    expect(await t.send('dayPasses.markPaid', { id: pass.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // a member's pass checks them in and goes on their statement: it is not paid at the desk
    const mine = await t.call('dayPasses.create', { memberId: w.member.id, priceId: day.id, paid: true });
    expect(mine).toMatchObject({ name: 'Ana Ribeiro', paid: false });
    expect((await t.call('frontdesk.today', {})).present.map((p) => p.name)).toContain('Ana Ribeiro');
    expect(await t.send('dayPasses.markPaid', { id: mine.id })).toMatchObject({ ok: false, error: { code: 'RULE' } });
    await t.call('dayPasses.create', { name: 'Drop-in Eve', priceId: day.id });
    // three desks, three passes: the fourth finds no seat
    const before = await t.snapshot();
    expect(await t.send('dayPasses.create', { name: 'Drop-in Fay', priceId: day.id })).toMatchObject({
      ok: false,
      error: { code: 'RULE', fields: { priceId: 'No desk free' } },
    });
    expect(await t.send('dayPasses.create', { name: '', priceId: day.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { name: 'Name is required' } },
    });
    await t.call('dayPasses.savePrice', { id: day.id, name: 'Day pass', priceMinor: 1500, archived: true });
    expect(await t.send('dayPasses.create', { name: 'Drop-in Gus', priceId: day.id })).toMatchObject({
      ok: false,
      error: { fields: { priceId: 'Not on the list' } },
    });
    const after = await t.snapshot();
    delete after.audit_log;
    delete after.day_pass_prices;
    delete before.audit_log;
    delete before.day_pass_prices;
    expect(after).toEqual(before);
    expect((await t.call('frontdesk.today', {})).dayPasses).toHaveLength(3);
  });

  it('today: who is in, who is late, who arrives within the hour, rooms, desks', async () => {
    clock.now = new Date(Date.parse(london('2026-11-24', '10:00')));
    await bookFor(t, w.room.id, w.ben.id, '2026-11-24', '10:15', '11:00', { title: 'Pitch' });
    await bookFor(t, w.desks.id, w.chiara.id, '2026-11-24', '10:00', '17:00');
    await t.call('frontdesk.checkIn', { memberId: w.member.id });
    clock.now = new Date(Date.parse(london('2026-11-24', '10:05')));
    const today = await t.call('frontdesk.today', {});
    expect(today).toMatchObject({ date: '2026-11-24', siteName: 'Mill Lane', opens: '08:00', closes: '18:00' });
    expect(today.present.map((p) => p.name)).toEqual(['Ana Ribeiro']);
    expect(today.late.map((b) => `${b.who} ${b.bookableName} ${b.localStart}`)).toEqual(['Chiara Novak Hot desks 10:00']);
    expect(today.arriving.map((b) => `${b.who} ${b.bookableName} ${b.localStart}`)).toEqual(['Ben Okafor Garden Room 10:15']);
    expect(today.rooms.find((r) => r.name === 'Garden Room')?.bookings.map((b) => b.title)).toEqual(['Pitch']);
    expect(today.desks).toEqual({ total: 3, freeNow: 2, freeRestOfDay: 2 });
  });
});

describe('free desks for the rest of the day', () => {
  it('are what a booking would find at the busiest moment until closing, the booking engine’s arithmetic: three one-seat bookings that never overlap hold one seat, not three', async () => {
    // Tuesday 10:00 in London; three desk seats; bookings 11–12, 14–15 and 16–17, one seat each
    await bookFor(t, w.desks.id, w.member.id, '2026-11-24', '11:00', '12:00');
    await bookFor(t, w.desks.id, w.ben.id, '2026-11-24', '14:00', '15:00');
    await bookFor(t, w.desks.id, w.chiara.id, '2026-11-24', '16:00', '17:00');
    const today = await t.call('frontdesk.today', {});
    // summing every later booking used to say 0 free; at no moment are more than one seat taken
    expect(today.desks).toEqual({ total: 3, freeNow: 3, freeRestOfDay: 2 });
    // and the seats it counts can be booked: two more bookings, and the busiest moment holds two seats
    await bookFor(t, w.desks.id, w.member.id, '2026-11-24', '12:00', '17:00');
    await bookFor(t, w.desks.id, w.ben.id, '2026-11-24', '10:30', '13:00');
    expect((await t.call('frontdesk.today', {})).desks).toEqual({ total: 3, freeNow: 3, freeRestOfDay: 1 });
  });
});

describe('audit log', () => {
  it('records who changed what, hides secrets, and reads nothing into it', async () => {
    const ana: Actor = { role: 'member', memberId: w.member.id };
    await t.call(
      'bookings.create',
      { bookableId: w.room.id, memberId: w.member.id, start: london('2026-11-26', '10:00'), end: london('2026-11-26', '11:00') },
      ana,
    );
    await t.call('auth.setPin', { memberId: w.ben.id, pin: '9911' });
    await t.call('members.list', {});
    await t.send('members.create', { name: '', email: 'x', memberSince: '2025-01-01' });
    const log = await t.call('audit.list', { limit: 5 });
    expect(log.rows.map((r) => `${r.actorName}: ${r.channel}`)).toEqual([
      'Manager: auth.setPin',
      'Ana Ribeiro: bookings.create',
      'Manager: members.create',
      'Manager: members.create',
      'Manager: members.create',
    ]);
    expect(log.rows[0].details).toContain('"pin":"(hidden)"');
    expect(log.rows[0].recordId).toBe(w.ben.id);
    expect((await t.call('audit.list', { memberId: w.member.id })).total).toBe(1);
    expect((await t.call('audit.list', { channel: 'bookables' })).total).toBe(6);
    // an area is a part of the contract: the front desk's takes its visitors and day passes too
    await t.call('visitors.create', { name: 'Dee Visitor', hostMemberId: w.member.id, expectedAt: '2026-11-24T11:00:00Z' });
    const frontDesk = await t.call('audit.list', { area: 'frontdesk' });
    expect(frontDesk.rows.map((r) => r.channel)).toContain('visitors.create');
    expect(frontDesk.rows.every((r) => PART_OF_CHANNEL[r.channel]?.name === 'frontdesk' || r.channel.startsWith('frontdesk.'))).toBe(true);
    expect(await t.send('audit.list', { area: 'nowhere' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { area: 'Unknown area' } } });
  });
});
