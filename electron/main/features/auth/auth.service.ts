import { sql } from 'kysely';
import { type AuthStatus, type Lockout, PIN_ATTEMPTS } from '../../../../shared/contract/auth.contract';
import { type Ctx, type Session, FRONT_DESK, kioskSession, managerSession } from '../../context';
import { immediate } from '../../db/tx';
import { AppError } from '../../errors';
import { hashSecret, verifySecret } from './secrets';

const MANAGER_KEY = 'manager-password';
const LOCK_MINUTES = 15;
/** A member identified at the kiosk is signed out after this long without doing anything. */
export const KIOSK_IDLE_MS = 3 * 60_000;

/** The sessions a transport starts: the manager's while no password is set, the kiosk's after. */
export async function newSession(ctx: Pick<Ctx, 'db'>): Promise<Session> {
  return (await managerHash(ctx)) ? kioskSession() : managerSession();
}

async function managerHash(ctx: Pick<Ctx, 'db'>): Promise<string | null> {
  const row = await ctx.db.selectFrom('app_secrets').select('hash').where('key', '=', MANAGER_KEY).executeTakeFirst();
  return row?.hash ?? null;
}

export async function status(ctx: Ctx, session: Session): Promise<AuthStatus> {
  const memberId = session.actor.role === 'manager' || session.actor.role === 'kiosk' ? null : session.actor.memberId;
  const member = memberId ? await ctx.db.selectFrom('members').select(['id', 'name', 'number', 'role']).where('id', '=', memberId).executeTakeFirst() : undefined;
  return { mode: session.mode, managerPasswordSet: (await managerHash(ctx)) !== null, member: member ?? null };
}

/** The first password is set freely (first launch); changing it needs the current one. */
export async function setManagerPassword(ctx: Ctx, session: Session, input: { current: string; password: string }): Promise<AuthStatus> {
  const existing = await managerHash(ctx);
  if (existing && !(await verifySecret(input.current, existing))) {
    throw new AppError('VALIDATION', 'The current password is not right.', { current: 'Not the current password' });
  }
  const hash = await hashSecret(input.password);
  await ctx.db
    .insertInto('app_secrets')
    .values({ key: MANAGER_KEY, hash, updated_at: ctx.now().getTime() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ hash, updated_at: ctx.now().getTime() }))
    .execute();
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

/** Member number, email or exact name (any case), then the PIN. Five wrong PINs in a row lock the member out for a while. */
export async function identify(ctx: Ctx, session: Session, input: { who: string; pin: string }): Promise<AuthStatus> {
  if (session.mode !== 'kiosk') throw new AppError('RULE', 'Identifying is for kiosk mode.', undefined, 'kiosk');
  const who = input.who.trim();
  const member = await ctx.db
    .selectFrom('members')
    .leftJoin('credentials', 'credentials.member_id', 'members.id')
    .select(['members.id', 'members.name', 'members.role', 'members.status', 'members.archived_at', 'credentials.pin_hash', 'credentials.failed_pins', 'credentials.locked_until'])
    .where((eb) => eb.or([eb('members.number', '=', /^\d+$/.test(who) ? Number(who) : -1), eb('members.email', '=', who.toLowerCase()), eb(sql`lower(members.name)`, '=', who.toLowerCase())]))
    .executeTakeFirst();
  if (!member || member.archived_at !== null || member.status === 'left') {
    throw new AppError('NOT_FOUND', 'No current member goes by that number or name.', { who: 'Unknown member' });
  }
  if (!member.pin_hash) throw new AppError('RULE', `${member.name} has no PIN yet; ask the front desk to set one.`, { pin: 'No PIN set' }, 'no-pin');
  const now = ctx.now().getTime();
  if (member.locked_until !== null && member.locked_until > now) {
    const until = new Date(member.locked_until).toISOString().slice(11, 16);
    throw new AppError('RULE', `Too many wrong PINs: ${member.name} is locked out of the kiosk until ${until} UTC. The front desk can unlock.`, { pin: 'Locked' }, 'locked');
  }
  if (!(await verifySecret(input.pin, member.pin_hash))) {
    const failed = (member.failed_pins ?? 0) + 1;
    const locked = failed >= PIN_ATTEMPTS;
    await immediate(ctx.db, (trx) =>
      trx
        .updateTable('credentials')
        .set({ failed_pins: locked ? 0 : failed, locked_until: locked ? now + LOCK_MINUTES * 60_000 : null, updated_at: now })
        .where('member_id', '=', member.id)
        .execute(),
    );
    const message = locked ? `Wrong PIN. ${member.name} is now locked out of the kiosk for ${LOCK_MINUTES} minutes.` : `Wrong PIN (${PIN_ATTEMPTS - failed} ${PIN_ATTEMPTS - failed === 1 ? 'try' : 'tries'} left).`;
    throw new AppError('VALIDATION', message, { pin: message });
  }
  if ((member.failed_pins ?? 0) > 0) {
    await ctx.db.updateTable('credentials').set({ failed_pins: 0, updated_at: now }).where('member_id', '=', member.id).execute();
  }
  Object.assign(session, { mode: 'kiosk', actor: { role: member.role === 'guardian' ? 'guardian' : 'member', memberId: member.id }, expiresAt: now + KIOSK_IDLE_MS });
  return status(ctx, session);
}

export async function signOut(ctx: Ctx, session: Session): Promise<AuthStatus> {
  if (session.mode === 'kiosk') Object.assign(session, kioskSession());
  return status(ctx, session);
}

export async function setPin(ctx: Ctx, memberId: string, pin: string): Promise<{ memberId: string }> {
  const member = await ctx.db.selectFrom('members').select('id').where('id', '=', memberId).executeTakeFirst();
  if (!member) throw new AppError('NOT_FOUND', 'The member was not found.', { memberId: 'Unknown member' });
  const hash = await hashSecret(pin);
  const now = ctx.now().getTime();
  await ctx.db
    .insertInto('credentials')
    .values({ member_id: memberId, pin_hash: hash, failed_pins: 0, locked_until: null, updated_at: now })
    .onConflict((oc) => oc.column('member_id').doUpdateSet({ pin_hash: hash, failed_pins: 0, locked_until: null, updated_at: now }))
    .execute();
  return { memberId };
}

export async function clearLockout(ctx: Ctx, memberId: string): Promise<{ memberId: string }> {
  const r = await ctx.db.updateTable('credentials').set({ failed_pins: 0, locked_until: null, updated_at: ctx.now().getTime() }).where('member_id', '=', memberId).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', 'That member has no PIN.', { memberId: 'No PIN' });
  return { memberId };
}

export async function lockouts(ctx: Ctx): Promise<Lockout[]> {
  const rows = await ctx.db
    .selectFrom('credentials')
    .innerJoin('members', 'members.id', 'credentials.member_id')
    .select(['members.id', 'members.name', 'credentials.locked_until'])
    .where('credentials.locked_until', '>', ctx.now().getTime())
    .orderBy('credentials.locked_until')
    .execute();
  return rows.map((r) => ({ memberId: r.id, name: r.name, lockedUntil: new Date(r.locked_until!).toISOString() }));
}
