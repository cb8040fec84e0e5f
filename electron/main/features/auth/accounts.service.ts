import { createHash, randomInt } from 'node:crypto';
import type { Account, AuthStatus, IssuedCode, StaffRole } from '@shared/contract/auth.contract';
import { newId } from '@shared/domain/ids';
import { type Actor, type Ctx, type Session, isManager, withDb } from '../../context';
import { immediate } from '../../db/tx';
import { AppError } from '../../errors';
import { mailConfigured, sendSoon } from '../mail';
import * as repo from './accounts.repository';
import { checkPassword, memberGone, signedIn, startSession } from './sessions.service';
import { hashSecret } from './secrets.service';
import { setPin } from './auth.service';

const INVITE_HOURS = 72;
const RESET_HOURS = 1;
/** No 0/O, 1/I: a code is read aloud at the desk and typed on a phone. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const codeHash = (code: string) => createHash('sha256').update(code).digest('hex');

const asAccount = (a: repo.AccountRow): Account => ({
  ...signedIn(a),
  disabled: a.disabled_at !== null,
  passwordSet: Boolean(a.hash),
  lastSignInAt: a.last_sign_in_at === null ? null : new Date(a.last_sign_in_at).toISOString(),
});

export const list = async (ctx: Ctx): Promise<Account[]> => (await repo.listAccounts(ctx.db)).map(asAccount);

async function load(ctx: Ctx, id: string): Promise<repo.AccountRow> {
  const a = await repo.accountById(ctx.db, id);
  if (!a) throw new AppError('NOT_FOUND', 'That account was not found.', { id: 'Unknown account' });
  return a;
}

async function ensureEmailFree(ctx: Ctx, email: string, except: string | null): Promise<void> {
  if (!email) return;
  const other = await repo.accountByEmail(ctx.db, email);
  if (other && other.id !== except)
    throw new AppError('CONFLICT', `${other.name || 'Another account'} already signs in with ${email}.`, { email: 'Already used by another account' });
}

/** The first manager account of a new install; the person at the screen becomes her. */
export async function setUp(ctx: Ctx, session: Session, input: { name: string; email: string; password: string }): Promise<AuthStatus> {
  if (await repo.anyStaff(ctx.db))
    throw new AppError('RULE', 'This co-op already has a manager account: sign in with it.', { name: 'Already set up' }, 'set-up');
  // Only the open desk of a new install (a manager's session): never a member signed in, nor the kiosk.
  if (!isManager(session.actor)) throw new AppError('FORBIDDEN', 'Only the front desk of a new install can create the first manager account.');
  const hash = await hashSecret(input.password);
  const now = ctx.now().getTime();
  const id = newId();
  await immediate(ctx.db, async (trx) => {
    await repo.insertAccount(trx, { ...blank(now), id, kind: 'staff', member_id: null, name: input.name, email: input.email, role: 'manager' });
    await repo.savePassword(trx, id, hash, now);
  });
  return startSession(ctx, session, await load(ctx, id));
}

const blank = (now: number) => ({ disabled_at: null, session_epoch: 0, last_sign_in_at: null, created_at: now, updated_at: now });

/** A new staff member: her account, and a one-time code she sets her password with. */
export async function createStaff(ctx: Ctx, input: { name: string; email: string; role: StaffRole }): Promise<IssuedCode> {
  await ensureEmailFree(ctx, input.email, null);
  const now = ctx.now().getTime();
  const id = newId();
  return immediate(ctx.db, async (trx) => {
    await repo.insertAccount(trx, { ...blank(now), id, kind: 'staff', member_id: null, name: input.name, email: input.email, role: input.role });
    return issue(withDb(ctx, trx), { id, name: input.name, email: input.email }, 'invite');
  });
}

/** The managers who could still sign in if `except` could not: the co-op never loses its last one. */
async function otherManagers(ctx: Ctx, except: string): Promise<number> {
  return (await repo.listAccounts(ctx.db)).filter((a) => a.kind === 'staff' && a.role === 'manager' && a.disabled_at === null && a.id !== except).length;
}

export async function update(ctx: Ctx, input: { id: string; name: string; email: string; role: StaffRole }): Promise<Account> {
  const a = await load(ctx, input.id);
  if (a.kind !== 'staff')
    throw new AppError('RULE', 'A member’s name and e-mail come from the register: edit the member.', { id: 'A member’s account' }, 'member-account');
  await ensureEmailFree(ctx, input.email, a.id);
  if (a.role === 'manager' && input.role !== 'manager' && (await otherManagers(ctx, a.id)) === 0)
    throw new AppError('RULE', 'The co-op needs at least one manager: make someone else a manager first.', { role: 'The last manager' }, 'last-manager');
  await immediate(ctx.db, (trx) => repo.updateAccount(trx, a.id, { name: input.name, email: input.email, role: input.role, updated_at: ctx.now().getTime() }));
  return asAccount(await load(ctx, a.id));
}

