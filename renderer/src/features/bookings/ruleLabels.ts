import type { BookingRules } from '@shared/domain/bookingRules';

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
