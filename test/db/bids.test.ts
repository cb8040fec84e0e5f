import { sql } from 'kysely';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, Ctx } from '../../electron/main/context';
import { remindDaily } from '../../electron/main/features/bids/bids.queries';
import { FIXED_NOW, onPostgres, startTestCoop, type TestCoop } from '../helpers/coop';

let t: TestCoop;
let now = FIXED_NOW;
const people: Record<string, Actor> = {};
const FRONT: Actor = { role: 'manager', memberId: null };

async function member(name: string, offers: string[]) {
  const m = await t.call('members.create', { name, email: `${name.split(' ')[0].toLowerCase()}@example.coop`, memberSince: '2025-01-10', offers });
  people[name.split(' ')[0]] = { role: 'member', memberId: m.id };
  return m;
}

const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

beforeEach(async () => {
  now = FIXED_NOW;
  t = await startTestCoop({ now: () => now });
  await t.call('settings.updateCoop', { name: 'Millbrook Works', currency: 'GBP', timeZone: 'Europe/London', ownershipMonths: 14 });
  await member('Ana Ribeiro', ['project management', 'web design']);
  await member('Ben Okafor', ['copywriting']);
  await member('Chiara Novak', ['photography', 'copywriting']);
  await member('Dev Patel', ['web design', 'photography', 'copywriting']);
  await member('Eve Outsider', ['bookkeeping']);
});
afterEach(async () => {
  await t.close();
});

const skills = [
  { tag: 'Web Design', days: 10 },
  { tag: 'copywriting', days: 4 },
  { tag: 'photography', days: 2 },
  { tag: 'video', days: 3 },
];

async function newBid(by: Actor = people.Ana, extra: Record<string, unknown> = {}) {
  return t.call(
    'bids.create',
    { title: 'Town hall website', client: 'Millbrook Council', estimatedValue: 4_000_000, deadline: inDays(20), skills, ...extra },
    by,
  );
}

