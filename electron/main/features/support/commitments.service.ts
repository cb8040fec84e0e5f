import type { Commitment, Commitments } from '@shared/contract/support.contract';
import { addMonthsIso, todayIn } from '@shared/domain/dates';
import { addDaysIso } from '@shared/domain/zoned';
import { newId } from '@shared/domain/ids';
import { type CheckinKind, keptOf } from '@shared/domain/support';
import { type Actor, type Ctx, withDb } from '../../context';
import { commit, immediate } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { currentMember, memberRefs } from '../members';
import { notify } from '../notifications';
import { readCoop } from '../settings';
import * as repo from './commitments.repository';
import type { CommitmentsTable } from './support.tables';

/** Commitments are their owner's and their partners' only: not the desk's, not the manager's. */
function memberOnly(actor: Actor): string {
  if (!actor.memberId) throw new AppError('FORBIDDEN', 'Commitments are private to members: make and check them from the kiosk or your own device.');
  return actor.memberId;
}

const today = async (ctx: Ctx) => todayIn((await readCoop(ctx.db)).timeZone, ctx.now());

async function toCommitments(ctx: Ctx, rows: CommitmentsTable[], viewer: string): Promise<Commitment[]> {
  const ids = rows.map((r) => r.id);
  const [partners, checkins] = await Promise.all([repo.partnersOf(ctx.db, ids), repo.checkinsOf(ctx.db, ids)]);
  const names = await memberRefs(ctx.db, [...rows.map((r) => r.member_id), ...[...partners.values()].flat()]);
  return rows.map((r) => ({
    id: r.id,
    owner: names.get(r.member_id)!,
    text: r.text,
    dueOn: r.due_on,
    state: r.state,
    partners: (partners.get(r.id) ?? []).map((p) => names.get(p)!),
    checkins: checkins.filter((c) => c.commitment_id === r.id).map((c) => ({ kind: c.kind, note: c.note, onDate: c.on_date })),
    mine: r.member_id === viewer,
  }));
}

/** The viewer's own commitments, those they hold others to, and their record month by month over a year. */
export async function commitments(ctx: Ctx, actor: Actor): Promise<Commitments> {
  const me = memberOnly(actor);
  const day = await today(ctx);
  const from = `${addMonthsIso(day, -11).slice(0, 7)}-01`;
  const closed = await repo.closedSince(ctx.db, me, from);
  const months = new Map<string, typeof closed>();
  for (const c of closed) (months.get(c.due_on.slice(0, 7)) ?? months.set(c.due_on.slice(0, 7), []).get(c.due_on.slice(0, 7))!).push(c);
  return {
    mine: await toCommitments(ctx, await repo.ownedBy(ctx.db, me, 100), me),
    partnering: await toCommitments(ctx, await repo.partneredBy(ctx.db, me, 100), me),
    kept: {
      ...keptOf(closed.map((c) => c.state)),
      byMonth: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, cs]) => ({ month, ...keptOf(cs.map((c) => c.state)) })),
    },
  };
}

/** A member commits to something by a date, before partners who hold them to it (told at once). */
export async function make(ctx: Ctx, actor: Actor, input: { text: string; dueOn: string; partnerIds: string[] }): Promise<Commitment> {
  const me = memberOnly(actor);
  return commit(ctx, 'support.changed', async (trx) => {
    const owner = await currentMember(trx, me);
    if (input.dueOn < (await today(withDb(ctx, trx)))) throw new AppError('VALIDATION', 'A commitment is due today or later.', { dueOn: 'Not in the past' });
    const partners = [...new Set(input.partnerIds)];
    if (partners.includes(me)) throw new AppError('VALIDATION', 'A partner is someone else who holds you to it.', { partnerIds: 'Not yourself' });
    for (const p of partners) await currentMember(trx, p, 'partnerIds');
    const row: CommitmentsTable = {
      id: newId(),
      member_id: me,
      text: input.text,
      due_on: input.dueOn,
      state: 'open',
      created_at: ctx.now().getTime(),
      reminded_at: null,
      nudged_at: null,
      closed_on: null,
    };
    await repo.insert(trx, row, partners);
    await notify(withDb(ctx, trx), partners, {
      kind: 'commitment',
      title: `${owner.name} asks you to hold them to a commitment`,
      body: `${input.text} (by ${input.dueOn})`,
      href: '/support/commitments',
    });
    return (await toCommitments(withDb(ctx, trx), [row], me))[0]!;
  });
}

/** The owner checks in: done or missed closes it (a miss tells the partners), progress is a note on the way. */
export async function checkIn(ctx: Ctx, actor: Actor, input: { id: string; kind: CheckinKind; note: string }): Promise<Commitment> {
  const me = memberOnly(actor);
  return commit(ctx, 'support.changed', async (trx) => {
    const row = await repo.find(trx, input.id);
    if (!row) throw notFound('The commitment');
    if (row.member_id !== me) throw new AppError('FORBIDDEN', 'Only who made a commitment checks in on it; partners hold them to it.');
    if (row.state !== 'open') throw new AppError('CONFLICT', `This commitment is already ${row.state === 'done' ? 'done' : 'missed'}.`);
    const day = await today(withDb(ctx, trx));
    const now = ctx.now().getTime();
    await repo.insertCheckin(trx, { id: newId(), commitment_id: row.id, kind: input.kind, note: input.note, on_date: day, at: now });
    if (input.kind !== 'progress') await repo.close(trx, row.id, input.kind, day);
    if (input.kind === 'missed') await nudge(withDb(ctx, trx), row, now);
    const fresh = (await repo.find(trx, row.id))!;
    return (await toCommitments(withDb(ctx, trx), [fresh], me))[0]!;
  });
}

async function nudge(ctx: Ctx, row: CommitmentsTable, now: number): Promise<void> {
  const partners = (await repo.partnersOf(ctx.db, [row.id])).get(row.id) ?? [];
  const owner = (await memberRefs(ctx.db, [row.member_id])).get(row.member_id);
  await notify(ctx, partners, {
    kind: 'commitment',
    title: `${owner?.name ?? 'A member'} missed a commitment: a word from you may help`,
    body: `${row.text} (due ${row.due_on})`,
    href: '/support/commitments',
  });
  await repo.markNudged(ctx.db, row.id, now);
}

/**
 * A scheduled job: owners are reminded the day before a commitment is due; a commitment still open
 * after its due date is missed, and its partners are nudged.
 */
export async function remindAndNudge(ctx: Ctx): Promise<number> {
  const now = ctx.now().getTime();
  const changed = await immediate(ctx.db, async (trx) => {
    const c = withDb(ctx, trx);
    const day = await today(c);
    const due = await repo.toRemind(trx, addDaysIso(day, 1));
    for (const r of due.filter((r) => r.due_on >= day))
      await notify(c, [r.member_id], {
        kind: 'commitment',
        title: `Due ${r.due_on === day ? 'today' : 'tomorrow'}: ${r.text}`,
        body: 'Check in when it is done.',
        href: '/support/commitments',
      });
    await repo.markReminded(
      trx,
      due.map((r) => r.id),
      now,
    );
    const missed = await repo.overdue(trx, day);
    for (const r of missed) {
      await repo.close(trx, r.id, 'missed', day);
      await nudge(c, r, now);
    }
    return due.length + missed.length;
  });
  if (changed > 0) ctx.emit('support.changed');
  return changed;
}
