import { type Kysely, sql } from 'kysely';
import { withoutRowid } from '../dialect';

/**
 * Schema 12: co-op governance — one owner, one vote.
 * - A proposal (decision, poll, election, change to the rules) with its quorum, threshold and
 *   voting window; its options (an election's are candidates), its discussion and amendments.
 * - Who may vote is frozen into `proposal_voters` when voting opens, with who voted and by whom
 *   (in person, or their proxy) — never what.
 * - What was voted: `ballots` (open: one per voter, the primary key) or `secret_ballots` (keyed
 *   by a random receipt, no voter, no time, stored WITHOUT ROWID so that not even the order of
 *   writing joins it to the voters). While voting is open `secret_links` lets a voter change
 *   their ballot (one per voter: the primary key); closing the vote deletes the links.
 * - Proxies, guardians' referrals, the co-op's rules as numbered versions, and the voting rules.
 * Frozen: a shipped migration is never edited.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('decision','poll','election','rules')`))
    .addColumn('proposer_id', 'text', (c) => c.references('members.id'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('discussion','voting','closed','withdrawn')`))
    .addColumn('secret', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quorum_pct', 'integer', (c) => c.notNull().check(sql`quorum_pct between 1 and 100`))
    .addColumn('threshold', 'text', (c) => c.notNull().check(sql`threshold in ('majority','two-thirds','consensus')`))
    .addColumn('seats', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('max_choices', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('elects_guardians', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rules_text', 'text')
    .addColumn('opens_at', 'integer', (c) => c.notNull())
    .addColumn('closes_at', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'integer')
    .addColumn('closed_at', 'integer')
    .addColumn('reminded_at', 'integer')
    /** What owners were told of, each in its own transaction after the change: 1 voting opened, 2 the result. */
    .addColumn('announced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('eligible', 'integer')
    .addColumn('outcome', 'text')
    /** The count as JSON, final once closed. */
    .addColumn('result', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('proposals_window', sql`opens_at < closes_at`)
    .execute();
  await db.schema.createIndex('proposals_by_state').on('proposals').columns(['state', 'closes_at']).execute();
  await db.schema.createIndex('proposals_to_announce').on('proposals').columns(['announced', 'state']).execute();
  await db.schema
    .createTable('proposal_options')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .execute();
  await db.schema.createIndex('proposal_options_by_proposal').on('proposal_options').columns(['proposal_id', 'position']).execute();
  await db.schema
    .createTable('proposal_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('amendment', 'text')
    .addColumn('amendment_state', 'text', (c) => c.check(sql`amendment_state in ('open','accepted','declined')`))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proposal_comments_by_proposal').on('proposal_comments').columns(['proposal_id', 'created_at']).execute();
  await db.schema
    .createTable('proposal_voters')
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('voted_at', 'integer')
    /** Who cast it: the voter in person, or their proxy. */
    .addColumn('cast_by', 'text', (c) => c.references('members.id'))
    .addPrimaryKeyConstraint('proposal_voters_pk', ['proposal_id', 'member_id'])
    .execute();
  await db.schema
    .createTable('ballots')
    .addColumn('proposal_id', 'text', (c) => c.notNull())
    .addColumn('voter_id', 'text', (c) => c.notNull())
    /** JSON array: a decision's one word, or option ids. */
    .addColumn('choices', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballots_pk', ['proposal_id', 'voter_id'])
    .addForeignKeyConstraint('ballots_voter', ['proposal_id', 'voter_id'], 'proposal_voters', ['proposal_id', 'member_id'], (c) => c.onDelete('cascade'))
    .execute();
  await sql`create table secret_ballots (
    receipt text primary key,
    proposal_id text not null references proposals(id) on delete cascade,
    choices text not null
  ) ${withoutRowid(db)}`.execute(db);
  await db.schema.createIndex('secret_ballots_by_proposal').on('secret_ballots').columns(['proposal_id']).execute();
  await db.schema
    .createTable('secret_links')
    .addColumn('proposal_id', 'text', (c) => c.notNull())
    .addColumn('voter_id', 'text', (c) => c.notNull())
    .addColumn('receipt', 'text', (c) => c.notNull().unique().references('secret_ballots.receipt'))
    .addPrimaryKeyConstraint('secret_links_pk', ['proposal_id', 'voter_id'])
    .addForeignKeyConstraint('secret_links_voter', ['proposal_id', 'voter_id'], 'proposal_voters', ['proposal_id', 'member_id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema
    .createTable('proxies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('grantor_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('holder_id', 'text', (c) => c.notNull().references('members.id'))
    /** One proposal; null: every proposal until revoked. */
    .addColumn('proposal_id', 'text', (c) => c.references('proposals.id').onDelete('cascade'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('revoked_at', 'integer')
    .addCheckConstraint('proxies_not_self', sql`grantor_id <> holder_id`)
    .execute();
  await db.schema.createIndex('proxies_by_grantor').on('proxies').columns(['grantor_id']).execute();
  await db.schema.createIndex('proxies_by_holder').on('proxies').columns(['holder_id']).execute();
  await db.schema
    .createTable('proposal_referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
    .addColumn('guardian_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('threshold_from', 'text', (c) => c.notNull())
    .addColumn('threshold_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('coop_rules')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'text', (c) => c.references('proposals.id'))
    .addColumn('adopted_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('governance_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('quorum_pct', 'integer', (c) => c.notNull())
    .addColumn('threshold', 'text', (c) => c.notNull())
    .addColumn('proxy_cap', 'integer', (c) => c.notNull())
    .addColumn('paused_may_vote', 'integer', (c) => c.notNull())
    .addColumn('voting_days', 'integer', (c) => c.notNull())
    .addCheckConstraint('governance_settings_one', sql`id = 1`)
    .execute();
}
