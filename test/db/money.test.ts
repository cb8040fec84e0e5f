import { sql } from 'kysely';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../electron/main/context';
import { bookingWorldEachTest, london } from '../helpers/bookingWorld';
import { FIXED_NOW, startTestCoop } from '../helpers/coop';

/** Money at cost: plans, a member's plan over time (prorated by calendar days), costs shared exactly. The clock says 2026-11-24. */
const { t, w } = bookingWorldEachTest();
const as = (memberId: string): Actor => ({ role: 'member', memberId });
const attempt = (channel: string, input: unknown, actor?: Actor) =>
  t.coop.api.dispatch(channel as never, input as never, actor ?? { role: 'manager', memberId: null });
const snapshot = async () => {
  const all = await t.snapshot();
  delete all.audit_log;
  return all;
};

async function plans() {
  const base = { resourceHours: 0, discountPct: 0 };
  await t.call('money.savePlan', { ...base, name: 'Flex 8', priceMinor: 12_000, deskDays: 8, roomHours: 4, weight: 1 });
  const list = await t.call('money.savePlan', { ...base, name: 'Resident', priceMinor: 30_000, deskDays: 22, roomHours: 10, weight: 2 });
  return { flex: list.find((p) => p.name === 'Flex 8')!, resident: list.find((p) => p.name === 'Resident')! };
}

describe('plans and a member’s plan over time', () => {
  it('starts, changes mid-month (prorated by calendar days), pauses, resumes and ends; the member sees their own', async () => {
    const { flex, resident } = await plans();
    await t.call('money.changePlan', { memberId: w.member.id, action: 'start', planId: flex.id, on: '2026-10-01' });
    // mid-November to Resident: 15 days of Flex (of 30), 15 of Resident
    const changed = await t.call('money.changePlan', { memberId: w.member.id, action: 'start', planId: resident.id, on: '2026-11-16' });
    expect(changed.history.map((p) => [p.plan.name, p.state, p.startsOn, p.endsOn])).toEqual([
      ['Resident', 'active', '2026-11-16', null],
      ['Flex 8', 'active', '2026-10-01', '2026-11-15'],
    ]);
    expect(changed.current).toMatchObject({ plan: { name: 'Resident' }, roomHours: 10 });
    expect(changed.month).toEqual({ month: '2026-11', pays: 6_000 + 15_000, share: 0 });
    expect((await t.call('money.plans', {})).find((p) => p.name === 'Resident')!.members).toBe(1);

    await t.call('money.changePlan', { memberId: w.member.id, action: 'pause', on: '2026-12-10' });
    await t.call('money.changePlan', { memberId: w.member.id, action: 'resume', on: '2026-12-20' });
    const ended = await t.call('money.changePlan', { memberId: w.member.id, action: 'end', on: '2027-01-31' });
    expect(ended.history.map((p) => [p.state, p.startsOn, p.endsOn])).toEqual([
      ['active', '2026-12-20', '2027-01-31'],
      ['paused', '2026-12-10', '2026-12-19'],
      ['active', '2026-11-16', '2026-12-09'],
      ['active', '2026-10-01', '2026-11-15'],
    ]);
    // December: active 1–9 and 20–31 of 31 days
    const december = await t.call('money.costs', { month: '2026-12' });
    expect(december.members[0]).toMatchObject({ plan: 'Resident', pays: Math.round((30_000 * 9) / 31) + (30_000 - Math.round((30_000 * 19) / 31)) });
    expect((await t.call('money.memberPlan', {}, as(w.member.id))).memberId).toBe(w.member.id);
  });

  it('refuses a negative price, a name taken, overlapping plans, a day before the current period, and members acting on money; nothing changes', async () => {
    const { flex, resident } = await plans();
    await t.call('money.changePlan', { memberId: w.member.id, action: 'start', planId: flex.id, on: '2026-11-01' });
    const before = await snapshot();
    const refusals: [string, unknown, Actor | undefined, object][] = [
      [
        'money.savePlan',
        { name: 'Cheap', priceMinor: -1, deskDays: 0, roomHours: 0, resourceHours: 0, discountPct: 0, weight: 1 },
        undefined,
        { code: 'VALIDATION', fields: { priceMinor: 'A price cannot be negative' } },
      ],
      [
        'money.savePlan',
        { name: 'flex 8', priceMinor: 1, deskDays: 0, roomHours: 0, resourceHours: 0, discountPct: 0, weight: 1 },
        undefined,
        { code: 'CONFLICT', fields: { name: 'Taken' } },
      ],
      [
        'money.savePlan',
        { name: 'Odd', priceMinor: 1, deskDays: -2, roomHours: 0, resourceHours: 0, discountPct: 0, weight: 1 },
        undefined,
        { code: 'VALIDATION' },
      ],
      [
        'money.changePlan',
        { memberId: w.member.id, action: 'start', planId: resident.id, on: '2026-10-20' },
        undefined,
        { code: 'VALIDATION', fields: { on: 'Too early' } },
      ],
      ['money.changePlan', { memberId: w.member.id, action: 'start', planId: flex.id, on: '2026-12-01' }, undefined, { code: 'CONFLICT' }],
      ['money.changePlan', { memberId: w.member.id, action: 'resume', on: '2026-12-01' }, undefined, { code: 'RULE' }],
      ['money.changePlan', { memberId: w.ben.id, action: 'pause', on: '2026-12-01' }, undefined, { code: 'RULE' }],
      ['money.changePlan', { memberId: w.member.id, action: 'end', on: '2026-12-01' }, as(w.member.id), { code: 'FORBIDDEN' }],
      [
        'money.savePlan',
        { name: 'Mine', priceMinor: 0, deskDays: 0, roomHours: 0, resourceHours: 0, discountPct: 0, weight: 0 },
        as(w.member.id),
        { code: 'FORBIDDEN' },
      ],
      ['money.memberPlan', { memberId: w.member.id }, as(w.ben.id), { code: 'FORBIDDEN' }],
      ['money.costs', { month: '2026-11' }, as(w.member.id), { code: 'FORBIDDEN' }],
      [
        'money.addCost',
        { month: '2026-11', category: 'rent', amountMinor: 0, split: 'equal' },
        undefined,
        { code: 'VALIDATION', fields: { amountMinor: 'Enter an amount above zero' } },
      ],
      // nobody was on a plan in September: nobody to share a cost with
      [
        'money.addCost',
        { month: '2026-09', category: 'rent', amountMinor: 100_000, split: 'equal' },
        undefined,
        { code: 'VALIDATION', fields: { month: 'Nobody to share it' } },
      ],
    ];
    for (const [channel, input, actor, error] of refusals) expect(await attempt(channel, input, actor), channel).toMatchObject({ ok: false, error });
    expect(await snapshot()).toEqual(before);
    // one open period per member is the database's own rule
    const twice = sql`insert into member_plans values ('x', ${w.member.id}, ${resident.id}, 'active', '2027-01-01', null, 0)`.execute(t.coop.database.db);
    await expect(twice).rejects.toThrow(/UNIQUE|duplicate key/);
  });
});

