import { type Kysely, sql } from 'kysely';
import { rowTrigger } from '../dialect';

const STAGES = sql`('idea','forming','preparing','submitted','won','lost','withdrawn','delivering','completed')`;

/** Frozen in time: joint bids (opportunities, needed skills, team and shares, stage moves, go/no-go, tasks, notes, documents). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bids')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('client', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('estimated_value_minor', 'integer', (c) => c.notNull().check(sql`estimated_value_minor >= 0`))
    .addColumn('final_value_minor', 'integer', (c) => c.check(sql`final_value_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'integer')
    .addColumn('delivery_start', 'text')
    .addColumn('delivery_end', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('member','tender','referral','other')`))
    .addColumn('source_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('source_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('open','team')`))
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ${STAGES}`))
    .addColumn('lead_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('lessons', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('bids_delivery_order', sql`delivery_start is null or delivery_end is null or delivery_start <= delivery_end`)
    .execute();
  await db.schema.createIndex('bids_by_stage').on('bids').columns(['stage', 'deadline_at']).execute();

  await db.schema
    .createTable('bid_skills')
    .addColumn('bid_id', 'text', (c) => c.notNull().references('bids.id'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull().check(sql`days >= 0`))
    .addPrimaryKeyConstraint('bid_skills_pk', ['bid_id', 'tag'])
    .execute();

  // One row per member asked to join (or who offered to); shares in basis points (10000 = 100 %).
  await db.schema
    .createTable('bid_team')
    .addColumn('bid_id', 'text', (c) => c.notNull().references('bids.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('invited','requested','accepted','declined')`))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('work_share', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`work_share between 0 and 10000`),
    )
    .addColumn('revenue_share', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`revenue_share between 0 and 10000`),
    )
    .addColumn('invited_at', 'integer', (c) => c.notNull())
    .addColumn('responded_at', 'integer')
    .addPrimaryKeyConstraint('bid_team_pk', ['bid_id', 'member_id'])
    .execute();
  await db.schema.createIndex('bid_team_by_member').on('bid_team').columns(['member_id', 'status']).execute();

  // The database refuses what must never happen even if the service were bypassed: a bid
  // submitted with shares that do not total exactly 100 %, or a completed bid moved back.
  // (PL/pgSQL's RAISE reads % as a placeholder: %% is one)
  const refuse = (message: string) => ({ sqlite: `select raise(abort, '${message}');`, postgres: `raise exception '${message.replace(/%/g, '%%')}';` });
  await rowTrigger(db, {
    name: 'bids_submitted_shares',
    timing: 'before',
    event: 'update of stage',
    table: 'bids',
    when: `new.stage = 'submitted' and old.stage <> 'submitted' and (
      (select coalesce(sum(work_share), 0) from bid_team where bid_id = new.id and status = 'accepted') <> 10000 or
      (select coalesce(sum(revenue_share), 0) from bid_team where bid_id = new.id and status = 'accepted') <> 10000)`,
    ...refuse('bid shares must total 100 % before submitting'),
  });
  await rowTrigger(db, {
    name: 'bids_completed_stays',
    timing: 'before',
    event: 'update of stage',
    table: 'bids',
    when: `old.stage = 'completed' and new.stage <> 'completed'`,
    ...refuse('a completed bid cannot move back'),
  });

  // Every stage move, decision and note, with who and when: the bid's activity log.
  await db.schema
    .createTable('bid_activity')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('bid_id', 'text', (c) => c.notNull().references('bids.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('created','move','go','no-go','note','decision','team','outcome')`))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text')
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agreed_by', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('actor_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bid_activity_by_bid').on('bid_activity').columns(['bid_id', 'at']).execute();

  await db.schema
    .createTable('bid_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('bid_id', 'text', (c) => c.notNull().references('bids.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('due_date', 'text')
    .addColumn('done_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bid_tasks_by_bid').on('bid_tasks').columns(['bid_id', 'due_date']).execute();
  await db.schema.createIndex('bid_tasks_open_by_due').on('bid_tasks').columns(['done_at', 'due_date']).execute();

  // Files live in <data folder>/documents/<bid id>/; the row names them.
  await db.schema
    .createTable('bid_documents')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('bid_id', 'text', (c) => c.notNull().references('bids.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('added_by_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('added_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bid_documents_by_bid').on('bid_documents').column('bid_id').execute();

  // The day a daily reminder last went out, so a restart does not send it twice.
  await db.schema
    .createTable('reminders_sent')
    .addColumn('kind', 'text', (c) => c.primaryKey().notNull())
    .addColumn('last_date', 'text', (c) => c.notNull())
    .execute();
}
