import type { Ctx } from '../../context';
import type { PortalSettingsTable } from './portal.tables';

type Db = Ctx['db'];

export const readSettings = (db: Db) => db.selectFrom('portal_settings').selectAll().where('id', '=', 1).executeTakeFirst();

export async function saveSettings(db: Db, row: Omit<PortalSettingsTable, 'id'>): Promise<void> {
  await db
    .insertInto('portal_settings')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

export const feedOf = (db: Db, memberId: string) => db.selectFrom('calendar_feeds').selectAll().where('member_id', '=', memberId).executeTakeFirst();

export const feedByHash = (db: Db, tokenHash: string) => db.selectFrom('calendar_feeds').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();

export async function replaceFeed(db: Db, memberId: string, tokenHash: string, now: number): Promise<void> {
  await db
    .insertInto('calendar_feeds')
    .values({ member_id: memberId, token_hash: tokenHash, created_at: now, last_read_at: null })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ token_hash: tokenHash, created_at: now, last_read_at: null }))
    .execute();
}

export const deleteFeed = (db: Db, memberId: string) => db.deleteFrom('calendar_feeds').where('member_id', '=', memberId).execute();

export const markFeedRead = (db: Db, memberId: string, now: number) =>
  db.updateTable('calendar_feeds').set({ last_read_at: now }).where('member_id', '=', memberId).execute();
