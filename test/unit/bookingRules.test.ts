import { describe, expect, it } from 'vitest';
import {
  cancelViolation,
  checkTiming,
  DEFAULT_BOOKING_RULES,
  MAX_BOOKING_SPAN_MS,
  occupancy,
  openingWindow,
  overloaded,
  peakLoad,
  type BookingRules,
  type SiteCalendar,
} from '@shared/domain/bookingRules';

// Each rule at its edge: just inside is allowed, just outside is refused with its own words.
// London in December is UTC+0, so local times read as UTC below.
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const site: SiteCalendar = {
  name: 'The Hive',
  timeZone: 'Europe/London',
  hours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: weekday <= 5, opens: '08:00', closes: '18:00' })),
  closures: [
    { date: '2026-12-24', reason: 'Christmas Eve' },
    { date: '2026-12-31', reason: '' },
  ],
};
const now = Date.parse('2026-12-01T09:00:00Z'); // a Tuesday
const at = (local: string) => Date.parse(`${local}:00Z`);

function check(start: string, end: string, rules: Partial<BookingRules> = {}, calendar = site) {
  return checkTiming({ start: at(start), end: at(end), rules: { ...DEFAULT_BOOKING_RULES, ...rules }, site: calendar, now, bookableName: 'Room 2' });
}
const rulesOf = (v: { rule: string }[]) => v.map((x) => x.rule);

