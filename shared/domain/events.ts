/** Events' rules, once for both sides: the kinds, where an RSVP lands, and attendance. */

export const EVENT_KINDS = ['breakfast', 'stammtisch', 'seminar', 'training', 'fair', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  breakfast: 'Breakfast',
  stammtisch: 'Stammtisch',
  seminar: 'Seminar',
  training: 'Training',
  fair: 'Fair',
  other: 'Other',
};

export type RsvpState = 'going' | 'waitlisted' | 'cancelled';
export type EventState = 'scheduled' | 'cancelled';

/** A new RSVP is going while places are left, waitlisted after (in the order they came). */
export const placeFor = (going: number, capacity: number): Exclude<RsvpState, 'cancelled'> => (going < capacity ? 'going' : 'waitlisted');

/** Why an RSVP is refused now (null: it is taken). */
export function rsvpProblem(
  e: { state: EventState; endsAt: number; rsvpDeadline: number | null; guestsAllowed: boolean },
  now: number,
  guest: boolean,
): string | null {
  if (e.state === 'cancelled') return 'This event is cancelled.';
  if (e.endsAt <= now) return 'This event is over.';
  if (e.rsvpDeadline !== null && now > e.rsvpDeadline) return 'Replies to this event closed at its deadline.';
  if (guest && !e.guestsAllowed) return 'This event is for members only.';
  return null;
}
