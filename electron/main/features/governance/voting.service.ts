import { randomInt } from 'node:crypto';
import type { ProposalDetail } from '@shared/contract/governance.contract';
import { countInWords, DECISION_CHOICES, OUTCOME_WORDS } from '@shared/domain/governance';
import type { Kysely } from 'kysely';
import { type Actor, type Ctx, isStaff, withDb } from '../../context';
import type { DB } from '../../db/schema';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { memberRefs, ownersAmong } from '../members';
import { notify } from '../notifications';
import { get } from './detail.service';
import type { ProposalsTable } from './governance.tables';
import * as repo from './governance.repository';
import { label, ownProposal, stillDiscussed } from './proposals.service';
import { governanceSettings } from './settings.service';

/**
 * Voting: who may vote is frozen when voting opens; one owner, one vote (the primary key of the
 * ballots, or of the secret links), changed at will until it closes; a proxy votes for those who
 * appointed them, up to the co-op's cap, and an owner voting in person overrides their proxy.
 */

/** Opens voting: the owners in good standing now become the proposal's voters (told just after, by `announce`). */
export async function open(ctx: Ctx, trx: Kysely<DB>, row: ProposalsTable): Promise<number> {
  const rules = await governanceSettings(trx);
  const owners = await ownersAmong(ctx, trx, { pausedMayVote: rules.pausedMayVote });
  await repo.freezeVoters(trx, row.id, owners);
  const now = ctx.now().getTime();
  await repo.update(trx, row.id, { state: 'voting', opens_at: Math.min(row.opens_at, now), opened_at: now, eligible: owners.length, updated_at: now });
  return owners.length;
}

/** The proposer (or the desk) opens voting now rather than at the planned time. */
export async function openVoting(ctx: Ctx, actor: Actor, id: string): Promise<ProposalDetail> {
  const detail = await commit(ctx, 'governance.changed', async (trx) => {
    const row = await ownProposal(trx, actor, id);
    stillDiscussed(row);
    if (row.closes_at <= ctx.now().getTime()) throw new AppError('RULE', 'Its voting window has passed: change when voting closes first.');
    await open(ctx, trx, row);
    return get(withDb(ctx, trx), actor, row.id);
  });
  announceSoon(ctx);
  return detail;
}

/**
 * Tells owners what they have not been told yet — voting opened, a result — each proposal in a
 * transaction of its own, after the change committed: telling 6,000 owners does not hold up the
 * change, nor other members' writes while it is made. The scheduler's minute calls it too, so a
 * crash in between delays the news and loses none of it.
 */
export async function announce(ctx: Ctx): Promise<number> {
  const due = await repo.unannounced(ctx.db);
  for (const row of due) await announceOne(ctx, row.id);
  return due.length;
}

/** Tells a proposal's voters that voting opened, or its result, unless they were told already. */
export async function announceOne(ctx: Ctx, id: string): Promise<void> {
  await commit(ctx, 'notifications.changed', async (trx) => {
    const row = await repo.find(trx, id);
    if (!row || row.announced === (row.state === 'closed' ? 2 : 1)) return;
    const voters = (await repo.voters(trx, row.id)).map((v) => v.member_id);
    const news =
      row.state === 'closed'
        ? {
            title: `${OUTCOME_WORDS[row.outcome!]}: ${label(row)}`,
            body: countInWords(row.kind, JSON.parse(row.result!) as NonNullable<ProposalDetail['result']>),
          }
        : { title: `Voting is open: ${label(row)}`, body: '' };
    await notify(withDb(ctx, trx), voters, { kind: 'vote', ...news, href: `/governance/${row.id}` });
    await repo.update(trx, row.id, { announced: row.state === 'closed' ? 2 : 1 });
  });
}

/** Announces once the change has committed (a failure waits for the scheduler's next minute). */
export const announceSoon = (ctx: Ctx) => setTimeout(() => void announce(ctx).catch(() => undefined), 0).unref();

const RECEIPT_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A secret ballot's receipt: 60 random bits, in three groups (ABCD-EFGH-JKLM). */
const newReceipt = () =>
  Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => RECEIPT_LETTERS[randomInt(RECEIPT_LETTERS.length)]).join('')).join('-');

