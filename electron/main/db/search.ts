import { type Kysely, type RawBuilder, sql } from 'kysely';
import { engineOf } from './dialect';
import type { DB } from './schema';

/**
 * Member full-text search, the only place that knows how each database does it: SQLite's FTS5,
 * PostgreSQL's tsvector. The same words find the same members on both.
 */

/**
 * The index, made once by the first migration. SQLite: FTS5, contentless, keyed by the member
 * number (stable, unlike a plain rowid across VACUUM), with prefix indexes so every keystroke from
 * the first letter is a lookup, words split at anything not a letter or digit, accents folded.
 * PostgreSQL: a table of the same columns holding each field already folded (lower case, no
 * accents, `unaccent`) and split the same way, with a full-text index of all four and one of the
 * three members may search by; a query's words match as prefixes (`:*`).
 */
export async function createSearchIndex(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await sql`create extension if not exists unaccent`.execute(db);
    await sql`create table members_fts (rowid bigint primary key, name text, business text, tags text, email text)`.execute(db);
    await sql.raw(`create index members_fts_all on members_fts using gin (${PG_DOCUMENT.all})`).execute(db);
    await sql.raw(`create index members_fts_public on members_fts using gin (${PG_DOCUMENT.public})`).execute(db);
    return;
  }
  await sql`
    create virtual table members_fts using fts5(
      name, business, tags, email,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
    )`.execute(db);
}

/** What is searched on PostgreSQL: every field, or those members search each other by (no email). */
const PG_DOCUMENT = {
  all: `to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(business, '') || ' ' || coalesce(tags, '') || ' ' || coalesce(email, ''))`,
  public: `to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(business, '') || ' ' || coalesce(tags, ''))`,
};

/** One member's (or every member's) row of the index, from the members and member_tags tables. */
function indexRows(db: Kysely<any>, memberId: string | null) {
  const only = memberId === null ? sql`` : sql`where m.id = ${memberId}`;
  if (engineOf(db) === 'sqlite')
    return sql`
      insert into members_fts (rowid, name, business, tags, email)
      select m.number, m.name, m.business_name,
             coalesce((select group_concat(t.tag, ' ') from member_tags t where t.member_id = m.id), ''),
             m.email
      from members m ${only}`;
  const fold = (value: RawBuilder<unknown>) => sql`regexp_replace(lower(unaccent(${value})), '[^[:alnum:]]+', ' ', 'g')`;
  return sql`
    insert into members_fts (rowid, name, business, tags, email)
    select m.number, ${fold(sql`m.name`)}, ${fold(sql`m.business_name`)},
           ${fold(sql`coalesce((select string_agg(t.tag, ' ') from member_tags t where t.member_id = m.id), '')`)},
           ${fold(sql`m.email`)}
    from members m ${only}`;
}

/** Rewrites one member's entry in the search index from the members and member_tags tables. */
export async function reindexMember(db: Kysely<DB>, memberId: string): Promise<void> {
  await sql`delete from members_fts where rowid = (select number from members where id = ${memberId})`.execute(db);
  await indexRows(db, memberId).execute(db);
}

/** Rebuilds the whole index (after bulk imports). */
export async function reindexAllMembers(db: Kysely<DB>): Promise<void> {
  await sql`delete from members_fts`.execute(db);
  await indexRows(db, null).execute(db);
}

/** The words a person typed, as both searches read them: letters and digits, lower case, at most twelve; `fold` takes accents off. */
function typedWords(text: string, fold: boolean): string[] {
  const lower = text.toLowerCase();
  return ((fold ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/**
 * Turns what a person typed into an FTS query: every word must match the start of a word
 * in name, business, tags or email ("ana web" finds "Ana Ribeiro, web design").
 * Returns null when nothing searchable was typed.
 */
export function toFtsQuery(text: string, withEmail = true): string | null {
  const words = typedWords(text, false);
  if (words.length === 0) return null;
  const terms = words.map((w) => `"${w}"*`).join(' ');
  // Members search each other by name, business and tags; only the front desk finds by email.
  return withEmail ? terms : `{name business tags} : (${terms})`;
}

/** A subquery of member numbers matching the typed text, for `where('members.number', 'in', …)`. */
export function memberNumbersMatching(db: Kysely<any>, text: string, withEmail = true): RawBuilder<number> | null {
  if (engineOf(db) === 'postgres') {
    // the index holds folded words (unaccent), so the query's are folded too
    const words = typedWords(text, true);
    if (words.length === 0) return null;
    const query = words.map((w) => `${w}:*`).join(' & ');
    return sql<number>`(select rowid from members_fts where ${sql.raw(withEmail ? PG_DOCUMENT.all : PG_DOCUMENT.public)} @@ to_tsquery('simple', ${query}))`;
  }
  const query = toFtsQuery(text, withEmail);
  if (query === null) return null;
  return sql<number>`(select rowid from members_fts where members_fts match ${query})`;
}
