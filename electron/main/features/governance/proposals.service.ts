import type { ProposalDetail, ProposalInput } from '@shared/contract/governance.contract';
import { HIGHER_THRESHOLD, type Threshold, thresholdRank } from '@shared/domain/governance';
import { newId } from '@shared/domain/ids';
import { zonedInstant } from '@shared/domain/zoned';
import type { Kysely } from 'kysely';
import { type Actor, type Ctx, isStaff, withDb } from '../../context';
import type { DB } from '../../db/schema';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { guardianIds, memberRefs, ownersAmong } from '../members';
import { notify } from '../notifications';
import { readCoop } from '../settings';
import { get } from './detail.service';
import type { ProposalsTable } from './governance.tables';
import * as repo from './governance.repository';
import { governanceSettings } from './settings.service';

/**
 * Proposals from making to voting: owners (and the desk) propose; anyone discusses; the proposer
 * accepts amendments and may withdraw while it is discussed; once voting opens the text is final.
 */

export const label = (p: { number: number; title: string }) => `P-${p.number} ${p.title}`;

/** The proposal, refused to anyone but its proposer and the desk. */
export async function ownProposal(db: Kysely<DB>, actor: Actor, id: string): Promise<ProposalsTable> {
  const row = await repo.find(db, id);
  if (!row) throw notFound('The proposal');
  if (!isStaff(actor) && (row.proposer_id === null || row.proposer_id !== actor.memberId))
    throw new AppError('FORBIDDEN', 'Only the proposer and the desk may do this.');
  return row;
}

/** Refuses a change of a proposal that is no longer discussed. */
export function stillDiscussed(row: ProposalsTable): void {
  if (row.state === 'voting') throw new AppError('RULE', 'Voting has opened: the proposal’s text is final.', undefined, 'text-final');
  if (row.state !== 'discussion') throw new AppError('RULE', `This proposal is ${row.state}.`);
}

/** A member proposes only if they are an owner (the refusal is about them, not a field of the form). */
async function requireOwner(ctx: Ctx, db: Kysely<DB>, memberId: string, words: string): Promise<void> {
  const [owner] = await ownersAmong(ctx, db, { pausedMayVote: true, ids: [memberId] });
  if (!owner) throw new AppError('FORBIDDEN', words);
}

async function windowOf(ctx: Ctx, db: Kysely<DB>, w: { opensDate: string; opensTime: string; closesDate: string; closesTime: string }) {
  const zone = (await readCoop(db)).timeZone;
  const opens = zonedInstant(w.opensDate, w.opensTime, zone);
  const closes = zonedInstant(w.closesDate, w.closesTime, zone);
  if (opens < ctx.now().getTime() - 60_000) throw new AppError('VALIDATION', 'Voting cannot open in the past.', { opensDate: 'In the past' });
  return { opens_at: opens, closes_at: closes };
}

