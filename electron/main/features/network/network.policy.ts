import { type Actor, isManager, isStaff } from '../../context';
import { AppError } from '../../errors';
import type { Audience } from './network.repository';

/** Whom the network's lists may name for this caller: the desk every current member; a member the listed ones and themselves. */
export const audienceOf = (actor: Actor): Audience => ({ memberId: isStaff(actor) ? null : (actor.memberId ?? '') });

/**
 * Whose records a caller reads: a member only their own (asking for no one in particular means
 * themselves); the desk one member's, or everyone's (null).
 */
export function whoseRecords(actor: Actor, memberId: string | null): string | null {
  if (isStaff(actor)) return memberId;
  if (!actor.memberId) throw new AppError('FORBIDDEN', 'Sign in as a member to see your network.');
  if (memberId !== null && memberId !== actor.memberId) throw new AppError('FORBIDDEN', 'You see your own referrals, purchases and hours only.');
  return actor.memberId;
}

/** Amounts of money between two members are theirs and the manager's: not other members', not the front desk's (BNI keeps them private too). */
export const seesAmounts = (actor: Actor, a: string, b: string): boolean => isManager(actor) || actor.memberId === a || actor.memberId === b;
