import type { Kysely } from 'kysely';
import { insertChunked } from '../../db/chunks';
import type { DB } from '../../db/schema';
import type { NotificationsTable } from './notifications.tables';

export const insertMany = (db: Kysely<DB>, rows: NotificationsTable[]): Promise<void> => insertChunked(db, 'notifications', rows);

export const inbox = (db: Kysely<DB>, recipient: string, f: { limit: number; offset: number; unreadOnly: boolean }) => {
  let q = db.selectFrom('notifications').select(['id', 'kind', 'title', 'body', 'href', 'created_at', 'read_at']).where('recipient_id', '=', recipient);
  if (f.unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
};

export async function counts(db: Kysely<DB>, recipient: string): Promise<{ total: number; unread: number }> {
  const [total, unread] = await Promise.all([
    db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('recipient_id', '=', recipient)
      .executeTakeFirstOrThrow(),
    unreadCount(db, recipient),
  ]);
  return { total: Number(total.n), unread };
}

export const unreadCount = async (db: Kysely<DB>, recipient: string) =>
  Number(
    (
      await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('recipient_id', '=', recipient)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

export async function markRead(db: Kysely<DB>, recipient: string, ids: readonly string[] | 'all', now: number): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: now }).where('recipient_id', '=', recipient).where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

/** The recipients among `ids` who turned e-mail off for `kind` (e-mail is on unless they chose otherwise). */
export async function emailOptedOut(db: Kysely<DB>, kind: string, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('notification_prefs')
      .select('recipient_id')
      .where('kind', '=', kind)
      .where('email', '=', 0)
      .where('recipient_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(r.recipient_id);
  }
  return out;
}

export const prefsOf = (db: Kysely<DB>, recipient: string) =>
  db.selectFrom('notification_prefs').select(['kind', 'email']).where('recipient_id', '=', recipient).execute();

export async function savePref(db: Kysely<DB>, recipient: string, kind: string, email: boolean): Promise<void> {
  await db
    .insertInto('notification_prefs')
    .values({ recipient_id: recipient, kind, email: email ? 1 : 0 })
    .onConflict((oc) => oc.columns(['recipient_id', 'kind']).doUpdateSet({ email: email ? 1 : 0 }))
    .execute();
}

/** E-mails due now, oldest first. */
export const dueEmails = (db: Kysely<DB>, now: number, limit: number) =>
  db
    .selectFrom('notifications')
    .select(['id', 'recipient_id', 'title', 'body', 'href', 'email_attempts'])
    .where('email_state', '=', 'pending')
    .where((eb) => eb.or([eb('email_next_at', 'is', null), eb('email_next_at', '<=', now)]))
    .orderBy('created_at')
    .limit(limit)
    .execute();

export async function setEmailState(
  db: Kysely<DB>,
  id: string,
  set: Partial<Pick<NotificationsTable, 'email_state' | 'email_attempts' | 'email_error' | 'email_next_at'>>,
) {
  await db.updateTable('notifications').set(set).where('id', '=', id).execute();
}

export async function outbox(db: Kysely<DB>) {
  const states = await db
    .selectFrom('notifications')
    .select(['email_state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('email_state', 'in', ['pending', 'failed'])
    .groupBy('email_state')
    .execute();
  const recent = await db
    .selectFrom('notifications')
    .select(['id', 'recipient_id', 'title', 'email_error', 'email_attempts'])
    .where('email_state', '=', 'failed')
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
  return { states, recent };
}

export async function retryFailed(db: Kysely<DB>): Promise<number> {
  const r = await db
    .updateTable('notifications')
    .set({ email_state: 'pending', email_attempts: 0, email_next_at: null, email_error: '' })
    .where('email_state', '=', 'failed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
