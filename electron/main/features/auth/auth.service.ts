import { type AuthStatus, type Lockout, PIN_ATTEMPTS } from '@shared/contract/auth.contract';
import { type Ctx, type Session, FRONT_DESK, kioskSession, managerSession } from '../../context';
import { immediate } from '../../db/tx';
import { AppError } from '../../errors';
import * as repo from './auth.repository';
import { hashSecret, verifySecret } from './secrets';

const MANAGER_KEY = 'manager-password';
const LOCK_MINUTES = 15;
/** A member identified at the kiosk is signed out after this long without doing anything. */
export const KIOSK_IDLE_MS = 3 * 60_000;

/** The sessions a transport starts: the manager's while no password is set, the kiosk's after. */
export async function newSession(ctx: Pick<Ctx, 'db'>): Promise<Session> {
  return (await managerHash(ctx)) ? kioskSession() : managerSession();
}

const managerHash = (ctx: Pick<Ctx, 'db'>) => repo.secretHash(ctx.db, MANAGER_KEY);

export async function status(ctx: Ctx, session: Session): Promise<AuthStatus> {
  const memberId = session.actor.role === 'manager' || session.actor.role === 'kiosk' ? null : session.actor.memberId;
  const member = memberId ? await repo.signedInMember(ctx.db, memberId) : undefined;
  return { mode: session.mode, managerPasswordSet: (await managerHash(ctx)) !== null, member: member ?? null };
}

/** The first password is set freely (first launch); changing it needs the current one. */
export async function setManagerPassword(ctx: Ctx, session: Session, input: { current: string; password: string }): Promise<AuthStatus> {
  const existing = await managerHash(ctx);
  if (existing && !(await verifySecret(input.current, existing))) {
    throw new AppError('VALIDATION', 'The current password is not right.', { current: 'Not the current password' });
  }
  const hash = await hashSecret(input.password);
  await repo.saveSecret(ctx.db, MANAGER_KEY, hash, ctx.now().getTime());
  return status(ctx, session);
}

export async function unlock(ctx: Ctx, session: Session, password: string): Promise<AuthStatus> {
  const hash = await managerHash(ctx);
  if (hash && !(await verifySecret(password, hash))) {
    throw new AppError('VALIDATION', 'That is not the manager password.', { password: 'Wrong password' });
  }
  Object.assign(session, { mode: 'manager', actor: { ...FRONT_DESK } });
  return status(ctx, session);
}

/** Hands the screen to members: they identify with their number or name and PIN. */
export async function enterKiosk(ctx: Ctx, session: Session): Promise<AuthStatus> {
  if (!(await managerHash(ctx))) {
    throw new AppError('RULE', 'Set a manager password first: leaving kiosk mode needs it.', { password: 'Not set yet' }, 'manager-password');
  }
  Object.assign(session, kioskSession());
  return status(ctx, session);
}

/**
 * Member number, email or exact name (any case), then the PIN. Five wrong PINs in a row lock the
 * member out for a while. The attempt is counted before the PIN is checked, in one write
 * transaction with the lockout check: guesses sent in parallel each take a place in the count,
 * so no more than five are ever checked, and none gets past a lockout.
 */
export async function identify(ctx: Ctx, session: Session, input: { who: string; pin: string }): Promise<AuthStatus> {
  if (session.mode !== 'kiosk') throw new AppError('RULE', 'Identifying is for kiosk mode.', undefined, 'kiosk');
  const now = ctx.now().getTime();
  const member = await immediate(ctx.db, async (trx) => {
    const m = await repo.memberWithPin(trx, input.who.trim());
    if (!m || m.archived_at !== null || m.status === 'left') {
      throw new AppError('NOT_FOUND', 'No current member goes by that number or name.', { who: 'Unknown member' });
    }
    if (!m.pin_hash) throw new AppError('RULE', `${m.name} has no PIN yet; ask the front desk to set one.`, { pin: 'No PIN set' }, 'no-pin');
    if (m.locked_until !== null && m.locked_until > now) {
      const until = new Date(m.locked_until).toISOString().slice(11, 16);
      throw new AppError(
        'RULE',
        `Too many wrong PINs: ${m.name} is locked out of the kiosk until ${until} UTC. The front desk can unlock.`,
        { pin: 'Locked' },
        'locked',
      );
    }
    const attempts = (m.failed_pins ?? 0) + 1;
    if (attempts > PIN_ATTEMPTS)
      throw new AppError('RULE', `Too many PIN attempts at once for ${m.name}; wait a moment.`, { pin: 'Too many attempts' }, 'locked');
    await repo.setCounters(trx, m.id, { failed_pins: attempts, locked_until: null, updated_at: now });
    return { ...m, pin_hash: m.pin_hash, attempts };
  });
  if (!(await verifySecret(input.pin, member.pin_hash))) {
    // The attempt stays counted; the one that reaches the limit locks.
    const locked = member.attempts >= PIN_ATTEMPTS;
    if (locked)
      await immediate(ctx.db, (trx) => repo.setCounters(trx, member.id, { failed_pins: 0, locked_until: now + LOCK_MINUTES * 60_000, updated_at: now }));
    const left = PIN_ATTEMPTS - member.attempts;
    const message = locked
      ? `Wrong PIN. ${member.name} is now locked out of the kiosk for ${LOCK_MINUTES} minutes.`
      : `Wrong PIN (${left} ${left === 1 ? 'try' : 'tries'} left).`;
    throw new AppError('VALIDATION', message, { pin: message });
  }
  // Right: the count starts again (a lockout set meanwhile by other guesses stays).
  await repo.resetAttempts(ctx.db, member.id, ctx.now().getTime());
  Object.assign(session, {
    mode: 'kiosk',
    actor: { role: member.role === 'guardian' ? 'guardian' : 'member', memberId: member.id },
    expiresAt: now + KIOSK_IDLE_MS,
  });
  return status(ctx, session);
}

export async function signOut(ctx: Ctx, session: Session): Promise<AuthStatus> {
  if (session.mode === 'kiosk') Object.assign(session, kioskSession());
  return status(ctx, session);
}

export async function setPin(ctx: Ctx, memberId: string, pin: string): Promise<{ memberId: string }> {
  if (!(await repo.memberExists(ctx.db, memberId))) throw new AppError('NOT_FOUND', 'The member was not found.', { memberId: 'Unknown member' });
  const hash = await hashSecret(pin);
  const now = ctx.now().getTime();
  await repo.savePin(ctx.db, memberId, hash, now);
  return { memberId };
}

export async function clearLockout(ctx: Ctx, memberId: string): Promise<{ memberId: string }> {
  if (!(await repo.clearCounters(ctx.db, memberId, ctx.now().getTime()))) throw new AppError('NOT_FOUND', 'That member has no PIN.', { memberId: 'No PIN' });
  return { memberId };
}

export async function lockouts(ctx: Ctx): Promise<Lockout[]> {
  const rows = await repo.lockedOut(ctx.db, ctx.now().getTime());
  return rows.map((r) => ({ memberId: r.id, name: r.name, lockedUntil: new Date(r.locked_until!).toISOString() }));
}
