import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberFields } from '@shared/contract/members.contract';
import type { Actor } from '../../electron/main/context';
import { createMany } from '../../electron/main/features/members';
import { recountTags } from '../../electron/main/db/derived';
import { startTestCoop, type TestCoop } from '../helpers/coop';

/** The business network through dispatch: what members and the desk see and may do, and what bad input gets. */
let t: TestCoop;
const who: Record<string, Actor> = {};
const FRONTDESK: Actor = { role: 'frontdesk', memberId: null, accountId: 'desk-account', name: 'Lena' };

async function member(name: string, offers: string[], needs: string[] = [], extra: Record<string, unknown> = {}) {
  const first = name.split(' ')[0]!;
  const m = await t.call('members.create', {
    name,
    email: `${first.toLowerCase()}@example.coop`,
    memberSince: '2025-01-10',
    offers,
    needs,
    listed: true,
    ...extra,
  });
  who[first] = { role: 'member', memberId: m.id };
  return m;
}
const id = (first: string) => who[first]!.memberId!;

beforeEach(async () => {
  t = await startTestCoop();
  await t.call('settings.updateCoop', { name: 'Millbrook Works', currency: 'GBP', timeZone: 'Europe/London', ownershipMonths: 14 });
  await member('Ana Ribeiro', ['web design'], ['bookkeeping']);
  await member('Kasia Nowak', ['bookkeeping', 'payroll']);
  await member('Omar Haddad', ['bookkeeping and accounts']);
  await member('Pia Lund', ['photography'], ['web design']);
  await member('Ulla Hidden', ['bookkeeping'], [], { listed: false });
});
afterEach(async () => {
  await t.close();
});

