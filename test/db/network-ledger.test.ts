import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Movement, balancesOf } from '@shared/domain/network';
import type { Actor } from '../../electron/main/context';
import { startTestCoop, type TestCoop } from '../helpers/coop';

/**
 * The ledger's property, on a real database through the commands: whatever members record and
 * confirm, each balance the app shows is the sum of the movements that count, and across the
 * co-op what was given equals what was received.
 */
let t: TestCoop;
const members: string[] = [];
beforeAll(async () => {
  t = await startTestCoop();
  for (const name of ['Ana', 'Ben', 'Chiara', 'Dev']) {
    members.push((await t.call('members.create', { name, email: `${name.toLowerCase()}@example.coop`, memberSince: '2025-01-10', listed: true })).id);
  }
}, 30_000);
afterAll(async () => {
  await t.close();
});

const as = (memberId: string): Actor => ({ role: 'member', memberId });
const step = fc.record({
  kind: fc.constantFrom('referral', 'trade', 'hours'),
  from: fc.integer({ min: 0, max: 3 }),
  to: fc.integer({ min: 0, max: 3 }),
  amount: fc.integer({ min: 1, max: 500 }),
  confirm: fc.boolean(),
});

describe('balances on the database', () => {
  it('are always the sums of the movements that count, and sum to zero across the co-op', async () => {
    const counted: Movement[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 8 }), async (steps) => {
        for (const s of steps) {
          const [from, to] = [members[s.from]!, members[s.to]!];
          if (s.kind === 'referral') {
            const r = await t.send('network.passReferral', { receiverId: to, lead: 'Lead', need: 'Need' }, as(from));
            if (!r.ok) continue;
            counted.push({ kind: 'referral', from, to, amount: 1 });
            if (s.confirm) {
              await t.call('network.moveReferral', { id: r.data.id, to: 'won', onDate: '2026-11-24', value: s.amount * 100 }, as(to));
              counted.push({ kind: 'won', from, to, amount: s.amount * 100 });
            }
          } else if (s.kind === 'trade') {
            const r = await t.send('network.recordTrade', { sellerId: from, what: 'Work', sector: 'design', value: s.amount, onDate: '2026-11-24' }, as(to));
            if (r.ok) counted.push({ kind: 'trade', from, to, amount: s.amount });
          } else {
            const minutes = (s.amount % 96) * 15 + 15;
            const r = await t.send(
              'network.recordExchange',
              { giverId: from, receiverId: to, hours: minutes / 60, what: 'Help', onDate: '2026-11-24' },
              as(from),
            );
            if (!r.ok) continue;
            const answer = await t.call('network.answerExchange', { id: r.data.id, answer: s.confirm ? 'confirm' : 'decline' }, as(to));
            if (answer.state === 'confirmed') counted.push({ kind: 'hours', from, to, amount: minutes });
          }
        }
        const expected = balancesOf(counted);
        const shown = (await t.call('network.balances', { limit: 500 })).rows;
        for (const row of shown) {
          const e = expected.get(row.member.id);
          expect(row).toMatchObject({
            referralsGiven: e?.referralsGiven ?? 0,
            referralsReceived: e?.referralsReceived ?? 0,
            valueGiven: e?.valueGiven ?? 0,
            valueReceived: e?.valueReceived ?? 0,
            sold: e?.sold ?? 0,
            bought: e?.bought ?? 0,
            minutesGiven: e?.minutesGiven ?? 0,
            minutesReceived: e?.minutesReceived ?? 0,
          });
        }
        expect(shown.reduce((s, r) => s + r.hoursBalance, 0)).toBe(0);
        expect(shown.reduce((s, r) => s + r.valueGiven! - r.valueReceived!, 0)).toBe(0);
        expect(shown.reduce((s, r) => s + r.sold! - r.bought!, 0)).toBe(0);
      }),
      { numRuns: 30 },
    );
    // the runs did record movements (not only refusals)
    expect(counted.length).toBeGreaterThan(30);
  }, 120_000);
});
