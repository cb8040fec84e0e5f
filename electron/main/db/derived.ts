import { type Kysely, sql } from 'kysely';
import type { DB } from './schema';
import { reindexAllMembers } from './search';

/**
 * Counts each tag's holders again from member_tags and members: current members, and those of
 * them listed. The triggers of schema 15 keep the counts from then on.
 */
export async function recountTags(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('tag_counts').execute();
  const current = sql`m.archived_at is null and m.status <> 'left'`;
  await db
    .insertInto('tag_counts')
    .columns(['tag', 'kind', 'current_n', 'listed_n'])
    .expression((eb) =>
      eb
        .selectFrom('member_tags as t')
        .innerJoin('members as m', 'm.id', 't.member_id')
        .select([
          't.tag',
          't.kind',
          sql<number>`sum(case when ${current} then 1 else 0 end)`.as('current_n'),
          sql<number>`sum(case when ${current} and m.listed = 1 then 1 else 0 end)`.as('listed_n'),
        ])
        .groupBy(['t.tag', 't.kind']),
    )
    .execute();
}

/** Rebuilds what is derived from the other tables once rows have arrived in bulk (an import, a restore). */
export async function rebuildDerived(db: Kysely<DB>): Promise<void> {
  await reindexAllMembers(db);
  await recountTags(db);
}
