import type { CommunityDetail, CommunityRole, CommunitySummary, Resource } from '@shared/contract/communities.contract';
import { newId } from '@shared/domain/ids';
import type { Kysely } from 'kysely';
import { type Actor, type Ctx, isStaff, withDb } from '../../context';
import type { DB } from '../../db/schema';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { actingMember } from '../../permissions';
import { sessionsOf } from '../events';
import { currentMember, listedAmong, memberRefs, memberTags } from '../members';
import type { CommunitiesTable, CommunityMembersTable } from './communities.tables';
import * as repo from './communities.repository';

/**
 * Communities of practice: who is in them, who facilitates, and what a viewer may see. The desk
 * and facilitators manage a community; members join and leave themselves; the people and the
 * library are for those in it (a member sees by name only those listed in the directory).
 */

const iso = (ms: number) => new Date(ms).toISOString();

async function summaries(ctx: Ctx, actor: Actor, rows: CommunitiesTable[]): Promise<CommunitySummary[]> {
  const people = await repo.peopleOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const names = await memberRefs(ctx.db, [...new Set(people.filter((p) => p.role === 'facilitator').map((p) => p.member_id))]);
  const out: CommunitySummary[] = [];
  for (const r of rows) {
    const inIt = people.filter((p) => p.community_id === r.id);
    const next = (await sessionsOf(ctx, actor, r.id)).find((s) => s.state === 'scheduled' && Date.parse(s.endsAt) > ctx.now().getTime());
    out.push({
      id: r.id,
      name: r.name,
      topic: r.topic,
      description: r.description,
      members: inIt.length,
      facilitators: inIt.flatMap((p) => (p.role === 'facilitator' && names.get(p.member_id) ? [names.get(p.member_id)!] : [])),
      mine: inIt.find((p) => p.member_id === actor.memberId)?.role ?? null,
      nextSession: next ? { id: next.id, title: next.title, startsAt: next.startsAt } : null,
      archived: r.archived_at !== null,
    });
  }
  return out;
}

export async function list(ctx: Ctx, actor: Actor): Promise<CommunitySummary[]> {
  return summaries(ctx, actor, await repo.all(ctx.db));
}

/** A community as the viewer may see it. */
export async function get(ctx: Ctx, actor: Actor, id: string): Promise<CommunityDetail> {
  const row = await repo.find(ctx.db, id);
  if (!row) throw notFound('The community');
  const [summary] = await summaries(ctx, actor, [row]);
  const inIt = await repo.peopleOf(ctx.db, [id]);
  const insider = isStaff(actor) || summary!.mine !== null;
  const manager = isStaff(actor) || summary!.mine === 'facilitator';
  const ids = inIt.map((p) => p.member_id);
  const [names, listed] = await Promise.all([memberRefs(ctx.db, ids), manager ? null : listedAmong(ctx.db, ids)]);
  const people = insider
    ? inIt.flatMap((p) =>
        names.get(p.member_id) && (listed === null || listed.has(p.member_id) || p.member_id === actor.memberId)
          ? [{ member: names.get(p.member_id)!, role: p.role, joinedAt: iso(p.joined_at) }]
          : [],
      )
    : [];
  const mySkills = actor.memberId && summary!.mine ? ((await memberTags(ctx.db, [actor.memberId])).get(actor.memberId)?.offers ?? []) : [];
  return {
    ...summary!,
    people,
    sessions: await sessionsOf(ctx, actor, id),
    resources: insider ? await resourcesFor(ctx, actor, id, manager) : [],
    mySkills,
    mayManage: manager,
  };
}

/** A community's library, newest first, with what the viewer may remove. */
export async function resourcesFor(ctx: Ctx, actor: Actor, communityId: string, manager: boolean): Promise<Resource[]> {
  const rows = await repo.resources(ctx.db, communityId);
  const names = await memberRefs(ctx.db, [...new Set(rows.flatMap((r) => (r.added_by_member_id ? [r.added_by_member_id] : [])))]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    url: r.url,
    body: r.body,
    size: r.size,
    addedBy: r.added_by_member_id ? (names.get(r.added_by_member_id) ?? null) : null,
    addedAt: new Date(r.added_at).toISOString(),
    mayRemove: manager || (actor.memberId !== null && r.added_by_member_id === actor.memberId),
  }));
}

/** The community, refused to anyone but the desk and its facilitators. */
export async function managed(db: Kysely<DB>, actor: Actor, id: string): Promise<CommunitiesTable> {
  const row = await repo.find(db, id);
  if (!row) throw notFound('The community');
  if (isStaff(actor)) return row;
  const m = actor.memberId ? await repo.membership(db, id, actor.memberId) : undefined;
  if (m?.role !== 'facilitator' || m.left_at !== null) throw new AppError('FORBIDDEN', 'Only the desk and the community’s facilitators may do this.');
  return row;
}

/** The community, refused to a member who has not joined it (the desk may). */
export async function joined(db: Kysely<DB>, actor: Actor, id: string): Promise<{ row: CommunitiesTable; role: CommunityRole | null }> {
  const row = await repo.find(db, id);
  if (!row) throw notFound('The community');
  if (isStaff(actor)) return { row, role: null };
  const m = actor.memberId ? await repo.membership(db, id, actor.memberId) : undefined;
  if (!m || m.left_at !== null) throw new AppError('FORBIDDEN', 'Join the community first.');
  return { row, role: m.role };
}