describe('an opportunity', () => {
  it('is created by a member, who leads it and holds the whole share until others join', async () => {
    const bid = await newBid();
    expect(bid).toMatchObject({ stage: 'idea', currency: 'GBP', leadName: 'Ana Ribeiro', team: ['Ana Ribeiro'], visibility: 'open' });
    expect(bid.neededSkills).toEqual([
      { tag: 'web design', days: 10 },
      { tag: 'copywriting', days: 4 },
      { tag: 'video', days: 3 },
      { tag: 'photography', days: 2 },
    ]);
    expect(bid.members).toMatchObject([{ name: 'Ana Ribeiro', status: 'accepted', workShare: 100, revenueShare: 100, isLead: true }]);
    expect(bid.activity.map((a) => a.kind)).toEqual(['created']);
    expect(bid.activity[0].who).toBe('Ana Ribeiro');
  });

  it('refuses a deadline in the past, a negative value and a delivery that ends before it starts, writing nothing', async () => {
    const before = await t.snapshot();
    expect(await t.send('bids.create', { title: 'Late', deadline: inDays(-1) }, people.Ana)).toMatchObject({
      ok: false,
      error: { code: 'RULE', fields: { deadline: 'This deadline has passed' } },
    });
    expect(await t.send('bids.create', { title: 'Negative', estimatedValue: -5 }, people.Ana)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { estimatedValue: 'The estimated value cannot be negative' } },
    });
    expect(await t.send('bids.create', { title: 'Backwards', deliveryStart: '2027-03-01', deliveryEnd: '2027-02-01' }, people.Ana)).toMatchObject({
      ok: false,
      error: { fields: { deliveryEnd: 'Delivery ends before it starts' } },
    });
    expect(await t.send('bids.create', { title: 'From whom?', source: 'member' }, people.Ana)).toMatchObject({
      ok: false,
      error: { fields: { sourceMemberId: 'Choose the member who brought it' } },
    });
    expect(await t.send('bids.create', { title: 'Ghost source', source: 'member', sourceMemberId: 'nobody' }, people.Ana)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('the suggested team', () => {
  it('ranks members by the work their skills cover, says why, and shows the gaps', async () => {
    const bid = await newBid();
    const s = await t.call('bids.suggestTeam', { id: bid.id }, people.Ana);
    // Ana leads (already on the team, so not suggested); Dev covers 16 of 19 days, Chiara 6, Ben 4
    expect(s.ranked.map((r) => [r.name, r.covers])).toEqual([
      ['Dev Patel', ['web design', 'copywriting', 'photography']],
      ['Chiara Novak', ['copywriting', 'photography']],
      ['Ben Okafor', ['copywriting']],
    ]);
    expect(s.ranked[0].reason).toBe('offers web design, copywriting, photography');
    expect(s.ranked[0].coverage).toBeCloseTo(16 / 19);
    expect(s.suggested).toEqual([people.Dev.memberId]);
    expect(s.gaps).toEqual(['video']);
    // once Dev is on the team, nobody else is needed for what he brings
    await t.call('bids.invite', { id: bid.id, memberIds: [people.Dev.memberId!] }, people.Ana);
    const after = await t.call('bids.suggestTeam', { id: bid.id }, people.Ana);
    expect(after.ranked.map((r) => r.name)).toEqual(['Chiara Novak', 'Ben Okafor']);
    expect(after.suggested).toEqual([]);
    expect(after.gaps).toEqual(['video']);
  });

  it('prefers members who have bid with the team before, and says so', async () => {
    // Ana and Ben won a bid together before; now Ben and Chiara both offer copywriting only
    await t.call('members.update', { ...(await t.call('members.get', { id: people.Chiara.memberId! })), offers: ['copywriting'] });
    const earlier = await newBid(people.Ana, { title: 'Earlier' });
    await t.call('bids.invite', { id: earlier.id, memberIds: [people.Ben.memberId!] }, people.Ana);
    await t.call('bids.respond', { id: earlier.id, memberId: people.Ben.memberId!, answer: 'accept' }, people.Ben);
    const bid = await newBid(people.Ana, { skills: [{ tag: 'copywriting', days: 5 }] });
    const s = await t.call('bids.suggestTeam', { id: bid.id }, people.Ana);
    expect(s.ranked.slice(0, 2).map((r) => r.name)).toEqual(['Ben Okafor', 'Chiara Novak']);
    expect(s.ranked[0].reason).toBe('offers copywriting; has bid with Ana Ribeiro before');
  });
});

describe('team and shares', () => {
  it('invites, accepts, and cannot be submitted until the accepted shares total exactly 100 %', async () => {
    const bid = await newBid();
    await t.call('bids.invite', { id: bid.id, memberIds: [people.Ben.memberId!, people.Chiara.memberId!] }, people.Ana);
    // only the invited member answers their own invitation
    expect(await t.send('bids.respond', { id: bid.id, memberId: people.Ben.memberId!, answer: 'accept' }, people.Chiara)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await t.call('bids.respond', { id: bid.id, memberId: people.Ben.memberId!, answer: 'accept' }, people.Ben);
    await t.call('bids.respond', { id: bid.id, memberId: people.Chiara.memberId!, answer: 'decline' }, people.Chiara);

    await t.call('bids.move', { id: bid.id, to: 'forming' }, people.Ana);
    // no "go" yet
    expect(await t.send('bids.move', { id: bid.id, to: 'preparing' }, people.Ana)).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: 'Record a “go” decision with the team before preparing the bid.' },
    });
    await t.call('bids.decide', { id: bid.id, decision: 'go', agreedBy: [people.Ana.memberId!, people.Ben.memberId!], note: 'Worth it' }, people.Ben);
    await t.call('bids.move', { id: bid.id, to: 'preparing' }, people.Ana);

    const shares = (a: number, b: number) => ({
      id: bid.id,
      leadMemberId: people.Ana.memberId!,
      members: [
        { memberId: people.Ana.memberId!, role: 'Lead, design', workShare: a, revenueShare: a },
        { memberId: people.Ben.memberId!, role: 'Copy', workShare: b, revenueShare: b },
      ],
    });
    const at90 = await t.call('bids.setTeam', shares(60, 30), people.Ana);
    expect(at90.submissionProblems).toEqual([
      'Work shares total 90 %: 10 % is not given to anyone.',
      'Revenue shares total 90 %: 10 % is not given to anyone.',
    ]);
    const before = await t.snapshot();
    const refused = await t.send('bids.move', { id: bid.id, to: 'submitted' }, people.Ana);
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE', rule: 'stage' } });
    expect(!refused.ok && refused.error.message).toContain('Work shares total 90 %');
    expect(await t.snapshot()).toEqual(before);

    expect(await t.send('bids.setTeam', shares(66.666, 33.334), people.Ana)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'At most two decimals, e.g. 33.33' },
    });
    expect((await t.call('bids.setTeam', shares(66.67, 33.33), people.Ana)).submissionProblems).toEqual([]);
    const submitted = await t.call('bids.move', { id: bid.id, to: 'submitted', note: 'Sent by email' }, people.Ana);
    expect(submitted.stage).toBe('submitted');
    expect(submitted.activity[0]).toMatchObject({ kind: 'move', fromStage: 'preparing', toStage: 'submitted', who: 'Ana Ribeiro', text: 'Sent by email' });
    const go = submitted.activity.find((a) => a.kind === 'go')!;
    expect(go).toMatchObject({ who: 'Ben Okafor', agreedBy: ['Ana Ribeiro', 'Ben Okafor'], text: 'Worth it' });
    // the team is settled once submitted
    expect(await t.send('bids.invite', { id: bid.id, memberIds: [people.Dev.memberId!] }, people.Ana)).toMatchObject({
      ok: false,
      error: { rule: 'team-fixed' },
    });
  });

  it('refuses non-members, shares for people not on the team, and a lead who has not accepted', async () => {
    const bid = await newBid();
    const before = await t.snapshot();
    expect(await t.send('bids.invite', { id: bid.id, memberIds: ['not-a-member'] }, people.Ana)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await t.call('members.archive', { id: people.Eve.memberId! });
    const afterArchive = await t.snapshot();
    expect(await t.send('bids.invite', { id: bid.id, memberIds: [people.Eve.memberId!] }, people.Ana)).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: 'Eve Outsider is no longer a member.' },
    });
    expect(await t.snapshot()).toEqual(afterArchive);
    expect(before.bid_team).toEqual(afterArchive.bid_team);
    await t.call('bids.invite', { id: bid.id, memberIds: [people.Ben.memberId!] }, people.Ana);
    expect(await t.send('bids.setTeam', { id: bid.id, leadMemberId: people.Ben.memberId!, members: [] }, people.Ana)).toMatchObject({
      ok: false,
      error: { fields: { leadMemberId: 'Not an accepted team member' } },
    });
    expect(
      await t.send(
        'bids.setTeam',
        { id: bid.id, leadMemberId: null, members: [{ memberId: people.Dev.memberId!, workShare: 10, revenueShare: 10 }] },
        people.Ana,
      ),
    ).toMatchObject({ ok: false, error: { fields: { 'members.0.memberId': 'Not on the team' } } });
    expect(
      await t.send(
        'bids.setTeam',
        { id: bid.id, leadMemberId: null, members: [{ memberId: people.Ana.memberId!, workShare: -1, revenueShare: 0 }] },
        people.Ana,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'members.0.workShare': 'A share cannot be negative' } },
    });
  });
});

