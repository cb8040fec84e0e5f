import { describe, expect, it } from 'vitest';
import { describeRecurrence, occurrenceDates } from '@shared/domain/recurrence';
import { peakLoad, occupancy, checkTiming, DEFAULT_BOOKING_RULES } from '@shared/domain/bookingRules';

describe('recurrence', () => {
  it('daily, every other day, until a date', () => {
    expect(occurrenceDates('2026-11-24', { freq: 'daily', interval: 2, until: '2026-12-02' })).toEqual([
      '2026-11-24',
      '2026-11-26',
      '2026-11-28',
      '2026-11-30',
      '2026-12-02',
    ]);
  });
  it('weekly on chosen days, N times, starting mid-week', () => {
    expect(occurrenceDates('2026-11-25', { freq: 'weekly', interval: 1, byWeekday: [2, 4], count: 4 })).toEqual([
      '2026-11-26',
      '2026-12-01',
      '2026-12-03',
      '2026-12-08',
    ]);
  });
  it('weekly defaults to the first date’s weekday; every 2 weeks', () => {
    expect(occurrenceDates('2026-11-24', { freq: 'weekly', interval: 2, count: 3 })).toEqual(['2026-11-24', '2026-12-08', '2026-12-22']);
  });
  it('monthly by date skips months without that date', () => {
    expect(occurrenceDates('2027-01-31', { freq: 'monthly', interval: 1, monthlyBy: 'date', count: 4 })).toEqual([
      '2027-01-31',
      '2027-03-31',
      '2027-05-31',
      '2027-07-31',
    ]);
  });
  it('monthly by weekday: the 2nd Tuesday, and the last Friday', () => {
    expect(occurrenceDates('2026-11-10', { freq: 'monthly', interval: 1, monthlyBy: 'weekday', count: 3 })).toEqual(['2026-11-10', '2026-12-08', '2027-01-12']);
    expect(occurrenceDates('2026-10-30', { freq: 'monthly', interval: 1, monthlyBy: 'weekday', count: 3 })).toEqual(['2026-10-30', '2026-11-27', '2026-12-25']);
  });
  it('never more than 366 occurrences', () => {
    expect(occurrenceDates('2026-01-01', { freq: 'daily', interval: 1, until: '2030-01-01' })).toHaveLength(366);
  });
  it('reads like a sentence', () => {
    expect(describeRecurrence({ freq: 'weekly', interval: 1, byWeekday: [2, 4], count: 12 })).toBe('Every week on Tue, Thu, 12 times');
    expect(describeRecurrence({ freq: 'monthly', interval: 2, monthlyBy: 'weekday', until: '2027-06-30' })).toBe(
      'Every 2 months on the same weekday, until 2027-06-30',
    );
  });
});

describe('load and occupancy', () => {
  it('a booking holds its time plus buffers', () => {
    expect(occupancy(1000, 2000, { bufferBeforeMinutes: 0, bufferAfterMinutes: 1 })).toEqual({ occStart: 1000, occEnd: 62000 });
  });
  it('the peak is the most held at one moment; an end and a start at the same instant do not add up', () => {
    const held = [
      { occStart: 0, occEnd: 10, quantity: 1 },
      { occStart: 10, occEnd: 20, quantity: 1 },
      { occStart: 5, occEnd: 15, quantity: 2 },
    ];
    expect(peakLoad(held, 0, 20)).toBe(3);
    expect(peakLoad(held, 15, 20)).toBe(1);
    expect(peakLoad(held, 20, 30)).toBe(0);
  });
  it('timing rules run in the site’s zone', () => {
    const site = {
      name: 'NY',
      timeZone: 'America/New_York',
      hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: weekday <= 5, opens: '09:00', closes: '17:00' })),
      closures: [],
    };
    const now = Date.parse('2026-11-24T12:00:00Z');
    // 09:00 in New York on Wednesday 25 November is 14:00 UTC
    const ok = checkTiming({
      start: Date.parse('2026-11-25T14:00:00Z'),
      end: Date.parse('2026-11-25T15:00:00Z'),
      rules: DEFAULT_BOOKING_RULES,
      site,
      now,
      bookableName: 'R',
    });
    expect(ok).toEqual([]);
    const early = checkTiming({
      start: Date.parse('2026-11-25T13:00:00Z'),
      end: Date.parse('2026-11-25T14:00:00Z'),
      rules: DEFAULT_BOOKING_RULES,
      site,
      now,
      bookableName: 'R',
    });
    expect(early).toEqual([{ rule: 'opening-hours', message: 'NY opens at 09:00 on Wednesdays.' }]);
  });
});
