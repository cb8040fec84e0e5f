import { describe, expect, it } from 'vitest';
import type { Session } from '../../electron/main/context';
import { bookFor, bookingWorldEachTest } from '../helpers/bookingWorld';

// People sign in as themselves: the manager makes a front-desk account, she sets her password with
// a one-time code, works, and the audit log names her. Every refusal is written as the attempt.
const { t, w, clock } = bookingWorldEachTest();
const screen = (client = 'desktop'): Session => ({ mode: 'kiosk', actor: { role: 'kiosk', memberId: null }, client });
const as = (session: Session) => (channel: string, input: unknown) => t.coop.api.dispatch(channel, input, session);

async function managerSignedIn() {
  await t.call('auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });
  const desk = screen();
  expect(await as(desk)('auth.signIn', { who: 'KASIA@example.coop', password: 'front-desk-2026' })).toMatchObject({ ok: true, data: { mode: 'manager' } });
  return desk;
}

describe('accounts', () => {
  it('a new front-desk member gets a code, sets her password, signs in, cancels a booking, and the audit log names her', async () => {
    const desk = await managerSignedIn();
    const issued = await as(desk)('accounts.createStaff', { name: 'Lena Brandt', email: 'lena@example.coop', role: 'frontdesk' });
    expect(issued).toMatchObject({ ok: true, data: { name: 'Lena Brandt', code: expect.stringMatching(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/) } });
    const code = (issued as { data: { code: string } }).data.code;

    const lenas = screen('10.0.0.7');
    expect(await as(lenas)('auth.redeemCode', { code: code.toLowerCase(), password: 'lena-desk-1' })).toMatchObject({
      ok: true,
      data: { mode: 'manager', account: { name: 'Lena Brandt', role: 'frontdesk' } },
    });
    // the code works once
    expect(await as(screen('10.0.0.8'))('auth.redeemCode', { code, password: 'another-one-2' })).toMatchObject({ ok: false, error: { rule: 'used' } });

    const booking = await bookFor(t, w.room.id, w.member.id, '2026-11-26', '10:00', '11:00');
    expect(await as(lenas)('bookings.cancel', { id: booking.id, reason: 'Called in' })).toMatchObject({ ok: true });
    const log = await t.call('audit.list', { channel: 'bookings.cancel' });
    expect(log.rows[0]).toMatchObject({
      actorName: 'Lena Brandt',
      actorRole: 'frontdesk',
      words: 'cancelled',
      record: { label: expect.stringContaining('Garden Room') },
    });
    const signIns = await t.call('audit.list', { channel: 'auth.redeemCode' });
    expect(signIns.rows[0].actorName).toBe('Lena Brandt');

    // the front desk may not touch settings, restore or security: refused, nothing changed, on record
    const before = await t.snapshot();
    for (const [channel, input] of [
      ['settings.updateCoop', { name: 'Taken over', currency: 'EUR', timeZone: 'UTC', ownershipMonths: 1 }],
      ['data.restore', { name: 'manual-2026-01-01T00-00-00Z.sqlite' }],
      ['accounts.createStaff', { name: 'Mallory', email: '', role: 'manager' }],
      ['auth.clearLockout', { scope: 'pin', key: 'x' }],
    ] as const) {
      expect(await as(lenas)(channel, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only a manager may do this.' } });
    }
    const after = await t.snapshot();
    expect({ ...after, audit_log: [] }).toEqual({ ...before, audit_log: [] });
    const refusals = await t.call('audit.list', { memberId: '' });
    expect(refusals.rows.filter((r) => r.actorName === 'Lena Brandt' && r.details.includes('refused'))).toHaveLength(4);
  });

  it('the first manager account is made only at the open desk of a new install, never by a member or the kiosk', async () => {
    const forAna = (await t.call('accounts.issueCode', { memberId: w.member.id })) as { code: string };
    const anas = screen('10.0.0.5');
    await as(anas)('auth.redeemCode', { code: forAna.code, password: 'ana-password-1' });
    expect(anas.actor).toMatchObject({ role: 'member' });
    const before = await t.snapshot();
    expect(await as(anas)('auth.setUp', { name: 'Ana', email: '', password: 'take-over-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await as(screen('10.0.0.6'))('auth.setUp', { name: 'Mallory', email: '', password: 'take-over-1' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect({ ...(await t.snapshot()), audit_log: [] }).toEqual({ ...before, audit_log: [] });
  });

  it('refuses what it should, with clear words: expired and wrong codes, wrong passwords, a member who left, a second account with the same e-mail, the last manager', async () => {
    const desk = await managerSignedIn();
    expect(await as(desk)('accounts.createStaff', { name: 'Lena', email: 'KASIA@example.coop', role: 'frontdesk' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { email: 'Already used by another account' } },
    });
    const forAna = (await as(desk)('accounts.issueCode', { memberId: w.member.id })) as { ok: true; data: { code: string; accountId: string } };
    expect(forAna.ok).toBe(true);
    clock.now = new Date(clock.now.getTime() + 73 * 3_600_000);
    expect(await as(screen())('auth.redeemCode', { code: forAna.data.code, password: 'ana-password-1' })).toMatchObject({
      ok: false,
      error: { rule: 'expired', message: 'That code has expired: ask the front desk for a new one.' },
    });
    expect(await as(screen())('auth.redeemCode', { code: 'ZZZZ-ZZZZ', password: 'ana-password-1' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { code: 'Not a code we gave' } },
    });
    expect(await as(screen())('auth.redeemCode', { code: '12', password: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { code: 'A code is 8 letters and digits', password: 'At least 8 characters' } },
    });
    // a fresh code (the desk signs in again: three days idle ended its session); Ana signs in as herself, a member
    await as(desk)('auth.signIn', { who: 'kasia@example.coop', password: 'front-desk-2026' });
    const again = (await as(desk)('accounts.issueCode', { memberId: w.member.id })) as { data: { code: string } };
    const anas = screen('10.0.0.5');
    expect(await as(anas)('auth.redeemCode', { code: again.data.code, password: 'ana-password-1' })).toMatchObject({
      ok: true,
      data: { mode: 'kiosk', account: { kind: 'member', name: 'Ana Ribeiro' }, member: { name: 'Ana Ribeiro' } },
    });
    expect(await as(anas)('members.create', { name: 'X', email: 'x@example.coop', memberSince: '2025-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only the front desk or a manager may do this.' },
    });
    expect(await as(screen())('auth.signIn', { who: 'ana@example.coop', password: 'wrong-password' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { password: 'Wrong e-mail or password' } },
    });
    // she leaves the co-op: her account closes, her sessions end
    await t.call('members.update', { ...(await t.call('members.get', { id: w.member.id })), id: w.member.id, status: 'left' } as never);
    expect(await as(screen())('auth.signIn', { who: 'ana@example.coop', password: 'ana-password-1' })).toMatchObject({ ok: false, error: { rule: 'left' } });
    expect(await as(desk)('accounts.issueCode', { memberId: w.member.id })).toMatchObject({ ok: false, error: { rule: 'left' } });
    // the co-op never loses its last manager
    const me = (await t.call('accounts.list', {})).find((a) => a.name === 'Kasia Nowak')!;
    expect(await as(desk)('accounts.update', { id: me.id, name: 'Kasia Nowak', email: 'kasia@example.coop', role: 'frontdesk' })).toMatchObject({
      ok: false,
      error: { rule: 'last-manager' },
    });
    expect(await as(desk)('accounts.setDisabled', { id: me.id, disabled: true })).toMatchObject({ ok: false, error: { rule: 'self' } });
  });

  it('sessions end when idle, when signed out everywhere, and when the account is disabled', async () => {
    const desk = await managerSignedIn();
    const lena = (await as(desk)('accounts.createStaff', { name: 'Lena Brandt', email: 'lena@example.coop', role: 'frontdesk' })) as {
      data: { code: string; accountId: string };
    };
    const phone = screen('10.0.0.7');
    const laptop = screen('10.0.0.8');
    await as(phone)('auth.redeemCode', { code: lena.data.code, password: 'lena-desk-1' });
    await as(laptop)('auth.signIn', { who: 'Lena Brandt', password: 'lena-desk-1' });
    expect(laptop.actor).toMatchObject({ role: 'frontdesk', name: 'Lena Brandt' });
    // "sign out everywhere" from the phone ends the laptop's session too
    await as(phone)('auth.signOutEverywhere', {});
    expect(await as(laptop)('members.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(laptop.mode).toBe('kiosk');
    // idle for longer than an hour: signed out
    await as(laptop)('auth.signIn', { who: 'Lena Brandt', password: 'lena-desk-1' });
    clock.now = new Date(clock.now.getTime() + 61 * 60_000);
    expect(await as(laptop)('auth.status', {})).toMatchObject({ ok: true, data: { mode: 'kiosk', account: null } });
    // disabled by the manager: her open session ends at once, and she cannot sign in
    await as(laptop)('auth.signIn', { who: 'Lena Brandt', password: 'lena-desk-1' });
    await as(desk)('auth.signIn', { who: 'kasia@example.coop', password: 'front-desk-2026' });
    await as(desk)('accounts.setDisabled', { id: lena.data.accountId, disabled: true });
    expect(await as(laptop)('auth.status', {})).toMatchObject({ ok: true, data: { account: null } });
    expect(await as(laptop)('auth.signIn', { who: 'Lena Brandt', password: 'lena-desk-1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('a member repeating a refused call 200 times is on record once a minute, not 200 times', async () => {
    const ana = { role: 'member' as const, memberId: w.member.id };
    const before = (await t.call('audit.list', {})).total;
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => t.send('settings.updateCoop', { name: 'Mine', currency: 'EUR', timeZone: 'UTC', ownershipMonths: 1 }, ana)),
    );
    expect(answers.every((a) => !a.ok && a.error.code === 'FORBIDDEN')).toBe(true);
    expect((await t.call('audit.list', {})).total - before).toBe(1);
    clock.now = new Date(clock.now.getTime() + 61_000);
    await t.send('settings.updateCoop', { name: 'Mine', currency: 'EUR', timeZone: 'UTC', ownershipMonths: 1 }, ana);
    expect((await t.call('audit.list', {})).total - before).toBe(2);
  });

  it('password hashes and codes never leave in an export; only their hashes are stored', async () => {
    const desk = await managerSignedIn();
    const issued = (await as(desk)('accounts.createStaff', { name: 'Lena Brandt', email: 'lena@example.coop', role: 'frontdesk' })) as {
      data: { code: string };
    };
    const dump = JSON.stringify(await t.snapshot());
    expect(dump).not.toContain('front-desk-2026');
    expect(dump).not.toContain(issued.data.code.replace('-', ''));
    const exported = await t.call('data.exportAll', {});
    expect(Object.keys(exported.tables)).toContain('accounts');
    expect(Object.keys(exported.tables)).not.toContain('account_passwords');
    expect(Object.keys(exported.tables)).not.toContain('sign_in_codes');
  });
});
