import { type Kysely, type RawBuilder, sql } from 'kysely';
import { engineOf } from './dialect';
import type { DB } from './schema';

/**
 * Member full-text search. The only place that knows it is SQLite FTS5: a move to
 * PostgreSQL replaces these functions (tsvector) and nothing else.
 */

/**
 * The index, made once by the first migration. SQLite: FTS5, contentless, keyed by the member
 * number (stable, unlike a plain rowid across VACUUM), with prefix indexes so every keystroke from
 * the first letter is a lookup. PostgreSQL: a table of the same columns (issue 29: its search, a
 * tsvector of them, comes with the features' queries).
 */
export async function createSearchIndex(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await sql`create table members_fts (rowid bigint primary key, name text, business text, tags text, email text)`.execute(db);
    return;
  }
  await sql`
    create virtual table members_fts using fts5(
      name, business, tags, email,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
    )`.execute(db);
}

/** Rewrites one member's entry in the search index from the members and member_tags tables. */
export async function reindexMember(db: Kysely<DB>, memberId: string): Promise<void> {
  await sql`delete from members_fts where rowid = (select number from members where id = ${memberId})`.execute(db);
  await sql`
    insert into members_fts (rowid, name, business, tags, email)
    select m.number, m.name, m.business_name,
           coalesce((select group_concat(t.tag, ' ') from member_tags t where t.member_id = m.id), ''),
           m.email
    from members m where m.id = ${memberId}`.execute(db);
}

/** Rebuilds the whole index (after bulk imports). */
export async function reindexAllMembers(db: Kysely<DB>): Promise<void> {
  await sql`delete from members_fts`.execute(db);
  await sql`
    insert into members_fts (rowid, name, business, tags, email)
    select m.number, m.name, m.business_name,
           coalesce((select group_concat(t.tag, ' ') from member_tags t where t.member_id = m.id), ''),
           m.email
    from members m`.execute(db);
}

/**
 * Turns what a person typed into an FTS query: every word must match the start of a word
 * in name, business, tags or email ("ana web" finds "Ana Ribeiro, web design").
 * Returns null when nothing searchable was typed.
 */
export function toFtsQuery(text: string, withEmail = true): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  const terms = words
    .slice(0, 12)
    .map((w) => `"${w}"*`)
    .join(' ');
  // Members search each other by name, business and tags; only the front desk finds by email.
  return withEmail ? terms : `{name business tags} : (${terms})`;
}

/** A subquery of member numbers matching the typed text, for `where('members.number', 'in', …)`. */
export function memberNumbersMatching(text: string, withEmail = true): RawBuilder<number> | null {
  const query = toFtsQuery(text, withEmail);
  if (query === null) return null;
  return sql<number>`(select rowid from members_fts where members_fts match ${query})`;
}
