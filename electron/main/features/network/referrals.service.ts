import type { Kysely } from 'kysely';
import type { Referral } from '@shared/contract/network.contract';
import { newId } from '@shared/domain/ids';
import { CLOSED_REFERRAL, REFERRAL_LABELS, type ReferralStatus, type Warmth, referralMoveProblem } from '@shared/domain/network';
import { todayIn } from '@shared/domain/dates';
import { type Actor, type Ctx, isStaff, withDb } from '../../context';
import type { DB } from '../../db/schema';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { currentMember, memberRefs } from '../members';
import { notify } from '../notifications';
import { readCoop } from '../settings';
import type { ReferralMovesTable, ReferralsTable } from './network.tables';
import { actingMember } from '../../permissions';
import { seesAmounts, whoseRecords } from './network.policy';
import * as ledger from './ledger.repository';

/** Referrals as the viewer may see them: amounts only for its two members and the manager. */
async function toReferrals(db: Kysely<DB>, actor: Actor, rows: ReferralsTable[]): Promise<Referral[]> {
  if (rows.length === 0) return [];
  const [names, moves, coop] = await Promise.all([
    memberRefs(
      db,
      rows.flatMap((r) => [r.giver_id, r.receiver_id]),
    ),
    ledger.movesOf(
      db,
      rows.map((r) => r.id),
    ),
    readCoop(db),
  ]);
  const movesOf = new Map<string, ReferralMovesTable[]>();
  for (const m of moves) movesOf.set(m.referral_id, [...(movesOf.get(m.referral_id) ?? []), m]);
  return rows.map((r) => {
    const amounts = seesAmounts(actor, r.giver_id, r.receiver_id);
    const own = movesOf.get(r.id) ?? [];
    const last = own[own.length - 1]!;
    return {
      id: r.id,
      giver: names.get(r.giver_id)!,
      receiver: names.get(r.receiver_id)!,
      lead: r.lead,
      need: r.need,
      warmth: r.warmth,
      contactGiven: r.contact_given === 1,
      status: last.status,
      value: amounts ? last.value_minor : null,
      currency: coop.currency,
      createdAt: new Date(r.created_at).toISOString(),
      moves: own.map((m) => ({ status: m.status, onDate: m.on_date, value: amounts ? m.value_minor : null })),
      mayMove: !CLOSED_REFERRAL.includes(last.status) && (isStaff(actor) || actor.memberId === r.receiver_id),
    };
  });
}

export async function referrals(ctx: Ctx, actor: Actor, f: { memberId: string | null; status: 'open' | 'closed' | 'all' }): Promise<Referral[]> {
  const whose = whoseRecords(actor, f.memberId);
  const all = await toReferrals(ctx.db, actor, await ledger.recentReferrals(ctx.db, { whose, limit: 200 }));
  if (f.status === 'all') return all;
  return all.filter((r) => CLOSED_REFERRAL.includes(r.status) === (f.status === 'closed'));
}

interface PassInput {
  giverId: string | null;
  receiverId: string;
  lead: string;
  need: string;
  warmth: Warmth;
  contactGiven: boolean;
}

/** A member passes a lead to another member; the receiver is told. */
export async function passReferral(ctx: Ctx, actor: Actor, input: PassInput): Promise<Referral> {
  return commit(ctx, 'network.changed', async (trx) => {
    const giverId = actingMember(actor, input.giverId, 'giverId');
    const giver = await currentMember(trx, giverId, 'giverId');
    if (input.receiverId === giverId)
      throw new AppError('RULE', 'A referral goes to another member.', { receiverId: 'Choose someone other than the giver' }, 'referral-self');
    const receiver = await currentMember(trx, input.receiverId, 'receiverId');
    const coop = await readCoop(trx);
    const now = ctx.now().getTime();
    const row: ReferralsTable = {
      id: newId(),
      giver_id: giver.id,
      receiver_id: receiver.id,
      lead: input.lead,
      need: input.need,
      warmth: input.warmth,
      contact_given: input.contactGiven ? 1 : 0,
      created_at: now,
    };
    await ledger.insertReferral(trx, row);
    await insertMove(trx, row, {
      seq: 1,
      status: 'passed',
      on_date: todayIn(coop.timeZone, ctx.now()),
      value_minor: null,
      by_member_id: actor.memberId,
      at: now,
    });
    await notify(withDb(ctx, trx), [receiver.id], {
      kind: 'referral',
      title: `${giver.name} passed you a referral: ${input.lead}`,
      body: `${input.need} (${input.warmth}${input.contactGiven ? ', contact given' : ''})`,
      href: '/network/referrals',
    });
    return (await toReferrals(trx, actor, [row]))[0]!;
  });
}

const insertMove = (db: Kysely<DB>, r: ReferralsTable, m: Omit<ReferralMovesTable, 'referral_id' | 'giver_id' | 'receiver_id'>) =>
  ledger.insertMove(db, { ...m, referral_id: r.id, giver_id: r.giver_id, receiver_id: r.receiver_id });

/**
 * The receiver says where a referral stands, with the date; a won one records the business's
 * value, credited to the giver. Forward only: nothing moves back from won, lost or no answer.
 */
export async function moveReferral(ctx: Ctx, actor: Actor, input: { id: string; to: ReferralStatus; onDate: string; value: number | null }): Promise<Referral> {
  return commit(ctx, 'network.changed', async (trx) => {
    const row = await ledger.findReferral(trx, input.id);
    if (!row || (!isStaff(actor) && actor.memberId !== row.giver_id && actor.memberId !== row.receiver_id)) throw notFound('The referral');
    if (!isStaff(actor) && actor.memberId !== row.receiver_id) {
      throw new AppError('FORBIDDEN', 'Only the member who received the referral says where it stands.', { to: 'Only the receiver moves it' });
    }
    const last = await ledger.lastMove(trx, row.id);
    const problem = referralMoveProblem(last.status, input.to);
    if (problem) throw new AppError('RULE', problem, { to: problem }, 'referral-forward');
    const coop = await readCoop(trx);
    if (input.onDate > todayIn(coop.timeZone, ctx.now()))
      throw new AppError('RULE', 'That date has not come yet.', { onDate: 'Not in the future' }, 'referral-date');
    if (input.onDate < last.on_date)
      throw new AppError(
        'RULE',
        `It was “${REFERRAL_LABELS[last.status]}” on ${last.on_date}: a later move has a later date.`,
        { onDate: `On or after ${last.on_date}` },
        'referral-date',
      );
    await insertMove(trx, row, {
      seq: last.seq + 1,
      status: input.to,
      on_date: input.onDate,
      value_minor: input.value,
      by_member_id: actor.memberId,
      at: ctx.now().getTime(),
    });
    const receiver = (await memberRefs(trx, [row.receiver_id])).get(row.receiver_id)!;
    await notify(withDb(ctx, trx), [row.giver_id], {
      kind: 'referral',
      title: `Your referral ${row.lead} is now “${REFERRAL_LABELS[input.to]}”`,
      body: `${receiver.name} moved it on ${input.onDate}.`,
      href: '/network/referrals',
    });
    return (await toReferrals(trx, actor, [row]))[0]!;
  });
}
