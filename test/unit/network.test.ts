import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Movement,
  REFERRAL_STATUSES,
  balancesOf,
  formatMinutes,
  hoursBalance,
  matchReason,
  matchScore,
  referralMoveProblem,
  tagMatch,
} from '@shared/domain/network';

const facts = { match: 1, mine: 'bookkeeping', theirs: 'bookkeeping', verb: 'offers' as const, inToday: false, together: 0, daysSinceActive: null };

describe('matching tags', () => {
  it('is exact for the same tag, partial by shared words, none otherwise', () => {
    expect(tagMatch('web design', 'web design')).toBe(1);
    expect(tagMatch('bookkeeping', 'bookkeeping and accounts')).toBe(0.5);
    expect(tagMatch('web design', 'logo design')).toBeCloseTo(1 / 3);
    expect(tagMatch('photography', 'video editing')).toBe(0);
  });
});

describe('ranking a supplier', () => {
  it('puts the match first, then being in today, working together, being active lately', () => {
    const exact = matchScore(facts);
    expect(matchScore({ ...facts, match: 0.5, inToday: true, together: 3, daysSinceActive: 0 })).toBeLessThan(exact + 10 + 15);
    expect(matchScore({ ...facts, inToday: true })).toBeGreaterThan(exact);
    expect(matchScore({ ...facts, together: 1 })).toBeGreaterThan(exact);
    expect(matchScore({ ...facts, daysSinceActive: 2 })).toBeGreaterThan(matchScore({ ...facts, daysSinceActive: 60 }));
    // working together counts up to three times, no more
    expect(matchScore({ ...facts, together: 9 })).toBe(matchScore({ ...facts, together: 3 }));
  });

  it('says why in words', () => {
    expect(matchReason({ ...facts, inToday: true, together: 2 })).toBe('offers bookkeeping · in today · worked with you 2 times');
    expect(matchReason({ ...facts, match: 0.5, theirs: 'bookkeeping and accounts', daysSinceActive: 3 })).toBe(
      'offers bookkeeping and accounts (close to bookkeeping) · active 3 days ago',
    );
    expect(matchReason({ ...facts, verb: 'needs', together: 1, daysSinceActive: 200 })).toBe(
      'needs bookkeeping · worked with you before · not seen for a while',
    );
  });
});

describe('a referral’s moves', () => {
  it('go forward, close once, and never move back from won', () => {
    expect(referralMoveProblem('passed', 'meeting')).toBeNull();
    expect(referralMoveProblem('passed', 'won')).toBeNull();
    expect(referralMoveProblem('meeting', 'contacted')).toMatch(/moves forward/);
    expect(referralMoveProblem('won', 'meeting')).toMatch(/closed: it does not move back to “Meeting”/);
    for (const to of REFERRAL_STATUSES) expect(referralMoveProblem('lost', to)).not.toBeNull();
  });
});

const movement = (members: string[]) =>
  fc
    .record({
      kind: fc.constantFrom<Movement['kind']>('referral', 'won', 'trade', 'hours'),
      from: fc.constantFrom(...members),
      to: fc.constantFrom(...members),
      amount: fc.integer({ min: 1, max: 1_000_000 }),
    })
    .filter((m) => m.from !== m.to);

describe('balances', () => {
  it('equal the sums of the movements, and giving and receiving sum to zero across the co-op', () => {
    fc.assert(
      fc.property(fc.array(movement(['a', 'b', 'c', 'd']), { maxLength: 60 }), (moves) => {
        const balances = balancesOf(moves);
        for (const [member, b] of balances) {
          const sum = (kind: Movement['kind'], side: 'from' | 'to') =>
            moves.filter((m) => m.kind === kind && m[side] === member).reduce((s, m) => s + m.amount, 0);
          expect(b.minutesGiven).toBe(sum('hours', 'from'));
          expect(b.valueReceived).toBe(sum('won', 'to'));
          expect(b.sold).toBe(sum('trade', 'from'));
        }
        const all = [...balances.values()];
        expect(all.reduce((s, b) => s + hoursBalance(b), 0)).toBe(0);
        expect(all.reduce((s, b) => s + b.valueGiven - b.valueReceived, 0)).toBe(0);
        expect(all.reduce((s, b) => s + b.sold - b.bought, 0)).toBe(0);
      }),
    );
  });

  it('reads hours in words', () => {
    expect([formatMinutes(150), formatMinutes(-60), formatMinutes(45)]).toEqual(['2 h 30 min', '−1 h', '45 min']);
  });
});