export async function setDisabled(ctx: Ctx, actor: Actor, input: { id: string; disabled: boolean }): Promise<Account> {
  const a = await load(ctx, input.id);
  if (input.disabled && a.id === actor.accountId) throw new AppError('RULE', 'You cannot disable your own account.', { id: 'Your own account' }, 'self');
  if (input.disabled && a.kind === 'staff' && a.role === 'manager' && (await otherManagers(ctx, a.id)) === 0)
    throw new AppError('RULE', 'The co-op needs at least one manager who can sign in.', { id: 'The last manager' }, 'last-manager');
  const now = ctx.now().getTime();
  await immediate(ctx.db, (trx) => repo.updateAccount(trx, a.id, { disabled_at: input.disabled ? now : null, updated_at: now }));
  return asAccount(await load(ctx, a.id));
}

export async function signOutEverywhere(ctx: Ctx, id: string): Promise<Account> {
  const a = await load(ctx, id);
  await immediate(ctx.db, (trx) => repo.raiseEpoch(trx, a.id, ctx.now().getTime()));
  return asAccount(await load(ctx, a.id));
}

/** Makes a code for the account (earlier unused ones stop working) and e-mails it where the co-op has a mail server. */
async function issue(ctx: Ctx, account: { id: string; name: string; email: string }, purpose: 'invite' | 'reset'): Promise<IssuedCode> {
  const code = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const now = ctx.now().getTime();
  const expiresAt = now + (purpose === 'invite' ? INVITE_HOURS : RESET_HOURS) * 3_600_000;
  await repo.retireCodes(ctx.db, account.id, now);
  await repo.insertCode(ctx.db, { code_hash: codeHash(code), account_id: account.id, purpose, expires_at: expiresAt, used_at: null, created_at: now });
  const shown = `${code.slice(0, 4)}-${code.slice(4)}`;
  const portal = ctx.portal?.status().url;
  const link = portal ? `${portal}#/code/${shown}` : null;
  if (account.email && (await mailConfigured(ctx)))
    sendSoon(ctx, {
      to: account.email,
      subject: purpose === 'invite' ? 'Your sign-in code for the co-op' : 'Reset your password',
      text: `Hello ${account.name},\n\nyour one-time code is ${shown}. Enter it on the sign-in screen ("I have a code") and choose your password.${link ? `\nOr open ${link} on your phone or laptop.` : ''}\nIt works once, until ${new Date(expiresAt).toISOString().slice(0, 16).replace('T', ' ')} UTC.\n`,
    });
  return { accountId: account.id, name: account.name, code: shown, expiresAt: new Date(expiresAt).toISOString(), link };
}

/** The desk hands a member (her account made on first need) or, a manager only, a staff member a one-time code. */
export async function issueCode(ctx: Ctx, actor: Actor, input: { memberId: string } | { accountId: string }): Promise<IssuedCode> {
  if ('accountId' in input) {
    const a = await load(ctx, input.accountId);
    if (a.kind === 'staff' && !isManager(actor)) throw new AppError('FORBIDDEN', 'Only a manager may hand a staff member a sign-in code.');
    if (a.disabled_at !== null || memberGone(a)) throw new AppError('RULE', `${a.name}’s account is closed.`, { accountId: 'Closed' }, 'closed');
    return immediate(ctx.db, (trx) => issue(withDb(ctx, trx), a, 'invite'));
  }
  const member = await repo.memberForAccount(ctx.db, input.memberId);
  if (!member) throw new AppError('NOT_FOUND', 'The member was not found.', { memberId: 'Unknown member' });
  if (member.status === 'left' || member.archived_at !== null)
    throw new AppError('RULE', `${member.name} has left the co-op.`, { memberId: 'Has left' }, 'left');
  const now = ctx.now().getTime();
  return immediate(ctx.db, async (trx) => {
    let account = await repo.accountOfMember(trx, member.id);
    if (!account) {
      await ensureEmailFree(withDb(ctx, trx), member.email, null);
      const id = newId();
      await repo.insertAccount(trx, { ...blank(now), id, kind: 'member', member_id: member.id, name: member.name, email: member.email, role: 'member' });
      account = (await repo.accountById(trx, id))!;
    }
    if (account.disabled_at !== null) throw new AppError('RULE', `${member.name}’s account is disabled.`, { memberId: 'Disabled' }, 'closed');
    return issue(withDb(ctx, trx), { id: account.id, name: member.name, email: member.email }, 'invite');
  });
}

