import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/main/context';
import { FIXED_NOW, startTestCoop, type TestCoop } from '../helpers/coop';

/** Mutual support through dispatch: help routed to who is in, mentoring, commitments; privacy and bad input. */
let t: TestCoop;
let clock: { now: Date };
const who: Record<string, Actor> = {};
const id = (first: string) => who[first]!.memberId!;

async function member(name: string, offers: string[] = []) {
  const first = name.split(' ')[0]!;
  const m = await t.call('members.create', { name, email: `${first.toLowerCase()}@example.coop`, memberSince: '2025-01-10', offers, listed: true });
  who[first] = { role: 'member', memberId: m.id };
}
const FRONTDESK: Actor = { role: 'frontdesk', memberId: null, accountId: 'desk-account', name: 'Lena' };
const inbox = async (first: string) => (await t.call('notifications.inbox', {}, who[first])).rows.map((n) => n.title);

beforeEach(async () => {
  clock = { now: FIXED_NOW };
  t = await startTestCoop({ now: () => clock.now });
  await t.call('settings.updateCoop', { name: 'Millbrook Works', currency: 'GBP', timeZone: 'Europe/London', ownershipMonths: 14 });
  await member('Ana Ribeiro', ['web design']);
  await member('Kasia Nowak', ['bookkeeping', 'vat returns']);
  await member('Omar Haddad', ['vat']);
  await member('Pia Lund', ['photography']);
});
afterEach(async () => {
  await t.close();
});

