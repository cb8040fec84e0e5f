import { newId } from '@shared/domain/ids';
import { type Coopdesk, startCoopdesk } from '../../electron/main/app';
import { type Actor, FRONT_DESK } from '../../electron/main/context';
import { insertChunked } from '../../electron/main/demo/generate';
import { immediate } from '../../electron/main/db/tx';
import { largeCoop } from './largeCoop';
import { measure, report, reportTimes, SCALE } from './measure';

/**
 * Money on the large generated co-op (at BENCH_SCALE=1: 10,000 members, about a million bookings):
 * 5,000 members on plans since the start of last month, a tenth of them changing plan mid-month,
 * and a month's costs shared equally, by weight and by hours booked: the month's shares, one
 * member's own view, and statements.
 */
export async function moneyBench(): Promise<void> {
  const { dataDir, today } = await largeCoop();
  const coop = await startCoopdesk({ dataDir, backups: false });
  const db = coop.database.db;
  const call = async (channel: string, input: unknown, actor: Actor = FRONT_DESK) => {
    const r = await coop.api.dispatch(channel, input, actor);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data as any;
  };
  const month = today.slice(0, 7);
  const onPlans = Math.round(5_000 * SCALE);
  const ids = (await db.selectFrom('members').select('id').orderBy('number').limit(onPlans).execute()).map((m) => m.id);
  if ((await call('money.plans', {})).length === 0) {
    const base = { resourceHours: 0, discountPct: 0 };
    await call('money.savePlan', { ...base, name: 'Flex 8', priceMinor: 12_000, deskDays: 8, roomHours: 4, weight: 1 });
    await call('money.savePlan', { ...base, name: 'Resident', priceMinor: 26_000, deskDays: 22, roomHours: 10, weight: 2 });
    const [flex, resident] = await call('money.plans', {});
    const start = `${new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1)).toISOString().slice(0, 10)}`;
    const mid = `${month}-15`;
    await immediate(db, async (trx) => {
      const rows = ids.flatMap((member_id, i) =>
        i % 10 === 0
          ? [
              { id: newId(), member_id, plan_id: flex.id, state: 'active' as const, starts_on: start, ends_on: `${month}-14`, created_at: 0 },
              { id: newId(), member_id, plan_id: resident.id, state: 'active' as const, starts_on: mid, ends_on: null, created_at: 0 },
            ]
          : [
              {
                id: newId(),
                member_id,
                plan_id: i % 3 === 0 ? resident.id : flex.id,
                state: 'active' as const,
                starts_on: start,
                ends_on: null,
                created_at: 0,
              },
            ],
      );
      await insertChunked(trx, 'member_plans', rows);
    });
    for (const split of ['equal', 'weight', 'usage'] as const)
      await call('money.addCost', { month, category: 'rent', label: `Cost shared ${split}`, amountMinor: 1_000_001, split });
  }
  report({ bench: 'money.dataset', members_on_plans: onPlans, month });
  await measure('money.costs', 20, () => call('money.costs', { month }), {
    note: 'a month: every member on a plan prorated by days, three costs split to the unit (one by hours booked among a million bookings)',
  });
  await measure('money.memberPlan', 20, (i) => call('money.memberPlan', { memberId: ids[i % ids.length] }), {
    note: 'one member’s plan, history, and this month’s price beside their share (the month is computed for everyone to split it)',
  });
  await statementFigures(coop, ids, month);
  await coop.close();
}

/**
 * Statements of last month (every member on a plan all month, a tenth with a plan change; every
 * fifth booking charged beyond credits): all members drafted, the month closed (issued in one
 * transaction, then undone so the next run measures the same), one member's statement, and the
 * booking dialog's price and credits preview.
 */
async function statementFigures(coop: Coopdesk, ids: string[], month: string): Promise<void> {
  const db = coop.database.db;
  const call = async (channel: string, input: unknown, actor: Actor = FRONT_DESK) => {
    const r = await coop.api.dispatch(channel, input, actor);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data as any;
  };
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);
  const undo = () =>
    immediate(db, async (trx) => {
      const of = trx.selectFrom('statements').select('id').where('month', '=', last);
      await trx.deleteFrom('statement_lines').where('statement_id', 'in', of).execute();
      await trx.deleteFrom('statements').where('month', '=', last).execute();
      await trx.deleteFrom('money_settings').execute();
    });
  await undo();
  await measure('money.statements.draft', 5, () => call('money.statements', { month: last }), {
    note: 'every member’s statement of last month, drafted (plan lines, charged bookings, passes, events, adjustments)',
  });
  const times: number[] = [];
  let issued = 0;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    issued = (await call('money.closeMonth', { month: last })).issued.length;
    times.push(performance.now() - start);
    await undo();
  }
  reportTimes('money.closeMonth', times, {
    statements: issued,
    note: 'all statements of a month issued, numbered and written in one transaction, members told',
  });
  const closed = await call('money.closeMonth', { month: last });
  await measure('money.statement', 50, (i) => call('money.statement', { id: closed.issued[i % closed.issued.length].id }), {
    note: 'one issued statement with its lines',
  });
  await measure('money.statement.draft', 50, (i) => call('money.statement', { memberId: ids[i % ids.length], month }), {
    note: 'one member’s month so far, drafted from their plan, bookings and passes',
  });
  const room = await db.selectFrom('bookables').select('id').where('kind', '=', 'room').where('hourly_rate_minor', '>', 0).executeTakeFirst();
  const roomId = room?.id ?? (await db.selectFrom('bookables').select('id').where('kind', '=', 'room').executeTakeFirstOrThrow()).id;
  // members who may book: on a plan and not left
  const bookers = (await db.selectFrom('members').select(['id', 'status']).where('archived_at', 'is', null).execute())
    .filter((m) => m.status === 'active' && ids.includes(m.id))
    .map((m) => m.id);
  const day = new Date(Date.now() + 3 * 86_400_000);
  day.setUTCHours(10, 0, 0, 0);
  await measure(
    'bookings.check.credits',
    200,
    (i) =>
      call('bookings.check', {
        bookableId: roomId,
        memberId: bookers[i % bookers.length],
        start: day.toISOString(),
        end: new Date(day.getTime() + 3_600_000).toISOString(),
      }),
    { note: 'the booking dialog’s check: rules, clashes, and the price after the member’s plan credits' },
  );
  await undo();
}
