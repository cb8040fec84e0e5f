import { addMonthsIso } from './dates';

/**
 * Co-op ownership (seed: "anyone who has been a subscriber for more than 14 months").
 * A member becomes an owner `months` after the start of their continuous membership.
 * Paused members keep counting (a pause is a holiday, not leaving); members who left are
 * not owners. A returning member gets a new membership start date, which restarts the count.
 */
export interface Ownership {
  isOwner: boolean;
  /** The day the member becomes (or became) an owner; null for members who left. */
  ownerFrom: string | null;
}

export interface OwnershipInput {
  memberSince: string;
  status: 'active' | 'paused' | 'left';
  archived: boolean;
}

export function ownershipOf(member: OwnershipInput, months: number, today: string): Ownership {
  if (member.status === 'left' || member.archived) return { isOwner: false, ownerFrom: null };
  const ownerFrom = addMonthsIso(member.memberSince, months);
  return { isOwner: ownerFrom <= today, ownerFrom };
}

/** The latest membership start date that makes someone an owner today (for SQL filters). */
export function ownershipCutoff(months: number, today: string): string {
  return addMonthsIso(today, -months);
}
