import {
  type AuthStatus,
  KIOSK_IDLE_SECONDS,
  MEMBER_IDLE_MINUTES,
  PORTAL_IDLE_DAYS,
  STAFF_IDLE_MINUTES,
  type SignedInAccount,
} from '@shared/contract/auth.contract';
import { type Ctx, type Session, kioskSession, managerSession, portalSession, signedOutSession } from '../../context';
import { immediate } from '../../db/tx';
import { AppError } from '../../errors';
import * as accounts from './accounts.repository';
import * as repo from './auth.repository';
import { LockedOut, guarded } from './guard.service';
import { NOBODY_HASH, verifySecret } from './secrets.service';

/** A member identified at the kiosk is signed out after this long without doing anything. */
export const KIOSK_IDLE_MS = KIOSK_IDLE_SECONDS * 1000;

const idleMs = (session: Session) => {
  if (!session.actor.accountId) return KIOSK_IDLE_MS;
  const staff = session.actor.role === 'manager' || session.actor.role === 'frontdesk';
  if (staff) return STAFF_IDLE_MINUTES * 60_000;
  // a member's own phone stays signed in; the shared desk computer does not
  return session.mode === 'portal' ? PORTAL_IDLE_DAYS * 24 * 60 * 60_000 : MEMBER_IDLE_MINUTES * 60_000;
};

/** Where a session's attempts come from, for the per-client limit. */
export const clientOf = (session: Session) => session.client ?? 'desktop';

/**
 * The sessions a transport starts: the desk's while no staff member can sign in (first run), the
 * kiosk after; over the member portal always signed out.
 */
export async function newSession(ctx: Pick<Ctx, 'db'>, where: 'desk' | 'portal' = 'desk'): Promise<Session> {
  if (where === 'portal') return portalSession();
  return (await accounts.staffWithPassword(ctx.db)) ? kioskSession() : managerSession();
}

/**
 * Before every request: a session idle too long is signed out; so is one whose account was
 * signed out everywhere (its epoch raised) or disabled since. Otherwise its idle time restarts.
 */
export async function refreshSession(ctx: Ctx, session: Session): Promise<void> {
  if (session.expiresAt === undefined) return;
  const now = ctx.now().getTime();
  let ended = now > session.expiresAt;
  if (!ended && session.actor.accountId) {
    const state = await accounts.sessionState(ctx.db, session.actor.accountId);
    ended = !state || state.disabled_at !== null || state.session_epoch !== session.epoch;
  }
  if (ended) Object.assign(session, signedOutSession(session), { expiresAt: undefined, epoch: undefined });
  else session.expiresAt = now + idleMs(session);
}

/** Who an account is, as a session and the screens see her; her role from the register for a member. */
export const signedIn = (a: accounts.AccountRow): SignedInAccount => ({
  id: a.id,
  kind: a.kind,
  name: a.name,
  email: a.email,
  role: a.kind === 'staff' ? a.role : a.member_role === 'guardian' ? 'guardian' : 'member',
  memberId: a.member_id,
});

export async function status(ctx: Ctx, session: Session): Promise<AuthStatus> {
  const accountId = session.actor.accountId;
  const account = accountId ? await accounts.accountById(ctx.db, accountId) : undefined;
  const memberId = session.actor.memberId;
  const member = memberId ? await repo.signedInMember(ctx.db, memberId) : undefined;
  return {
    mode: session.mode,
    staffAccounts: await accounts.staffWithPassword(ctx.db),
    account: account ? signedIn(account) : null,
    needsName: account?.kind === 'staff' && account.name === '',
    member: member ?? null,
  };
}

/**
 * Signs `session` in as `account` (its password already proven), in one transaction with `work`
 * (a code used, a password set) and the note of when: the audit row of the command names her.
 * `raisesEpoch`: `work` ends the account's other sessions, not this one.
 */
