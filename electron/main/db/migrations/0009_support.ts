import { type Kysely, sql } from 'kysely';

/**
 * Schema 9: mutual support. Help requests (a quick question or hands-on help, with skills) and who
 * claimed and resolved them; mentors' offers and members' requests for a mentor, with skills;
 * mentor pairs agreed by both and their meetings; commitments with the partners who hold their
 * owner to them and the owner's check-ins; and when an unclaimed request is raised (no row: after
 * 30 minutes). "Helped" counts and commitments kept are never stored: they are counted.
 * Frozen: a shipped migration is never edited.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const member = (c: any) => c.notNull().references('members.id');
  await db.schema
    .createTable('help_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asker_id', 'text', member)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('quick','hands-on')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('here_today', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open','claimed','resolved')`))
    .addColumn('helper_id', 'text', (c) => c.references('members.id'))
    .addColumn('how', 'text')
    .addColumn('told', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('claimed_at', 'integer')
    .addColumn('resolved_at', 'integer')
    .addColumn('thanks', 'text')
    .addColumn('raised_at', 'integer')
    .addCheckConstraint('help_not_self', sql`helper_id is null or helper_id <> asker_id`)
    .addCheckConstraint('help_claimed_has_helper', sql`state <> 'claimed' or helper_id is not null`)
    .execute();
  // the board reads the open ones and the last resolved; counts of help given read a helper's resolved ones
  await db.schema.createIndex('help_requests_by_state').on('help_requests').columns(['state', 'created_at']).execute();
  await db.schema.createIndex('help_requests_resolved').on('help_requests').columns(['state', 'resolved_at']).execute();
  await db.schema.createIndex('help_requests_by_helper').on('help_requests').columns(['helper_id', 'state']).execute();
  await db.schema.createIndex('help_requests_by_asker').on('help_requests').columns(['asker_id', 'created_at']).execute();
  await db.schema
    .createTable('help_request_skills')
    .addColumn('request_id', 'text', (c) => c.notNull().references('help_requests.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('help_request_skills_pk', ['request_id', 'tag'])
    .execute();

  await db.schema
    .createTable('mentor_offers')
    .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id'))
    .addColumn('hours_per_month', 'integer', (c) => c.notNull().check(sql`hours_per_month between 1 and 40`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('mentor_requests')
    .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id'))
    .addColumn('about', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('mentoring_skills')
    .addColumn('member_id', 'text', member)
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('mentor','mentee')`))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mentoring_skills_pk', ['member_id', 'side', 'tag'])
    .execute();
  await db.schema.createIndex('mentoring_skills_by_tag').on('mentoring_skills').columns(['side', 'tag']).execute();
  await db.schema
    .createTable('mentor_pairs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mentor_id', 'text', member)
    .addColumn('mentee_id', 'text', member)
    .addColumn('about', 'text', (c) => c.notNull())
    .addColumn('hours_per_month', 'integer', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('mentor_agreed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mentee_agreed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('proposed','active','declined','ended')`))
    .addColumn('ended_on', 'text')
    .addColumn('proposed_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('mentor_pairs_two', sql`mentor_id <> mentee_id`)
    .execute();
  await db.schema.createIndex('mentor_pairs_by_mentor').on('mentor_pairs').columns(['mentor_id', 'state']).execute();
  await db.schema.createIndex('mentor_pairs_by_mentee').on('mentor_pairs').columns(['mentee_id', 'state']).execute();
  await db.schema
    .createTable('mentor_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pair_id', 'text', (c) => c.notNull().references('mentor_pairs.id').onDelete('cascade'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull().check(sql`minutes between 5 and 600`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('by_member_id', 'text', member)
    .addColumn('at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mentor_meetings_by_pair').on('mentor_meetings').columns(['pair_id', 'on_date']).execute();

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', member)
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open','done','missed')`))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('reminded_at', 'integer')
    .addColumn('nudged_at', 'integer')
    .addColumn('closed_on', 'text')
    .execute();
  await db.schema.createIndex('commitments_by_member').on('commitments').columns(['member_id', 'due_on']).execute();
  await db.schema.createIndex('commitments_by_state').on('commitments').columns(['state', 'due_on']).execute();
  await db.schema
    .createTable('commitment_partners')
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', member)
    .addPrimaryKeyConstraint('commitment_partners_pk', ['commitment_id', 'partner_id'])
    .execute();
  await db.schema.createIndex('commitment_partners_by_partner').on('commitment_partners').columns(['partner_id']).execute();
  await db.schema
    .createTable('commitment_checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('done','progress','missed')`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commitment_checkins_by_commitment').on('commitment_checkins').columns(['commitment_id', 'at']).execute();

  // routing reads the vocabulary of offers on every request: distinct tags of one kind, from an index in that order
  await db.schema.createIndex('member_tags_by_kind').on('member_tags').columns(['kind', 'tag']).execute();

  await db.schema
    .createTable('support_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('raise_after_minutes', 'integer', (c) => c.notNull())
    .addCheckConstraint('support_settings_one', sql`id = 1`)
    .execute();
}
