import { type RawBuilder, sql } from 'kysely';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/main/context';
import { columnsOf, serverColumnsOf } from '../../electron/main/db/tables';
import { ana, FIXED_NOW, startTestCoop, type TestCoop } from '../helpers/coop';

/**
 * Governance: one owner, one vote. Owners are those who joined 14 months ago or more (the
 * default); the clock says Tuesday 2026-11-24 10:00 UTC, the co-op is in Europe/London.
 */
let t: TestCoop;
let clock: { now: Date };
let m: Record<'ana' | 'ben' | 'chiara' | 'emil' | 'farah' | 'dora', { id: string }>;
const as = (memberId: string): Actor => ({ role: 'member', memberId });
const DAY = 24 * 3600_000;

beforeEach(async () => {
  clock = { now: FIXED_NOW };
  t = await startTestCoop({ now: () => clock.now });
  const settings = await t.call('settings.get', {});
  await t.call('settings.updateCoop', { ...settings.coop, timeZone: 'Europe/London' });
  const add = (name: string, memberSince = '2025-03-14') =>
    t.call('members.create', { ...ana, name, email: `${name.toLowerCase()}@example.coop`, memberSince, offers: [], needs: [] });
  m = {
    ana: await add('Ana'),
    ben: await add('Ben'),
    chiara: await add('Chiara'),
    emil: await add('Emil'),
    farah: await add('Farah'),
    // ten months a member: not an owner yet
    dora: await add('Dora', '2026-01-20'),
  };
});
afterEach(async () => {
  await t.close();
});

const window = { opensDate: '2026-11-25', opensTime: '09:00', closesDate: '2026-12-01', closesTime: '18:00' };
const propose = (input: Record<string, unknown>, by = m.ana.id) =>
  t.call('governance.create', { title: 'Open on Saturdays', body: 'Open 10:00–14:00 on Saturdays.', kind: 'decision', ...window, ...input } as never, as(by));
const vote = (proposalId: string, by: string, choices: string[], forMemberId: string | null = null) =>
  t.call('governance.vote', { proposalId, choices, forMemberId }, as(by));
const attempt = (channel: string, input: unknown, actor: Actor) => t.coop.api.dispatch(channel as never, input as never, actor);
/** Everything but the audit log, which records refusals too. */
const snapshot = async (): Promise<Record<string, unknown[]>> => {
  const all = await t.snapshot();
  for (const name of ['audit_log', 'request_replays']) delete all[name];
  return all;
};
const closeVoting = async () => {
  clock.now = new Date(Date.parse('2026-12-01T18:00:00Z') + 1000);
  return t.coop.runJob('governance.tick');
};

