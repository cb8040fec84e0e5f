import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { AccountsTable, SignInCodesTable } from './auth.tables';

/** An account with its member's register role and whether a password is set. */
const withPassword = (db: Kysely<DB>) =>
  db
    .selectFrom('accounts')
    .leftJoin('account_passwords', 'account_passwords.account_id', 'accounts.id')
    .leftJoin('members', 'members.id', 'accounts.member_id')
    .selectAll('accounts')
    .select(['account_passwords.hash', 'members.role as member_role', 'members.status as member_status', 'members.archived_at as member_archived_at']);

export type AccountRow = Awaited<ReturnType<typeof accountById>> & object;

export const accountById = (db: Kysely<DB>, id: string) => withPassword(db).where('accounts.id', '=', id).executeTakeFirst();

export const accountOfMember = (db: Kysely<DB>, memberId: string) => withPassword(db).where('accounts.member_id', '=', memberId).executeTakeFirst();

/** By e-mail or exact name (any case); a blank `who` finds only the nameless account an upgrade made. */
export const accountByWho = (db: Kysely<DB>, who: string) =>
  withPassword(db)
    .where((eb) =>
      who === ''
        ? eb('accounts.name', '=', '')
        : eb.or([eb(sql`lower(accounts.email)`, '=', who.toLowerCase()), eb(sql`lower(accounts.name)`, '=', who.toLowerCase())]),
    )
    .orderBy('accounts.kind', 'desc') // staff first when a member and a staff account share a name
    .executeTakeFirst();

export const accountByEmail = (db: Kysely<DB>, email: string) =>
  withPassword(db)
    .where(sql`lower(accounts.email)`, '=', email.toLowerCase())
    .executeTakeFirst();

export const listAccounts = (db: Kysely<DB>) => withPassword(db).orderBy('accounts.kind', 'desc').orderBy('accounts.name').execute();

export const staffWithPassword = async (db: Kysely<DB>) =>
  Boolean(
    await db
      .selectFrom('accounts')
      .innerJoin('account_passwords', 'account_passwords.account_id', 'accounts.id')
      .select('accounts.id')
      .where('accounts.kind', '=', 'staff')
      .where('accounts.disabled_at', 'is', null)
      .executeTakeFirst(),
  );

export const anyStaff = async (db: Kysely<DB>) => Boolean(await db.selectFrom('accounts').select('id').where('kind', '=', 'staff').executeTakeFirst());

/** Staff accounts in use (the notifications for the desk go to them). */
export const activeStaffIds = async (db: Kysely<DB>) =>
  (await db.selectFrom('accounts').select('id').where('kind', '=', 'staff').where('disabled_at', 'is', null).execute()).map((r) => r.id);

export const sessionState = (db: Kysely<DB>, id: string) =>
  db.selectFrom('accounts').select(['session_epoch', 'disabled_at']).where('id', '=', id).executeTakeFirst();

export async function insertAccount(db: Kysely<DB>, row: AccountsTable): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

export async function updateAccount(db: Kysely<DB>, id: string, set: Partial<Omit<AccountsTable, 'id'>>): Promise<void> {
  await db.updateTable('accounts').set(set).where('id', '=', id).execute();
}

export async function raiseEpoch(db: Kysely<DB>, id: string, now: number): Promise<void> {
  await db
    .updateTable('accounts')
    .set((eb) => ({ session_epoch: eb('session_epoch', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .execute();
}

export async function savePassword(db: Kysely<DB>, accountId: string, hash: string, now: number): Promise<void> {
  await db
    .insertInto('account_passwords')
    .values({ account_id: accountId, hash, updated_at: now })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ hash, updated_at: now }))
    .execute();
}

export async function insertCode(db: Kysely<DB>, row: SignInCodesTable): Promise<void> {
  await db.insertInto('sign_in_codes').values(row).execute();
}

export const codeByHash = (db: Kysely<DB>, hash: string) => db.selectFrom('sign_in_codes').selectAll().where('code_hash', '=', hash).executeTakeFirst();

/** Marks a code used, only if it still is unused: 1 when this call used it. */
export async function useCode(db: Kysely<DB>, hash: string, now: number): Promise<number> {
  const r = await db.updateTable('sign_in_codes').set({ used_at: now }).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** When the account's newest code was made (0 when none). */
export const newestCodeAt = async (db: Kysely<DB>, accountId: string) =>
  (await db.selectFrom('sign_in_codes').select('created_at').where('account_id', '=', accountId).orderBy('created_at', 'desc').executeTakeFirst())
    ?.created_at ?? 0;

/** Earlier unused codes of an account stop working when a new one is handed out. */
export async function retireCodes(db: Kysely<DB>, accountId: string, now: number): Promise<void> {
  await db.updateTable('sign_in_codes').set({ used_at: now }).where('account_id', '=', accountId).where('used_at', 'is', null).execute();
}

export const memberForAccount = (db: Kysely<DB>, memberId: string) =>
  db.selectFrom('members').select(['id', 'name', 'email', 'role', 'status', 'archived_at']).where('id', '=', memberId).executeTakeFirst();