describe('when a booking may be', () => {
  it('a booking inside every rule passes', () => {
    expect(check('2026-12-02T10:00', '2026-12-02T11:00')).toEqual([]);
  });

  it('an end at or before the start is refused alone, before any other rule', () => {
    expect(check('2026-12-02T10:00', '2026-12-02T10:00')).toEqual([{ rule: 'interval', message: 'The booking must end after it starts.' }]);
    expect(rulesOf(check('2026-11-28T10:07', '2026-11-28T09:00'))).toEqual(['interval']);
  });

  it('start and end both fall on the slot grid', () => {
    const start = check('2026-12-02T10:05', '2026-12-02T11:00');
    expect(start).toEqual([{ rule: 'slot', message: 'Room 2 is booked in steps of 15 minutes (e.g. 10:00, 10:15).' }]);
    expect(rulesOf(check('2026-12-02T10:00', '2026-12-02T10:50'))).toEqual(['slot']);
    expect(check('2026-12-02T10:07', '2026-12-02T10:52', { slotMinutes: 1 })).toEqual([]);
    expect(check('2026-12-02T10:00', '2026-12-02T11:00', { slotMinutes: 60 })).toEqual([]);
    expect(check('2026-12-02T10:30', '2026-12-02T11:30', { slotMinutes: 60 })[0].message).toContain('steps of 60 minutes (e.g. 10:00, 10:00)');
  });

  it('the minimum length: exactly the minimum passes, less is refused', () => {
    expect(check('2026-12-02T10:00', '2026-12-02T10:30', { minMinutes: 30 })).toEqual([]);
    expect(check('2026-12-02T10:00', '2026-12-02T10:15', { minMinutes: 30 })).toEqual([
      { rule: 'min-duration', message: 'Room 2 is booked for at least 30 minutes.' },
    ]);
  });

  it('the maximum length: exactly the maximum passes, more is refused', () => {
    expect(check('2026-12-02T10:00', '2026-12-02T12:00', { maxMinutes: 120 })).toEqual([]);
    expect(check('2026-12-02T10:00', '2026-12-02T12:15', { maxMinutes: 120 })).toEqual([
      { rule: 'max-duration', message: 'Room 2 can be booked for at most 2 hours at a time.' },
    ]);
  });

  it('no single booking lasts more than 31 days, whatever the bookable allows', () => {
    const long = { maxMinutes: 60 * 24 * 60, withinOpeningHours: false, slotMinutes: 1 };
    const open = { ...site, closures: [] };
    expect(at('2027-01-02T10:00') - at('2026-12-02T10:00')).toBe(MAX_BOOKING_SPAN_MS);
    expect(check('2026-12-02T10:00', '2027-01-02T10:00', long, open)).toEqual([]);
    expect(check('2026-12-02T10:00', '2027-01-02T10:01', long, open)).toEqual([
      { rule: 'max-duration', message: 'A single booking can last at most 31 days; book a series instead.' },
    ]);
  });

  it('closure days: on the day, across it, ending on it; ending at midnight before it is fine', () => {
    const anyHours = { withinOpeningHours: false, maxMinutes: 60 * 24 * 10 };
    expect(check('2026-12-24T10:00', '2026-12-24T11:00')).toEqual([{ rule: 'closure', message: 'The Hive is closed on 2026-12-24 (Christmas Eve).' }]);
    expect(check('2026-12-31T10:00', '2026-12-31T11:00')).toEqual([{ rule: 'closure', message: 'The Hive is closed on 2026-12-31.' }]);
    expect(rulesOf(check('2026-12-23T10:00', '2026-12-26T10:00', anyHours))).toEqual(['closure']);
    expect(check('2026-12-23T20:00', '2026-12-24T00:00', anyHours)).toEqual([]);
    expect(rulesOf(check('2026-12-23T20:00', '2026-12-24T00:15', anyHours))).toEqual(['closure']);
    expect(rulesOf(check('2026-12-24T00:00', '2026-12-24T00:15', anyHours))).toEqual(['closure']);
    expect(check('2026-12-25T00:00', '2026-12-25T01:00', anyHours)).toEqual([]);
  });

  it('opening hours: closed weekdays, before opening, after closing; the exact opening day passes', () => {
    expect(check('2026-12-05T10:00', '2026-12-05T11:00')).toEqual([{ rule: 'opening-hours', message: 'The Hive is closed on Saturdays.' }]);
    expect(check('2026-12-02T07:45', '2026-12-02T09:00')).toEqual([{ rule: 'opening-hours', message: 'The Hive opens at 08:00 on Wednesdays.' }]);
    expect(check('2026-12-02T17:00', '2026-12-02T18:15')).toEqual([{ rule: 'opening-hours', message: 'The Hive closes at 18:00 on Wednesdays.' }]);
    expect(check('2026-12-02T08:00', '2026-12-02T18:00')).toEqual([]);
    expect(check('2026-12-05T07:00', '2026-12-05T08:00', { withinOpeningHours: false })).toEqual([]);
    const noSunday = { ...site, hours: site.hours.filter((h) => h.weekday !== 7) };
    expect(rulesOf(check('2026-12-06T10:00', '2026-12-06T11:00', {}, noSunday))).toEqual(['opening-hours']);
  });

  it('in the past, at now, and within the notice period', () => {
    expect(check('2026-12-01T08:45', '2026-12-01T10:00')).toEqual([{ rule: 'past', message: 'That time has already started; choose a later start.' }]);
    expect(check('2026-12-01T09:00', '2026-12-01T10:00')).toEqual([]);
    expect(check('2026-12-01T09:45', '2026-12-01T10:00', { minNoticeMinutes: 60 })).toEqual([
      { rule: 'min-notice', message: 'Room 2 must be booked at least 1 hour ahead.' },
    ]);
    expect(check('2026-12-01T10:00', '2026-12-01T11:00', { minNoticeMinutes: 60 })).toEqual([]);
    expect(rulesOf(check('2026-12-01T08:45', '2026-12-01T10:00', { minNoticeMinutes: 60 }))).toEqual(['past']);
  });

  it('the booking window: a start exactly at its edge passes, a slot later is refused', () => {
    expect(check('2026-12-11T09:00', '2026-12-11T10:00', { maxDaysAhead: 10 })).toEqual([]);
    expect(check('2026-12-11T09:15', '2026-12-11T10:00', { maxDaysAhead: 10 })).toEqual([
      { rule: 'booking-window', message: 'Room 2 can be booked up to 10 days ahead (until 2026-12-11).' },
    ]);
  });
});

describe('in the site’s zone', () => {
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

  it('names the weekday it is closed on, for every weekday', () => {
    const closed = { ...site, hours: site.hours.map((h) => ({ ...h, open: false })) };
    const names = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];
    for (let i = 0; i < 7; i++) {
      const day = `2026-12-${String(7 + i).padStart(2, '0')}`; // Monday 7 December onwards
      expect(check(`${day}T10:00`, `${day}T11:00`, {}, closed)[0].message).toBe(`The Hive is closed on ${names[i]}.`);
    }
  });
  it('closures before and after a booking do not touch it', () => {
    expect(check('2026-12-28T10:00', '2026-12-28T11:00')).toEqual([]);
  });
  it('a new site’s defaults: members only, no approval, no check-in needed', () => {
    expect(DEFAULT_BOOKING_RULES).toMatchObject({ membersOnly: true, approvalRequired: false, checkinRequired: false, withinOpeningHours: true });
  });
});