describe('a change to the rules, from proposal to the register', () => {
  it('is discussed and amended, opened with its voters frozen, voted by owners (one by proxy), closed, registered, and becomes the rules’ next version', async () => {
    const p = await propose({ kind: 'rules', title: 'Paused members vote', rulesText: '1. One owner, one vote.\n2. Paused members vote.' });
    expect(p).toMatchObject({ number: 1, state: 'discussion', threshold: 'two-thirds', quorumPct: 50, mayManage: true });
    // the discussion: a comment and an amendment, which the proposer accepts
    const amended = await t.call(
      'governance.comment',
      { proposalId: p.id, body: 'Say “while paused”.', amendment: '1. One owner, one vote.\n2. Paused members vote while paused.' },
      as(m.ben.id),
    );
    const amendment = amended.comments[0]!;
    expect(amendment).toMatchObject({ author: { name: 'Ben' }, amendmentState: 'open' });
    expect((await t.call('notifications.inbox', {}, as(m.ana.id))).rows[0]).toMatchObject({
      kind: 'proposal',
      title: 'An amendment to P-1 Paused members vote',
    });
    const accepted = await t.call('governance.answerAmendment', { commentId: amendment.id, accept: true }, as(m.ana.id));
    expect(accepted.rulesText).toContain('while paused');

    // a member of ten months is not an owner: refused as a proposer, and not on the voter list
    const early = await attempt('governance.create', { title: 'X', body: 'Y', kind: 'decision', ...window }, as(m.dora.id));
    expect(early).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only owners of the co-op make proposals.' } });

    await t.call('governance.appointProxy', { holderId: m.ben.id, proposalId: p.id }, as(m.chiara.id));
    clock.now = new Date('2026-11-25T09:00:30Z');
    // opened, then the owners told of it
    expect(await t.coop.runJob('governance.tick')).toBe(2);
    const open = await t.call('governance.get', { id: p.id }, as(m.ben.id));
    expect(open).toMatchObject({ state: 'voting', eligible: 5, mayVote: true, proxyFor: [{ member: { name: 'Chiara' }, voted: 'no' }] });
    expect((await t.call('notifications.inbox', {}, as(m.emil.id))).rows[0]).toMatchObject({ kind: 'vote', title: 'Voting is open: P-1 Paused members vote' });
    const voters = await t.call('governance.voters', { proposalId: p.id });
    expect(voters.rows.map((v) => v.member!.name)).toEqual(['Ana', 'Ben', 'Chiara', 'Emil', 'Farah']);

    const refused = await attempt('governance.vote', { proposalId: p.id, choices: ['yes'] }, as(m.dora.id));
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', rule: 'not-eligible' } });
    // the text is final once voting opens
    const late = await attempt('governance.update', { id: p.id, title: 'Changed', body: 'Changed', rulesText: 'Changed', ...window }, as(m.ana.id));
    expect(late).toMatchObject({ ok: false, error: { code: 'RULE', message: 'Voting has opened: the proposal’s text is final.' } });

    await vote(p.id, m.ana.id, ['yes']);
    await vote(p.id, m.ben.id, ['no']);
    await vote(p.id, m.ben.id, ['yes']); // changed his mind: still one ballot
    await vote(p.id, m.ben.id, ['yes'], m.chiara.id);
    await vote(p.id, m.emil.id, ['no']);
    expect((await t.call('governance.get', { id: p.id }, as(m.ben.id))).myChoices).toEqual(['yes']);
    expect(await closeVoting()).toBe(2);

    const closed = await t.call('governance.get', { id: p.id }, as(m.farah.id));
    expect(closed).toMatchObject({ state: 'closed', outcome: 'passed', voted: 4, mayVote: false });
    expect(closed.result).toMatchObject({
      eligible: 5,
      voted: 4,
      quorumMet: true,
      counts: [
        { choice: 'yes', votes: 3 },
        { choice: 'no', votes: 1 },
        { choice: 'abstain', votes: 0 },
        { choice: 'block', votes: 0 },
      ],
      proxies: [{ holder: { name: 'Ben' }, for: { name: 'Chiara' } }],
    });
    expect(await t.call('governance.register', {})).toEqual([
      expect.objectContaining({ number: 1, title: 'Paused members vote', outcome: 'passed', summary: '4 of 5 voted: 3 yes, 1 no' }),
    ]);
    const rules = await t.call('governance.rules', {});
    expect(rules[0]).toMatchObject({ version: 1, text: expect.stringContaining('while paused'), proposal: { number: 1 } });
    expect((await t.call('notifications.inbox', {}, as(m.farah.id))).rows[0]).toMatchObject({ title: 'Passed: P-1 Paused members vote' });
    // after closing, nobody votes
    expect(await attempt('governance.vote', { proposalId: p.id, choices: ['no'] }, as(m.farah.id))).toMatchObject({ ok: false, error: { rule: 'closed' } });
  });
});

