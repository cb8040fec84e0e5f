import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/main/context';
import { bookingWorld, bookFor } from '../helpers/bookingWorld';
import { FIXED_NOW, freshCoopEachTest } from '../helpers/coop';

// What one member can find out about another, tried as that member would.
const t = freshCoopEachTest({ now: () => FIXED_NOW });
let w: Awaited<ReturnType<typeof bookingWorld>>;
let asBen: Actor;
beforeEach(async () => {
  w = await bookingWorld(t);
  asBen = { role: 'member', memberId: w.ben.id };
  await t.call('members.update', {
    ...(await t.call('members.get', { id: w.member.id })),
    phone: '+44 7700 900123',
    shareContact: false,
    notes: 'Pays late',
    listed: true,
  } as never);
  await t.call('members.update', {
    ...(await t.call('members.get', { id: w.chiara.id })),
    phone: '+44 7700 900999',
    shareContact: true,
    listed: true,
  } as never);
});

describe('the directory', () => {
  it('shows a member only those who chose to be listed, and never one who left; the desk sees everyone', async () => {
    const names = async (actor?: Actor) => (await t.call('members.list', {}, actor)).rows.map((m) => m.name).sort();
    // Ben is not listed, but sees himself; Ana and Chiara are listed
    expect(await names(asBen)).toEqual(['Ana Ribeiro', 'Ben Okafor', 'Chiara Novak']);
    await t.call('members.update', { ...(await t.call('members.get', { id: w.chiara.id })), listed: false } as never);
    expect(await names(asBen)).toEqual(['Ana Ribeiro', 'Ben Okafor']);
    expect(await t.send('members.get', { id: w.chiara.id }, asBen)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await t.call('members.update', { ...(await t.call('members.get', { id: w.member.id })), status: 'left' } as never);
    expect(await names(asBen)).toEqual(['Ben Okafor']);
    expect((await names()).length).toBeGreaterThanOrEqual(3);
  });

  it('lets a member change their own profile (offers, needs, listing, sharing), and only their own', async () => {
    const profile = {
      phone: '+44 7700 900111',
      businessName: 'Okafor Books',
      businessDescription: '',
      website: '',
      offers: ['Bookkeeping'],
      needs: ['web design'],
      shareContact: true,
      listed: true,
    };
    const ben = await t.call('members.updateProfile', profile, asBen);
    expect(ben).toMatchObject({ id: w.ben.id, offers: ['bookkeeping'], needs: ['web design'], listed: true, shareContact: true });
    // the desk's fields stay as they were; a guest of the kiosk cannot
    expect(ben.email).toBe('ben@example.coop');
    expect(await t.send('members.updateProfile', profile, { role: 'kiosk', memberId: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('contact details', () => {
  it('a member sees email and phone only of members who share them, never the desk’s notes; the desk sees all', async () => {
    const seen = await t.call('members.list', {}, asBen);
    const byName = Object.fromEntries(seen.rows.map((m) => [m.name, m]));
    expect(byName['Ana Ribeiro']).toMatchObject({ email: '', phone: '' });
    expect(byName['Chiara Novak']).toMatchObject({ email: 'chiara@example.coop', phone: '+44 7700 900999' });
    expect(await t.call('members.get', { id: w.member.id }, asBen)).toMatchObject({ email: '', phone: '', notes: '' });
    expect(await t.call('members.get', { id: w.ben.id }, asBen)).toMatchObject({ email: 'ben@example.coop' });
    expect(await t.call('members.get', { id: w.member.id })).toMatchObject({ email: 'ana@example.coop', notes: 'Pays late' });
  });

  it('a member cannot find another by searching for their email', async () => {
    expect((await t.call('members.list', { q: 'ana@example' }, asBen)).total).toBe(0);
    expect((await t.call('members.list', { q: 'ana@example' })).total).toBe(1);
    expect((await t.call('members.list', { q: 'chiara' }, asBen)).total).toBe(1);
  });
});

describe('bookings of others', () => {
  it('the board, a room’s week and its .ics show other members’ bookings as booked, without name or title', async () => {
    const anas = await bookFor(t, w.room.id, w.member.id, '2026-11-26', '10:00', '11:00', { title: 'Pitch to the council' });
    const bens = await bookFor(t, w.room.id, w.ben.id, '2026-11-26', '12:00', '13:00', { title: 'Ben’s own' });
    const board = await t.call('bookings.dayBoard', { date: '2026-11-26' }, asBen);
    expect(board.bookings.find((b) => b.id === anas.id)).toMatchObject({ memberName: null, guestName: '', title: '' });
    expect(board.bookings.find((b) => b.id === bens.id)).toMatchObject({ memberName: 'Ben Okafor', title: 'Ben’s own' });
    const week = await t.call('bookings.calendar', { bookableId: w.room.id, date: '2026-11-26', span: 'week' }, asBen);
    expect(week.bookings.find((b) => b.id === anas.id)).toMatchObject({ memberName: null, title: '' });
    const month = await t.call('bookings.calendar', { kind: 'room', date: '2026-11-26', span: 'month' }, asBen);
    expect(month.bookings.find((b) => b.id === anas.id)).toMatchObject({ memberName: null, guestName: '', title: '' });
    const ics = (await t.call('bookings.ics', { bookableId: w.room.id }, asBen)).ics;
    expect(ics).not.toContain('Ana Ribeiro');
    expect(ics).not.toContain('Pitch to the council');
    expect(ics).toContain('Ben’s own');
    // the desk sees who and what
    expect((await t.call('bookings.dayBoard', { date: '2026-11-26' })).bookings.find((b) => b.id === anas.id)).toMatchObject({
      memberName: 'Ana Ribeiro',
      title: 'Pitch to the council',
    });
  });
});

describe('the machine', () => {
  it('only the front desk learns where the data folder is', async () => {
    expect((await t.call('system.status', {}, asBen)).dataDir).toBe('');
    expect((await t.call('system.status', {}, { role: 'kiosk', memberId: null })).dataDir).toBe('');
    expect((await t.call('system.status', {})).dataDir).toBe(t.dataDir);
  });
});
