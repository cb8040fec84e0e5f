import type { Fair } from '@shared/contract/events.contract';
import { newId } from '@shared/domain/ids';
import { type Actor, type Ctx, isStaff, withDb } from '../../context';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { actingMember } from '../../permissions';
import { addNeeds, currentMember, listedAmong, memberRefs, memberTags } from '../members';
import { offerersOf } from '../network';
import type { EventsTable } from './events.tables';
import * as repo from './events.repository';

/**
 * Fairs: members exhibit with their offers; visitors tell what they need, and each need is
 * answered by the offers-and-needs matching (exhibitors first). A member's needs join their
 * profile, so the matching everywhere sees them; a guest's stay with the fair, with a contact
 * only the desk sees.
 */

const MATCHES_SHOWN = 6;

async function fairOf(ctx: Ctx, id: string): Promise<EventsTable> {
  const row = await repo.find(ctx.db, id);
  if (!row) throw notFound('The event');
  if (row.kind !== 'fair') throw new AppError('RULE', 'Only a fair has exhibitors and visitors’ needs.', { eventId: 'Not a fair' });
  return row;
}

export async function fair(ctx: Ctx, actor: Actor, eventId: string): Promise<Fair> {
  await fairOf(ctx, eventId);
  const [exhibitors, needs] = await Promise.all([repo.exhibitors(ctx.db, eventId), repo.fairNeeds(ctx.db, eventId)]);
  const exhibiting = new Set(exhibitors.map((e) => e.member_id));
  const offerers = new Map<string, Map<string, { offer: string; match: number }>>();
  for (const tag of new Set(needs.map((n) => n.tag))) offerers.set(tag, await offerersOf(ctx.db, [tag]));
  const ids = [...exhibiting, ...needs.flatMap((n) => (n.member_id ? [n.member_id] : [])), ...[...offerers.values()].flatMap((m) => [...m.keys()])];
  const [names, tags, listed] = await Promise.all([
    memberRefs(ctx.db, ids),
    memberTags(ctx.db, [...exhibiting]),
    isStaff(actor) ? Promise.resolve(null) : listedAmong(ctx.db, ids),
  ]);
  // a member sees by name only members listed in the directory (and themselves)
  const named = (id: string) => names.has(id) && (listed === null || listed.has(id) || id === actor.memberId);
  return {
    exhibitors: exhibitors
      .filter((e) => names.has(e.member_id))
      .map((e) => ({ member: names.get(e.member_id)!, stand: e.stand, offers: tags.get(e.member_id)?.offers ?? [] })),
    needs: needs.map((n) => ({
      id: n.id,
      tag: n.tag,
      visitor: n.member_id ? (named(n.member_id) ? names.get(n.member_id)!.name : 'A member') : n.visitor_name,
      contact: isStaff(actor) ? n.contact : '',
      offeredBy: [...(offerers.get(n.tag) ?? new Map()).entries()]
        .filter(([id]) => id !== n.member_id && named(id))
        .sort(([a, x], [b, y]) => Number(exhibiting.has(b)) - Number(exhibiting.has(a)) || y.match - x.match)
        .slice(0, MATCHES_SHOWN)
        .map(([id]) => ({ ...names.get(id)!, exhibitor: exhibiting.has(id) })),
    })),
  };
}

export async function addExhibitor(ctx: Ctx, actor: Actor, input: { eventId: string; memberId: string; stand: string }): Promise<Fair> {
  return commit(ctx, 'events.changed', async (trx) => {
    await fairOf(withDb(ctx, trx), input.eventId);
    await currentMember(trx, input.memberId);
    await repo.upsertExhibitor(trx, { event_id: input.eventId, member_id: input.memberId, stand: input.stand });
    return fair(withDb(ctx, trx), actor, input.eventId);
  });
}

export async function removeExhibitor(ctx: Ctx, actor: Actor, input: { eventId: string; memberId: string }): Promise<Fair> {
  return commit(ctx, 'events.changed', async (trx) => {
    await fairOf(withDb(ctx, trx), input.eventId);
    if (!(await repo.deleteExhibitor(trx, input.eventId, input.memberId))) throw new AppError('CONFLICT', 'They are not exhibiting at this fair.');
    return fair(withDb(ctx, trx), actor, input.eventId);
  });
}

/** The desk notes a visitor's needs (a member's or a guest's); a member notes their own at the fair. */
export async function noteNeeds(
  ctx: Ctx,
  actor: Actor,
  input: { eventId: string; memberId: string | null; visitorName: string; contact: string; tags: string[] },
): Promise<Fair> {
  if (isStaff(actor) && input.memberId === null && input.visitorName === '')
    throw new AppError('VALIDATION', 'Choose the member, or give the visitor’s name.', { visitorName: 'Choose the member, or give the visitor’s name' });
  const guest = input.memberId === null && input.visitorName !== '';
  if (guest && !isStaff(actor)) throw new AppError('FORBIDDEN', 'The desk notes guests’ needs.');
  const memberId = guest ? null : actingMember(actor, input.memberId, 'memberId');
  return commit(ctx, ['events.changed', 'members.changed'], async (trx) => {
    const row = await fairOf(withDb(ctx, trx), input.eventId);
    if (row.state === 'cancelled') throw new AppError('RULE', 'This fair is cancelled.', { eventId: 'Cancelled' });
    if (memberId) {
      await currentMember(trx, memberId);
      await addNeeds(trx, memberId, input.tags);
    }
    const now = ctx.now().getTime();
    for (const tag of new Set(input.tags))
      await repo.insertFairNeed(trx, {
        id: newId(),
        event_id: row.id,
        member_id: memberId,
        visitor_name: memberId ? '' : input.visitorName,
        contact: memberId ? '' : input.contact,
        tag,
        noted_at: now,
      });
    return fair(withDb(ctx, trx), actor, row.id);
  });
}
