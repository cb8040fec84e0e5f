import { PIN_ATTEMPTS } from '@shared/contract/auth.contract';
import type { AccessGuardsTable } from '../../db/schema';
import type { Actor, Ctx } from '../../context';
import { immediate, withoutCommitHook } from '../../db/tx';
import { AppError } from '../../errors';
import { recordEvent } from '../audit';
import * as repo from './guard.repository';

/**
 * The one guard in front of every secret (kiosk PINs, the manager password, later members'
 * passwords): an attempt is counted before the secret is checked, in one write transaction with
 * the lockout check, so guesses sent in parallel each take a place in the count and none gets
 * past a lockout. Limits apply per account and per client; failures and lockouts are written to
 * the audit log in the same transaction as the counter.
 */
export interface Attempt {
  scope: 'pin' | 'manager-password';
  /** The account tried: a member's id, or what was typed when nobody matched (so unknown names lock alike); 'manager'. */
  account: string;
  /** Who is trying: the browser's address, or 'desktop'. */
  client: string;
  actor: Actor;
  /** What the audit log names (the channel). */
  action: string;
  /** The record the audit row points at (the member), if any. */
  recordId: string | null;
}

const ACCOUNT_ATTEMPTS = PIN_ATTEMPTS;
/** How long a PIN stays locked after too many wrong ones. */
export const PIN_LOCK_MINUTES = 15;
const CLIENT_ATTEMPTS = 20;
const CLIENT_WINDOW_MS = 15 * 60_000;
/** A PIN locks for 15 minutes (the front desk can lift it); the manager password for half a minute, doubling, so a member at the kiosk cannot keep the manager out for long but guessing gets nowhere. */
const lockMs = (scope: Attempt['scope'], lockouts: number) => (scope === 'pin' ? PIN_LOCK_MINUTES * 60_000 : Math.min(15 * 60_000, 30_000 * 2 ** lockouts));

export class LockedOut extends AppError {
  constructor(readonly until: number) {
    super(
      'RULE',
      `Too many wrong attempts: try again after ${new Date(until).toISOString().slice(11, 16)} UTC, or ask the front desk.`,
      { secret: 'Locked' },
      'locked',
    );
  }
}

const fresh = (scope: AccessGuardsTable['scope'], key: string, now: number): AccessGuardsTable => ({
  scope,
  key,
  failures: 0,
  locked_until: null,
  updated_at: now,
});

/**
 * Runs `check` (is the secret right?) under the guard. Returns what `check` said, with how many
 * tries the account has left; throws LockedOut when the account or the client is locked.
 */
export function guarded(ctx: Ctx, a: Attempt, check: () => Promise<boolean>): Promise<{ ok: boolean; left: number; lockedNow: boolean }> {
  // Counting an attempt is not the change the command makes: its audit row is not written here.
  return withoutCommitHook(() => attempt(ctx, a, check));
}

async function attempt(ctx: Ctx, a: Attempt, check: () => Promise<boolean>): Promise<{ ok: boolean; left: number; lockedNow: boolean }> {
  const now = ctx.now().getTime();
  const refusedUntil = await immediate(ctx.db, async (trx) => {
    const account = (await repo.find(trx, a.scope, a.account)) ?? fresh(a.scope, a.account, now);
    const stale = (await repo.find(trx, 'client', a.client)) ?? fresh('client', a.client, now);
    const client = now - stale.updated_at > CLIENT_WINDOW_MS && !(stale.locked_until && stale.locked_until > now) ? fresh('client', a.client, now) : stale;
    const until = Math.max(account.locked_until ?? 0, client.locked_until ?? 0);
    // Locked, or as many attempts already under way as the account may have.
    if (until > now || account.failures >= ACCOUNT_ATTEMPTS) {
      await recordEvent(trx, now, a.actor, a.action, a.recordId, { outcome: 'refused: locked out' });
      return Math.max(until, now);
    }
    await repo.save(trx, { ...account, failures: account.failures + 1, updated_at: now });
    await repo.save(trx, { ...client, failures: client.failures + 1, updated_at: now });
    return null;
  });
  if (refusedUntil !== null) throw new LockedOut(refusedUntil);
  const ok = await check();
  return immediate(ctx.db, async (trx) => {
    const at = ctx.now().getTime();
    const account = (await repo.find(trx, a.scope, a.account)) ?? fresh(a.scope, a.account, at);
    const client = (await repo.find(trx, 'client', a.client)) ?? fresh('client', a.client, at);
    if (ok) {
      // Right: the account starts afresh (a lockout set meanwhile by other guesses stays); the client's count gives this attempt back.
      if (!(account.locked_until && account.locked_until > at)) {
        await repo.clear(trx, a.scope, a.account);
        await repo.clear(trx, a.scope, `${a.account}#lockouts`);
      }
      await repo.save(trx, { ...client, failures: Math.max(0, client.failures - 1), updated_at: at });
      return { ok, left: ACCOUNT_ATTEMPTS, lockedNow: false };
    }
    const lockAccount = account.failures >= ACCOUNT_ATTEMPTS;
    const lockClient = client.failures >= CLIENT_ATTEMPTS;
    const lockouts = lockAccount ? ((await repo.find(trx, a.scope, `${a.account}#lockouts`))?.failures ?? 0) : 0;
    if (lockAccount) {
      await repo.save(trx, { ...account, failures: 0, locked_until: at + lockMs(a.scope, lockouts), updated_at: at });
      await repo.save(trx, { ...fresh(a.scope, `${a.account}#lockouts`, at), failures: lockouts + 1 });
    }
    if (lockClient) await repo.save(trx, { ...client, failures: 0, locked_until: at + CLIENT_WINDOW_MS, updated_at: at });
    await recordEvent(trx, at, a.actor, a.action, a.recordId, { outcome: lockAccount || lockClient ? 'wrong, now locked out' : 'wrong' });
    return { ok, left: Math.max(0, ACCOUNT_ATTEMPTS - account.failures), lockedNow: lockAccount || lockClient };
  });
}

/** Lifts a lockout (the front desk, for a member). */
export const clearGuard = (db: Ctx['db'], scope: Attempt['scope'], account: string) => repo.clear(db, scope, account);
export const lockedMembers = repo.lockedMembers;
