import { PIN_ATTEMPTS } from '@shared/contract/auth.contract';
import type { AccessGuardsTable } from './auth.tables';
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
  scope: 'pin' | 'password';
  /** The account tried: a member's id for a PIN, `account@screen` for a password; what was typed when nobody matched (so unknown names lock alike). */
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
/** A PIN locks for 15 minutes (the front desk can lift it); a password for half a minute, doubling, so a member at the kiosk cannot keep the staff out for long but guessing gets nowhere. */
const lockMs = (scope: Attempt['scope'], lockouts: number) => (scope === 'pin' ? PIN_LOCK_MINUTES * 60_000 : Math.min(15 * 60_000, 30_000 * 2 ** lockouts));
/**
 * A client past its twenty tries is slowed, not locked out: each wrong try after them makes it
 * wait twice as long (1 s … 1 min). It refuses that client only, never the members or the
 * manager it named, so a kiosk someone played with still serves the next member within a minute.
 */
const clientWaitMs = (failures: number) => Math.min(60_000, 1000 * 2 ** Math.max(0, failures - CLIENT_ATTEMPTS));

export class LockedOut extends AppError {
  constructor(
    readonly until: number,
    readonly who: 'account' | 'client',
  ) {
    super(
      'RULE',
      who === 'client'
        ? `Too many wrong attempts from this screen: wait until ${new Date(until).toISOString().slice(11, 19)} UTC.`
        : `Too many wrong attempts: try again after ${new Date(until).toISOString().slice(11, 16)} UTC, or ask the front desk.`,
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

/**
 * An attempt refused while `lock` holds: the first refusal of each lockout is written to the
 * audit log, the rest only counted beside it (`#refused`), so a client hammering a lock cannot
 * fill the disk with audit rows.
 */
async function refuse(trx: Ctx['db'], now: number, a: Attempt, lock: AccessGuardsTable, who: LockedOut['who']): Promise<LockedOut> {
  const until = lock.locked_until ?? now;
  const counter = await repo.find(trx, lock.scope, `${lock.key}#refused`);
  if (counter?.locked_until === until) {
    await repo.save(trx, { ...counter, failures: counter.failures + 1, updated_at: now });
  } else {
    await repo.save(trx, { ...fresh(lock.scope, `${lock.key}#refused`, now), failures: 1, locked_until: until });
    await recordEvent(trx, now, a.actor, a.action, a.recordId, {
      outcome: `refused: ${who === 'client' ? 'this screen is slowed' : 'locked out'}; further refusals counted`,
    });
  }
  return new LockedOut(until, who);
}

const clientRow = async (trx: Ctx['db'], client: string, now: number) => {
  const stale = (await repo.find(trx, 'client', client)) ?? fresh('client', client, now);
  return now - stale.updated_at > CLIENT_WINDOW_MS && !(stale.locked_until && stale.locked_until > now) ? fresh('client', client, now) : stale;
};

async function attempt(ctx: Ctx, a: Attempt, check: () => Promise<boolean>): Promise<{ ok: boolean; left: number; lockedNow: boolean }> {
  const now = ctx.now().getTime();
  const refused = await immediate(ctx.db, async (trx) => {
    const client = await clientRow(trx, a.client, now);
    // A slowed client is refused before the account it names is even looked at.
    if (client.locked_until && client.locked_until > now) return refuse(trx, now, a, client, 'client');
    const account = (await repo.find(trx, a.scope, a.account)) ?? fresh(a.scope, a.account, now);
    // Locked, or as many attempts already under way as the account may have.
    if ((account.locked_until ?? 0) > now) return refuse(trx, now, a, account, 'account');
    if (account.failures >= ACCOUNT_ATTEMPTS) return refuse(trx, now, a, { ...account, locked_until: now }, 'account');
    await repo.save(trx, { ...account, failures: account.failures + 1, updated_at: now });
    await repo.save(trx, { ...client, failures: client.failures + 1, updated_at: now });
    return null;
  });
  if (refused) throw refused;
  const ok = await check();
  return immediate(ctx.db, async (trx) => {
    const at = ctx.now().getTime();
    const account = (await repo.find(trx, a.scope, a.account)) ?? fresh(a.scope, a.account, at);
    const client = await clientRow(trx, a.client, at);
    if (ok) {
      // Right: the account starts afresh, also when wrong guesses still in flight locked it meanwhile
      // (whoever holds the secret is in anyway); the client's count gives this attempt back.
      await repo.clear(trx, a.scope, a.account);
      await repo.clear(trx, a.scope, `${a.account}#lockouts`);
      await repo.save(trx, { ...client, failures: Math.max(0, client.failures - 1), updated_at: at });
      return { ok, left: ACCOUNT_ATTEMPTS, lockedNow: false };
    }
    const lockAccount = account.failures >= ACCOUNT_ATTEMPTS;
    const slowClient = client.failures >= CLIENT_ATTEMPTS;
    const lockouts = lockAccount ? ((await repo.find(trx, a.scope, `${a.account}#lockouts`))?.failures ?? 0) : 0;
    if (lockAccount) {
      await repo.save(trx, { ...account, failures: 0, locked_until: at + lockMs(a.scope, lockouts), updated_at: at });
      await repo.save(trx, { ...fresh(a.scope, `${a.account}#lockouts`, at), failures: lockouts + 1 });
    }
    if (slowClient) await repo.save(trx, { ...client, locked_until: at + clientWaitMs(client.failures), updated_at: at });
    await recordEvent(trx, at, a.actor, a.action, a.recordId, {
      outcome: lockAccount ? 'wrong, now locked out' : slowClient ? 'wrong, this screen slowed' : 'wrong',
    });
    return { ok, left: Math.max(0, ACCOUNT_ATTEMPTS - account.failures), lockedNow: lockAccount };
  });
}

/** Lifts a lockout or a client's slowing (the front desk), with its count of refused attempts; the number of rows it cleared. */
export async function clearGuard(db: Ctx['db'], scope: AccessGuardsTable['scope'], key: string): Promise<number> {
  await repo.clear(db, scope, `${key}#refused`);
  return repo.clear(db, scope, key);
}

export const activeLocks = repo.activeLocks;
