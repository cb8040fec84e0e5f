import type { Allowance } from '@shared/domain/money';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import * as repo from './money.repository';

/** What a member's plan includes on `day`, for the booking engine's charge: none while paused or off a plan. */
export async function allowanceOn(db: Kysely<DB>, memberId: string, day: string): Promise<Allowance | null> {
  const p = await repo.planOn(db, memberId, day);
  if (!p || p.state !== 'active') return null;
  return { desk: p.desk_days, room: p.room_hours * 60, resource: p.resource_hours * 60, discountPct: p.discount_pct };
}