describe('bad votes and proxies are refused, with nothing changed', () => {
  it('refuses an option that does not exist, a block without consensus, a proxy to oneself or to a non-owner, a proxy beyond the cap, a proxy over an in-person vote, and the desk voting', async () => {
    const poll = await propose({ kind: 'poll', title: 'Which evening?', options: ['Tuesday', 'Thursday'] });
    const decision = await propose({ title: 'Buy a kettle' });
    await t.call('governance.appointProxy', { holderId: m.ben.id, proposalId: null }, as(m.ana.id));
    await t.call('governance.appointProxy', { holderId: m.ben.id, proposalId: null }, as(m.chiara.id));
    await t.call('governance.openVoting', { id: poll.id }, as(m.ana.id));
    await t.call('governance.openVoting', { id: decision.id });
    await vote(decision.id, m.chiara.id, ['yes']);
    const before = await snapshot();
    const refusals: [string, unknown, Actor, object][] = [
      [
        'governance.vote',
        { proposalId: poll.id, choices: ['Saturday'] },
        as(m.ana.id),
        { code: 'VALIDATION', fields: { choices: 'That is not one of its options.' } },
      ],
      ['governance.vote', { proposalId: poll.id, choices: [poll.options[0]!.id, poll.options[1]!.id] }, as(m.ana.id), { code: 'VALIDATION' }],
      ['governance.vote', { proposalId: decision.id, choices: ['block'] }, as(m.ana.id), { code: 'VALIDATION' }],
      ['governance.vote', { proposalId: decision.id, choices: ['yes'] }, { role: 'manager', memberId: null }, { code: 'FORBIDDEN' }],
      ['governance.vote', { proposalId: decision.id, choices: ['yes'], forMemberId: m.emil.id }, as(m.ben.id), { code: 'FORBIDDEN' }],
      // Chiara voted in person: her proxy cannot vote over it
      ['governance.vote', { proposalId: decision.id, choices: ['no'], forMemberId: m.chiara.id }, as(m.ben.id), { code: 'CONFLICT' }],
      ['governance.appointProxy', { holderId: m.ana.id }, as(m.ana.id), { code: 'VALIDATION', fields: { holderId: 'Not yourself' } }],
      ['governance.appointProxy', { holderId: m.dora.id }, as(m.emil.id), { code: 'VALIDATION', fields: { holderId: 'Not an owner' } }],
      // Ben holds two proxies already: the co-op's cap
      ['governance.appointProxy', { holderId: m.ben.id }, as(m.emil.id), { code: 'RULE', rule: 'proxy-cap' }],
      [
        'governance.saveSettings',
        { quorumPct: 10, threshold: 'majority', proxyCap: 3, pausedMayVote: true, votingDays: 7 },
        as(m.ana.id),
        { code: 'FORBIDDEN' },
      ],
      ['governance.withdraw', { id: decision.id }, as(m.ana.id), { code: 'RULE' }],
      ['governance.answerAmendment', { commentId: 'nope', accept: true }, as(m.ana.id), { code: 'NOT_FOUND' }],
    ];
    for (const [channel, input, actor, error] of refusals) expect(await attempt(channel, input, actor), channel).toMatchObject({ ok: false, error });
    expect(await snapshot()).toEqual(before);
  });

  it('caps what a proxy holder casts even when proxies were given before the cap was lowered', async () => {
    const p = await propose({});
    for (const who of [m.ana, m.chiara]) await t.call('governance.appointProxy', { holderId: m.ben.id, proposalId: null }, as(who.id));
    await t.call('governance.saveSettings', { quorumPct: 50, threshold: 'majority', proxyCap: 1, pausedMayVote: true, votingDays: 7 });
    await t.call('governance.openVoting', { id: p.id });
    await vote(p.id, m.ben.id, ['yes'], m.ana.id);
    await vote(p.id, m.ben.id, ['no'], m.ana.id); // changing a proxy vote is not a second one
    expect(await attempt('governance.vote', { proposalId: p.id, choices: ['yes'], forMemberId: m.chiara.id }, as(m.ben.id))).toMatchObject({
      ok: false,
      error: { code: 'RULE', rule: 'proxy-cap' },
    });
    // Ana votes in person: it overrides her proxy's vote
    await vote(p.id, m.ana.id, ['yes']);
    const voters = await t.call('governance.voters', { proposalId: p.id });
    expect(voters.rows.find((v) => v.member?.name === 'Ana')).toMatchObject({ voted: true, byProxy: null });
  });

  it('one ballot per voter per proposal is the database’s own rule', async () => {
    const p = await propose({});
    await t.call('governance.openVoting', { id: p.id });
    await vote(p.id, m.ana.id, ['yes']);
    const ballot = (memberId: string) => sql`insert into ballots values (${p.id}, ${memberId}, '["no"]')`.execute(t.coop.database.db);
    await expect(ballot(m.ana.id)).rejects.toThrow(/UNIQUE|PRIMARY KEY|duplicate key/);
    await expect(ballot(m.dora.id)).rejects.toThrow(/FOREIGN KEY|foreign key/);
  });
});

