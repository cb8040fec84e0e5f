import type { AuthStatus, Lockout } from '@shared/contract/auth.contract';
import type { Ctx, Session } from '../../context';
import { immediate } from '../../db/tx';
import { AppError } from '../../errors';
import * as repo from './auth.repository';
import { LockedOut, PIN_LOCK_MINUTES, activeLocks, clearGuard, guarded } from './guard.service';
import { NOBODY_HASH, hashSecret, verifySecret } from './secrets.service';
import { KIOSK_IDLE_MS, clientOf, status } from './sessions.service';
import * as accounts from './accounts.repository';

const MISMATCH = 'That member number (or name) and PIN do not match.';

/**
 * Member number, email or exact name (any case), then the PIN, under the guard (five wrong in a
 * row lock the account for a while). An unknown name, a member without a PIN and a wrong PIN get
 * the same answer, so trying numbers does not tell who is a member.
 */
export async function identify(ctx: Ctx, session: Session, input: { who: string; pin: string }): Promise<AuthStatus> {
  if (session.mode !== 'kiosk') throw new AppError('RULE', 'Identifying is for kiosk mode.', undefined, 'kiosk');
  const who = input.who.trim();
  const found = await repo.memberWithPin(ctx.db, who);
  const member = found && found.archived_at === null && found.status !== 'left' ? found : null;
  const attempt = {
    scope: 'pin' as const,
    account: member?.id ?? `who:${who.toLowerCase()}`,
    client: clientOf(session),
    actor: session.actor,
    action: 'auth.identify',
    recordId: member?.id ?? null,
  };
  let result;
  try {
    result = await guarded(ctx, attempt, async () => {
      const ok = await verifySecret(input.pin, member?.pin_hash ?? NOBODY_HASH);
      return ok && Boolean(member?.pin_hash);
    });
  } catch (error) {
    if (error instanceof LockedOut && error.who === 'client') throw new AppError('RULE', error.message, { pin: 'Wait a moment' }, 'locked');
    if (error instanceof LockedOut)
      throw new AppError(
        'RULE',
        `Too many wrong PINs: try again after ${new Date(error.until).toISOString().slice(11, 16)} UTC, or ask the front desk to unlock.`,
        { pin: 'Locked' },
        'locked',
      );
    throw error;
  }
  if (!result.ok || !member) {
    const message = result.lockedNow
      ? `${MISMATCH} Too many wrong PINs: locked for ${PIN_LOCK_MINUTES} minutes; the front desk can unlock.`
      : `${MISMATCH} ${result.left} ${result.left === 1 ? 'try' : 'tries'} left; no PIN yet? Ask the front desk.`;
    throw new AppError('VALIDATION', message, { pin: message });
  }
  const now = ctx.now().getTime();
  Object.assign(session, {
    mode: 'kiosk',
    actor: { role: member.role === 'guardian' ? 'guardian' : 'member', memberId: member.id },
    expiresAt: now + KIOSK_IDLE_MS,
  });
  return status(ctx, session);
}

export async function setPin(ctx: Ctx, memberId: string, pin: string): Promise<{ memberId: string }> {
  if (!(await repo.memberExists(ctx.db, memberId))) throw new AppError('NOT_FOUND', 'The member was not found.', { memberId: 'Unknown member' });
  const hash = await hashSecret(pin);
  const now = ctx.now().getTime();
  await immediate(ctx.db, async (trx) => {
    await repo.savePin(trx, memberId, hash, now);
    // A new PIN starts with a clean count.
    await clearGuard(trx, 'pin', memberId);
  });
  return { memberId };
}

/** A lock in words, for the desk. */
async function describeLock(ctx: Ctx, scope: Lockout['scope'], key: string, memberName: string | null): Promise<string> {
  if (scope === 'client') return `the screen at ${key}`;
  if (scope === 'password') {
    const at = key.lastIndexOf('@');
    const [who, screen] = [key.slice(0, at), key.slice(at + 1)];
    const name = who.startsWith('who:')
      ? `the name “${who.slice(4)}” (nobody has it)`
      : `${(await accounts.accountById(ctx.db, who))?.name || 'the manager'}’s password`;
    return `${name} at ${screen}`;
  }
  return memberName ?? `the name “${key.replace(/^who:/, '')}” (nobody has it)`;
}

export async function lockouts(ctx: Ctx): Promise<Lockout[]> {
  const rows = await activeLocks(ctx.db, ctx.now().getTime());
  return Promise.all(
    rows.map(async (r) => ({
      scope: r.scope,
      key: r.key,
      memberId: r.memberId ?? null,
      label: await describeLock(ctx, r.scope, r.key, r.name ?? null),
      lockedUntil: new Date(r.locked_until!).toISOString(),
      // the count of the lock in force, not of an earlier one
      refused: r.refusedUntil === r.locked_until ? (r.refused ?? 0) : 0,
    })),
  );
}

/** Lifts a lock the desk sees (a member's, a name's, the manager password's at one screen, a slowed screen). */
export async function clearLockout(ctx: Ctx, scope: Lockout['scope'], key: string): Promise<{ id: string | null; label: string; refused: number }> {
  const lock = (await lockouts(ctx)).find((l) => l.scope === scope && l.key === key);
  if (!lock) throw new AppError('NOT_FOUND', 'That lock is no longer in force.', { key: 'Not locked' });
  await immediate(ctx.db, (trx) => clearGuard(trx, scope, key));
  return { id: lock.memberId, label: lock.label, refused: lock.refused };
}
