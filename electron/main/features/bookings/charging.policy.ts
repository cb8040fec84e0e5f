import type { Kysely } from 'kysely';
import { type Allowance, type CreditKind, chargeFor, creditWords } from '@shared/domain/money';
import { zonedMonthRange, zonedParts } from '@shared/domain/zoned';
import type { DB } from '../../db/schema';
import * as repo from './bookings.repository';
import { MINUTE, type Target, unitsHeld } from './bookings.policy';

/**
 * What a booking costs its member, frozen on it when it is made: their plan's credits first, then
 * the rate. Plans belong to money, which builds on bookings; so bookings asks through this port
 * and money answers it (`setPlanLookup` at start). Without an answer, every booking is at its rate.
 */
export type PlanLookup = (db: Kysely<DB>, memberId: string, day: string, bookableId: string) => Promise<Allowance | null>;

let planOn: PlanLookup = async () => null;

export function setPlanLookup(lookup: PlanLookup): void {
  planOn = lookup;
}

export interface Charge {
  priceMinor: number;
  creditsUsed: number;
  /** "Uses 2 of your 8 room hours left this month" (null: no plan credits apply). */
  credits: string | null;
}

/**
 * The charge for a candidate booking (credits are per calendar month in the co-op's zone). Read inside the booking's own immediate transaction, so two bookings racing for
 * the last credit are counted one after the other: exactly one gets it.
 */
export async function chargeOf(db: Kysely<DB>, target: Target, c: { start: number; end: number; quantity: number; memberId: string | null }): Promise<Charge> {
  const kind = target.row.kind as CreditKind;
  const minutes = (c.end - c.start) / MINUTE;
  const units = unitsHeld(target.row, c.quantity);
  const day = zonedParts(c.start, target.site.timeZone).date;
  const allowance = c.memberId ? await planOn(db, c.memberId, day, target.row.id) : null;
  const month = zonedMonthRange(day.slice(0, 7), target.site.timeZone);
  const spent = allowance ? await repo.creditsSpent(db, c.memberId!, kind, { from: month.start, to: month.end }) : 0;
  const charge = chargeFor({ kind, rateMinor: target.row.hourly_rate_minor, minutes, units, allowance, spent });
  return {
    priceMinor: charge.priceMinor,
    creditsUsed: charge.creditsUsed,
    credits: allowance && allowance[kind] > 0 && target.row.hourly_rate_minor > 0 ? creditWords(kind, charge.creditsUsed, charge.left) : null,
  };
}
