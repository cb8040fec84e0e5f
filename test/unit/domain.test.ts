import { describe, expect, it } from 'vitest';
import { addMonthsIso, isRealIsoDate, isValidTimeZone, monthsBetween, todayIn } from '@shared/domain/dates';
import { ownershipCutoff, ownershipOf } from '@shared/domain/ownership';
import { normalizeTag, splitTagList, uniqueTags } from '@shared/domain/tags';
import { zonedMonthRange } from '@shared/domain/zoned';

describe('calendar dates', () => {
  it('knows real days from impossible ones', () => {
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    for (const impossible of ['2025-02-29', '2025-04-31', '2025-4-3', '14/03/2025', '0000-01-01']) expect(isRealIsoDate(impossible), impossible).toBe(false);
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonthsIso('2025-03-14', 14)).toBe('2026-05-14');
    expect(addMonthsIso('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsIso('2025-01-31', 13)).toBe('2026-02-28');
    expect(addMonthsIso('2026-11-24', -14)).toBe('2025-09-24');
  });

  it('counts whole months between dates', () => {
    expect(monthsBetween('2025-03-14', '2025-03-13')).toBe(0);
    expect(monthsBetween('2025-03-14', '2025-04-13')).toBe(0);
    expect(monthsBetween('2025-03-14', '2025-04-14')).toBe(1);
    expect(monthsBetween('2025-01-31', '2025-02-28')).toBe(1);
  });

  it('gives today in the co-op zone, not the machine zone', () => {
    const lateEvening = new Date('2026-11-24T23:30:00Z');
    expect(todayIn('Europe/London', lateEvening)).toBe('2026-11-24');
    expect(todayIn('Europe/Berlin', lateEvening)).toBe('2026-11-25');
    expect(todayIn('America/New_York', new Date('2026-11-25T03:00:00Z'))).toBe('2026-11-24');
  });

  it('validates IANA time zones', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('co-op ownership', () => {
  const member = { memberSince: '2025-09-24', status: 'active' as const, archived: false };
  it('starts exactly N months after the membership start', () => {
    expect(ownershipOf(member, 14, '2026-11-23')).toEqual({ isOwner: false, ownerFrom: '2026-11-24' });
    expect(ownershipOf(member, 14, '2026-11-24')).toEqual({ isOwner: true, ownerFrom: '2026-11-24' });
  });
  it('paused members keep counting; members who left or were archived are not owners', () => {
    expect(ownershipOf({ ...member, status: 'paused' }, 14, '2027-01-01').isOwner).toBe(true);
    expect(ownershipOf({ ...member, status: 'left' }, 14, '2027-01-01')).toEqual({ isOwner: false, ownerFrom: null });
    expect(ownershipOf({ ...member, archived: true }, 14, '2027-01-01')).toEqual({ isOwner: false, ownerFrom: null });
  });
  it('the cut-off date agrees with the rule', () => {
    const cutoff = ownershipCutoff(14, '2026-11-24');
    expect(cutoff).toBe('2025-09-24');
    expect(ownershipOf({ ...member, memberSince: cutoff }, 14, '2026-11-24').isOwner).toBe(true);
  });
  it('zero months makes every current member an owner from day one', () => {
    expect(ownershipOf(member, 0, '2025-09-24').isOwner).toBe(true);
  });
});

describe('tags', () => {
  it('one spelling per idea', () => {
    expect(normalizeTag('  Web   Design ')).toBe('web design');
    expect(uniqueTags(['Web design', 'web design', '', 'SEO'])).toEqual(['web design', 'seo']);
    expect(splitTagList('copywriting; Tender writing, editing;;')).toEqual(['copywriting', 'tender writing', 'editing']);
  });
});

describe('addMonthsIso agrees with date-fns addMonths', () => {
  it('on every day of four years, for a range of month offsets', async () => {
    const { addMonths, format } = await import('date-fns');
    for (let day = new Date(2023, 0, 1); day.getFullYear() < 2027; day.setDate(day.getDate() + 1)) {
      const iso = format(day, 'yyyy-MM-dd');
      for (const months of [-25, -14, -1, 0, 1, 2, 11, 13, 14, 120]) {
        expect(addMonthsIso(iso, months)).toBe(format(addMonths(day, months), 'yyyy-MM-dd'));
      }
    }
  });
});

describe('a calendar month in a zone', () => {
  it('runs from local midnight of its first day to that of the next month, across summer time', () => {
    expect(zonedMonthRange('2026-03', 'Europe/London')).toEqual({
      first: '2026-03-01',
      last: '2026-03-31',
      start: Date.parse('2026-03-01T00:00:00Z'),
      end: Date.parse('2026-03-31T23:00:00Z'),
    });
    expect(zonedMonthRange('2028-02', 'UTC').last).toBe('2028-02-29');
    expect(zonedMonthRange('2026-12', 'UTC').end).toBe(Date.parse('2027-01-01T00:00:00Z'));
  });
});
