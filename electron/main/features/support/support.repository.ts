import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { HelpRequestsTable, MentorPairsTable } from './support.tables';

/** Mutual support's reads and writes of help requests, mentoring and settings (commitments: commitments.repository). */

export async function insertRequest(db: Kysely<DB>, row: HelpRequestsTable, skills: readonly string[]): Promise<void> {
  await db.insertInto('help_requests').values(row).execute();
  if (skills.length > 0)
    await db
      .insertInto('help_request_skills')
      .values(skills.map((tag) => ({ request_id: row.id, tag })))
      .execute();
}

export const findRequest = (db: Kysely<DB>, id: string) => db.selectFrom('help_requests').selectAll().where('id', '=', id).executeTakeFirst();

export async function skillsOf(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('help_request_skills').select(['request_id', 'tag']).where('request_id', 'in', ids).orderBy('tag').execute();
  for (const r of rows) out.get(r.request_id)!.push(r.tag);
  return out;
}

/** Open and claimed requests, the longest waiting first. */
export const unresolved = (db: Kysely<DB>, limit: number) =>
  db.selectFrom('help_requests').selectAll().where('state', 'in', ['open', 'claimed']).orderBy('created_at').limit(limit).execute();

/** The last resolved requests, all of them (null) or one member's, asked or helped (two index reads, merged). */
export async function resolved(db: Kysely<DB>, memberId: string | null, limit: number) {
  const last = (side: 'asker_id' | 'helper_id' | null) => {
    let q = db.selectFrom('help_requests').selectAll().where('state', '=', 'resolved');
    if (side) q = q.where(side, '=', memberId);
    return q.orderBy('resolved_at', 'desc').limit(limit).execute();
  };
  if (memberId === null) return last(null);
  const [asked, helped] = await Promise.all([last('asker_id'), last('helper_id')]);
  return [...asked, ...helped].sort((a, b) => b.resolved_at! - a.resolved_at!).slice(0, limit);
}