describe('stages', () => {
  it('never moves backwards from completed, nor skips ahead', async () => {
    const bid = await newBid();
    expect(await t.send('bids.move', { id: bid.id, to: 'won' }, people.Ana)).toMatchObject({
      ok: false,
      error: { message: 'A bid at “Idea” cannot move to “Won”; it can go to “Forming team” or “Withdrawn”.' },
    });
    const id = bid.id;
    const db = t.coop.database.db;
    await sql`update bids set stage = 'completed' where id = ${id}`.execute(db);
    for (const to of ['delivering', 'won', 'idea', 'preparing'] as const) {
      expect(await t.send('bids.move', { id, to }, people.Ana)).toMatchObject({
        ok: false,
        error: { code: 'RULE', message: 'A completed bid stays completed: it cannot move back.' },
      });
    }
    // the database itself refuses, even if the service were bypassed
    await expect(sql`update bids set stage = 'delivering' where id = ${id}`.execute(db)).rejects.toThrow('a completed bid cannot move back');
  });

  it('the database refuses a bid submitted with shares that do not total 100 %', async () => {
    const bid = await newBid();
    const db = t.coop.database.db;
    await sql`update bid_team set work_share = 9000 where bid_id = ${bid.id}`.execute(db);
    await sql`update bids set stage = 'preparing' where id = ${bid.id}`.execute(db);
    await expect(sql`update bids set stage = 'submitted' where id = ${bid.id}`.execute(db)).rejects.toThrow('bid shares must total 100 % before submitting');
    await sql`update bid_team set work_share = 10000 where bid_id = ${bid.id}`.execute(db);
    await sql`update bids set stage = 'submitted' where id = ${bid.id}`.execute(db);
    expect((await t.call('bids.get', { id: bid.id })).stage).toBe('submitted');
  });

  it('a no-go withdraws the bid, recording who agreed', async () => {
    const bid = await newBid();
    const after = await t.call('bids.decide', { id: bid.id, decision: 'no-go', agreedBy: [people.Ana.memberId!], note: 'Too tight' }, people.Ana);
    expect(after.stage).toBe('withdrawn');
    expect(after.activity.slice(0, 2).map((a) => a.kind)).toEqual(['move', 'no-go']);
    expect(await t.send('bids.decide', { id: bid.id, decision: 'go', agreedBy: [people.Ana.memberId!] }, people.Ana)).toMatchObject({
      ok: false,
      error: { rule: 'go-no-go' },
    });
  });
});

