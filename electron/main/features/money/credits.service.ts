import type { Allowance } from '@shared/domain/money';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import * as repo from './money.repository';

/** What a member's plan includes on `day` for a bookable, for the booking engine's charge: none while paused, off a plan, or for a bookable it does not cover. */
export async function allowanceOn(db: Kysely<DB>, memberId: string, day: string, bookableId: string): Promise<Allowance | null> {
  const p = await repo.planOn(db, memberId, day);
  if (!p || p.state !== 'active' || !(await repo.covers(db, p.id, bookableId))) return null;
  return { desk: p.desk_days, room: p.room_hours * 60, resource: p.resource_hours * 60, discountPct: p.discount_pct };
}