describe('matches', () => {
  it('ranks the suppliers of a need, with the reason in words: the closest match, then who is in today', async () => {
    await member('Zoe Park', ['bookkeeping']);
    await t.call('frontdesk.checkIn', { memberId: id('Omar') });
    await t.call('frontdesk.checkIn', { memberId: id('Zoe') });
    const matches = await t.call('network.matches', { memberId: id('Ana') }, who.Ana);
    const suppliers = matches.needs.find((n) => n.tag === 'bookkeeping')!.suppliers;
    // Ulla is not listed: another member does not find her
    expect(suppliers.map((s) => s.member.name)).toEqual(['Zoe Park', 'Kasia Nowak', 'Omar Haddad']);
    expect(suppliers.map((s) => s.reason)).toEqual([
      'offers bookkeeping · in today',
      'offers bookkeeping · active today',
      'offers bookkeeping and accounts (close to bookkeeping) · in today',
    ]);
    // the desk finds every current member, listed or not
    const desk = await t.call('network.matches', { memberId: id('Ana') });
    expect(desk.needs[0]!.suppliers.map((s) => s.member.name)).toContain('Ulla Hidden');
    // and the other way round: who needs what Ana offers
    expect(matches.offers).toEqual([
      {
        tag: 'web design',
        customers: [expect.objectContaining({ member: expect.objectContaining({ name: 'Pia Lund' }), reason: expect.stringMatching(/^needs web design/) })],
      },
    ]);
  });

  it('counts working together: a confirmed exchange lifts a supplier', async () => {
    await t.call('network.recordExchange', { giverId: id('Kasia'), receiverId: id('Ana'), hours: 1, what: 'VAT question', onDate: '2026-11-20' }, who.Ana);
    const [first] = (await t.call('network.matches', { memberId: id('Ana') }, who.Ana)).needs[0]!.suppliers;
    expect(first).toMatchObject({ member: { name: 'Kasia Nowak' }, reason: expect.stringContaining('worked with you before') });
  });

  it('rank a tag offered by thousands, more than one statement may name', async () => {
    const many = Array.from({ length: 4200 }, (_, i) =>
      memberFields.parse({ name: `Supplier ${i}`, email: `s${i}@example.coop`, memberSince: '2025-01-10', offers: ['bookkeeping'], listed: true }),
    );
    await createMany(t.coop.ctx, many);
    const suppliers = (await t.call('network.matches', { memberId: id('Ana') }, who.Ana)).needs[0]!.suppliers;
    expect(suppliers).toHaveLength(5);
  });

  it('are a member’s own: another member’s are refused', async () => {
    const r = await t.send('network.matches', { memberId: id('Ana') }, who.Pia);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('read an alias as the tag it was merged into, everywhere', async () => {
    await member('Rui Costa', ['accounts'], ['website design']);
    await t.call('network.mergeTag', { from: 'website design', into: 'web design' });
    const rui = await t.call('members.get', { id: id('Rui') });
    expect(rui.needs).toEqual(['web design']);
    // someone who types the old spelling later is matched all the same
    await t.call('members.updateProfile', { needs: ['website design'], offers: ['photography'], listed: true }, who.Pia);
    const matches = await t.call('network.matches', { memberId: id('Ana') }, who.Ana);
    expect(matches.offers[0]!.customers.map((c) => c.member.name).sort()).toEqual(['Pia Lund', 'Rui Costa']);
    const market = await t.call('network.marketplace', { q: 'web' }, who.Ana);
    expect(market.rows[0]).toMatchObject({ tag: 'web design', needers: [{ name: 'Pia Lund' }, { name: 'Rui Costa' }], offerers: [{ name: 'Ana Ribeiro' }] });
  });

  it('refuses a merge of a tag into itself, changing nothing', async () => {
    const before = await t.snapshot();
    const r = await t.send('network.mergeTag', { from: 'Web Design', into: 'web design' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { into: 'A tag cannot be merged into itself' } } });
    expect(await t.snapshot()).toEqual(before);
    await t.call('network.mergeTag', { from: 'payroll', into: 'bookkeeping' });
    const back = await t.send('network.mergeTag', { from: 'bookkeeping', into: 'payroll' });
    expect(back).toMatchObject({ ok: false, error: { fields: { into: 'That would merge the tag into itself' } } });
    expect(await t.send('network.mergeTag', { from: 'a', into: 'b' }, who.Ana)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the marketplace and the gaps', () => {
  it('names only listed members to a member, and lists needs nobody offers', async () => {
    await member('Vera Stone', [], ['legal advice', 'bookkeeping']);
    const market = await t.call('network.marketplace', { q: 'bookkeeping' }, who.Ana);
    const row = market.rows.find((r) => r.tag === 'bookkeeping')!;
    expect(row.offerers.map((m) => m.name)).toEqual(['Kasia Nowak']);
    expect(row.needers.map((m) => m.name)).toEqual(['Ana Ribeiro', 'Vera Stone']);
    const gaps = await t.call('network.gaps', {}, who.Ana);
    expect(gaps.unmetNeeds).toEqual([{ tag: 'legal advice', members: 1 }]);
    expect(gaps.unneededOffers.map((g) => g.tag)).toEqual(['bookkeeping and accounts', 'payroll', 'photography']);
  });
});

describe('the counts of each tag (kept by the database as members change)', () => {
  const counts = async () =>
    await t.coop.database.db
      .selectFrom('tag_counts')
      .selectAll()
      .where((eb) => eb.or([eb('current_n', '>', 0), eb('listed_n', '>', 0)]))
      .orderBy('tag')
      .orderBy('kind')
      .execute();

  it('follow members who leave, come back, are archived, unlisted, re-tagged or deleted, and tags merged: always what a recount says', async () => {
    const ana = await t.call('members.get', { id: id('Ana') });
    const edit = (changes: Record<string, unknown>) => t.call('members.update', { ...ana, ...changes, id: ana.id });
    expect((await t.call('network.gaps', {})).unmetNeeds).toEqual([]);
    // Ana offered the web design Pia needs
    await edit({ status: 'left' });
    expect((await t.call('network.gaps', {})).unmetNeeds).toEqual([{ tag: 'web design', members: 1 }]);
    await edit({ status: 'active', listed: false, offers: ['web design', 'illustration'], needs: [] });
    await t.call('network.mergeTag', { from: 'bookkeeping and accounts', into: 'bookkeeping' });
    await t.call('members.archive', { id: id('Kasia') });
    const kept = await counts();
    await recountTags(t.coop.database.db);
    expect(await counts()).toEqual(kept);
    expect(kept.filter((c) => c.tag === 'bookkeeping')).toEqual([{ tag: 'bookkeeping', kind: 'offers', current_n: 2, listed_n: 1 }]);
    expect(kept.find((c) => c.tag === 'illustration')).toEqual({ tag: 'illustration', kind: 'offers', current_n: 1, listed_n: 0 });
    // a row deleted by hand takes its tags with it
    const pia = id('Pia');
    await t.coop.database.db.deleteFrom('members').where('id', '=', pia).execute();
    expect((await counts()).filter((c) => c.tag === 'photography')).toEqual([]);
  });

  it('show an unlisted member their own tags beside the listed members’, and no one else’s', async () => {
    const market = await t.call('network.marketplace', { q: 'bookkeeping' }, who.Ulla);
    expect(market.rows.find((r) => r.tag === 'bookkeeping')).toMatchObject({ offerCount: 2, offerers: [{ name: 'Kasia Nowak' }, { name: 'Ulla Hidden' }] });
    expect((await t.call('network.marketplace', { q: 'bookkeeping' }, who.Ana)).rows.find((r) => r.tag === 'bookkeeping')!.offerCount).toBe(1);
  });
});

describe('the marketplace names the first dozen by name, however many hold a tag', () => {
  it('a tag most members offer (read by walking the members by name) and one few need (read by its holders) give the same order', async () => {
    // 26 more members, all offering "coffee", three needing it; some unlisted, one in lower case
    const names = Array.from({ length: 26 }, (_, i) => `${String.fromCharCode(90 - i)}eta Member${i}`);
    for (const [i, name] of names.entries()) {
      await member(i === 3 ? name.toLowerCase() : name, ['coffee'], i % 9 === 0 ? ['coffee'] : [], { listed: i % 5 !== 1 });
    }
    const market = await t.call('network.marketplace', { q: 'coffee' }, who.Ana);
    const row = market.rows.find((r) => r.tag === 'coffee')!;
    const listed = names.map((n, i) => (i === 3 ? n.toLowerCase() : n)).filter((_, i) => i % 5 !== 1);
    const byName = (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase());
    expect(row.offerCount).toBe(listed.length);
    expect(row.offerers.map((m) => m.name)).toEqual([...listed].sort(byName).slice(0, 12));
    expect(row.needers.map((m) => m.name)).toEqual(listed.filter((n) => names.findIndex((x) => x.toLowerCase() === n.toLowerCase()) % 9 === 0).sort(byName));
  });
});

describe('introductions', () => {
  it('introduce two members, tell both, and each says what came of it', async () => {
    const intro = await t.call('network.introduce', { neederId: id('Ana'), supplierId: id('Kasia'), tag: 'bookkeeping' }, who.Ana);
    expect(intro).toMatchObject({ needer: { name: 'Ana Ribeiro' }, supplier: { name: 'Kasia Nowak' }, neederOutcome: 'open' });
    const inbox = await t.call('notifications.inbox', {}, who.Kasia);
    expect(inbox.rows[0]).toMatchObject({ kind: 'introduced', title: 'Ana Ribeiro introduced Ana Ribeiro and Kasia Nowak' });
    const after = await t.call('network.introOutcome', { id: intro.id, outcome: 'working together' }, who.Kasia);
    expect(after).toMatchObject({ neederOutcome: 'open', supplierOutcome: 'working together' });
    expect(await t.send('network.introOutcome', { id: intro.id, outcome: 'no fit' }, who.Pia)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // an unlisted member is not found by another member
    expect(await t.send('network.introduce', { neederId: id('Ana'), supplierId: id('Ulla'), tag: 'bookkeeping' }, who.Ana)).toMatchObject({
      ok: false,
      error: { fields: { supplierId: 'Unknown member' } },
    });
  });
});

describe('the referral ledger', () => {
  it('credits a won referral’s value to its giver; amounts stay between the two and the manager', async () => {
    const ref = await t.call(
      'network.passReferral',
      { receiverId: id('Kasia'), lead: 'Millbrook Bakery', need: 'Year-end accounts', warmth: 'hot', contactGiven: true },
      who.Ana,
    );
    expect(ref).toMatchObject({ status: 'passed', giver: { name: 'Ana Ribeiro' }, mayMove: false });
    // only the receiver moves it
    expect(await t.send('network.moveReferral', { id: ref.id, to: 'contacted', onDate: '2026-11-24' }, who.Ana)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await t.call('network.moveReferral', { id: ref.id, to: 'contacted', onDate: '2026-11-24' }, who.Kasia);
    const won = await t.call('network.moveReferral', { id: ref.id, to: 'won', onDate: '2026-11-24', value: 240_000 }, who.Kasia);
    expect(won).toMatchObject({ status: 'won', value: 240_000, moves: [{ status: 'passed' }, { status: 'contacted' }, { status: 'won', value: 240_000 }] });

    const mine = await t.call('network.balances', {}, who.Ana);
    expect(mine.rows).toEqual([
      expect.objectContaining({ member: expect.objectContaining({ name: 'Ana Ribeiro' }), referralsGiven: 1, valueGiven: 240_000, valueReceived: 0 }),
    ]);
    const manager = await t.call('network.balances', { q: 'kasia' });
    expect(manager.rows[0]).toMatchObject({ referralsReceived: 1, valueReceived: 240_000 });
    // the front desk and other members do not see the amount
    expect((await t.call('network.balances', { q: 'ana' }, FRONTDESK)).rows[0]).toMatchObject({ referralsGiven: 1, valueGiven: null });
    expect(await t.send('network.referrals', { memberId: id('Ana') }, who.Pia)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.call('network.referrals', {}, FRONTDESK))[0]).toMatchObject({ lead: 'Millbrook Bakery', value: null });
  });

  it('refuses bad moves and bad referrals with the field’s message, changing nothing', async () => {
    const ref = await t.call('network.passReferral', { receiverId: id('Kasia'), lead: 'Riverside Dental', need: 'Payroll' }, who.Ana);
    await t.call('members.update', { ...(await t.call('members.get', { id: id('Pia') })), status: 'left' });
    const before = await t.snapshot();
    const refusals = [
      [t.send('network.passReferral', { receiverId: id('Ana'), lead: 'X', need: 'Y' }, who.Ana), { receiverId: 'Choose someone other than the giver' }],
      [t.send('network.passReferral', { receiverId: id('Pia'), lead: 'X', need: 'Y' }, who.Ana), { receiverId: 'Not a current member' }],
      [t.send('network.moveReferral', { id: ref.id, to: 'won', onDate: '2026-11-23' }, who.Kasia), { value: 'A won referral needs the value of the business' }],
      [t.send('network.moveReferral', { id: ref.id, to: 'won', onDate: '2026-11-23', value: -5 }, who.Kasia), { value: 'The value must be more than zero' }],
      [t.send('network.moveReferral', { id: ref.id, to: 'meeting', onDate: '2026-12-30' }, who.Kasia), { onDate: 'Not in the future' }],
    ] as const;
    for (const [pending, fields] of refusals) expect(await pending).toMatchObject({ ok: false, error: { fields } });
    expect(await t.snapshot()).toEqual(before);

    await t.call('network.moveReferral', { id: ref.id, to: 'won', onDate: '2026-11-24', value: 50_000 }, who.Kasia);
    const back = await t.send('network.moveReferral', { id: ref.id, to: 'meeting', onDate: '2026-11-24' }, who.Kasia);
    expect(back).toMatchObject({ ok: false, error: { code: 'RULE', fields: { to: expect.stringMatching(/closed: it does not move back/) } } });
  });
});

describe('trade and hours', () => {
  it('reports business kept inside the co-op by month and sector', async () => {
    await t.call(
      'network.recordTrade',
      { sellerId: id('Kasia'), what: 'Year-end accounts', sector: 'bookkeeping', value: 90_000, onDate: '2026-10-03' },
      who.Ana,
    );
    await t.call('network.recordTrade', { sellerId: id('Pia'), what: 'Product photos', sector: 'photography', value: 30_000, onDate: '2026-11-02' }, who.Ana);
    const report = await t.call('network.tradeReport', {}, who.Pia);
    expect(report).toMatchObject({
      currency: 'GBP',
      total: 120_000,
      count: 2,
      byMonth: [
        { month: '2026-10', value: 90_000 },
        { month: '2026-11', value: 30_000 },
      ],
    });
    expect(report.bySector[0]).toEqual({ sector: 'bookkeeping', value: 90_000, count: 1 });
    expect((await t.call('network.trades', {}, who.Pia))[0]).toMatchObject({ what: 'Product photos', value: 30_000 });
    expect(await t.send('network.recordTrade', { sellerId: id('Ana'), what: 'x', sector: 'y', value: 1, onDate: '2026-11-02' }, who.Ana)).toMatchObject({
      ok: false,
      error: { fields: { sellerId: 'Choose someone other than the buyer' } },
    });
  });

  it('counts hours once the receiver confirms; only the receiver confirms; limits are flagged, not enforced', async () => {
    await t.call('network.saveSettings', { minHours: -2, maxHours: null });
    const ex = await t.call(
      'network.recordExchange',
      { giverId: id('Kasia'), receiverId: id('Ana'), hours: 2.5, what: 'Set up the books', onDate: '2026-11-20' },
      who.Kasia,
    );
    expect(ex).toMatchObject({ state: 'pending', minutes: 150, mayAnswer: false });
    expect((await t.call('notifications.inbox', {}, who.Ana)).rows[0]).toMatchObject({ kind: 'hours', title: 'Kasia Nowak recorded 2 h 30 min given to you' });
    expect((await t.call('network.balances', {}, who.Ana)).rows[0]).toMatchObject({ minutesReceived: 0, hoursBalance: 0 });

    const before = await t.snapshot();
    expect(await t.send('network.answerExchange', { id: ex.id, answer: 'confirm' }, who.Kasia)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', fields: { answer: 'You did not receive these hours' } },
    });
    expect(
      await t.send('network.recordExchange', { giverId: id('Kasia'), receiverId: id('Ana'), hours: 0, what: 'x', onDate: '2026-11-20' }, who.Kasia),
    ).toMatchObject({
      ok: false,
      error: { fields: { hours: 'Enter the hours given (more than zero)' } },
    });
    expect(
      await t.send('network.recordExchange', { giverId: id('Kasia'), receiverId: id('Ana'), hours: 25, what: 'x', onDate: '2026-11-20' }, who.Kasia),
    ).toMatchObject({
      ok: false,
      error: { fields: { hours: expect.stringMatching(/at most a day/) } },
    });
    expect(
      await t.send('network.recordExchange', { giverId: id('Kasia'), receiverId: id('Ana'), hours: 1, what: 'x', onDate: '2026-11-20' }, who.Pia),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.snapshot()).toEqual(before);

    await t.call('network.answerExchange', { id: ex.id, answer: 'confirm' }, who.Ana);
    const ana = (await t.call('network.balances', {}, who.Ana)).rows[0]!;
    expect(ana).toMatchObject({ minutesReceived: 150, hoursBalance: -150, outsideLimits: true });
    const csv = await t.call('network.exportHoursCsv', {}, FRONTDESK);
    expect(csv.csv.split('\r\n')).toEqual(['date,giver,receiver,hours,what,state', '2026-11-20,Kasia Nowak,Ana Ribeiro,2.50,Set up the books,confirmed']);
  });
});
