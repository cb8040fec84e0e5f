import { describe, expect, it } from 'vitest';
import { isIsoDateShape, isRealIsoDate, monthsBetween } from '@shared/domain/dates';
import { formatDuration } from '@shared/domain/durations';
import { newId } from '@shared/domain/ids';
import { formatMoney, moneyInput, parseMoney } from '@shared/domain/money';
import { minutesOf, offsetMinutes, timeOfMinutes, zonedInstant, zonedLocalIso, zonedParts } from '@shared/domain/zoned';

// The small conversions every screen and message relies on, at their edges.
describe('durations in words', () => {
  it.each([
    [0, '0 minutes'],
    [1, '1 minute'],
    [45, '45 minutes'],
    [59, '59 minutes'],
    [60, '1 hour'],
    [90, '1 hour 30 min'],
    [120, '2 hours'],
    [135, '2 hours 15 min'],
    [1440, '1 day'],
    [1500, '25 hours'],
    [2880, '2 days'],
  ])('%i minutes read “%s”', (minutes, words) => expect(formatDuration(minutes)).toBe(words));
});

describe('money', () => {
  it('formats minor units in the given locale and currency', () => {
    expect(formatMoney(1250, 'GBP', 'en-GB')).toBe('£12.50');
    expect(formatMoney(120000, 'EUR', 'de-DE')).toBe('1.200,00\u00a0€');
    expect(formatMoney(-5, 'GBP', 'en-GB')).toBe('-£0.05');
  });
  it('reads what a person typed as minor units; blank is nothing, words are not a number', () => {
    expect(parseMoney('12.50')).toBe(1250);
    expect(parseMoney(' 1,200 ')).toBe(120000);
    expect(parseMoney('1 200.5')).toBe(120050);
    expect(parseMoney('0.015')).toBe(2);
    expect(parseMoney('')).toBe(0);
    expect(parseMoney('  ')).toBe(0);
    expect(parseMoney('twelve')).toBeNaN();
  });
  it('gives a money field its starting text', () => {
    expect(moneyInput(1250)).toBe('12.50');
    expect(moneyInput(7)).toBe('0.07');
  });
});

describe('calendar date edges', () => {
  it('a date’s shape, and the years and months a real date may have', () => {
    expect(isIsoDateShape('2026-12-02')).toBe(true);
    expect(isIsoDateShape('2026-12-2')).toBe(false);
    expect(isIsoDateShape(' 2026-12-02')).toBe(false);
    expect(isIsoDateShape('2026-12-022')).toBe(false);
    for (const ok of ['1900-01-01', '2200-12-31', '2026-01-31', '2026-12-01']) expect(isRealIsoDate(ok), ok).toBe(true);
    for (const bad of ['1899-12-31', '2201-01-01', '2026-00-10', '2026-13-01', '2026-01-00', '2026-01-32', 'x2026-01-01'])
      expect(isRealIsoDate(bad), bad).toBe(false);
  });
  it('whole months: equal dates, a day short, across a year, and the end of a long month', () => {
    expect(monthsBetween('2025-03-14', '2025-03-14')).toBe(0);
    expect(monthsBetween('2025-03-14', '2026-03-13')).toBe(11);
    expect(monthsBetween('2025-03-14', '2026-03-14')).toBe(12);
    expect(monthsBetween('2025-03-31', '2025-04-30')).toBe(1);
    expect(monthsBetween('2025-03-31', '2025-04-29')).toBe(0);
    expect(monthsBetween('2025-03-10', '2025-05-20')).toBe(2);
  });
});

describe('wall-clock helpers', () => {
  it('24:00 is the next midnight', () => {
    expect(zonedInstant('2026-12-02', '24:00', 'Europe/Berlin')).toBe(zonedInstant('2026-12-03', '00:00', 'Europe/Berlin'));
    expect(new Date(zonedInstant('2026-12-02', '24:00', 'Europe/Berlin')).toISOString()).toBe('2026-12-02T23:00:00.000Z');
  });
  it('offsets, local ISO text and weekdays before 1970 and across the year', () => {
    expect(offsetMinutes(Date.parse('2026-07-01T12:00:00Z'), 'Europe/London')).toBe(60);
    expect(offsetMinutes(Date.parse('2026-07-01T12:00:00Z'), 'America/St_Johns')).toBe(-150);
    expect(zonedLocalIso(Date.parse('2026-07-01T12:05:00Z'), 'Europe/Berlin')).toBe('2026-07-01T14:05:00');
    expect(zonedParts(Date.parse('1969-12-31T23:59:00Z'), 'UTC')).toEqual({ date: '1969-12-31', time: '23:59', weekday: 3, minutes: 1439 });
    expect(zonedParts(Date.parse('2026-12-06T00:00:00Z'), 'UTC').weekday).toBe(7);
    expect(zonedParts(Date.parse('2026-12-07T00:00:00Z'), 'UTC').weekday).toBe(1);
  });
  it('clock times and minutes of the day', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('09:30')).toBe(570);
    expect(minutesOf('23:59')).toBe(1439);
    expect(minutesOf('24:00')).toBe(1440);
    // a time written without its leading zero is read the long way, to the same minutes
    expect(minutesOf('9:30')).toBe(570);
    for (let m = 0; m <= 1440; m += 7) expect(minutesOf(timeOfMinutes(m))).toBe(m);
    expect(timeOfMinutes(0)).toBe('00:00');
    expect(timeOfMinutes(570)).toBe('09:30');
    expect(timeOfMinutes(1439)).toBe('23:59');
  });
});

describe('ids', () => {
  it('are UUIDv7, unique, and sort in the order they were made', () => {
    const ids = Array.from({ length: 50 }, () => newId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(50);
    expect([...ids].sort()).toEqual(ids);
  });
});
