import { describe, expect, it } from 'vitest';
import { describeRecurrence, occurrenceDates, type Recurrence } from '@shared/domain/recurrence';

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
  it('weekly on days given out of order, stopping mid-week at the count', () => {
    expect(occurrenceDates('2026-11-23', { freq: 'weekly', interval: 1, byWeekday: [4, 2], count: 3 })).toEqual(['2026-11-24', '2026-11-26', '2026-12-01']);
  });
  it('weekly until a date in the middle of a week', () => {
    expect(occurrenceDates('2026-11-23', { freq: 'weekly', interval: 1, byWeekday: [1, 3, 5], until: '2026-12-02' })).toEqual([
      '2026-11-23',
      '2026-11-25',
      '2026-11-27',
      '2026-11-30',
      '2026-12-02',
    ]);
  });
  it('every 12 months is yearly, for as many years as asked', () => {
    expect(occurrenceDates('2026-12-02', { freq: 'monthly', interval: 12, monthlyBy: 'date', count: 5 })).toEqual([
      '2026-12-02',
      '2027-12-02',
      '2028-12-02',
      '2029-12-02',
      '2030-12-02',
    ]);
  });
  it.each([
    [{ freq: 'daily', interval: 1 }, 'Every day'],
    [{ freq: 'daily', interval: 3, count: 4 }, 'Every 3 days, 4 times'],
    [{ freq: 'weekly', interval: 1 }, 'Every week'],
    [{ freq: 'weekly', interval: 2, byWeekday: [1, 3, 5, 6, 7] }, 'Every 2 weeks on Mon, Wed, Fri, Sat, Sun'],
    [{ freq: 'monthly', interval: 1, monthlyBy: 'date', until: '2027-01-31' }, 'Every month on the same date, until 2027-01-31'],
    [{ freq: 'monthly', interval: 1 }, 'Every month on the same date'],
    [{ freq: 'monthly', interval: 1, monthlyBy: 'weekday' }, 'Every month on the same weekday'],
    [{ freq: 'daily', interval: 1, byWeekday: [1] }, 'Every day'],
  ] as const)('%o reads “%s”', (rule, words) => expect(describeRecurrence(rule as Recurrence)).toBe(words));
  it('reads like a sentence', () => {
    expect(describeRecurrence({ freq: 'weekly', interval: 1, byWeekday: [2, 4], count: 12 })).toBe('Every week on Tue, Thu, 12 times');
    expect(describeRecurrence({ freq: 'monthly', interval: 2, monthlyBy: 'weekday', until: '2027-06-30' })).toBe(
      'Every 2 months on the same weekday, until 2027-06-30',
    );
  });
});
