import type { Kysely } from 'kysely';
import type { PresenceEntry } from '@shared/contract/frontdesk.contract';
import { newId } from '@shared/domain/ids';
import { zonedParts } from '@shared/domain/zoned';
import type { DB } from '../../db/schema';
import * as repo from './presence.repository';

export const toPresence = (r: repo.PresenceRow): PresenceEntry => ({
  id: r.id,
  memberId: r.member_id,
  name: r.name,
  number: r.number,
  checkedInAt: new Date(r.checked_in_at).toISOString(),
  checkedOutAt: r.checked_out_at === null ? null : new Date(r.checked_out_at).toISOString(),
  since: zonedParts(r.checked_in_at, r.time_zone).time,
});

/** The member's open presence, if they are in. */
export const openPresence = async (db: Kysely<DB>, memberId: string) => {
  const row = await repo.findOpen(db, memberId);
  return row ? toPresence(row) : null;
};

/** Opens a presence at the site; the database refuses a second open one for the same member. */
export async function open(db: Kysely<DB>, memberId: string, siteId: string, now: number): Promise<PresenceEntry> {
  const id = newId();
  await repo.insert(db, { id, member_id: memberId, site_id: siteId, checked_in_at: now });
  return toPresence(await repo.findById(db, id));
}

/** Opens a presence if the member is not yet here (checking in a booking means they arrived). */
export async function ensurePresent(db: Kysely<DB>, memberId: string, siteId: string, now: number): Promise<void> {
  if (!(await repo.findOpen(db, memberId))) await repo.insert(db, { id: newId(), member_id: memberId, site_id: siteId, checked_in_at: now });
}

export async function close(db: Kysely<DB>, presenceId: string, now: number): Promise<PresenceEntry> {
  await repo.close(db, presenceId, now);
  return toPresence(await repo.findById(db, presenceId));
}

export const history = async (db: Kysely<DB>, memberId: string, limit: number) => (await repo.history(db, memberId, limit)).map(toPresence);
export const presentAt = async (db: Kysely<DB>, siteId: string) => (await repo.presentAt(db, siteId)).map(toPresence);

/** When each of these members last checked in, anywhere (ms); members never in are absent. */
export const lastSeen = (db: Kysely<DB>, memberIds: readonly string[]) => repo.lastSeen(db, memberIds);

/** The members in at the site now, as ids: for ranking and routing, where names and times are not needed. */
export const presentIds = (db: Kysely<DB>, siteId: string) => repo.presentIds(db, siteId);