describe('the opening window of a date', () => {
  it('is the day’s hours as instants, or null when closed', () => {
    expect(openingWindow('2026-12-02', site, 3)).toEqual({ start: at('2026-12-02T08:00'), end: at('2026-12-02T18:00'), opens: '08:00', closes: '18:00' });
    expect(openingWindow('2026-12-05', site, 6)).toBeNull();
    expect(openingWindow('2026-12-06', { ...site, hours: [] }, 7)).toBeNull();
  });
});

describe('what a booking holds', () => {
  it('its own time plus the buffers either side', () => {
    expect(occupancy(1_000 * MIN, 1_060 * MIN, { bufferBeforeMinutes: 10, bufferAfterMinutes: 5 })).toEqual({ occStart: 990 * MIN, occEnd: 1_065 * MIN });
  });

  it('the peak load, whatever order the bookings come in; touching bookings do not add up', () => {
    const h = (from: number, to: number, quantity = 1) => ({ occStart: from, occEnd: to, quantity });
    const held = [h(30, 40, 2), h(0, 10), h(10, 20), h(5, 15, 3), h(100, 110, 9)];
    expect(peakLoad(held, 0, 50)).toBe(4); // 5..10: 1 + 3
    expect(peakLoad([...held].reverse(), 0, 50)).toBe(4);
    expect(peakLoad(held, 10, 30)).toBe(4); // 10..15: 1 + 3; the 30..40 booking starts as the range ends
    expect(peakLoad(held, 15, 30)).toBe(1);
    expect(peakLoad(held, 20, 30)).toBe(0);
    expect(peakLoad(held, 40, 100)).toBe(0);
    expect(peakLoad([h(0, 10), h(10, 20), h(10, 20)], 0, 20)).toBe(2);
    expect(peakLoad([h(0, 20), h(5, 10), h(0, 30)], 12, 25)).toBe(2);
  });

  it('names the bookings that would no longer fit at a lower capacity, in their own order', () => {
    const b = (id: string, from: number, to: number, quantity = 1) => ({ id, occStart: from, occEnd: to, quantity });
    const held = [b('late', 50, 60), b('a', 0, 10), b('b', 5, 15), b('c', 10, 20), b('big', 100, 110, 3)];
    expect(overloaded(held, 1).map((x) => x.id)).toEqual(['a', 'b', 'c', 'big']);
    expect(overloaded(held, 2).map((x) => x.id)).toEqual(['big']);
    expect(overloaded(held, 3)).toEqual([]);
    expect(overloaded([b('x', 0, 10), b('y', 10, 20)], 1)).toEqual([]);
    expect(overloaded([b('y', 10, 20, 1), b('x', 0, 10, 2)], 2)).toEqual([]); // released before taken, whatever the order
  });
});

describe('cancelling', () => {
  const start = at('2026-12-02T10:00');
  it('is open until exactly the cut-off, closed a moment after', () => {
    expect(cancelViolation(start, start - 60 * MIN, { cancelCutoffMinutes: 60 })).toBeNull();
    expect(cancelViolation(start, start - 60 * MIN + 1, { cancelCutoffMinutes: 60 })).toEqual({
      rule: 'cancel-cutoff',
      message: 'Cancellation closed 1 hour before the start; ask a manager.',
    });
  });
  it('tells a manager how to override, and says when the booking has simply started', () => {
    expect(cancelViolation(start, start, { cancelCutoffMinutes: 90 }, true)?.message).toBe(
      'Cancellation closed 1 hour 30 min before the start. Tick “override the cut-off” to cancel anyway.',
    );
    expect(cancelViolation(start, start, { cancelCutoffMinutes: 0 })).toBeNull();
    expect(cancelViolation(start, start + 1, { cancelCutoffMinutes: 0 })?.message).toBe('The booking has already started; ask a manager.');
    expect(cancelViolation(start, start + DAY, { cancelCutoffMinutes: 0 }, true)?.message).toBe(
      'The booking has already started. Tick “override the cut-off” to cancel anyway.',
    );
  });
});
