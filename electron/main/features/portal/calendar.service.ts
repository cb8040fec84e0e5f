import { createHash, randomBytes } from 'node:crypto';
import type { CalendarLink } from '@shared/contract/portal.contract';
import type { Actor, Ctx } from '../../context';
import { commit } from '../../db/tx';
import { AppError } from '../../errors';
import { recordEvent } from '../audit';
import { memberCalendar } from '../bookings';
import { coopEventsCalendar, memberEventEntries } from '../events';
import { currentMember } from '../members';
import { portalUrl } from './portal.service';
import * as repo from './portal.repository';

/**
 * A member's private calendar subscription: a secret link calendar apps poll, with no sign-in.
 * Only its hash is kept, so the link is shown once; a new one replaces (revokes) the old.
 */
export type CalendarFeedKind = 'mine' | 'events';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
/** Calendar apps poll every few minutes: the last read is noted at most hourly, not on each poll. */
const NOTE_READ_EVERY_MS = 60 * 60 * 1000;

function memberOf(actor: Actor): string {
  if (!actor.memberId) throw new AppError('RULE', 'Only a member has a calendar of bookings.', undefined, 'members-only');
  return actor.memberId;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function link(ctx: Ctx, actor: Actor): Promise<CalendarLink> {
  const row = await repo.feedOf(ctx.db, memberOf(actor));
  return { exists: Boolean(row), createdAt: iso(row?.created_at ?? null), lastReadAt: iso(row?.last_read_at ?? null) };
}

export async function newLink(ctx: Ctx, actor: Actor): Promise<CalendarLink> {
  const memberId = memberOf(actor);
  const base = portalUrl(ctx);
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now().getTime();
  await commit(ctx, 'portal.changed', async (trx) => {
    await currentMember(trx, memberId);
    await repo.replaceFeed(trx, memberId, hashOf(token), now);
  });
  return { exists: true, createdAt: iso(now), lastReadAt: null, url: `${base}calendar/${token}.ics`, eventsUrl: `${base}calendar/${token}/events.ics` };
}

export async function revoke(ctx: Ctx, actor: Actor): Promise<CalendarLink> {
  const memberId = memberOf(actor);
  await commit(ctx, 'portal.changed', (trx) => repo.deleteFeed(trx, memberId));
  return { exists: false, createdAt: null, lastReadAt: null };
}

/** The audit log's name for a calendar app asking for a link that no longer works. */
export const DEAD_LINK = 'portal.deadCalendarLink';
const lastDeadLink = new Map<string, number>();

/** A dead link is on record once an hour per address: a calendar app polls it for ever, a guesser tries many. */
async function recordDeadLink(ctx: Ctx, client: string): Promise<null> {
  const now = ctx.now().getTime();
  if (now - (lastDeadLink.get(client) ?? -Infinity) < NOTE_READ_EVERY_MS) return null;
  if (lastDeadLink.size > 10_000) lastDeadLink.clear();
  lastDeadLink.set(client, now);
  await recordEvent(ctx.db, now, { role: 'kiosk', memberId: null, name: `A calendar app at ${client}` }, DEAD_LINK, null, {
    outcome: 'refused: the link was revoked, replaced or never made, or its member left',
  });
  return null;
}

/**
 * The feed behind a link: the member's bookings and events (`mine`), or the co-op's programme of
 * events (`events`, the same secret: members-only events stay with members). Null for a link
 * revoked, replaced or never made, or a member who left (on record).
 */
export async function feed(ctx: Ctx, token: string, client = 'unknown', which: CalendarFeedKind = 'mine'): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return recordDeadLink(ctx, client);
  const row = await repo.feedByHash(ctx.db, hashOf(token));
  if (!row) return recordDeadLink(ctx, client);
  try {
    await currentMember(ctx.db, row.member_id);
  } catch {
    return recordDeadLink(ctx, client);
  }
  const now = ctx.now().getTime();
  if (row.last_read_at === null || now - row.last_read_at > NOTE_READ_EVERY_MS) await repo.markFeedRead(ctx.db, row.member_id, now);
  return which === 'events' ? coopEventsCalendar(ctx) : memberCalendar(ctx, row.member_id, await memberEventEntries(ctx, row.member_id));
}