describe('costs shared at cost', () => {
  it('splits each cost its own way, to the unit: equally by days on a plan, by plan weight, by hours booked; the month’s surplus or deficit', async () => {
    const { flex, resident } = await plans();
    for (const [m, plan] of [
      [w.member, flex],
      [w.ben, flex],
      [w.chiara, resident],
    ] as const)
      await t.call('money.changePlan', { memberId: m.id, action: 'start', planId: plan.id, on: '2026-11-01' });
    await t.call('bookings.create', { bookableId: w.room.id, memberId: w.ben.id, start: london('2026-11-26', '10:00'), end: london('2026-11-26', '13:00') });
    await t.call('bookings.create', { bookableId: w.room.id, memberId: w.chiara.id, start: london('2026-11-27', '10:00'), end: london('2026-11-27', '11:00') });
    await t.call('money.addCost', { month: '2026-11', category: 'rent', label: 'Rent', amountMinor: 100_000, split: 'equal' });
    await t.call('money.addCost', { month: '2026-11', category: 'insurance', amountMinor: 10_001, split: 'weight' });
    const month = await t.call('money.addCost', { month: '2026-11', category: 'utilities', amountMinor: 8_000, split: 'usage' });
    const share = Object.fromEntries(month.members.map((m) => [m.member.name, m.share]));
    // rent 33,334 / 33,333 / 33,333; insurance by weight 1:1:2 → 2,500 / 2,500 / 5,001 (the remainder to the largest); utilities by hours 0:3:1
    expect(share).toEqual({ 'Ana Ribeiro': 33_334 + 2_500, 'Ben Okafor': 33_333 + 2_500 + 6_000, 'Chiara Novak': 33_333 + 5_001 + 2_000 });
    expect(month.members.reduce((s, m) => s + m.share, 0)).toBe(month.total);
    expect(month).toMatchObject({ income: 12_000 + 12_000 + 30_000, total: 118_001, surplus: 54_000 - 118_001 });
    expect((await t.call('money.memberPlan', {}, as(w.ben.id))).month).toEqual({ month: '2026-11', pays: 12_000, share: 41_833 });
  });
});

describe('the demo co-op, and the round trip', () => {
  it('has plans, members on them (one changed mid-month, one paused), two months of costs, last month’s statements and payments; all of it survives export and import', async () => {
    const demo = await startTestCoop({ now: () => FIXED_NOW });
    const fresh = await startTestCoop({ now: () => FIXED_NOW });
    try {
      await demo.call('system.loadDemo', {});
      expect((await demo.call('money.plans', {})).map((p) => p.name)).toEqual(['Community', 'Flex 8', 'Resident']);
      const november = await demo.call('money.costs', { month: '2026-11' });
      expect(november.costs).toHaveLength(4);
      expect(november.members.reduce((s, m) => s + m.share, 0)).toBe(november.total);
      // October is closed: statements numbered from 1, most paid, a few owed
      const october = await demo.call('money.statements', { month: '2026-10' });
      expect(october.issued.length).toBeGreaterThan(5);
      expect(october.issued.map((s) => s.number).sort()[0]).toBe('00001');
      const owing = await demo.call('money.owing', {});
      expect(owing.balances.length).toBeGreaterThan(0);
      expect(owing.balances.length).toBeLessThan(october.issued.length);
      const exported = await demo.call('data.exportAll', {});
      const { folder } = await demo.call('data.exports', {});
      writeFileSync(join((await fresh.call('data.exports', {})).folder, exported.name), readFileSync(join(folder, exported.name)));
      expect((await fresh.call('data.importAll', { name: exported.name })).tables).toEqual(exported.tables);
      expect(await fresh.call('money.costs', { month: '2026-11' })).toEqual(november);
      expect(await fresh.call('money.statements', { month: '2026-10' })).toEqual(october);
      expect(await fresh.call('money.owing', {})).toEqual(owing);
    } finally {
      await demo.close();
      await fresh.close();
    }
  });
});
