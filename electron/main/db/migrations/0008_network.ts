import { type Kysely, sql } from 'kysely';

/**
 * Schema 8: the business network. Tag aliases the manager set by merging tags; introductions
 * between a member who needs something and one who offers it; the referral ledger (a referral
 * and its movements, a won one carrying the business's value); purchases between members; hours
 * exchanged, confirmed by who received them; and the co-op's limits on hours balances (no row:
 * the defaults, no one below −10 h).
 * Balances are never stored: they are sums over these movements.
 * Frozen: a shipped migration is never edited.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const member = (c: any) => c.notNull().references('members.id');
  await db.schema
    .createTable('tag_aliases')
    .addColumn('alias', 'text', (c) => c.primaryKey())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('tag_aliases_not_self', sql`alias <> tag`)
    .execute();

  await db.schema
    .createTable('introductions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('needer_id', 'text', member)
    .addColumn('supplier_id', 'text', member)
    .addColumn('by_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('needer_outcome', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('supplier_outcome', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('introductions_two', sql`needer_id <> supplier_id`)
    .execute();
  await db.schema.createIndex('introductions_by_needer').on('introductions').columns(['needer_id', 'supplier_id']).execute();
  await db.schema.createIndex('introductions_by_supplier').on('introductions').columns(['supplier_id', 'needer_id']).execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('giver_id', 'text', member)
    .addColumn('receiver_id', 'text', member)
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('need', 'text', (c) => c.notNull())
    .addColumn('warmth', 'text', (c) => c.notNull().check(sql`warmth in ('cold','warm','hot')`))
    .addColumn('contact_given', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('referrals_two', sql`giver_id <> receiver_id`)
    .execute();
  await db.schema.createIndex('referrals_by_giver').on('referrals').columns(['giver_id', 'created_at']).execute();
  await db.schema.createIndex('referrals_by_receiver').on('referrals').columns(['receiver_id', 'created_at']).execute();
  await db.schema
    .createTable('referral_moves')
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('giver_id', 'text', member)
    .addColumn('receiver_id', 'text', member)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('value_minor', 'integer', (c) => c.check(sql`value_minor is null or value_minor > 0`))
    .addColumn('by_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('referral_moves_pk', ['referral_id', 'seq'])
    .addCheckConstraint('referral_moves_won_value', sql`(status = 'won') = (value_minor is not null)`)
    .execute();
  // Balances: each side's sums read these indexes alone.
  await db.schema.createIndex('referral_moves_by_giver').on('referral_moves').columns(['giver_id', 'status', 'value_minor']).execute();
  await db.schema.createIndex('referral_moves_by_receiver').on('referral_moves').columns(['receiver_id', 'status', 'value_minor']).execute();

  await db.schema
    .createTable('trades')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('buyer_id', 'text', member)
    .addColumn('seller_id', 'text', member)
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('value_minor', 'integer', (c) => c.notNull().check(sql`value_minor > 0`))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addCheckConstraint('trades_two', sql`buyer_id <> seller_id`)
    .execute();
  await db.schema.createIndex('trades_by_buyer').on('trades').columns(['buyer_id', 'value_minor']).execute();
  await db.schema.createIndex('trades_by_seller').on('trades').columns(['seller_id', 'value_minor']).execute();
  await db.schema.createIndex('trades_by_date').on('trades').columns(['on_date', 'sector', 'value_minor']).execute();

  await db.schema
    .createTable('exchanges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('giver_id', 'text', member)
    .addColumn('receiver_id', 'text', member)
    .addColumn('minutes', 'integer', (c) => c.notNull().check(sql`minutes between 1 and 1440`))
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending','confirmed','declined')`))
    .addColumn('recorded_by', 'text', (c) => c.references('members.id'))
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('answered_at', 'integer')
    .addCheckConstraint('exchanges_two', sql`giver_id <> receiver_id`)
    .execute();
  await db.schema.createIndex('exchanges_by_giver').on('exchanges').columns(['giver_id', 'state', 'minutes']).execute();
  await db.schema.createIndex('exchanges_by_receiver').on('exchanges').columns(['receiver_id', 'state', 'minutes']).execute();

  await db.schema
    .createTable('network_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('min_hours', 'integer')
    .addColumn('max_hours', 'integer')
    .addCheckConstraint('network_settings_one', sql`id = 1`)
    .execute();
}