describe('the help board', () => {
  it('routes a question tagged "vat" to who offers it and is in, lists it first for them; a helper claims it and the asker resolves it with thanks', async () => {
    await t.call('frontdesk.checkIn', { memberId: id('Ana') });
    await t.call('frontdesk.checkIn', { memberId: id('Omar') });
    const asked = await t.call('support.ask', { kind: 'quick', text: 'Can I reclaim VAT on a laptop?', skills: ['VAT'], hereToday: true }, who.Ana);
    // Omar offers vat and is in; Kasia offers "vat returns" but is not in: only Omar is told
    expect(asked).toMatchObject({ told: 1, state: 'open', skills: ['vat'], asker: { name: 'Ana Ribeiro' } });
    expect(await inbox('Omar')).toEqual(['Ana Ribeiro asks for a quick question (vat)']);
    expect(await inbox('Kasia')).toEqual([]);
    const omars = await t.call('support.board', {}, who.Omar);
    expect(omars.open[0]).toMatchObject({ id: asked.id, forYou: 1, mayClaim: true, mayResolve: false });
    expect((await t.call('support.board', {}, who.Kasia)).open[0]).toMatchObject({ forYou: 2 });
    expect((await t.call('support.board', {}, who.Pia)).open[0]).toMatchObject({ forYou: 3 });
    // the desk's Today: who could help among those in
    expect((await t.call('support.board', {})).open[0]!.couldHelp.map((m) => m.name)).toEqual(['Omar Haddad']);

    const claimed = await t.call('support.claim', { id: asked.id, how: 'come over' }, who.Omar);
    expect(claimed).toMatchObject({ state: 'claimed', helper: { name: 'Omar Haddad' }, how: 'come over' });
    expect(await inbox('Ana')).toEqual(['Omar Haddad is coming over to help']);
    // a second helper is too late
    expect(await t.send('support.claim', { id: asked.id, how: 'call me' }, who.Kasia)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const done = await t.call('support.resolve', { id: asked.id, thanks: 'Sorted in five minutes!' }, who.Ana);
    expect(done).toMatchObject({ state: 'resolved', thanks: 'Sorted in five minutes!', helperHelped: 1 });
    expect((await inbox('Omar'))[0]).toBe('Ana Ribeiro thanks you: Sorted in five minutes!');
    expect(await t.call('support.summary', { memberId: id('Omar') })).toMatchObject({ helped: 1, asked: 0 });
    expect((await t.call('support.board', {}, who.Ana)).resolved.map((r) => r.id)).toEqual([asked.id]);
  });

  it('tells those who offer the skill when none of them is in, and nobody one by one when nobody offers it', async () => {
    const a = await t.call('support.ask', { kind: 'hands-on', text: 'Set up my VAT return', skills: ['vat'] }, who.Pia);
    expect(a.told).toBe(2);
    expect((await inbox('Kasia')).length + (await inbox('Omar')).length).toBe(2);
    const b = await t.call('support.ask', { kind: 'quick', text: 'Anyone know a sign-writer?', skills: ['signwriting'] }, who.Pia);
    expect(b.told).toBe(0);
    expect((await t.call('support.board', {}, who.Ana)).open.map((r) => r.id)).toContain(b.id);
  });

  it('raises a request nobody claimed after the co-op’s limit: the desk is told and it goes on top', async () => {
    await t.call('support.saveSettings', { raiseAfterMinutes: 20 });
    const a = await t.call('support.ask', { kind: 'quick', text: 'Printer jammed', skills: [] }, who.Pia);
    clock.now = new Date(FIXED_NOW.getTime() + 10 * 60_000);
    expect(await t.coop.runJob('support.raise')).toBe(0);
    clock.now = new Date(FIXED_NOW.getTime() + 21 * 60_000);
    expect(await t.coop.runJob('support.raise')).toBe(1);
    expect((await t.call('support.board', {})).open[0]).toMatchObject({ id: a.id, raised: true });
    expect(await t.coop.runJob('support.raise')).toBe(0);
  });

  it('refuses claiming one’s own request, resolving someone else’s and an empty question, changing nothing', async () => {
    const a = await t.call('support.ask', { kind: 'quick', text: 'Which bank for a co-op?', skills: [] }, who.Ana);
    const before = await t.snapshot();
    expect(await t.send('support.claim', { id: a.id, how: 'call me' }, who.Ana)).toMatchObject({
      ok: false,
      error: { code: 'RULE', fields: { id: 'Your own request' } },
    });
    expect(await t.send('support.resolve', { id: a.id }, who.Kasia)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.send('support.ask', { kind: 'quick', text: '  ' }, who.Ana)).toMatchObject({
      ok: false,
      error: { fields: { text: 'Enter what you need help with' } },
    });
    expect(await t.send('support.ask', { kind: 'long' as never, text: 'x' }, who.Ana)).toMatchObject({
      ok: false,
      error: { fields: { kind: 'A quick question or hands-on help' } },
    });
    // a member asks for themselves only
    expect(await t.send('support.ask', { askerId: id('Kasia'), kind: 'quick', text: 'x' }, who.Ana)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('mentoring', () => {
  it('suggests a mentor from skills with the reason, the pair is agreed by both, logs a meeting whose notes only the pair reads', async () => {
    await t.call('support.offerMentoring', { skills: ['bookkeeping'], hoursPerMonth: 3, note: 'Happy to help new traders' }, who.Kasia);
    await t.call('support.offerMentoring', { skills: ['photography'], hoursPerMonth: 2 }, who.Pia);
    await t.call('support.askMentor', { about: 'Getting my books in order', skills: ['bookkeeping'] }, who.Ana);
    const mine = await t.call('support.mentoring', {}, who.Ana);
    expect(mine.suggestions).toEqual([
      expect.objectContaining({ mentor: expect.objectContaining({ name: 'Kasia Nowak' }), reason: 'mentors bookkeeping · 3 h a month free' }),
    ]);
    // the manager sees who waits and who has time
    const desk = await t.call('support.mentoring', {});
    expect(desk.waiting.map((w) => w.member.name)).toEqual(['Ana Ribeiro']);
    expect(desk.capacity.map((c) => [c.member.name, c.spareHours])).toEqual(
      expect.arrayContaining([
        ['Kasia Nowak', 3],
        ['Pia Lund', 2],
      ]),
    );

    const pair = await t.call(
      'support.proposePair',
      { mentorId: id('Kasia'), menteeId: id('Ana'), about: 'Bookkeeping', hoursPerMonth: 1, startsOn: '2026-11-24', endsOn: '2027-05-24' },
      who.Ana,
    );
    expect(pair).toMatchObject({ state: 'proposed', mayAgree: false });
    expect(await inbox('Kasia')).toEqual(['Mentoring proposed: Kasia Nowak mentors Ana Ribeiro']);
    // a meeting before the pair is agreed is refused
    expect(await t.send('support.logMeeting', { pairId: pair.id, onDate: '2026-11-24', minutes: 30 }, who.Ana)).toMatchObject({
      ok: false,
      error: { code: 'RULE' },
    });
    expect(await t.call('support.answerPair', { id: pair.id, answer: 'agree' }, who.Kasia)).toMatchObject({ state: 'active' });
    expect((await t.call('support.mentoring', {})).waiting).toEqual([]);
    expect((await t.call('support.mentoring', {})).capacity.find((c) => c.member.name === 'Kasia Nowak')?.spareHours).toBe(2);

    await t.call('support.logMeeting', { pairId: pair.id, onDate: '2026-11-24', minutes: 45, notes: 'Set up a cash book' }, who.Kasia);
    expect(await t.call('support.meetings', { pairId: pair.id }, who.Ana)).toEqual([expect.objectContaining({ notes: 'Set up a cash book', minutes: 45 })]);
    // not the manager, not another member
    expect(await t.send('support.meetings', { pairId: pair.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.send('support.meetings', { pairId: pair.id }, who.Pia)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('support.mentoring', {}, who.Ana)).pairs[0]).toMatchObject({ meetings: 1, lastMet: '2026-11-24', inPair: true });
    expect(await t.call('support.endPair', { id: pair.id, onDate: '2026-11-30' }, who.Ana)).toMatchObject({ state: 'ended', endedOn: '2026-11-30' });
  });

  it('refuses a pair with oneself, a meeting logged by someone outside the pair and one in the future, changing nothing', async () => {
    const pair = await t.call(
      'support.proposePair',
      { mentorId: id('Kasia'), menteeId: id('Ana'), about: 'Bookkeeping', startsOn: '2026-11-24', endsOn: '2027-05-24' },
      who.Kasia,
    );
    await t.call('support.answerPair', { id: pair.id, answer: 'agree' }, who.Ana);
    const before = await t.snapshot();
    const self = await t.send(
      'support.proposePair',
      { mentorId: id('Ana'), menteeId: id('Ana'), about: 'x', startsOn: '2026-11-24', endsOn: '2027-01-01' },
      who.Ana,
    );
    expect(self).toMatchObject({ ok: false, error: { fields: { menteeId: 'A mentor pair is two different members' } } });
    const others = await t.send(
      'support.proposePair',
      { mentorId: id('Kasia'), menteeId: id('Omar'), about: 'x', startsOn: '2026-11-24', endsOn: '2027-01-01' },
      who.Pia,
    );
    expect(others).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.send('support.logMeeting', { pairId: pair.id, onDate: '2026-11-24', minutes: 30 }, who.Pia)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.send('support.logMeeting', { pairId: pair.id, onDate: '2026-12-24', minutes: 30 }, who.Ana)).toMatchObject({
      ok: false,
      error: { fields: { onDate: 'Not in the future' } },
    });
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('accountability', () => {
  it('a missed commitment nudges the partner; the owner’s record counts what was kept; it is private to the two', async () => {
    const c = await t.call('support.commit', { text: 'Send the tender', dueOn: '2026-11-27', partnerIds: [id('Kasia')] }, who.Ana);
    expect(await inbox('Kasia')).toEqual(['Ana Ribeiro asks you to hold them to a commitment']);
    expect((await t.call('support.commitments', {}, who.Kasia)).partnering.map((x) => x.id)).toEqual([c.id]);
    // not the desk, not another member
    expect(await t.send('support.commitments', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('support.commitments', {}, who.Pia)).partnering).toEqual([]);

    // the day before, a reminder; after the due date, missed and the partner nudged
    clock.now = new Date('2026-11-26T09:00:00Z');
    await t.coop.runJob('support.nudge');
    expect((await inbox('Ana'))[0]).toBe('Due tomorrow: Send the tender');
    clock.now = new Date('2026-11-28T09:00:00Z');
    await t.coop.runJob('support.nudge');
    expect((await inbox('Kasia'))[0]).toBe('Ana Ribeiro missed a commitment: a word from you may help');
    const kept = await t.call('support.commit', { text: 'Call three leads', dueOn: '2026-11-30', partnerIds: [id('Kasia'), id('Omar')] }, who.Ana);
    await t.call('support.checkIn', { id: kept.id, kind: 'progress', note: 'Two called' }, who.Ana);
    expect(await t.call('support.checkIn', { id: kept.id, kind: 'done' }, who.Ana)).toMatchObject({
      state: 'done',
      checkins: [{ kind: 'progress' }, { kind: 'done' }],
    });
    expect((await t.call('support.commitments', {}, who.Ana)).kept).toMatchObject({ kept: 1, closed: 2, byMonth: [{ month: '2026-11', kept: 1, closed: 2 }] });
  });

  it('refuses a commitment due in the past, oneself as partner, and a check-in on someone else’s, changing nothing', async () => {
    const c = await t.call('support.commit', { text: 'File VAT', dueOn: '2026-11-30', partnerIds: [id('Kasia')] }, who.Ana);
    const before = await t.snapshot();
    expect(await t.send('support.commit', { text: 'x', dueOn: '2026-11-20', partnerIds: [id('Kasia')] }, who.Ana)).toMatchObject({
      ok: false,
      error: { fields: { dueOn: 'Not in the past' } },
    });
    expect(await t.send('support.commit', { text: 'x', dueOn: '2026-11-30', partnerIds: [id('Ana')] }, who.Ana)).toMatchObject({
      ok: false,
      error: { fields: { partnerIds: 'Not yourself' } },
    });
    expect(await t.send('support.commit', { text: 'x', dueOn: '2026-11-30', partnerIds: [] }, who.Ana)).toMatchObject({
      ok: false,
      error: { fields: { partnerIds: 'Choose at least one partner' } },
    });
    expect(await t.send('support.checkIn', { id: c.id, kind: 'done' }, who.Kasia)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('who may do what, decided in the main process', () => {
  it('the front desk asks for a member and sees the board, but not commitments, not a pair’s notes, not the settings', async () => {
    const asked = await t.call('support.ask', { askerId: id('Pia'), kind: 'hands-on', text: 'Hang the gallery lights', skills: [] }, FRONTDESK);
    expect(asked.asker.name).toBe('Pia Lund');
    expect((await t.call('support.board', {}, FRONTDESK)).open.map((r) => r.id)).toEqual([asked.id]);
    // the desk must say for whom
    expect(await t.send('support.ask', { kind: 'quick', text: 'x' }, FRONTDESK)).toMatchObject({
      ok: false,
      error: { fields: { askerId: 'Choose the member' } },
    });
    expect(await t.send('support.commitments', {}, FRONTDESK)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.send('support.saveSettings', { raiseAfterMinutes: 10 }, FRONTDESK)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.send('support.saveSettings', { raiseAfterMinutes: 10 }, who.Ana)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.send('support.saveSettings', { raiseAfterMinutes: 2 })).toMatchObject({
      ok: false,
      error: { fields: { raiseAfterMinutes: 'At least 5 minutes' } },
    });
  });

  it('keeps every record in the export and brings it back on import', async () => {
    await t.call('support.ask', { kind: 'quick', text: 'Which bank?', skills: ['banking'] }, who.Ana);
    await t.call('support.offerMentoring', { skills: ['bookkeeping'], hoursPerMonth: 3 }, who.Kasia);
    await t.call('support.commit', { text: 'File VAT', dueOn: '2026-11-30', partnerIds: [id('Kasia')] }, who.Ana);
    const tables = ['help_requests', 'help_request_skills', 'mentor_offers', 'mentoring_skills', 'commitments', 'commitment_partners'];
    const before = await t.snapshot();
    const exported = await t.call('data.exportAll', {});
    const other = await startTestCoop();
    try {
      const from = await t.call('data.exports', {});
      const to = await other.call('data.exports', {});
      writeFileSync(join(to.folder, exported.name), readFileSync(join(from.folder, exported.name)));
      await other.call('data.importAll', { name: exported.name });
      const after = await other.snapshot();
      for (const table of tables) expect(after[table], table).toEqual(before[table]);
    } finally {
      await other.close();
    }
  });
});