export async function create(
  ctx: Ctx,
  actor: Actor,
  input: { name: string; topic: string; description: string; facilitatorIds: string[] },
): Promise<CommunityDetail> {
  return commit(ctx, 'communities.changed', async (trx) => {
    if (await repo.byName(trx, input.name)) throw new AppError('CONFLICT', `There is already a community called “${input.name}”.`, { name: 'Taken' });
    for (const f of input.facilitatorIds) await currentMember(trx, f, 'facilitatorIds');
    const now = ctx.now().getTime();
    const row: CommunitiesTable = {
      id: newId(),
      site_id: ctx.siteId,
      name: input.name,
      topic: input.topic,
      description: input.description,
      archived_at: null,
      created_at: now,
      updated_at: now,
    };
    await repo.insert(trx, row);
    for (const f of new Set(input.facilitatorIds))
      await repo.join(trx, { community_id: row.id, member_id: f, role: 'facilitator', joined_at: now, left_at: null });
    return get(withDb(ctx, trx), actor, row.id);
  });
}

export async function update(
  ctx: Ctx,
  actor: Actor,
  input: { id: string; name: string; topic: string; description: string; archived: boolean },
): Promise<CommunityDetail> {
  return commit(ctx, 'communities.changed', async (trx) => {
    const row = await managed(trx, actor, input.id);
    const same = await repo.byName(trx, input.name);
    if (same && same.id !== row.id) throw new AppError('CONFLICT', `There is already a community called “${input.name}”.`, { name: 'Taken' });
    const now = ctx.now().getTime();
    await repo.update(trx, row.id, {
      name: input.name,
      topic: input.topic,
      description: input.description,
      archived_at: input.archived ? (row.archived_at ?? now) : null,
      updated_at: now,
    });
    return get(withDb(ctx, trx), actor, row.id);
  });
}

export async function join(ctx: Ctx, actor: Actor, input: { id: string; memberId: string | null }): Promise<CommunityDetail> {
  const memberId = actingMember(actor, input.memberId, 'memberId');
  return commit(ctx, 'communities.changed', async (trx) => {
    const row = await repo.find(trx, input.id);
    if (!row) throw notFound('The community');
    if (row.archived_at !== null) throw new AppError('RULE', `${row.name} is archived: it takes no new members.`);
    await currentMember(trx, memberId);
    const existing = await repo.membership(trx, row.id, memberId);
    if (existing && existing.left_at === null) throw new AppError('CONFLICT', 'Already in this community.');
    await repo.join(trx, { community_id: row.id, member_id: memberId, role: 'member', joined_at: ctx.now().getTime(), left_at: null });
    return get(withDb(ctx, trx), actor, row.id);
  });
}

async function facilitatorsLeft(db: Kysely<DB>, id: string, without: string): Promise<number> {
  return (await repo.peopleOf(db, [id])).filter((p) => p.role === 'facilitator' && p.member_id !== without).length;
}

export async function leave(ctx: Ctx, actor: Actor, input: { id: string; memberId: string | null }): Promise<CommunityDetail> {
  const memberId = actingMember(actor, input.memberId, 'memberId');
  return commit(ctx, 'communities.changed', async (trx) => {
    const m = await repo.membership(trx, input.id, memberId);
    if (!m || m.left_at !== null) throw new AppError('CONFLICT', 'Not in this community.');
    if (m.role === 'facilitator' && (await facilitatorsLeft(trx, input.id, memberId)) === 0)
      throw new AppError('RULE', 'The last facilitator cannot leave: make someone else a facilitator first.');
    await repo.setMembership(trx, input.id, memberId, { left_at: ctx.now().getTime(), role: 'member' });
    return get(withDb(ctx, trx), actor, input.id);
  });
}

export async function setRole(ctx: Ctx, actor: Actor, input: { id: string; memberId: string; role: CommunityRole }): Promise<CommunityDetail> {
  return commit(ctx, 'communities.changed', async (trx) => {
    await managed(trx, actor, input.id);
    const m: CommunityMembersTable | undefined = await repo.membership(trx, input.id, input.memberId);
    if (!m || m.left_at !== null) throw new AppError('VALIDATION', 'They are not in this community.', { memberId: 'Not in it' });
    if (input.role === 'member' && m.role === 'facilitator' && (await facilitatorsLeft(trx, input.id, input.memberId)) === 0)
      throw new AppError('RULE', 'A community keeps at least one facilitator.', { memberId: 'The last facilitator' });
    await repo.setMembership(trx, input.id, input.memberId, { role: input.role });
    return get(withDb(ctx, trx), actor, input.id);
  });
}

/** Everyone in a community but one: told of a new session. */
export async function othersIn(db: Kysely<DB>, id: string, but: string | null): Promise<string[]> {
  return (await repo.peopleOf(db, [id])).map((p) => p.member_id).filter((m) => m !== but);
}
