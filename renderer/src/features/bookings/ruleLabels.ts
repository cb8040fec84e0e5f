import type { BookingRules, RuleName } from '@shared/domain/bookingRules';

/** The booking rules as people read them, in the order the forms show them (site defaults and bookables). */
export const NUMBER_RULES: [keyof BookingRules, string][] = [
  ['slotMinutes', 'Slot (minutes)'],
  ['minMinutes', 'Shortest booking (minutes)'],
  ['maxMinutes', 'Longest booking (minutes)'],
  ['bufferBeforeMinutes', 'Buffer before (minutes)'],
  ['bufferAfterMinutes', 'Buffer after (minutes)'],
  ['maxDaysAhead', 'Bookable up to (days ahead)'],
  ['minNoticeMinutes', 'Minimum notice (minutes)'],
  ['cancelCutoffMinutes', 'Cancellation cut-off (minutes before)'],
  ['maxConcurrentPerMember', 'Bookings a member may hold'],
  ['noShowGraceMinutes', 'No-show grace (minutes)'],
];

export const FLAG_RULES: [keyof BookingRules, string][] = [
  ['membersOnly', 'Members only'],
  ['approvalRequired', 'Needs a manager’s approval'],
  ['checkinRequired', 'Needs check-in (released if nobody comes)'],
  ['withinOpeningHours', 'Only within opening hours'],
];

/** What each refusal is about, in a word or two, beside its message (not the rule's code). */
export const RULE_WORDS: Record<RuleName, string> = {
  interval: 'Times',
  slot: 'Time steps',
  'min-duration': 'Too short',
  'max-duration': 'Too long',
  'opening-hours': 'Opening hours',
  closure: 'Closed',
  past: 'Past',
  'min-notice': 'Notice',
  'booking-window': 'Too far ahead',
  capacity: 'Taken',
  'max-concurrent': 'Bookings held',
  'members-only': 'Members only',
  retired: 'Retired',
  'cancel-cutoff': 'Cut-off',
};
