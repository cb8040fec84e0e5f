import type { Plan } from '@shared/contract/money.contract';
import type { z } from 'zod';
import type { planInput } from '@shared/contract/money.contract';
import { newId } from '@shared/domain/ids';
import { todayIn } from '@shared/domain/dates';
import { type Actor, type Ctx, isStaff } from '../../context';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { bookableRecords } from '../bookables';
import { readCoop } from '../settings';
import * as repo from './money.repository';

/** Plans: the co-op's price list. Members see those on offer; the manager keeps them, archived ones too. */
export async function list(ctx: Ctx, actor: Actor): Promise<Plan[]> {
  const today = todayIn((await readCoop(ctx.db)).timeZone, ctx.now());
  const [rows, counts, covered] = await Promise.all([repo.plans(ctx.db), repo.membersOn(ctx.db, today), repo.coverage(ctx.db)]);
  return rows
    .filter((r) => isStaff(actor) || r.archived_at === null)
    .map((r) => ({
      id: r.id,
      name: r.name,
      priceMinor: r.price_minor,
      deskDays: r.desk_days,
      roomHours: r.room_hours,
      resourceHours: r.resource_hours,
      discountPct: r.discount_pct,
      weight: r.weight,
      bookableIds: covered.get(r.id) ?? [],
      archived: r.archived_at !== null,
      members: counts.get(r.id) ?? 0,
    }));
}

export async function save(ctx: Ctx, actor: Actor, input: z.output<typeof planInput>): Promise<Plan[]> {
  await commit(ctx, 'money.changed', async (trx) => {
    const same = await repo.planByName(trx, input.name);
    if (same && same.id !== input.id) throw new AppError('CONFLICT', `There is already a plan called “${input.name}”.`, { name: 'Taken' });
    const now = ctx.now().getTime();
    const fields = {
      name: input.name,
      price_minor: input.priceMinor,
      desk_days: input.deskDays,
      room_hours: input.roomHours,
      resource_hours: input.resourceHours,
      discount_pct: input.discountPct,
      weight: input.weight,
      updated_at: now,
    };
    const listed = input.bookableIds.length === 0 ? [] : await bookableRecords(trx, { ids: input.bookableIds, includeRetired: true });
    const known = new Set(listed.map((b) => b.id));
    const unknown = input.bookableIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw new AppError('VALIDATION', 'Choose bookables that exist.', { bookableIds: 'Unknown bookable' });
    if (input.id === null) {
      const id = newId();
      await repo.insertPlan(trx, { id, ...fields, archived_at: input.archived ? now : null, created_at: now });
      await repo.setCoverage(trx, id, [...known]);
      return;
    }
    const row = await repo.plan(trx, input.id);
    if (!row) throw notFound('The plan');
    await repo.updatePlan(trx, row.id, { ...fields, archived_at: input.archived ? (row.archived_at ?? now) : null });
    await repo.setCoverage(trx, row.id, [...known]);
  });
  return list(ctx, actor);
}
