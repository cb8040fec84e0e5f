import { type Kysely, sql } from 'kysely';
import type { CredentialsTable, DB } from '../../db/schema';

export const secretHash = async (db: Kysely<DB>, key: string) =>
  (await db.selectFrom('app_secrets').select('hash').where('key', '=', key).executeTakeFirst())?.hash ?? null;

export async function saveSecret(db: Kysely<DB>, key: string, hash: string, now: number): Promise<void> {
  await db
    .insertInto('app_secrets')
    .values({ key, hash, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ hash, updated_at: now }))
    .execute();
}

export const signedInMember = (db: Kysely<DB>, memberId: string) =>
  db.selectFrom('members').select(['id', 'name', 'number', 'role']).where('id', '=', memberId).executeTakeFirst();

/** A member by number, email or exact name (any case), with their PIN and its counters. */
export const memberWithPin = (db: Kysely<DB>, who: string) =>
  db
    .selectFrom('members')
    .leftJoin('credentials', 'credentials.member_id', 'members.id')
    .select([
      'members.id',
      'members.name',
      'members.role',
      'members.status',
      'members.archived_at',
      'credentials.pin_hash',
      'credentials.failed_pins',
      'credentials.locked_until',
    ])
    .where((eb) =>
      eb.or([
        eb('members.number', '=', /^\d+$/.test(who) ? Number(who) : -1),
        eb('members.email', '=', who.toLowerCase()),
        eb(sql`lower(members.name)`, '=', who.toLowerCase()),
      ]),
    )
    .executeTakeFirst();

export async function setCounters(
  db: Kysely<DB>,
  memberId: string,
  values: Pick<CredentialsTable, 'failed_pins' | 'locked_until' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('credentials').set(values).where('member_id', '=', memberId).execute();
}

/** Back to no failed attempts after a right PIN, unless a lockout is in force. */
export async function resetAttempts(db: Kysely<DB>, memberId: string, now: number): Promise<void> {
  await db
    .updateTable('credentials')
    .set({ failed_pins: 0, updated_at: now })
    .where('member_id', '=', memberId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
}

export const memberExists = async (db: Kysely<DB>, memberId: string) =>
  Boolean(await db.selectFrom('members').select('id').where('id', '=', memberId).executeTakeFirst());

export async function savePin(db: Kysely<DB>, memberId: string, hash: string, now: number): Promise<void> {
  await db
    .insertInto('credentials')
    .values({ member_id: memberId, pin_hash: hash, failed_pins: 0, locked_until: null, updated_at: now })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ pin_hash: hash, failed_pins: 0, locked_until: null, updated_at: now }))
    .execute();
}

/** Clears a lockout; false when the member has no PIN. */
export async function clearCounters(db: Kysely<DB>, memberId: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('credentials')
    .set({ failed_pins: 0, locked_until: null, updated_at: now })
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export const lockedOut = (db: Kysely<DB>, now: number) =>
  db
    .selectFrom('credentials')
    .innerJoin('members', 'members.id', 'credentials.member_id')
    .select(['members.id', 'members.name', 'credentials.locked_until'])
    .where('credentials.locked_until', '>', now)
    .orderBy('credentials.locked_until')
    .execute();
