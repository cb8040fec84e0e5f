import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';

export const signedInMember = (db: Kysely<DB>, memberId: string) =>
  db.selectFrom('members').select(['id', 'name', 'number', 'role']).where('id', '=', memberId).executeTakeFirst();

/** A member by number, email or exact name (any case), with their PIN (the counters live in access_guards). */
export const memberWithPin = (db: Kysely<DB>, who: string) =>
  db
    .selectFrom('members')
    .leftJoin('credentials', 'credentials.member_id', 'members.id')
    .select(['members.id', 'members.name', 'members.role', 'members.status', 'members.archived_at', 'credentials.pin_hash'])
    .where((eb) =>
      eb.or([
        eb('members.number', '=', /^\d+$/.test(who) ? Number(who) : -1),
        eb('members.email', '=', who.toLowerCase()),
        eb(sql`lower(members.name)`, '=', who.toLowerCase()),
      ]),
    )
    .executeTakeFirst();

export const memberExists = async (db: Kysely<DB>, memberId: string) =>
  Boolean(await db.selectFrom('members').select('id').where('id', '=', memberId).executeTakeFirst());

export async function savePin(db: Kysely<DB>, memberId: string, hash: string, now: number): Promise<void> {
  await db
    .insertInto('credentials')
    .values({ member_id: memberId, pin_hash: hash, failed_pins: 0, locked_until: null, updated_at: now })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ pin_hash: hash, failed_pins: 0, locked_until: null, updated_at: now }))
    .execute();
}
