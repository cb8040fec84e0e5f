import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chargeFor, daysInMonth, prorate, splitLargestRemainder } from '../../shared/domain/money';

/** Money at cost: splits sum exactly, proration sums to the price over a whole month. */
describe('splitting a cost by the largest remainder', () => {
  it('always sums exactly to the cost, and no part is more than a unit off its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = splitLargestRemainder(total, weights);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          const sum = weights.reduce((s, w) => s + w, 0);
          parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1));
        },
      ),
    );
  });

  it('splits £100 three ways as 33.34, 33.33, 33.33 and refuses nothing to split by', () => {
    expect(splitLargestRemainder(10_000, [1, 1, 1])).toEqual([3334, 3333, 3333]);
    expect(() => splitLargestRemainder(100, [0, 0])).toThrow();
  });
});

describe('prorating a monthly price by calendar days', () => {
  it('the periods of any division of a month sum to the price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom('2027-01', '2027-02', '2028-02', '2027-04'),
        fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 5 }),
        (price, month, cuts) => {
          const days = daysInMonth(month);
          const bounds = [...new Set(cuts.filter((c) => c < days))].sort((a, b) => a - b);
          const starts = [1, ...bounds.map((b) => b + 1)];
          const ends = [...bounds, days];
          expect(starts.reduce((s, from, i) => s + prorate(price, from, ends[i]!, days), 0)).toBe(price);
        },
      ),
    );
  });

  it('half of February 2027 is 14 of 28 days', () => {
    expect(daysInMonth('2027-02')).toBe(28);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(prorate(5600, 1, 14, 28)).toBe(2800);
    expect(prorate(5600, 15, 14, 28)).toBe(0);
  });
});

describe('a booking’s charge: the plan’s credits first, then the rate', () => {
  const allowanceOf = (n: number, discountPct: number) => ({ desk: n, room: n * 60, resource: n * 60, discountPct });
  it('never spends more credits than are left (never below zero), and never charges more than the rate or less than zero', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('desk' as const, 'room' as const, 'resource' as const),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 15, max: 600 }),
        fc.integer({ min: 1, max: 8 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 100 }))),
        fc.integer({ min: 0, max: 3000 }),
        (kind, rateMinor, minutes, units, plan, spent) => {
          const allowance = plan ? allowanceOf(plan[0], plan[1]) : null;
          const c = chargeFor({ kind, rateMinor, minutes, units, allowance, spent });
          const left = allowance ? Math.max(0, allowance[kind] - spent) : 0;
          expect(c.creditsUsed).toBeGreaterThanOrEqual(0);
          expect(c.creditsUsed).toBeLessThanOrEqual(left);
          expect(c.priceMinor).toBeGreaterThanOrEqual(0);
          expect(c.priceMinor).toBeLessThanOrEqual(Math.round((rateMinor * minutes * units) / 60));
          // spending them one booking after another never takes the month below zero
          if (allowance) expect(allowance[kind] - spent - c.creditsUsed).toBeGreaterThanOrEqual(Math.min(0, allowance[kind] - spent));
        },
      ),
    );
  });

  it('2 hours of a room with 1 hour left: half covered, the other half at the rate less 10%', () => {
    expect(chargeFor({ kind: 'room', rateMinor: 1500, minutes: 120, units: 1, allowance: allowanceOf(4, 10), spent: 180 })).toEqual({
      priceMinor: 1350,
      creditsUsed: 60,
      left: 60,
    });
    expect(chargeFor({ kind: 'desk', rateMinor: 300, minutes: 600, units: 2, allowance: allowanceOf(1, 0), spent: 0 })).toEqual({
      priceMinor: 3000,
      creditsUsed: 1,
      left: 1,
    });
    expect(chargeFor({ kind: 'room', rateMinor: 0, minutes: 60, units: 1, allowance: allowanceOf(4, 0), spent: 0 }).creditsUsed).toBe(0);
  });
});