/** A one-time code and a new password: the code is used (once, whoever is first), the password set, the person signed in. */
export async function redeemCode(ctx: Ctx, session: Session, input: { code: string; password: string }): Promise<AuthStatus> {
  const hash = codeHash(input.code);
  const found = await repo.codeByHash(ctx.db, hash);
  const now = ctx.now().getTime();
  if (!found) throw new AppError('VALIDATION', 'That code is not right: check it, or ask the front desk for a new one.', { code: 'Not a code we gave' });
  if (found.used_at !== null)
    throw new AppError('RULE', 'That code has been used already: ask the front desk for a new one.', { code: 'Used already' }, 'used');
  if (found.expires_at <= now) throw new AppError('RULE', 'That code has expired: ask the front desk for a new one.', { code: 'Expired' }, 'expired');
  const account = await load(ctx, found.account_id);
  if (account.disabled_at !== null || memberGone(account)) throw new AppError('RULE', 'That account is closed.', { code: 'Account closed' }, 'closed');
  const password = await hashSecret(input.password);
  return startSession(
    ctx,
    session,
    account,
    async (trx) => {
      if ((await repo.useCode(trx, hash, now)) === 0) throw new AppError('RULE', 'That code has been used already.', { code: 'Used already' }, 'used');
      await repo.savePassword(trx, account.id, password, now);
      // A new password ends the sessions the old one opened.
      await repo.raiseEpoch(trx, account.id, now);
    },
    true,
  );
}

const RESET_EVERY_MS = 5 * 60_000;
const RESET_SENT = 'If that address has an account, a message with a one-time code is on its way.';

/** A forgotten password, by e-mail where the co-op has a mail server; the answer never says whether the address has an account. */
export async function requestReset(ctx: Ctx, email: string): Promise<{ message: string }> {
  if (!(await mailConfigured(ctx))) return { message: 'This co-op sends no e-mail: ask the front desk for a one-time code.' };
  const a = await repo.accountByEmail(ctx.db, email);
  // One message every five minutes at most: asking again and again cannot fill a person's mailbox.
  const recent = a ? ctx.now().getTime() - (await repo.newestCodeAt(ctx.db, a.id)) < RESET_EVERY_MS : false;
  if (a && a.disabled_at === null && !memberGone(a) && !recent) await immediate(ctx.db, (trx) => issue(withDb(ctx, trx), a, 'reset'));
  return { message: RESET_SENT };
}

export async function changePassword(ctx: Ctx, session: Session, input: { current: string; password: string }): Promise<AuthStatus> {
  const accountId = session.actor.accountId;
  if (!accountId) throw new AppError('RULE', 'Sign in with your own account first.', undefined, 'no-account');
  const a = await load(ctx, accountId);
  await checkPassword(ctx, session, a.email || a.name, input.current, 'current', 'auth.changePassword');
  const hash = await hashSecret(input.password);
  const now = ctx.now().getTime();
  // This session stays signed in (with the new epoch); the others end.
  return startSession(
    ctx,
    session,
    a,
    async (trx) => {
      await repo.savePassword(trx, a.id, hash, now);
      await repo.raiseEpoch(trx, a.id, now);
    },
    true,
  );
}

/** A member's own kiosk PIN, set from their account (their password proves it is them). */
export async function setMyPin(ctx: Ctx, session: Session, input: { current: string; pin: string }): Promise<{ memberId: string }> {
  const accountId = session.actor.accountId;
  if (!accountId) throw new AppError('RULE', 'Sign in with your own account first.', undefined, 'no-account');
  const a = await load(ctx, accountId);
  if (!a.member_id) throw new AppError('RULE', 'Only a member has a kiosk PIN.', { pin: 'Not a member' }, 'members-only');
  await checkPassword(ctx, session, a.email || a.name, input.current, 'current', 'auth.setMyPin');
  return setPin(ctx, a.member_id, input.pin);
}

/** A staff member's own name and e-mail (the upgraded shared password's account is asked her name once). */
export async function updateMe(ctx: Ctx, session: Session, input: { name: string; email: string }): Promise<AuthStatus> {
  const accountId = session.actor.accountId;
  if (!accountId) throw new AppError('RULE', 'Sign in with your own account first.', undefined, 'no-account');
  const a = await load(ctx, accountId);
  if (a.kind !== 'staff')
    throw new AppError('RULE', 'Your name and e-mail are in the register: ask the front desk to change them.', { name: 'In the register' }, 'member-account');
  await ensureEmailFree(ctx, input.email, a.id);
  return startSession(ctx, session, { ...a, name: input.name, email: input.email }, (trx) =>
    repo.updateAccount(trx, a.id, { name: input.name, email: input.email, updated_at: ctx.now().getTime() }),
  );
}

/** The staff accounts in use: notifications for the desk go to each of them. */
export const staffIds = (ctx: Ctx): Promise<string[]> => repo.activeStaffIds(ctx.db);

/** A staff account's e-mail address ('' when none, or when the id is not a staff account). */
export const staffEmail = async (ctx: Pick<Ctx, 'db'>, id: string): Promise<string> => {
  const a = await repo.accountById(ctx.db, id);
  return a?.kind === 'staff' && a.disabled_at === null ? a.email : '';
};
