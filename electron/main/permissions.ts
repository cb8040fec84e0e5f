import { type Actor, isStaff } from './context';
import { AppError } from './errors';

/**
 * Ownership rules for members acting for themselves (the kiosk, later their own devices).
 * The dispatcher checks the channel's access level; services call these for the record itself.
 */
export function requireSelf(actor: Actor, memberId: string | null, refusal: string): void {
  if (isStaff(actor)) return;
  if (memberId === null || actor.memberId !== memberId) throw new AppError('FORBIDDEN', refusal);
}
