import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/main/context';
import { bookingWorld } from '../helpers/bookingWorld';
import { FIXED_NOW, startTestCoop, type TestCoop } from '../helpers/coop';

/** A fair: members exhibit with their offers; needs visitors tell are answered by the matching, exhibitors first; a member's needs join their profile. */
let t: TestCoop;
let w: Awaited<ReturnType<typeof bookingWorld>>;
const as = (memberId: string): Actor => ({ role: 'member', memberId });

beforeEach(async () => {
  t = await startTestCoop({ now: () => FIXED_NOW });
  w = await bookingWorld(t);
});
afterEach(async () => {
  await t.close();
});

const localFair = () =>
  t.call('events.create', {
    kind: 'fair',
    title: 'Local suppliers’ fair',
    hostIds: [w.member.id],
    date: '2026-12-05',
    startTime: '10:00',
    endTime: '16:00',
    venue: 'Town hall',
    capacity: 200,
    guestsAllowed: true,
  });

describe('fairs', () => {
  it('lists exhibitors with their offers; a guest’s need is matched to the exhibitor who offers it first; a member’s need joins their profile', async () => {
    await t.call('members.updateProfile', { offers: ['bookkeeping', 'vat returns'] }, as(w.ben.id));
    await t.call('members.updateProfile', { offers: ['bookkeeping'] }, as(w.chiara.id));
    const fair = await localFair();
    const withStand = await t.call('events.addExhibitor', { eventId: fair.id, memberId: w.chiara.id, stand: 'A3' });
    expect(withStand.exhibitors).toEqual([{ member: expect.objectContaining({ name: 'Chiara Novak' }), stand: 'A3', offers: ['bookkeeping'] }]);
    const noted = await t.call('events.noteNeeds', { eventId: fair.id, visitorName: 'Millbrook Bakery', contact: 'jo@bakery.example', tags: ['Bookkeeping'] });
    expect(noted.needs[0]).toMatchObject({ tag: 'bookkeeping', visitor: 'Millbrook Bakery', contact: 'jo@bakery.example' });
    expect(noted.needs[0]!.offeredBy.map((m) => [m.name, m.exhibitor])).toEqual([
      ['Chiara Novak', true],
      ['Ben Okafor', false],
    ]);
    // a member tells the desk what they need: it is on their profile, so the network's matching sees it too
    await t.call('events.noteNeeds', { eventId: fair.id, tags: ['vat returns'] }, as(w.member.id));
    expect((await t.call('members.get', { id: w.member.id })).needs).toContain('vat returns');
    const matches = await t.call('network.matches', { memberId: w.member.id });
    expect(JSON.stringify(matches)).toContain('Ben Okafor');
    // a member sees the needs and who offers them, but not a guest's contact
    const seen = await t.call('events.fair', { id: fair.id }, as(w.ben.id));
    expect(seen.needs.find((n) => n.visitor === 'Millbrook Bakery')!.contact).toBe('');
  });

  it('refuses what a fair does not take, with nothing written', async () => {
    const fair = await localFair();
    const breakfast = await t.call('events.create', {
      kind: 'breakfast',
      title: 'Breakfast',
      hostIds: [w.member.id],
      date: '2026-12-05',
      startTime: '08:00',
      endTime: '09:00',
      venue: 'Kitchen',
      capacity: 10,
    });
    const before = await t.snapshot();
    expect(await t.send('events.addExhibitor', { eventId: breakfast.id, memberId: w.ben.id })).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(await t.send('events.noteNeeds', { eventId: fair.id, tags: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.send('events.noteNeeds', { eventId: fair.id, tags: ['x'] })).toMatchObject({
      ok: false,
      error: { fields: { visitorName: 'Choose the member, or give the visitor’s name' } },
    });
    expect(await t.send('events.removeExhibitor', { eventId: fair.id, memberId: w.ben.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const after = await t.snapshot();
    delete before.audit_log;
    delete after.audit_log;
    expect(after).toEqual(before);
    // a member notes only their own needs, and no guest's; nor adds exhibitors
    expect(await t.send('events.noteNeeds', { eventId: fair.id, memberId: w.ben.id, tags: ['x'] }, as(w.chiara.id))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.send('events.noteNeeds', { eventId: fair.id, visitorName: 'Guest', tags: ['x'] }, as(w.chiara.id))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.send('events.addExhibitor', { eventId: fair.id, memberId: w.chiara.id }, as(w.chiara.id))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