function checkChoices(row: ProposalsTable, optionIds: string[], choices: string[]): void {
  const refuse = (words: string) => {
    throw new AppError('VALIDATION', words, { choices: words });
  };
  if (new Set(choices).size !== choices.length) refuse('Each choice once.');
  if (row.kind === 'decision' || row.kind === 'rules') {
    if (choices.length !== 1 || !(DECISION_CHOICES as readonly string[]).includes(choices[0]!)) refuse('Vote yes, no, abstain or block.');
    if (choices[0] === 'block' && row.threshold !== 'consensus') refuse('A block is for decisions by consensus: vote no instead.');
    return;
  }
  if (choices.some((c) => !optionIds.includes(c))) refuse('That is not one of its options.');
  if (row.kind === 'poll' && choices.length > row.max_choices) refuse(`Choose at most ${row.max_choices}.`);
}

export async function vote(
  ctx: Ctx,
  actor: Actor,
  input: { proposalId: string; choices: string[]; forMemberId: string | null },
): Promise<{ voterId: string; choices: string[]; receipt: string | null }> {
  if (isStaff(actor) || !actor.memberId) throw new AppError('FORBIDDEN', 'Owners vote themselves, in person or by proxy: sign in as a member.');
  const me = actor.memberId;
  const voterId = input.forMemberId ?? me;
  return commit(ctx, 'governance.changed', async (trx) => {
    const row = await repo.find(trx, input.proposalId);
    if (!row) throw notFound('The proposal');
    const now = ctx.now().getTime();
    if (row.state === 'discussion') throw new AppError('RULE', 'Voting has not opened yet.');
    if (row.state !== 'voting' || now >= row.closes_at) throw new AppError('RULE', 'Voting has closed.', undefined, 'closed');
    const v = await repo.voter(trx, row.id, voterId);
    if (voterId !== me) await checkProxy(trx, row, me, voterId, v?.cast_by ?? null);
    if (!v)
      throw new AppError(
        'FORBIDDEN',
        voterId === me
          ? 'You are not on this proposal’s voter list: those who were owners in good standing when voting opened vote.'
          : 'They are not on this proposal’s voter list.',
        undefined,
        'not-eligible',
      );
    checkChoices(
      row,
      (await repo.options(trx, row.id)).map((o) => o.id),
      input.choices,
    );
    const choices = JSON.stringify(input.choices);
    let receipt: string | null = null;
    if (row.secret === 1) {
      receipt = newReceipt();
      await repo.putSecretBallot(trx, row.id, voterId, receipt, choices);
    } else await repo.putBallot(trx, row.id, voterId, choices);
    await repo.markVoted(trx, row.id, voterId, me, now);
    return { voterId, choices: input.choices, receipt };
  });
}

/** A vote for someone else: only as their proxy in force, not over their own vote, and within the cap. */
async function checkProxy(trx: Kysely<DB>, row: ProposalsTable, holder: string, grantor: string, castBy: string | null): Promise<void> {
  const name = async () => (await memberRefs(trx, [grantor])).get(grantor)?.name ?? 'They';
  if ((await repo.activeProxies(trx, row.id, { grantor, holder })).length === 0)
    throw new AppError('FORBIDDEN', `${await name()} has not appointed you as their proxy.`, { forMemberId: 'Not your proxy' });
  if (castBy === grantor) throw new AppError('CONFLICT', `${await name()} has voted in person: their vote stands.`, { forMemberId: 'Voted in person' });
  if (castBy === holder) return;
  const cap = (await governanceSettings(trx)).proxyCap;
  if ((await repo.castForOthers(trx, row.id, holder)) >= cap)
    throw new AppError(
      'RULE',
      `You already vote for ${cap} others: the co-op’s rules allow at most ${cap} proxies.`,
      { forMemberId: 'Over the cap' },
      'proxy-cap',
    );
}

/** After the count, anyone with a receipt finds their secret ballot in it. */
export async function checkReceipt(ctx: Ctx, input: { proposalId: string; receipt: string }): Promise<{ found: boolean; choices: string[] }> {
  const row = await repo.find(ctx.db, input.proposalId);
  if (!row) throw notFound('The proposal');
  if (row.secret === 0) throw new AppError('RULE', 'This was an open ballot: it has no receipts.');
  if (row.state !== 'closed') throw new AppError('RULE', 'Receipts are checked against the count, once voting has closed.');
  const b = await repo.secretBallot(ctx.db, row.id, input.receipt);
  return b ? { found: true, choices: JSON.parse(b.choices) as string[] } : { found: false, choices: [] };
}
