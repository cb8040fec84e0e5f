import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { addDaysIso, weekdayOf, zonedDayRange, zonedInstant, zonedParts } from '@shared/domain/zoned';

describe('wall-clock time in a zone', () => {
  it('agrees with date-fns/tz for every quarter hour around both DST changes, in three zones', () => {
    for (const zone of ['Europe/London', 'America/New_York', 'America/St_Johns', 'Australia/Lord_Howe']) {
      for (const around of ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01', '2026-04-05', '2026-10-04']) {
        const start = Date.parse(`${around}T00:00:00Z`) - 36 * 3600_000;
        for (let ms = start; ms < start + 72 * 3600_000; ms += 15 * 60_000) {
          const reference = new TZDate(ms, zone);
          const p = zonedParts(ms, zone);
          expect(`${p.date} ${p.time}`).toBe(format(reference, 'yyyy-MM-dd HH:mm'));
          expect(p.weekday).toBe(weekdayOf(p.date));
        }
      }
    }
  });

  it('turns local times into instants, moving forward through a spring-forward gap', () => {
    expect(new Date(zonedInstant('2026-03-30', '09:00', 'Europe/London')).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(new Date(zonedInstant('2026-03-27', '09:00', 'Europe/London')).toISOString()).toBe('2026-03-27T09:00:00.000Z');
    expect(new Date(zonedInstant('2026-03-08', '09:00', 'America/New_York')).toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(new Date(zonedInstant('2026-03-07', '09:00', 'America/New_York')).toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(zonedParts(zonedInstant('2026-03-29', '01:30', 'Europe/London'), 'Europe/London').time).toBe('02:30');
  });

  it('a calendar day is 23 or 25 hours on DST days', () => {
    const spring = zonedDayRange('2026-03-29', 'Europe/London');
    const autumn = zonedDayRange('2026-10-25', 'Europe/London');
    expect((spring.end - spring.start) / 3600_000).toBe(23);
    expect((autumn.end - autumn.start) / 3600_000).toBe(25);
  });

  it('does date arithmetic on calendar dates', () => {
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysIso('2028-03-01', -1)).toBe('2028-02-29');
    expect(weekdayOf('2026-11-24')).toBe(2);
    expect(weekdayOf('2026-11-29')).toBe(7);
  });
});
