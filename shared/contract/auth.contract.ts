import { z } from 'zod';
import { channel } from './common';
import { empty, id } from './fields';

export const PIN_ATTEMPTS = 5;

const pin = z.string({ error: 'Enter your PIN' }).trim().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits');
const password = z.string({ error: 'Enter the password' }).min(1, 'Enter the password').max(200, 'Too long');

export interface AuthStatus {
  mode: 'manager' | 'kiosk';
  managerPasswordSet: boolean;
  /** The member identified at the kiosk, if any. */
  member: { id: string; name: string; number: number; role: string } | null;
}

export interface Lockout {
  memberId: string;
  name: string;
  lockedUntil: string;
}

export const authContract = {
  'auth.status': channel<AuthStatus>()(empty, 'public'),
  'auth.setManagerPassword': channel<AuthStatus>()(
    z.object({
      current: z.string().max(200).default(''),
      password: z.string().min(8, 'At least 8 characters').max(200, 'Too long'),
    }),
    'manager',
  ),
  'auth.unlock': channel<AuthStatus>()(z.object({ password }), 'public'),
  'auth.enterKiosk': channel<AuthStatus>()(empty, 'manager'),
  'auth.identify': channel<AuthStatus>()(
    z.object({ who: z.string({ error: 'Enter your member number or name' }).trim().min(1, 'Enter your member number or name').max(120), pin }),
    'public',
  ),
  'auth.signOut': channel<AuthStatus>()(empty, 'public'),
  'auth.setPin': channel<{ memberId: string }>()(z.object({ memberId: id, pin }), 'manager'),
  'auth.clearLockout': channel<{ memberId: string }>()(z.object({ memberId: id }), 'manager'),
  'auth.lockouts': channel<Lockout[]>()(empty, 'manager'),
};