describe('editing while discussed', () => {
  it('the proposer corrects the text and the window; another member may not', async () => {
    const p = await propose({});
    const edit = { id: p.id, title: 'Open on Saturday mornings', body: 'Open 10:00–13:00.', ...window, closesDate: '2026-12-03' };
    expect(await attempt('governance.update', edit, as(m.ben.id))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const edited = await t.call('governance.update', edit, as(m.ana.id));
    expect(edited).toMatchObject({ title: 'Open on Saturday mornings', closesAt: '2026-12-03T18:00:00.000Z' });
  });
});

describe('secret ballots', () => {
  it('keep who voted apart from what was voted: a receipt to check the count, and nothing that joins them once closed', async () => {
    const p = await propose({ secret: true, title: 'Spend the surplus on a bike shed' });
    await t.call('governance.openVoting', { id: p.id });
    const first = await vote(p.id, m.ana.id, ['yes']);
    expect(first.receipt).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const changed = await vote(p.id, m.ana.id, ['no']);
    expect(changed.receipt).not.toBe(first.receipt);
    for (const who of [m.ben, m.chiara, m.emil]) await vote(p.id, who.id, ['yes']);
    expect((await t.call('governance.get', { id: p.id }, as(m.ana.id))).myChoices).toEqual(['no']);
    // the audit log says Ana voted, never how
    const audit = (await sql<{ details: string }>`select details from audit_log where channel = 'governance.vote'`.execute(t.coop.database.db)).rows;
    expect(audit.every((a) => !/"(yes|no)"/.test(a.details))).toBe(true);
    await closeVoting();

    const db = t.coop.database.db;
    const count = async (query: RawBuilder<{ n: number }>) => Number((await query.execute(db)).rows[0]!.n);
    const columns = (
      t.coop.database.engine === 'sqlite' ? columnsOf(t.coop.database.sqlite, 'secret_ballots') : await serverColumnsOf(db, 'secret_ballots')
    ).map((c) => c.name);
    expect(columns).toEqual(['receipt', 'proposal_id', 'choices']);
    expect(await count(sql`select count(*) as n from secret_links`)).toBe(0);
    // SQLite: without rowid, the table's order is the receipts', not the order of voting
    if (t.coop.database.engine === 'sqlite') await expect(sql`select rowid from secret_ballots`.execute(db)).rejects.toThrow(/rowid/);
    expect(await count(sql`select count(*) as n from secret_ballots where proposal_id = ${p.id}`)).toBe(4);
    expect((await t.call('governance.get', { id: p.id })).result).toMatchObject({ voted: 4, outcome: 'passed' });
    expect(await t.call('governance.checkReceipt', { proposalId: p.id, receipt: changed.receipt!.toLowerCase() }, as(m.ana.id))).toEqual({
      found: true,
      choices: ['no'],
    });
    expect(await t.call('governance.checkReceipt', { proposalId: p.id, receipt: first.receipt! }, as(m.ana.id))).toEqual({ found: false, choices: [] });
  });
});

describe('guardians', () => {
  it('are elected by approval, and refer a proposal that changes the co-op’s purpose to a higher threshold, with reasons on the record', async () => {
    const election = await propose({
      kind: 'election',
      title: 'Guardians for 2027',
      candidateIds: [m.ben.id, m.chiara.id, m.emil.id],
      seats: 2,
      electsGuardians: true,
    });
    expect(await attempt('governance.create', { title: 'G', body: 'G', kind: 'election', candidateIds: [m.dora.id], ...window }, as(m.ana.id))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { candidateIds: 'Not an owner' } },
    });
    await t.call('governance.openVoting', { id: election.id });
    const [ben, chiara, emil] = election.options.map((o) => o.id);
    await vote(election.id, m.ana.id, [ben!, chiara!]);
    await vote(election.id, m.ben.id, [ben!]);
    await vote(election.id, m.farah.id, [chiara!, emil!]);
    await closeVoting();
    const done = await t.call('governance.get', { id: election.id });
    expect(done).toMatchObject({ outcome: 'decided', result: { winners: [ben, chiara] } });
    expect((await t.call('members.get', { id: m.chiara.id })).role).toBe('guardian');
    expect((await t.call('members.get', { id: m.emil.id })).role).toBe('member');

    clock.now = new Date('2026-12-02T10:00:00Z');
    const purpose = await t.call(
      'governance.create',
      {
        title: 'Become a company',
        body: 'Turn the co-op into a limited company.',
        kind: 'decision',
        ...window,
        opensDate: '2026-12-03',
        closesDate: '2026-12-10',
      },
      as(m.ana.id),
    );
    expect(await attempt('governance.refer', { id: purpose.id, reasons: 'Changes our purpose' }, as(m.farah.id))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const referred = await t.call('governance.refer', { id: purpose.id, reasons: 'It changes what the co-op is for.' }, as(m.chiara.id));
    expect(referred).toMatchObject({ threshold: 'two-thirds', referrals: [{ guardian: { name: 'Chiara' }, from: 'majority', to: 'two-thirds' }] });
  });
});

