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

/** The member a caller acts as: a member is always themselves; the desk names the member (`field`). */
export function actingMember(actor: Actor, memberId: string | null, field: string): string {
  if (!isStaff(actor)) {
    if (!actor.memberId) throw new AppError('FORBIDDEN', 'Sign in as a member first.');
    if (memberId !== null && memberId !== actor.memberId)
      throw new AppError('FORBIDDEN', 'You can record this only for yourself.', { [field]: 'Only yourself' });
    return actor.memberId;
  }
  if (memberId === null) throw new AppError('VALIDATION', 'Choose the member.', { [field]: 'Choose the member' });
  return memberId;
}