export async function create(ctx: Ctx, actor: Actor, input: ProposalInput): Promise<ProposalDetail> {
  return commit(ctx, 'governance.changed', async (trx) => {
    if (!isStaff(actor)) {
      if (!actor.memberId) throw new AppError('FORBIDDEN', 'Sign in as a member first.');
      await requireOwner(ctx, trx, actor.memberId, 'Only owners of the co-op make proposals.');
    }
    const rules = await governanceSettings(trx);
    const candidates = input.kind === 'election' ? await ownersAmong(ctx, trx, { pausedMayVote: true, ids: input.candidateIds }) : [];
    const notOwners = input.candidateIds.filter((c) => input.kind === 'election' && !candidates.includes(c));
    if (notOwners.length > 0) {
      const names = await memberRefs(trx, notOwners);
      const who = notOwners.map((c) => names.get(c)?.name ?? 'an unknown member').join(', ');
      throw new AppError('VALIDATION', `Only owners stand for election: ${who} is not one.`, { candidateIds: 'Not an owner' });
    }
    let threshold: Threshold = input.threshold ?? rules.threshold;
    if (input.kind === 'rules' && thresholdRank(threshold) < thresholdRank('two-thirds')) threshold = 'two-thirds';
    const now = ctx.now().getTime();
    const row: ProposalsTable = {
      id: newId(),
      number: await repo.nextNumber(trx),
      title: input.title,
      body: input.body,
      kind: input.kind,
      proposer_id: actor.memberId,
      state: 'discussion',
      secret: input.secret ? 1 : 0,
      quorum_pct: input.quorumPct ?? rules.quorumPct,
      threshold,
      seats: input.kind === 'election' ? Math.min(input.seats, input.candidateIds.length) : 1,
      max_choices: input.kind === 'poll' ? input.maxChoices : 1,
      elects_guardians: input.electsGuardians ? 1 : 0,
      rules_text: input.kind === 'rules' ? input.rulesText : null,
      ...(await windowOf(ctx, trx, input)),
      opened_at: null,
      closed_at: null,
      reminded_at: null,
      announced: 0,
      eligible: null,
      outcome: null,
      result: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insert(trx, row);
    const names = await memberRefs(trx, input.candidateIds);
    const labels: { label: string; member: string | null }[] = input.kind === 'poll' ? input.options.map((o) => ({ label: o, member: null })) : [];
    if (input.kind === 'election') for (const c of input.candidateIds) labels.push({ label: names.get(c)!.name, member: c });
    await repo.insertOptions(
      trx,
      labels.map((o, position) => ({ id: newId(), proposal_id: row.id, position, label: o.label, member_id: o.member })),
    );
    return get(withDb(ctx, trx), actor, row.id);
  });
}

export async function update(
  ctx: Ctx,
  actor: Actor,
  input: { id: string; title: string; body: string; rulesText: string; opensDate: string; opensTime: string; closesDate: string; closesTime: string },
): Promise<ProposalDetail> {
  return commit(ctx, 'governance.changed', async (trx) => {
    const row = await ownProposal(trx, actor, input.id);
    stillDiscussed(row);
    if (row.kind === 'rules' && input.rulesText === '') throw new AppError('VALIDATION', 'Write the new text of the rules.', { rulesText: 'Required' });
    await repo.update(trx, row.id, {
      title: input.title,
      body: input.body,
      rules_text: row.kind === 'rules' ? input.rulesText : null,
      ...(await windowOf(ctx, trx, input)),
      updated_at: ctx.now().getTime(),
    });
    return get(withDb(ctx, trx), actor, row.id);
  });
}

export async function comment(ctx: Ctx, actor: Actor, input: { proposalId: string; body: string; amendment: string }): Promise<ProposalDetail> {
  return commit(ctx, 'governance.changed', async (trx) => {
    const row = await repo.find(trx, input.proposalId);
    if (!row) throw notFound('The proposal');
    if (!isStaff(actor) && !actor.memberId) throw new AppError('FORBIDDEN', 'Sign in as a member first.');
    if (row.state === 'closed' || row.state === 'withdrawn') throw new AppError('RULE', `This proposal is ${row.state}: its discussion has ended.`);
    if (input.amendment !== '') stillDiscussed(row);
    await repo.insertComment(trx, {
      id: newId(),
      proposal_id: row.id,
      member_id: actor.memberId,
      body: input.body,
      amendment: input.amendment || null,
      amendment_state: input.amendment ? 'open' : null,
      created_at: ctx.now().getTime(),
    });
    if (row.proposer_id && row.proposer_id !== actor.memberId)
      await notify(withDb(ctx, trx), [row.proposer_id], {
        kind: 'proposal',
        title: `${input.amendment ? 'An amendment to' : 'A comment on'} ${label(row)}`,
        body: input.body.slice(0, 200),
        href: `/governance/${row.id}`,
      });
    return get(withDb(ctx, trx), actor, row.id);
  });
}

/** The proposer accepts an amendment (its text becomes the proposal's, or the rules' new text) or declines it. */
export async function answerAmendment(ctx: Ctx, actor: Actor, input: { commentId: string; accept: boolean }): Promise<ProposalDetail> {
  return commit(ctx, 'governance.changed', async (trx) => {
    const c = await repo.comment(trx, input.commentId);
    if (!c) throw notFound('The amendment');
    const row = await ownProposal(trx, actor, c.proposal_id);
    stillDiscussed(row);
    if (c.amendment_state !== 'open') throw new AppError('CONFLICT', 'This amendment was answered already, or is only a comment.');
    await repo.answerComment(trx, c.id, input.accept ? 'accepted' : 'declined');
    if (input.accept)
      await repo.update(trx, row.id, { ...(row.kind === 'rules' ? { rules_text: c.amendment } : { body: c.amendment! }), updated_at: ctx.now().getTime() });
    if (c.member_id && c.member_id !== actor.memberId)
      await notify(withDb(ctx, trx), [c.member_id], {
        kind: 'proposal',
        title: `Your amendment to ${label(row)} was ${input.accept ? 'accepted' : 'declined'}`,
        body: '',
        href: `/governance/${row.id}`,
      });
    return get(withDb(ctx, trx), actor, row.id);
  });
}

export async function withdraw(ctx: Ctx, actor: Actor, id: string): Promise<ProposalDetail> {
  return commit(ctx, 'governance.changed', async (trx) => {
    const row = await ownProposal(trx, actor, id);
    if (row.state === 'voting') throw new AppError('RULE', 'Voting has opened: a proposal is withdrawn only while it is discussed.');
    stillDiscussed(row);
    await repo.update(trx, row.id, { state: 'withdrawn', updated_at: ctx.now().getTime() });
    return get(withDb(ctx, trx), actor, row.id);
  });
}

/**
 * A guardian refers a proposal that would change the co-op's purpose: its threshold goes one step
 * up (majority → two thirds → consensus), with the guardian's reasons on the record.
 */
export async function refer(ctx: Ctx, actor: Actor, input: { id: string; reasons: string }): Promise<ProposalDetail> {
  return commit(ctx, 'governance.changed', async (trx) => {
    const row = await repo.find(trx, input.id);
    if (!row) throw notFound('The proposal');
    if (!actor.memberId || !(await guardianIds(trx)).includes(actor.memberId))
      throw new AppError('FORBIDDEN', 'Only the co-op’s guardians refer a proposal to a higher threshold.');
    if (row.state !== 'discussion' && row.state !== 'voting') throw new AppError('RULE', `This proposal is ${row.state}.`);
    if (row.kind === 'poll' || row.kind === 'election') throw new AppError('RULE', 'Polls and elections have no threshold to raise.');
    const to = HIGHER_THRESHOLD[row.threshold];
    if (to === row.threshold) throw new AppError('RULE', 'It already needs consensus, the highest threshold.');
    const now = ctx.now().getTime();
    await repo.insertReferral(trx, {
      id: newId(),
      proposal_id: row.id,
      guardian_id: actor.memberId,
      reasons: input.reasons,
      threshold_from: row.threshold,
      threshold_to: to,
      created_at: now,
    });
    await repo.update(trx, row.id, { threshold: to, updated_at: now });
    if (row.proposer_id)
      await notify(withDb(ctx, trx), [row.proposer_id], {
        kind: 'proposal',
        title: `A guardian referred ${label(row)}: it now needs ${to === 'consensus' ? 'consensus' : 'two thirds'}`,
        body: input.reasons.slice(0, 200),
        href: `/governance/${row.id}`,
      });
    return get(withDb(ctx, trx), actor, row.id);
  });
}
