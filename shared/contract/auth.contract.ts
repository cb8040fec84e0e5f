import { z } from 'zod';
import { command, query, contractPart } from './common';
import { empty, id } from './fields';

export const PIN_ATTEMPTS = 5;

const pin = z
  .string({ error: 'Enter your PIN' })
  .trim()
  .regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits');
const password = z.string({ error: 'Enter the password' }).min(1, 'Enter the password').max(200, 'Too long');

/** A member identified at the kiosk is signed out after this long without a touch (host and screen agree). */
export const KIOSK_IDLE_SECONDS = 180;

export interface AuthStatus {
  mode: 'manager' | 'kiosk';
  managerPasswordSet: boolean;
  /** The member identified at the kiosk, if any. */
  member: { id: string; name: string; number: number; role: string } | null;
}

export const GUARD_SCOPES = ['pin', 'manager-password', 'client'] as const;

/** A lock in force: a member's PIN, a name nobody has, the manager password from one screen, or a screen slowed after too many wrong tries. */
export interface Lockout {
  scope: (typeof GUARD_SCOPES)[number];
  key: string;
  /** The member, when a member's PIN is locked. */
  memberId: string | null;
  /** In words: "Ana Ribeiro", "the name “zed” (nobody has it)", "the manager password at 10.0.0.7", "the screen at 10.0.0.7". */
  label: string;
  lockedUntil: string;
  /** Attempts refused while it held (counted, not each in the audit log). */
  refused: number;
}

export const authContract = contractPart('auth', 'Sign-in and kiosk', ['auth.changed'], {
  'auth.status': query<AuthStatus>()(empty, 'public'),
  'auth.setManagerPassword': command<AuthStatus>()(
    z.object({
      current: z.string().max(200).default(''),
      password: z.string().min(8, 'At least 8 characters').max(200, 'Too long'),
    }),
    'manager',
    { audit: 'changed the manager password' },
  ),
  'auth.unlock': command<AuthStatus>()(z.object({ password }), 'public', { audit: 'unlocked manager mode' }),
  'auth.enterKiosk': command<AuthStatus>()(empty, 'manager', { audit: 'handed the screen to the kiosk' }),
  'auth.identify': command<AuthStatus>()(
    z.object({ who: z.string({ error: 'Enter your member number or name' }).trim().min(1, 'Enter your member number or name').max(120), pin }),
    'public',
    { audit: 'signed in at the kiosk' },
  ),
  'auth.signOut': command<AuthStatus>()(empty, 'public', { audit: 'signed out' }),
  'auth.setPin': command<{ memberId: string }>()(z.object({ memberId: id, pin }), 'manager', { audit: 'set the kiosk PIN of' }),
  'auth.clearLockout': command<{ id: string | null; label: string; refused: number }>()(
    z.object({ scope: z.enum(GUARD_SCOPES, { error: 'Not a kind of lock' }), key: z.string().trim().min(1, 'Which lock?').max(200) }),
    'manager',
    { audit: 'lifted a sign-in lockout of' },
  ),
  'auth.lockouts': query<Lockout[]>()(empty, 'manager'),
});
