import type { CommunityDetail } from '@shared/contract/communities.contract';
import type { EventKind } from '@shared/domain/events';
import type { Recurrence } from '@shared/domain/recurrence';
import { type Actor, type Ctx, withDb } from '../../context';
import { commit } from '../../db/tx';
import { AppError } from '../../errors';
import { createEventIn } from '../events';
import { memberTags } from '../members';
import { notify } from '../notifications';
import { get, joined, managed, othersIn } from './communities.service';

/**
 * A community's sessions are events (replies, waitlist, the door, calendars): the desk or a
 * facilitator plans them, one-off or recurring; a member who joined offers peer training in a
 * skill they offer. Everyone else in the community is told.
 */

interface Session {
  communityId: string;
  title: string;
  description: string;
  date: string;
  startTime: string;
  endTime: string;
  roomId: string | null;
  venue: string;
  capacity: number;
}

const eventOf = (s: Session, kind: EventKind, hostIds: string[], repeat: Recurrence | null) => ({
  kind,
  title: s.title,
  description: s.description,
  hostIds,
  date: s.date,
  startTime: s.startTime,
  endTime: s.endTime,
  roomId: s.roomId,
  venue: s.venue,
  capacity: s.capacity,
  guestsAllowed: false,
  priceMinor: 0,
  rsvpDeadline: null,
  minAttendees: null,
  decideBy: null,
  repeat,
});

export async function addSession(
  ctx: Ctx,
  actor: Actor,
  input: Session & { kind: EventKind; hostIds: string[]; repeat: Recurrence | null },
): Promise<CommunityDetail> {
  return commit(ctx, ['communities.changed', 'events.changed', 'bookings.changed'], async (trx) => {
    const row = await managed(trx, actor, input.communityId);
    if (row.archived_at !== null) throw new AppError('RULE', `${row.name} is archived.`);
    const event = await createEventIn(ctx, trx, actor, eventOf(input, input.kind, input.hostIds, input.repeat), row.id);
    await notify(withDb(ctx, trx), await othersIn(trx, row.id, actor.memberId), {
      kind: 'community',
      title: `${row.name}: ${event.title}${event.series ? ` (${event.series.rule.toLowerCase()})` : ''}`,
      body: 'A new session: reply on its page.',
      href: `/events/${event.id}`,
    });
    return get(withDb(ctx, trx), actor, row.id);
  });
}

/** Peer training: a member offers a session in a skill they offer; their room booking follows a member's rules. */
export async function offerSession(ctx: Ctx, actor: Actor, input: Session & { skill: string }): Promise<CommunityDetail> {
  if (!actor.memberId) throw new AppError('FORBIDDEN', 'A member offers peer training, from their own sign-in.');
  const memberId = actor.memberId;
  return commit(ctx, ['communities.changed', 'events.changed', 'bookings.changed'], async (trx) => {
    const { row } = await joined(trx, actor, input.communityId);
    if (row.archived_at !== null) throw new AppError('RULE', `${row.name} is archived.`);
    const offers = (await memberTags(trx, [memberId])).get(memberId)?.offers ?? [];
    if (!offers.includes(input.skill))
      throw new AppError('VALIDATION', `Add “${input.skill}” to what you offer on your profile first: peer training is in a skill you offer.`, {
        skill: 'Not one of your offers',
      });
    const event = await createEventIn(ctx, trx, actor, eventOf(input, 'training', [memberId], null), row.id);
    await notify(withDb(ctx, trx), await othersIn(trx, row.id, memberId), {
      kind: 'community',
      title: `${row.name}: peer training in ${input.skill} — ${event.title}`,
      body: `${event.hosts[0]?.name ?? 'A member'} offers it; sign up on its page.`,
      href: `/events/${event.id}`,
    });
    return get(withDb(ctx, trx), actor, row.id);
  });
}