describe('quorum and the voting window', () => {
  it('a vote short of its quorum is recorded as such; voting opens at its time by the scheduler and reminds those who have not voted a day before it closes', async () => {
    const p = await propose({ quorumPct: 60 });
    clock.now = new Date('2026-11-25T09:00:00Z');
    await t.coop.runJob('governance.tick');
    await vote(p.id, m.ana.id, ['yes']);
    await vote(p.id, m.ben.id, ['yes']);
    clock.now = new Date(Date.parse('2026-12-01T18:00:00Z') - DAY + 60_000);
    expect(await t.coop.runJob('governance.tick')).toBe(1);
    expect((await t.call('notifications.inbox', {}, as(m.emil.id))).rows[0]).toMatchObject({ title: 'Voting closes within a day: P-1 Open on Saturdays' });
    expect((await t.call('notifications.inbox', {}, as(m.ana.id))).rows[0]?.title).not.toContain('closes within a day');
    await closeVoting();
    expect(await t.call('governance.get', { id: p.id })).toMatchObject({ outcome: 'no-quorum', result: { voted: 2, eligible: 5, quorumMet: false } });
  });
});

describe('the demo co-op, and the round trip', () => {
  it('has founding rules and a passed change to them, a secret poll being voted on (one by proxy), a decision with an amendment; all of it survives export and import', async () => {
    const demo = await startTestCoop({ now: () => FIXED_NOW });
    const fresh = await startTestCoop({ now: () => FIXED_NOW });
    try {
      await demo.call('system.loadDemo', {});
      const register = await demo.call('governance.register', {});
      expect(register).toEqual([expect.objectContaining({ number: 1, kind: 'rules', outcome: 'passed' })]);
      expect((await demo.call('governance.rules', {})).map((r) => r.version)).toEqual([2, 1]);
      const list = await demo.call('governance.list', {});
      expect(list.map((p) => [p.kind, p.state])).toEqual([
        ['decision', 'discussion'],
        ['poll', 'voting'],
        ['rules', 'closed'],
      ]);
      const poll = await demo.call('governance.get', { id: list[1]!.id });
      expect(poll).toMatchObject({ secret: true, voted: 9 });
      const withProxy = (await demo.call('governance.voters', { proposalId: poll.id, limit: 500 })).rows.filter((v) => v.byProxy);
      expect(withProxy).toHaveLength(1);
      expect((await demo.call('governance.get', { id: list[0]!.id })).comments[0]).toMatchObject({ amendmentState: 'open' });

      const exported = await demo.call('data.exportAll', {});
      expect(exported.tables).toMatchObject({ proposals: 3, secret_ballots: 9, coop_rules: 2 });
      const { folder } = await demo.call('data.exports', {});
      const target = await fresh.call('data.exports', {});
      writeFileSync(join(target.folder, exported.name), readFileSync(join(folder, exported.name)));
      expect((await fresh.call('data.importAll', { name: exported.name })).tables).toEqual(exported.tables);
      expect(await fresh.call('governance.get', { id: poll.id })).toEqual(await demo.call('governance.get', { id: poll.id }));
      expect(await fresh.call('governance.register', {})).toEqual(register);
    } finally {
      await demo.close();
      await fresh.close();
    }
  });
});