/** Claims an open request; false when someone claimed it first (or it is no longer open). */
export async function claim(db: Kysely<DB>, id: string, helperId: string, how: string, at: number): Promise<boolean> {
  const r = await db
    .updateTable('help_requests')
    .set({ state: 'claimed', helper_id: helperId, how: how as HelpRequestsTable['how'], claimed_at: at })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function resolve(db: Kysely<DB>, id: string, thanks: string | null, at: number): Promise<void> {
  await db.updateTable('help_requests').set({ state: 'resolved', thanks, resolved_at: at }).where('id', '=', id).where('state', '!=', 'resolved').execute();
}

/** How many requests each of these members helped resolve. */
export async function helpedCounts(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('help_requests')
    .select(['helper_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('helper_id', 'in', ids)
    .where('state', '=', 'resolved')
    .groupBy('helper_id')
    .execute();
  return new Map(rows.map((r) => [r.helper_id!, Number(r.n)]));
}

export async function askedCount(db: Kysely<DB>, memberId: string): Promise<number> {
  const r = await db
    .selectFrom('help_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('asker_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Open requests asked before `before` and not yet raised. */
export const toRaise = (db: Kysely<DB>, before: number) =>
  db.selectFrom('help_requests').selectAll().where('state', '=', 'open').where('raised_at', 'is', null).where('created_at', '<', before).execute();

export async function markRaised(db: Kysely<DB>, ids: readonly string[], at: number): Promise<void> {
  if (ids.length > 0) await db.updateTable('help_requests').set({ raised_at: at }).where('id', 'in', ids).execute();
}

// ── mentoring ────────────────────────────────────────────────────────────────

export async function putSkills(db: Kysely<DB>, memberId: string, side: 'mentor' | 'mentee', tags: readonly string[]): Promise<void> {
  await db.deleteFrom('mentoring_skills').where('member_id', '=', memberId).where('side', '=', side).execute();
  if (tags.length > 0)
    await db
      .insertInto('mentoring_skills')
      .values(tags.map((tag) => ({ member_id: memberId, side, tag })))
      .execute();
}

export async function putOffer(db: Kysely<DB>, row: DB['mentor_offers']): Promise<void> {
  await db
    .insertInto('mentor_offers')
    .values(row)
    .onConflict((oc) =>
      oc.column('member_id').doUpdateSet({ hours_per_month: row.hours_per_month, note: row.note, active: row.active, updated_at: row.updated_at }),
    )
    .execute();
}

export async function putRequest(db: Kysely<DB>, row: DB['mentor_requests']): Promise<void> {
  await db
    .insertInto('mentor_requests')
    .values(row)
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ about: row.about, active: row.active, updated_at: row.updated_at }))
    .execute();
}

/** Mentors' offers of current members (one member's with `only`), active ones unless `all`. */
export function offers(db: Kysely<DB>, only: string | null, all = false) {
  let q = db
    .selectFrom('mentor_offers')
    .innerJoin('members', 'members.id', 'mentor_offers.member_id')
    .selectAll('mentor_offers')
    .where('members.archived_at', 'is', null)
    .where('members.status', '!=', 'left');
  if (only !== null) q = q.where('mentor_offers.member_id', '=', only);
  if (!all) q = q.where('mentor_offers.active', '=', 1);
  return q.execute();
}

/** Requests for a mentor of current members (one member's with `only`), active ones unless `all`. */
export function requests(db: Kysely<DB>, only: string | null, all = false) {
  let q = db
    .selectFrom('mentor_requests')
    .innerJoin('members', 'members.id', 'mentor_requests.member_id')
    .selectAll('mentor_requests')
    .where('members.archived_at', 'is', null)
    .where('members.status', '!=', 'left');
  if (only !== null) q = q.where('mentor_requests.member_id', '=', only);
  if (!all) q = q.where('mentor_requests.active', '=', 1);
  return q.orderBy('mentor_requests.created_at').execute();
}

/** Skills on one side, by member (every member's with `ids` null). */
export async function skillsBySide(db: Kysely<DB>, side: 'mentor' | 'mentee', ids: readonly string[] | null): Promise<Map<string, string[]>> {
  if (ids !== null && ids.length === 0) return new Map();
  let q = db.selectFrom('mentoring_skills').select(['member_id', 'tag']).where('side', '=', side);
  if (ids !== null) q = q.where('member_id', 'in', ids);
  const out = new Map<string, string[]>();
  for (const r of await q.orderBy('tag').execute()) (out.get(r.member_id) ?? out.set(r.member_id, []).get(r.member_id)!).push(r.tag);
  return out;
}

export async function insertPair(db: Kysely<DB>, row: MentorPairsTable): Promise<void> {
  await db.insertInto('mentor_pairs').values(row).execute();
}

export const findPair = (db: Kysely<DB>, id: string) => db.selectFrom('mentor_pairs').selectAll().where('id', '=', id).executeTakeFirst();

export async function updatePair(db: Kysely<DB>, id: string, values: Partial<MentorPairsTable>): Promise<void> {
  await db.updateTable('mentor_pairs').set(values).where('id', '=', id).execute();
}

/** Pairs one member is in (every pair with null), proposed and active first. */
export function pairs(db: Kysely<DB>, memberId: string | null) {
  let q = db.selectFrom('mentor_pairs').selectAll();
  if (memberId !== null) q = q.where((eb) => eb.or([eb('mentor_id', '=', memberId), eb('mentee_id', '=', memberId)]));
  return q.orderBy('created_at', 'desc').limit(500).execute();
}

/** Members in a proposed or active pair, on each side: who already has (or is about to have) a mentor. */
export function livePairs(db: Kysely<DB>) {
  return db.selectFrom('mentor_pairs').select(['mentor_id', 'mentee_id', 'hours_per_month', 'state']).where('state', 'in', ['proposed', 'active']).execute();
}

export async function insertMeeting(db: Kysely<DB>, row: DB['mentor_meetings']): Promise<void> {
  await db.insertInto('mentor_meetings').values(row).execute();
}

export const meetings = (db: Kysely<DB>, pairId: string) =>
  db.selectFrom('mentor_meetings').selectAll().where('pair_id', '=', pairId).orderBy('on_date', 'desc').orderBy('at', 'desc').execute();

/** How many meetings each pair logged, and the last one's date. */
export async function meetingTotals(db: Kysely<DB>, pairIds: readonly string[]): Promise<Map<string, { n: number; last: string }>> {
  if (pairIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('mentor_meetings')
    .select(['pair_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('on_date').as('last')])
    .where('pair_id', 'in', pairIds)
    .groupBy('pair_id')
    .execute();
  return new Map(rows.map((r) => [r.pair_id, { n: Number(r.n), last: String(r.last) }]));
}

/** How many pairs a member mentored and was mentored in (agreed ones). */
export async function pairCounts(db: Kysely<DB>, memberId: string): Promise<{ mentoring: number; mentored: number }> {
  const count = async (side: 'mentor_id' | 'mentee_id') =>
    Number(
      (
        await db
          .selectFrom('mentor_pairs')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(side, '=', memberId)
          .where('state', 'in', ['active', 'ended'])
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { mentoring: await count('mentor_id'), mentored: await count('mentee_id') };
}

// ── settings ─────────────────────────────────────────────────────────────────

export const readSettings = (db: Kysely<DB>) => db.selectFrom('support_settings').selectAll().where('id', '=', 1).executeTakeFirst();

export async function putSettings(db: Kysely<DB>, raiseAfterMinutes: number): Promise<void> {
  await db
    .insertInto('support_settings')
    .values({ id: 1, raise_after_minutes: raiseAfterMinutes })
    .onConflict((oc) => oc.column('id').doUpdateSet({ raise_after_minutes: raiseAfterMinutes }))
    .execute();
}