export async function startSession(
  ctx: Ctx,
  session: Session,
  account: accounts.AccountRow,
  work?: (trx: Ctx['db']) => Promise<void>,
  raisesEpoch = false,
): Promise<AuthStatus> {
  const now = ctx.now().getTime();
  const person = signedIn(account);
  Object.assign(session, {
    // over the portal a session stays the portal's, whoever signs in
    mode: session.mode === 'portal' ? 'portal' : account.kind === 'staff' ? 'manager' : 'kiosk',
    actor: { role: person.role, memberId: account.member_id, accountId: account.id, name: account.name },
    epoch: account.session_epoch + (raisesEpoch ? 1 : 0),
    expiresAt: undefined,
  });
  session.expiresAt = now + idleMs(session);
  await immediate(ctx.db, async (trx) => {
    await work?.(trx);
    await accounts.updateAccount(trx, account.id, { last_sign_in_at: now });
  });
  return status(ctx, session);
}

/** Whether a member's account may still be used: not for someone who left or was archived. */
export const memberGone = (a: accounts.AccountRow) => a.kind === 'member' && (a.member_status === 'left' || a.member_archived_at !== null);

const MISMATCH = 'That e-mail (or name) and password do not match.';

/** Checks `password` for the account `who` names under the guard (per account and screen, and per screen). */
export async function checkPassword(ctx: Ctx, session: Session, who: string, password: string, field: string, action: string) {
  const found = await accounts.accountByWho(ctx.db, who);
  const account = found && found.disabled_at === null && found.hash ? found : null;
  const attempt = {
    scope: 'password' as const,
    account: `${account?.id ?? `who:${who.toLowerCase()}`}@${clientOf(session)}`,
    client: clientOf(session),
    actor: session.actor,
    action,
    recordId: account?.id ?? null,
  };
  try {
    const result = await guarded(ctx, attempt, async () => (await verifySecret(password, account?.hash ?? NOBODY_HASH)) && account !== null);
    if (!result.ok || !account) {
      const left = result.lockedNow
        ? ' Too many wrong tries: wait a while, or ask a manager to lift the lock.'
        : ` ${result.left} ${result.left === 1 ? 'try' : 'tries'} left.`;
      throw new AppError('VALIDATION', field === 'current' ? 'The current password is not right.' : `${MISMATCH}${left}`, {
        [field]: field === 'current' ? 'Not the current password' : 'Wrong e-mail or password',
      });
    }
    return account;
  } catch (error) {
    if (error instanceof LockedOut) throw new AppError('RULE', error.message, { [field]: 'Locked' }, 'locked');
    throw error;
  }
}

export async function signIn(ctx: Ctx, session: Session, input: { who: string; password: string }): Promise<AuthStatus> {
  const account = await checkPassword(ctx, session, input.who, input.password, 'password', 'auth.signIn');
  if (memberGone(account))
    throw new AppError('RULE', 'Your membership has ended, so your account is closed. Ask the front desk.', { who: 'Membership ended' }, 'left');
  return startSession(ctx, session, account);
}

/** The kiosk's own sign-out, and a person's: the screen goes back to the kiosk (members identify there). */
export async function signOut(ctx: Ctx, session: Session): Promise<AuthStatus> {
  if (session.mode !== 'manager' || session.actor.accountId) Object.assign(session, signedOutSession(session), { expiresAt: undefined, epoch: undefined });
  return status(ctx, session);
}

/** Ends every session of the signed-in person, this one too (a lost phone, a shared computer). */
export async function signOutEverywhere(ctx: Ctx, session: Session): Promise<AuthStatus> {
  const accountId = session.actor.accountId;
  if (!accountId) throw new AppError('RULE', 'Sign in with your own account first.', undefined, 'no-account');
  await immediate(ctx.db, (trx) => accounts.raiseEpoch(trx, accountId, ctx.now().getTime()));
  return signOut(ctx, session);
}

/** Hands the screen to members: they identify with their number or name and PIN. */
export async function enterKiosk(ctx: Ctx, session: Session): Promise<AuthStatus> {
  if (!(await accounts.staffWithPassword(ctx.db))) {
    throw new AppError(
      'RULE',
      'Create a manager account first: leaving kiosk mode needs a staff sign-in.',
      { password: 'No staff account yet' },
      'staff-account',
    );
  }
  Object.assign(session, kioskSession(), { expiresAt: undefined, epoch: undefined });
  return status(ctx, session);
}