describe('who may see and change a bid', () => {
  it('a team-only bid is hidden from and closed to members outside the team; the manager sees all', async () => {
    const bid = await newBid(people.Ana, { visibility: 'team' });
    expect((await t.call('bids.list', {}, people.Eve)).map((b) => b.id)).toEqual([]);
    expect((await t.call('bids.list', {}, people.Ana)).map((b) => b.id)).toEqual([bid.id]);
    expect((await t.call('bids.list', {})).map((b) => b.id)).toEqual([bid.id]);
    const before = await t.snapshot();
    expect(await t.send('bids.get', { id: bid.id }, people.Eve)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This bid is visible to its team only.' },
    });
    expect(await t.send('bids.update', { id: bid.id, title: 'Mine now' }, people.Eve)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.send('bids.note', { id: bid.id, text: 'hello' }, people.Eve)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.send('bids.move', { id: bid.id, to: 'forming' }, people.Eve)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.snapshot()).toEqual(before);
    // an invited member sees it, but changes it only after accepting
    await t.call('bids.invite', { id: bid.id, memberIds: [people.Ben.memberId!] }, people.Ana);
    expect((await t.call('bids.get', { id: bid.id }, people.Ben)).canRespond).toBe(true);
    expect(await t.send('bids.note', { id: bid.id, text: 'hello' }, people.Ben)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await t.call('bids.respond', { id: bid.id, memberId: people.Ben.memberId!, answer: 'accept' }, people.Ben);
    expect((await t.call('bids.note', { id: bid.id, text: 'hello' }, people.Ben)).activity[0]).toMatchObject({
      kind: 'note',
      who: 'Ben Okafor',
      text: 'hello',
    });
    // an invited member may decline a team-only bid, and then still sees what they declined
    await t.call('bids.invite', { id: bid.id, memberIds: [people.Chiara.memberId!] }, people.Ana);
    const declined = await t.call('bids.respond', { id: bid.id, memberId: people.Chiara.memberId!, answer: 'decline' }, people.Chiara);
    expect(declined).toMatchObject({ myPlace: 'declined', canEdit: false, canRespond: false });
    expect((await t.call('bids.list', {}, people.Chiara)).map((b) => b.id)).toEqual([bid.id]);
    // an open bid is readable by everyone, but still changed only by its team
    const open = await newBid(people.Ana);
    expect((await t.call('bids.get', { id: open.id }, people.Eve)).canEdit).toBe(false);
    expect(await t.send('bids.addTask', { id: open.id, title: 'Sneak' }, people.Eve)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('offering to join', () => {
  it('a member offers to join an open bid; the team welcomes or declines; nobody offers twice', async () => {
    const bid = await newBid();
    const offered = await t.call('bids.offerToJoin', { id: bid.id }, people.Eve);
    expect(offered).toMatchObject({ myPlace: 'requested', canEdit: false });
    expect(offered.activity[0]).toMatchObject({ who: 'Eve Outsider', text: 'offered to join the team' });
    expect(offered.submissionProblems).toEqual([]);
    const before = await t.snapshot();
    expect(await t.send('bids.offerToJoin', { id: bid.id }, people.Eve)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Your offer is waiting for the team’s answer.' },
    });
    // only the team answers an offer
    expect(await t.send('bids.answerOffer', { id: bid.id, memberId: people.Eve.memberId!, answer: 'accept' }, people.Eve)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.send('bids.offerToJoin', { id: bid.id }, FRONT)).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(await t.snapshot()).toEqual(before);
    const welcomed = await t.call('bids.answerOffer', { id: bid.id, memberId: people.Eve.memberId!, answer: 'accept' }, people.Ana);
    expect(welcomed.members.map((m) => [m.name, m.status])).toEqual([
      ['Ana Ribeiro', 'accepted'],
      ['Eve Outsider', 'accepted'],
    ]);
    expect((await t.call('bids.get', { id: bid.id }, people.Eve)).canEdit).toBe(true);
    // a team-only bid cannot be seen, so nobody outside offers to join it
    const hidden = await newBid(people.Ana, { visibility: 'team' });
    expect(await t.send('bids.offerToJoin', { id: hidden.id }, people.Ben)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('outcomes', () => {
  it('counts bids joined, win rate, value won and revenue share earned, per member and for the co-op', async () => {
    async function decided(result: 'won' | 'lost', value: number, benShare: number) {
      const bid = await newBid(people.Ana, { estimatedValue: value });
      await t.call('bids.invite', { id: bid.id, memberIds: [people.Ben.memberId!] }, people.Ana);
      await t.call('bids.respond', { id: bid.id, memberId: people.Ben.memberId!, answer: 'accept' }, people.Ben);
      await t.call(
        'bids.setTeam',
        {
          id: bid.id,
          leadMemberId: people.Ana.memberId!,
          members: [
            { memberId: people.Ana.memberId!, workShare: 100 - benShare, revenueShare: 100 - benShare },
            { memberId: people.Ben.memberId!, workShare: benShare, revenueShare: benShare },
          ],
        },
        people.Ana,
      );
      await t.call('bids.move', { id: bid.id, to: 'forming' }, people.Ana);
      await t.call('bids.decide', { id: bid.id, decision: 'go', agreedBy: [people.Ana.memberId!, people.Ben.memberId!] }, people.Ana);
      await t.call('bids.move', { id: bid.id, to: 'preparing' }, people.Ana);
      await t.call('bids.move', { id: bid.id, to: 'submitted' }, people.Ana);
      return t.call('bids.move', { id: bid.id, to: result, ...(result === 'won' ? { finalValue: value + 100_000 } : {}) }, people.Ana);
    }
    const won = await decided('won', 1_000_000, 25);
    expect(won.finalValue).toBe(1_100_000);
    await decided('lost', 500_000, 50);
    await newBid(people.Chiara, { estimatedValue: 200_000 });
    const o = await t.call('bids.outcomes', {}, people.Eve);
    expect(o.coop).toEqual({ bids: 3, submitted: 2, won: 1, lost: 1, withdrawn: 0, winRate: 0.5, valueWon: 1_100_000 });
    expect(o.pipeline.find((p) => p.stage === 'idea')).toEqual({ stage: 'idea', count: 1, value: 200_000 });
    expect(o.pipeline.find((p) => p.stage === 'won')).toEqual({ stage: 'won', count: 1, value: 1_100_000 });
    expect(o.members.map((m) => [m.name, m.joined, m.won, m.winRate, m.valueWon, m.revenueEarned])).toEqual([
      ['Ana Ribeiro', 2, 1, 0.5, 1_100_000, 825_000],
      ['Ben Okafor', 2, 1, 0.5, 1_100_000, 275_000],
      ['Chiara Novak', 1, 0, null, 0, 0],
    ]);
    const lessons = await t.call('bids.outcome', { id: won.id, finalValue: 1_200_000, lessons: 'Start the copy earlier' }, people.Ben);
    expect(lessons).toMatchObject({ finalValue: 1_200_000, lessons: 'Start the copy earlier' });
  });
});

describe('tasks, attention and the daily reminder', () => {
  it('highlights overdue tasks and deadlines within 7 days, and notifies once a day', async () => {
    const soon = await newBid(people.Ana, { title: 'Library signage', deadline: inDays(3) });
    await newBid(people.Ana, { title: 'Far away', deadline: inDays(30) });
    const withTask = await t.call(
      'bids.addTask',
      { id: soon.id, title: 'Draft the copy', ownerMemberId: people.Ana.memberId!, dueDate: '2026-11-26' },
      people.Ana,
    );
    expect(withTask.tasks).toMatchObject([{ title: 'Draft the copy', ownerName: 'Ana Ribeiro', overdue: false, done: false }]);
    expect(await t.send('bids.addTask', { id: soon.id, title: 'x', ownerMemberId: people.Eve.memberId! }, people.Ana)).toMatchObject({
      ok: false,
      error: { fields: { ownerMemberId: 'Not on the team' } },
    });

    const notes: { title: string; body: string }[] = [];
    // the app's own context, with the test's clock and a desktop that keeps its notifications
    const context: Ctx = Object.assign(Object.create(t.coop.ctx) as Ctx, {
      now: () => now,
      desktop: { notify: (n: { title: string; body: string }) => notes.push(n) },
    });

    expect(await t.call('bids.attention', {}, people.Ana)).toEqual([{ bidId: soon.id, title: 'Library signage', items: ['Deadline in 3 days'] }]);
    expect(await remindDaily(context)).toBe(true);
    expect(await remindDaily(context)).toBe(false);
    expect(notes).toEqual([{ title: 'A joint bid needs attention', body: 'Library signage: Deadline in 3 days' }]);

    now = new Date('2026-11-27T10:00:00Z');
    const list = await t.call('bids.list', { attention: true }, people.Ana);
    expect(list.map((b) => [b.title, b.attention])).toEqual([['Library signage', ['Deadline within a day', '1 task overdue']]]);
    expect(await remindDaily(context)).toBe(true);
    expect(notes[1].body).toBe('Library signage: Deadline within a day, 1 task overdue');
    // the task's owner is told in her inbox
    expect((await t.call('notifications.inbox', {}, people.Ana)).rows[0]).toMatchObject({
      kind: 'task-due',
      title: 'Overdue: Draft the copy',
      body: 'A task of the joint bid “Library signage”, due 26 Nov 2026.',
    });
    const done = await t.call('bids.setTaskDone', { taskId: withTask.tasks[0].id, done: true }, people.Ana);
    expect(done.attention).toEqual(['Deadline within a day']);
    expect(await t.send('bids.removeTask', { taskId: withTask.tasks[0].id }, people.Eve)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('bids.removeTask', { taskId: withTask.tasks[0].id }, people.Ana)).tasks).toEqual([]);
  });
});

describe('documents', () => {
  it('keeps a file in the data folder and gives it back; a refused attach leaves no file', async () => {
    const bid = await newBid();
    const content = Buffer.from('%PDF-1.4 tender pack').toString('base64');
    const after = await t.call('bids.attach', { id: bid.id, name: '../Tender pack.pdf', content }, people.Ana);
    expect(after.documents).toMatchObject([{ name: '../Tender pack.pdf', size: 20 }]);
    const folder = join(t.dataDir, 'documents', bid.id);
    expect(readdirSync(folder)).toHaveLength(1);
    expect(readdirSync(folder)[0]).toMatch(/^[0-9a-f-]{36}-__Tender pack\.pdf$/);
    const opened = await t.call('bids.openDocument', { id: after.documents[0].id }, people.Eve);
    expect(opened).toEqual({ name: '../Tender pack.pdf', opened: false, content });

    const before = await t.snapshot();
    expect(await t.send('bids.attach', { id: bid.id, name: 'x.pdf', content }, people.Eve)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(readdirSync(folder)).toHaveLength(1);
    expect(await t.snapshot()).toEqual(before);
    expect(existsSync(join(t.dataDir, 'documents', 'nope'))).toBe(false);

    // only the team removes it; then the row and the file are gone
    expect(await t.send('bids.removeDocument', { id: after.documents[0].id }, people.Eve)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(readdirSync(folder)).toHaveLength(1);
    const removed = await t.call('bids.removeDocument', { id: after.documents[0].id }, people.Ana);
    expect(removed.documents).toEqual([]);
    expect(readdirSync(folder)).toHaveLength(0);
    expect(removed.activity[0]).toMatchObject({ who: 'Ana Ribeiro', text: 'removed the document “../Tender pack.pdf”' });
  });

  it.skipIf(onPostgres)('a backup taken while a document was attached gets its file back when restored', async () => {
    const bid = await newBid();
    const content = Buffer.from('signed contract').toString('base64');
    const doc = (await t.call('bids.attach', { id: bid.id, name: 'Contract.pdf', content }, people.Ana)).documents[0];
    const backup = await t.call('data.backupNow', {});
    await t.call('bids.removeDocument', { id: doc.id }, people.Ana);
    expect(existsSync(join(t.dataDir, 'documents', bid.id))).toBe(true);
    expect(readdirSync(join(t.dataDir, 'documents', bid.id))).toEqual([]);
    await t.call('data.restore', { name: backup.name });
    expect((await t.call('bids.get', { id: bid.id })).documents.map((d) => d.name)).toEqual(['Contract.pdf']);
    expect(await t.call('bids.openDocument', { id: doc.id })).toEqual({ name: 'Contract.pdf', opened: false, content });
  });
});
