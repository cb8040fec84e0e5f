/**
 * Mutual support's rules, once for both sides: the kinds of help, how a request is routed to
 * who could help, a mentor's spare time, and commitments kept.
 */

export const HELP_KINDS = ['quick', 'hands-on'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];
export const HELP_KIND_LABELS: Record<HelpKind, string> = { quick: 'Quick question (2–3 min)', 'hands-on': 'Hands-on help (10–15 min)' };

export const HELP_HOW = ['come over', 'call me'] as const;
export type HelpHow = (typeof HELP_HOW)[number];
export const HELP_HOW_LABELS: Record<HelpHow, string> = { 'come over': 'I’ll come over', 'call me': 'Call me' };

export type HelpState = 'open' | 'claimed' | 'resolved';

/**
 * Who a request is for, first to last: 1 members who offer its skills and are in now, 2 those who
 * offer them, 3 everyone. A request with no skills is everyone's.
 */
export type RouteTier = 1 | 2 | 3;
export const routeTier = (offersIt: boolean, inNow: boolean): RouteTier => (offersIt ? (inNow ? 1 : 2) : 3);

/** Members told of a new request at once, at most: the best placed; the board shows it to everyone. */
export const ROUTE_NOTIFY_MAX = 12;

/** A mentor's hours a month not yet given to pairs (never below zero). */
export const spareHours = (offered: number, pairsHours: readonly number[]) => Math.max(0, offered - pairsHours.reduce((s, h) => s + h, 0));

export const CHECKIN_KINDS = ['done', 'progress', 'missed'] as const;
export type CheckinKind = (typeof CHECKIN_KINDS)[number];
export const CHECKIN_LABELS: Record<CheckinKind, string> = { done: 'Done', progress: 'Progress', missed: 'Missed' };

export type CommitmentState = 'open' | 'done' | 'missed';

/** "kept 4 of 5": commitments done out of those closed (open ones are not yet kept or missed). */
export function keptOf(states: readonly CommitmentState[]): { kept: number; closed: number } {
  const closed = states.filter((s) => s !== 'open');
  return { kept: closed.filter((s) => s === 'done').length, closed: closed.length };
}

/** "waiting 35 min", "waiting 2 h 10 min" since a request was asked. */
export function waitingFor(minutes: number): string {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 60) return `${m} min`;
  return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
