import { type Kysely, sql } from 'kysely';

/**
 * Schema 7: the member portal. Its settings (on or off, the network address and port, its TLS
 * certificate and key: on this machine only); each member's private calendar link (only its
 * hash); the commands already carried out per caller and idempotency key, so that a retry over a
 * flaky network is answered rather than done twice; and whether a member is listed in the
 * members' directory (off until the member or the desk says so).
 * Frozen: a shipped migration is never edited.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('port', 'integer', (c) => c.notNull().defaultTo(8443))
    .addColumn('cert_pem', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('key_pem', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('own_cert', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('portal_settings_one', sql`id = 1`)
    .addCheckConstraint('portal_settings_port', sql`port between 1 and 65535`)
    .execute();
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('member_id', 'text', (c) => c.primaryKey().references('members.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('last_read_at', 'integer')
    .execute();
  await db.schema
    .createTable('command_replays')
    .addColumn('caller', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('input_hash', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('command_replays_pk', ['caller', 'key'])
    .execute();
  await db.schema.createIndex('command_replays_age').on('command_replays').column('created_at').execute();
  await db.schema
    .alterTable('members')
    .addColumn('listed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
