import * as z from 'zod';
import { command, query, contractPart } from './common';
import { byId, empty, id } from './fields';

export const PIN_ATTEMPTS = 5;

const pin = z
  .string({ error: 'Enter your PIN' })
  .trim()
  .regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits');
const password = z.string({ error: 'Enter the password' }).min(1, 'Enter the password').max(200, 'Too long');
const newPassword = z.string({ error: 'Choose a password' }).min(8, 'At least 8 characters').max(200, 'Too long');
const personName = z.string({ error: 'Enter a name' }).trim().min(1, 'Enter a name').max(120, 'At most 120 characters');
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(200, 'Too long')
  .pipe(z.union([z.literal(''), z.email('Not an e-mail address')]));
/** A one-time code as handed out (`K7F2-9QXD`); typed in any case, with or without the dash. */
const code = z
  .string({ error: 'Enter the code' })
  .trim()
  .toUpperCase()
  .transform((c) => c.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[0-9A-Z]{8}$/, 'A code is 8 letters and digits'));

/** Staff roles: a manager does everything; the front desk the day's work (no settings, restore or security). */
export const STAFF_ROLES = ['manager', 'frontdesk'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const ROLE_NAMES: Record<string, string> = { manager: 'Manager', frontdesk: 'Front desk', guardian: 'Guardian', member: 'Member' };
/** Signed-in sessions end after this long without a request. */
export const STAFF_IDLE_MINUTES = 60;
export const MEMBER_IDLE_MINUTES = 30;
/** A member signed in on their own phone or laptop over the portal stays signed in this long without using it ("sign out everywhere" ends it sooner). */
export const PORTAL_IDLE_DAYS = 14;

/** Who is signed in on this session. */
export interface SignedInAccount {
  id: string;
  kind: 'staff' | 'member';
  name: string;
  email: string;
  /** manager, frontdesk; or the member's register role (member, guardian). */
  role: string;
  memberId: string | null;
}

export interface Account extends SignedInAccount {
  disabled: boolean;
  /** Whether a password was set (an invited person has none until they use their code). */
  passwordSet: boolean;
  lastSignInAt: string | null;
}

/** A one-time code handed to a person: shown once, only its hash is kept. */
export interface IssuedCode {
  accountId: string;
  name: string;
  code: string;
  expiresAt: string;
  /** The member portal's sign-in page with the code filled in, while the portal runs (for a phone to open or scan). */
  link: string | null;
}

/** A member identified at the kiosk is signed out after this long without a touch (host and screen agree). */
export const KIOSK_IDLE_SECONDS = 180;

export interface AuthStatus {
  mode: 'manager' | 'kiosk' | 'portal';
  /** A staff account with a password exists: the screen starts signed out, and leaving the kiosk needs a staff sign-in. */
  staffAccounts: boolean;
  /** The person signed in on this session, if any. */
  account: SignedInAccount | null;
  /** The upgraded shared manager password became a nameless account: her name is asked once. */
  needsName: boolean;
  /** The member identified at the kiosk, if any. */
  member: { id: string; name: string; number: number; role: string } | null;
}

export const GUARD_SCOPES = ['pin', 'password', 'client'] as const;

/** A lock in force: a member's PIN, a name nobody has, the manager password from one screen, or a screen slowed after too many wrong tries. */
export interface Lockout {
  scope: (typeof GUARD_SCOPES)[number];
  key: string;
  /** The member, when a member's PIN is locked. */
  memberId: string | null;
  /** In words: "Ana Ribeiro", "the name “zed” (nobody has it)", "Kasia Nowak's password at 10.0.0.7", "the screen at 10.0.0.7". */
  label: string;
  lockedUntil: string;
  /** Attempts refused while it held (counted, not each in the audit log). */
  refused: number;
}

export const authContract = contractPart('auth', 'Sign-in and accounts', ['auth.changed'], {
  'auth.status': query<AuthStatus>()(empty, 'public'),
  'auth.setUp': command<AuthStatus>()(z.object({ name: personName, email, password: newPassword }), 'public', { audit: 'created the first manager account' }),
  'auth.signIn': command<AuthStatus>()(z.object({ who: z.string().trim().max(200, 'Too long').default(''), password }), 'public', { audit: 'signed in' }),
  'auth.redeemCode': command<AuthStatus>()(z.object({ code, password: newPassword }), 'public', { audit: 'set a password with a one-time code' }),
  'auth.requestReset': command<{ message: string }>()(z.object({ email: z.string().trim().toLowerCase().pipe(z.email('Not an e-mail address')) }), 'public', {
    audit: 'asked for a password reset',
  }),
  'auth.changePassword': command<AuthStatus>()(z.object({ current: z.string().max(200).default(''), password: newPassword }), 'member', {
    audit: 'changed their password',
  }),
  'auth.updateMe': command<AuthStatus>()(z.object({ name: personName, email }), 'member', { audit: 'updated their account' }),
  'auth.signOutEverywhere': command<AuthStatus>()(empty, 'member', { audit: 'signed out everywhere' }),
  'auth.enterKiosk': command<AuthStatus>()(empty, 'desk', { audit: 'handed the screen to the kiosk' }),
  'auth.identify': command<AuthStatus>()(
    z.object({ who: z.string({ error: 'Enter your member number or name' }).trim().min(1, 'Enter your member number or name').max(120), pin }),
    'public',
    { audit: 'signed in at the kiosk', onPremises: true },
  ),
  'auth.signOut': command<AuthStatus>()(empty, 'public', { audit: 'signed out' }),
  'auth.setPin': command<{ memberId: string }>()(z.object({ memberId: id, pin }), 'desk', { audit: 'set the kiosk PIN of' }),
  'auth.setMyPin': command<{ memberId: string }>()(z.object({ current: z.string().max(200).default(''), pin }), 'member', {
    audit: 'changed their kiosk PIN',
  }),
  'auth.clearLockout': command<{ id: string | null; label: string; refused: number }>()(
    z.object({ scope: z.enum(GUARD_SCOPES, { error: 'Not a kind of lock' }), key: z.string().trim().min(1, 'Which lock?').max(200) }),
    'manager',
    { audit: 'lifted a sign-in lockout of' },
  ),
  'auth.lockouts': query<Lockout[]>()(empty, 'manager'),
  'accounts.list': query<Account[]>()(empty, 'desk'),
  'accounts.createStaff': command<IssuedCode>()(
    z.object({ name: personName, email, role: z.enum(STAFF_ROLES, { error: 'Manager or front desk' }) }),
    'manager',
    { audit: 'created the staff account of', secretAnswer: true },
  ),
  'accounts.update': command<Account>()(z.object({ id, name: personName, email, role: z.enum(STAFF_ROLES, { error: 'Manager or front desk' }) }), 'manager', {
    audit: 'changed the staff account of',
  }),
  'accounts.setDisabled': command<Account>()(z.object({ id, disabled: z.boolean() }), 'manager', { audit: 'disabled or enabled the account of' }),
  'accounts.issueCode': command<IssuedCode>()(
    z.union([z.object({ memberId: id }).strict(), z.object({ accountId: id }).strict()], { error: 'Choose a member or an account' }),
    'desk',
    { audit: 'handed a one-time sign-in code to', secretAnswer: true },
  ),
  'accounts.signOutEverywhere': command<Account>()(byId, 'manager', { audit: 'signed out everywhere' }),
});
