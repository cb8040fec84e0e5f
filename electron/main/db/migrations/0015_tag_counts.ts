import { type Kysely, sql } from 'kysely';
import { asNumber, rowTrigger, withoutRowid } from '../dialect';

/**
 * Schema 15: how many members hold each tag, kept by triggers, so the marketplace and the gaps
 * read a vocabulary of a few thousand counts instead of grouping 50,000 tags on every open.
 * Two counts per tag and kind: the current members (not archived, not left), what the desk sees,
 * and those of them listed in the directory, what a member sees. Derived like the search index:
 * never exported, counted again after an import or a restore. And the holders of a popular tag
 * are read from two indexes alone: the tags by kind carry their member, and a member's
 * visibility and last change are indexed by id.
 * Frozen: a shipped migration is never edited.
 */

/** Whether the row `m` of members is a current member; and listed as well. */
const current = (m: string) => `(${m}.archived_at is null and ${m}.status <> 'left')`;
const listed = (m: string) => `(${current(m)} and ${m}.listed = 1)`;
const add = `on conflict (kind, tag) do update set current_n = tag_counts.current_n + excluded.current_n, listed_n = tag_counts.listed_n + excluded.listed_n`;

export async function up(db: Kysely<any>): Promise<void> {
  /** 1 or 0 for a condition. */
  const n = (condition: string) => asNumber(db, condition);
  await db.schema
    .createTable('tag_counts')
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('current_n', 'integer', (c) => c.notNull())
    .addColumn('listed_n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('tag_counts_pk', ['kind', 'tag'])
    // kept in its key's order: a count is found by its tag, and equal counts read back equal
    .modifyEnd(withoutRowid(db))
    .execute();
  await sql
    .raw(
      `insert into tag_counts (tag, kind, current_n, listed_n)
       select t.tag, t.kind, sum(${n(current('m'))}), sum(${n(listed('m'))}) from member_tags t join members m on m.id = t.member_id group by t.tag, t.kind`,
    )
    .execute(db);

  // `and true`: SQLite needs a WHERE before ON CONFLICT in an INSERT … SELECT
  const count = (sign: '+' | '-', row: 'new' | 'old') =>
    `insert into tag_counts (tag, kind, current_n, listed_n)
       select ${row}.tag, ${row}.kind, ${sign}${n(current('m'))}, ${sign}${n(listed('m'))} from members m where m.id = ${row}.member_id and true ${add};`;
  const same = (body: string) => ({ sqlite: body, postgres: body });
  const tags = { timing: 'after', table: 'member_tags' } as const;
  await rowTrigger(db, { name: 'member_tags_count_insert', event: 'insert', ...tags, ...same(count('+', 'new')) });
  // a tag no one holds any more has no row (the same rows as counting afresh)
  const forget = `delete from tag_counts where kind = old.kind and tag = old.tag
    and not exists (select 1 from member_tags t where t.kind = old.kind and t.tag = old.tag);`;
  await rowTrigger(db, { name: 'member_tags_count_delete', event: 'delete', ...tags, ...same(`${count('-', 'old')} ${forget}`) });
  await rowTrigger(db, { name: 'member_tags_count_update', event: 'update', ...tags, ...same(`${count('-', 'old')} ${forget} ${count('+', 'new')}`) });
  // a member who leaves, comes back, is archived or (un)listed moves all their tags at once
  await rowTrigger(db, {
    name: 'members_tag_counts',
    timing: 'after',
    event: 'update of archived_at, status, listed',
    table: 'members',
    when: `${current('old')} <> ${current('new')} or ${listed('old')} <> ${listed('new')}`,
    ...same(`insert into tag_counts (tag, kind, current_n, listed_n)
         select t.tag, t.kind, ${n(current('new'))} - ${n(current('old'))}, ${n(listed('new'))} - ${n(listed('old'))}
         from member_tags t where t.member_id = new.id and true ${add};`),
  });
  // a deleted member's tags go by cascade once the member row is gone: counted out before
  await rowTrigger(db, {
    name: 'members_tag_counts_delete',
    timing: 'before',
    event: 'delete',
    table: 'members',
    ...same(`insert into tag_counts (tag, kind, current_n, listed_n)
         select t.tag, t.kind, -${n(current('old'))}, -${n(listed('old'))} from member_tags t where t.member_id = old.id and true ${add};`),
  });

  await db.schema.dropIndex('member_tags_by_kind').execute();
  await db.schema.createIndex('member_tags_by_kind').on('member_tags').columns(['kind', 'tag', 'member_id']).execute();
  // whether each holder may be shown, and when last active, without reading the member's whole row
  await db.schema.createIndex('members_visibility').on('members').columns(['id', 'archived_at', 'status', 'listed', 'updated_at']).execute();
}
