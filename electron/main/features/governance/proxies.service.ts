import type { Proxy } from '@shared/contract/governance.contract';
import { newId } from '@shared/domain/ids';
import { type Actor, type Ctx, isStaff, withDb } from '../../context';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { actingMember } from '../../permissions';
import { memberRefs, ownersAmong } from '../members';
import { notify } from '../notifications';
import * as repo from './governance.repository';
import { governanceSettings } from './settings.service';

/**
 * Proxies: an owner appoints another owner to vote for them on one proposal, or on every proposal
 * until revoked. A new appointment for the same scope replaces the old one; a holder carries at
 * most the co-op's cap for any one proposal.
 */

const iso = (ms: number) => new Date(ms).toISOString();

export async function proxies(ctx: Ctx, actor: Actor): Promise<Proxy[]> {
  if (!isStaff(actor) && !actor.memberId) throw new AppError('FORBIDDEN', 'Sign in as a member first.');
  const rows = await repo.proxiesOf(ctx.db, isStaff(actor) ? null : actor.memberId);
  const names = await memberRefs(
    ctx.db,
    rows.flatMap((r) => [r.grantor_id, r.holder_id]),
  );
  const proposals = new Map(
    (await Promise.all([...new Set(rows.flatMap((r) => (r.proposal_id ? [r.proposal_id] : [])))].map((id) => repo.find(ctx.db, id)))).map((p) => [p!.id, p!]),
  );
  return rows.map((r) => {
    const p = r.proposal_id ? proposals.get(r.proposal_id) : undefined;
    return {
      id: r.id,
      grantor: names.get(r.grantor_id)!,
      holder: names.get(r.holder_id)!,
      proposal: p ? { id: p.id, number: p.number, title: p.title } : null,
      since: iso(r.created_at),
      revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
    };
  });
}

export async function appoint(ctx: Ctx, actor: Actor, input: { holderId: string; proposalId: string | null; grantorId: string | null }): Promise<Proxy[]> {
  const grantor = actingMember(actor, input.grantorId, 'grantorId');
  if (grantor === input.holderId) throw new AppError('VALIDATION', 'A proxy is another owner, not yourself.', { holderId: 'Not yourself' });
  await commit(ctx, 'governance.changed', async (trx) => {
    const owners = await ownersAmong(ctx, trx, { pausedMayVote: true, ids: [grantor, input.holderId] });
    if (!owners.includes(grantor)) throw new AppError('FORBIDDEN', 'Only owners appoint a proxy.', { grantorId: 'Not an owner' });
    if (!owners.includes(input.holderId)) {
      const name = (await memberRefs(trx, [input.holderId])).get(input.holderId)?.name;
      if (!name) throw new AppError('VALIDATION', 'Choose a member of the co-op.', { holderId: 'Unknown member' });
      throw new AppError('VALIDATION', `${name} is not an owner: a proxy must be one.`, { holderId: 'Not an owner' });
    }
    if (input.proposalId) {
      const p = await repo.find(trx, input.proposalId);
      if (!p) throw notFound('The proposal');
      if (p.state !== 'discussion' && p.state !== 'voting') throw new AppError('RULE', `This proposal is ${p.state}.`, { proposalId: 'Not open' });
    }
    const cap = (await governanceSettings(trx)).proxyCap;
    const held = (await repo.activeProxies(trx, input.proposalId, { holder: input.holderId })).filter((p) => p.grantor_id !== grantor);
    if (new Set(held.map((p) => p.grantor_id)).size >= cap) {
      const name = (await memberRefs(trx, [input.holderId])).get(input.holderId)!.name;
      throw new AppError('RULE', `${name} already holds ${cap} proxies: the co-op’s rules allow at most ${cap}.`, { holderId: 'Holds enough' }, 'proxy-cap');
    }
    const now = ctx.now().getTime();
    // one proxy per scope: a new one for the same proposal (or a new standing one) replaces the old
    for (const p of await repo.activeProxies(trx, input.proposalId, { grantor }))
      if (p.proposal_id === input.proposalId) await repo.revokeProxy(trx, p.id, now);
    await repo.insertProxy(trx, {
      id: newId(),
      grantor_id: grantor,
      holder_id: input.holderId,
      proposal_id: input.proposalId,
      created_at: now,
      revoked_at: null,
    });
    const who = (await memberRefs(trx, [grantor])).get(grantor)!.name;
    await notify(withDb(ctx, trx), [input.holderId], {
      kind: 'proposal',
      title: `${who} appointed you as their proxy`,
      body: input.proposalId ? 'For one proposal.' : 'For every proposal until they revoke it.',
      href: '/governance/proxies',
    });
  });
  return proxies(ctx, actor);
}

/** The owner who appointed it (or the holder, declining it, or the desk) ends a proxy. */
export async function revoke(ctx: Ctx, actor: Actor, id: string): Promise<Proxy[]> {
  await commit(ctx, 'governance.changed', async (trx) => {
    const p = await repo.proxy(trx, id);
    if (!p) throw notFound('The proxy');
    if (!isStaff(actor) && actor.memberId !== p.grantor_id && actor.memberId !== p.holder_id)
      throw new AppError('FORBIDDEN', 'Only the owner who appointed a proxy, or its holder, ends it.');
    if (p.revoked_at !== null) throw new AppError('CONFLICT', 'This proxy has ended already.');
    await repo.revokeProxy(trx, p.id, ctx.now().getTime());
  });
  return proxies(ctx, actor);
}
