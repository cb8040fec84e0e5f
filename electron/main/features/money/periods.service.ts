import type { MemberPlan, PlanPeriod } from '@shared/contract/money.contract';
import { todayIn } from '@shared/domain/dates';
import { newId } from '@shared/domain/ids';
import { addDaysIso } from '@shared/domain/zoned';
import { type Actor, type Ctx } from '../../context';
import { commit } from '../../db/tx';
import { AppError } from '../../errors';
import { requireSelf } from '../../permissions';
import { currentMember } from '../members';
import { readCoop } from '../settings';
import { monthFigures } from './costs.service';
import * as repo from './money.repository';

/**
 * A member's plan over time: one period at a time. Starting a plan (or another one) ends the
 * current period the day before; pausing and resuming start a new period of the same plan; ending
 * gives its last day. Only the open period changes, so periods never overlap (and the database
 * keeps one open period per member).
 */

type Action = 'start' | 'pause' | 'resume' | 'end';

export async function memberPlan(ctx: Ctx, actor: Actor, memberId: string | null): Promise<MemberPlan> {
  const id = memberId ?? actor.memberId;
  if (!id) throw new AppError('VALIDATION', 'Choose the member.', { memberId: 'Choose the member' });
  requireSelf(actor, id, 'You see your own plan.');
  const coop = await readCoop(ctx.db);
  const today = todayIn(coop.timeZone, ctx.now());
  const [periods, plans] = await Promise.all([repo.periodsOf(ctx.db, id), repo.plans(ctx.db)]);
  const planOf = new Map(plans.map((p) => [p.id, p]));
  const history: PlanPeriod[] = periods.map((p) => ({
    id: p.id,
    plan: { id: p.plan_id, name: planOf.get(p.plan_id)!.name },
    state: p.state,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
  }));
  const now = history.find((p) => p.startsOn <= today && (p.endsOn === null || p.endsOn >= today));
  const plan = now ? planOf.get(now.plan.id)! : null;
  const month = today.slice(0, 7);
  const figures = await monthFigures(ctx.db, month);
  const mine = figures.members.find((m) => m.id === id);
  return {
    memberId: id,
    currency: coop.currency,
    current:
      now && plan ? { ...now, priceMinor: plan.price_minor, deskDays: plan.desk_days, roomHours: plan.room_hours, resourceHours: plan.resource_hours } : null,
    history,
    month: { month, pays: mine?.pays ?? 0, share: mine?.share ?? 0 },
  };
}

export async function change(ctx: Ctx, actor: Actor, input: { memberId: string; action: Action; planId: string | null; on: string }): Promise<MemberPlan> {
  await commit(ctx, 'money.changed', async (trx) => {
    await currentMember(trx, input.memberId, 'memberId');
    const open = await repo.openPeriod(trx, input.memberId);
    const dayBefore = addDaysIso(input.on, -1);
    const after = (startsOn: string) => {
      if (input.on <= startsOn) throw new AppError('VALIDATION', `The current period starts on ${startsOn}: choose a later day.`, { on: 'Too early' });
    };
    const now = ctx.now().getTime();
    const begin = (planId: string, state: 'active' | 'paused') =>
      repo.insertPeriod(trx, { id: newId(), member_id: input.memberId, plan_id: planId, state, starts_on: input.on, ends_on: null, created_at: now });
    if (input.action === 'start') {
      const plan = await repo.plan(trx, input.planId!);
      if (!plan || plan.archived_at !== null) throw new AppError('VALIDATION', 'Choose a plan on offer.', { planId: 'Not on offer' });
      if (open) {
        if (open.plan_id === plan.id && open.state === 'active') throw new AppError('CONFLICT', `Already on ${plan.name}.`, { planId: 'Already on it' });
        after(open.starts_on);
        await repo.endPeriod(trx, open.id, dayBefore);
      } else {
        const last = (await repo.periodsOf(trx, input.memberId))[0];
        if (last && last.ends_on! >= input.on)
          throw new AppError('VALIDATION', `They were on a plan until ${last.ends_on}: start after it.`, { on: 'Overlaps an earlier plan' });
      }
      await begin(plan.id, 'active');
      return;
    }
    if (!open) throw new AppError('RULE', 'They are not on a plan.');
    if (input.action === 'end') {
      if (input.on < open.starts_on)
        throw new AppError('VALIDATION', `The current period starts on ${open.starts_on}: end it on or after.`, { on: 'Too early' });
      await repo.endPeriod(trx, open.id, input.on);
      return;
    }
    const wanted = input.action === 'pause' ? 'active' : 'paused';
    if (open.state !== wanted) throw new AppError('RULE', input.action === 'pause' ? 'Their plan is paused already.' : 'Their plan is not paused.');
    after(open.starts_on);
    await repo.endPeriod(trx, open.id, dayBefore);
    await begin(open.plan_id, input.action === 'pause' ? 'paused' : 'active');
  });
  return memberPlan(ctx, actor, input.memberId);
}
