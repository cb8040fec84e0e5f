import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { MailSettingsTable } from './mail.tables';

export const readSettings = (db: Kysely<DB>) => db.selectFrom('mail_settings').selectAll().where('id', '=', 1).executeTakeFirst();

export async function saveSettings(db: Kysely<DB>, row: Omit<MailSettingsTable, 'id'>): Promise<void> {
  await db
    .insertInto('mail_settings')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

export async function clearSettings(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('mail_settings').execute();
}
