import type { Kysely } from 'kysely';
import { rowsAsArrays } from '../../db/rows';
import type { DB } from '../../db/schema';
import type { BookablesTable } from './bookables.tables';

export type BookableRow = BookablesTable & { owner_name: string | null };

const withOwner = (db: Kysely<DB>) =>
  db.selectFrom('bookables').leftJoin('members', 'members.id', 'bookables.owner_member_id').selectAll('bookables').select('members.name as owner_name');

/**
 * The order bookables are listed in everywhere: rooms, then equipment, then desks, each by name
 * with its numbers read as numbers ("Room 2" before "Room 10") and without regard to case. Sorted
 * here rather than in SQL, whose order of text differs between SQLite and PostgreSQL.
 */
const names = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const KIND_ORDER: Record<BookablesTable['kind'], number> = { room: 0, resource: 1, desk: 2 };
const inListOrder = (a: { kind: BookablesTable['kind']; name: string }, b: { kind: BookablesTable['kind']; name: string }) =>
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || names.compare(a.name, b.name);

export const findById = (db: Kysely<DB>, id: string): Promise<BookableRow | undefined> => withOwner(db).where('bookables.id', '=', id).executeTakeFirst();

export async function list(db: Kysely<DB>, f: { siteId?: string; kind?: BookablesTable['kind']; includeRetired: boolean; ids?: string[] }) {
  let query = withOwner(db);
  if (f.siteId) query = query.where('bookables.site_id', '=', f.siteId);
  if (f.kind) query = query.where('bookables.kind', '=', f.kind);
  if (!f.includeRetired) query = query.where('bookables.retired_at', 'is', null);
  if (f.ids) query = query.where('bookables.id', 'in', f.ids.length ? f.ids : ['']);
  const rows = (await query.execute()) as BookableRow[];
  return rows.sort(inListOrder);
}

export async function insert(db: Kysely<DB>, row: BookablesTable): Promise<void> {
  await db.insertInto('bookables').values(row).execute();
}

export async function update(db: Kysely<DB>, id: string, values: Partial<BookablesTable>): Promise<void> {
  await db.updateTable('bookables').set(values).where('id', '=', id).execute();
}

/** What the day board lists: the site's bookables, only the columns it shows, as arrays. */
export const onBoard = async (db: Kysely<DB>, siteId: string) =>
  (
    (await rowsAsArrays(
      db,
      db.selectFrom('bookables').select(['id', 'kind', 'name', 'capacity', 'features']).where('site_id', '=', siteId).where('retired_at', 'is', null),
    )) as [string, BookablesTable['kind'], string, number, string][]
  ).sort(([, kind, name], [, otherKind, otherName]) => inListOrder({ kind, name }, { kind: otherKind, name: otherName }));

/** The bookable's bookings still to come (pending or confirmed), with who holds each. */
export const futureBookings = (db: Kysely<DB>, bookableId: string, now: number) =>
  db
    .selectFrom('bookings')
    .leftJoin('members', 'members.id', 'bookings.member_id')
    .select(['bookings.id', 'bookings.start_ms', 'bookings.occ_start_ms', 'bookings.occ_end_ms', 'bookings.quantity'])
    .select((eb) => eb.fn.coalesce('members.name', 'bookings.guest_name').as('who'))
    .where('bookings.bookable_id', '=', bookableId)
    .where('bookings.status', 'in', ['pending', 'confirmed'])
    .where('bookings.occ_end_ms', '>', now)
    .orderBy('bookings.start_ms')
    .execute();
