import { type Kysely, sql } from 'kysely';
import { newId } from '@shared/domain/ids';

/**
 * Schema 6: people sign in as themselves. Staff accounts (manager, front desk) and members'
 * accounts with their own passwords (kept on this machine, like PINs), one-time sign-in codes
 * (only their hashes), sessions a person can end everywhere (`session_epoch`); the audit log
 * names the person who acted; notifications, one inbox per person, with each person's choice of
 * e-mail per kind and the co-op's mail server (its password on this machine only).
 * The password guard's scope is now any account's password (`password`, per account and
 * screen): the counters are rebuilt empty, so a lock in force at the upgrade is lifted. The shared
 * manager password becomes the first manager account (nameless: the app asks her name once).
 * Frozen: a shipped migration is never edited.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'integer')
    .addColumn('session_epoch', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_sign_in_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('accounts_kind', sql`kind in ('staff', 'member')`)
    .addCheckConstraint('accounts_role', sql`role in ('manager', 'frontdesk', 'member')`)
    .addCheckConstraint('accounts_member', sql`(kind = 'member') = (member_id is not null)`)
    .execute();
  await db.schema.createIndex('accounts_member').unique().on('accounts').column('member_id').where(sql.ref('member_id'), 'is not', null).execute();
  await sql`create unique index accounts_email on accounts (lower(email)) where email <> ''`.execute(db);

  await db.schema
    .createTable('account_passwords')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sign_in_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'integer', (c) => c.notNull())
    .addColumn('used_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('sign_in_codes_purpose', sql`purpose in ('invite', 'reset')`)
    .execute();

  const shared = await db.selectFrom('app_secrets').select(['hash', 'updated_at']).where('key', '=', 'manager-password').executeTakeFirst();
  if (shared) {
    const id = newId();
    await db
      .insertInto('accounts')
      .values({ id, kind: 'staff', name: '', role: 'manager', created_at: shared.updated_at, updated_at: shared.updated_at })
      .execute();
    await db.insertInto('account_passwords').values({ account_id: id, hash: shared.hash, updated_at: shared.updated_at }).execute();
  }
  await db.schema.dropTable('app_secrets').execute();

  // The counters start again under the new scopes (a local table of counters: nothing is lost).
  await db.schema.dropTable('access_guards').execute();
  await db.schema
    .createTable('access_guards')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'integer')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_guards_pk', ['scope', 'key'])
    .addCheckConstraint('access_guards_scope', sql`scope in ('pin', 'password', 'client')`)
    .addCheckConstraint('access_guards_failures', sql`failures >= 0`)
    .execute();

  // The audit log keeps who acted as they were named then (accounts are renamed and disabled).
  await db.schema.alterTable('audit_log').addColumn('actor_account_id', 'text').execute();
  await db.schema
    .alterTable('audit_log')
    .addColumn('actor_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // A member's id or a staff account's id: a member without an account yet finds them on signing in.
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('href', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('read_at', 'integer')
    .addColumn('email_state', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('email_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email_next_at', 'integer')
    .addCheckConstraint('notifications_email_state', sql`email_state in ('none', 'pending', 'sent', 'failed')`)
    .execute();
  await db.schema.createIndex('notifications_inbox').on('notifications').columns(['recipient_id', 'created_at']).execute();
  await db.schema.createIndex('notifications_unread').on('notifications').columns(['recipient_id']).where(sql.ref('read_at'), 'is', null).execute();
  await db.schema
    .createIndex('notifications_outbox')
    .on('notifications')
    .columns(['email_state'])
    .where(sql.ref('email_state'), 'in', sql`('pending', 'failed')`)
    .execute();

  await db.schema
    .createTable('notification_prefs')
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('email', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_prefs_pk', ['recipient_id', 'kind'])
    .execute();

  await db.schema
    .createTable('mail_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('secure', 'integer', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('password', 'text', (c) => c.notNull())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addCheckConstraint('mail_settings_one', sql`id = 1`)
    .execute();
}
