import { describe, expect, it } from 'vitest';
import type { Session } from '../../electron/main/context';
import { NOBODY_HASH, hashSecret, verifySecret } from '../../electron/main/features/auth/secrets.service';
import { FIXED_NOW, ana, freshCoopEachTest } from '../helpers/coop';

// Guessing secrets the way an attacker would: many at once, from one client and from several.
let now = FIXED_NOW;
const t = freshCoopEachTest(() => ((now = FIXED_NOW), { now: () => now }));
const kiosk = (client = '10.0.0.9'): Session => ({ mode: 'kiosk', actor: { role: 'kiosk', memberId: null }, client });
const auditOf = async (channel: string) =>
  (await t.coop.database.db.selectFrom('audit_log').select('details').where('channel', '=', channel).orderBy('id').execute()).map(
    (r) => JSON.parse(r.details).outcome,
  );

async function kioskWithAna() {
  await t.call('auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });
  const member = await t.call('members.create', ana);
  await t.call('auth.setPin', { memberId: member.id, pin: '4821' });
  return member;
}

describe('PIN guesses in parallel', () => {
  it('thirty wrong PINs and the right one at the same moment: five are checked, the rest refused as locked, and Ana is locked out', async () => {
    const member = await kioskWithAna();
    const guesses = [...Array.from({ length: 30 }, (_, i) => String(1000 + i)), '4821'];
    const answers = await Promise.all(guesses.map((pin) => t.coop.api.dispatch('auth.identify', { who: '1', pin }, kiosk())));
    const checked = answers.filter((a) => a.ok || a.error.rule !== 'locked');
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(answers.at(-1)).toMatchObject({ ok: false, error: { rule: 'locked' } });
    expect((await t.call('auth.lockouts', {})).map((l) => l.memberId)).toEqual([member.id]);
    // every failure and the lockout are on record, with the member
    expect(await auditOf('auth.identify')).toEqual(expect.arrayContaining(['wrong', 'wrong, now locked out', 'refused: locked out; further refusals counted']));
    // the right PIN stays refused until the front desk unlocks
    expect(await t.coop.api.dispatch('auth.identify', { who: '1', pin: '4821' }, kiosk())).toMatchObject({ ok: false, error: { rule: 'locked' } });
    await t.call('auth.clearLockout', { scope: 'pin', key: member.id });
    expect(await t.coop.api.dispatch('auth.identify', { who: '1', pin: '4821' }, kiosk())).toMatchObject({ ok: true });
  });

  it('an unknown number is answered like a wrong PIN and locks alike, so guessing numbers tells nothing', async () => {
    await kioskWithAna();
    const unknown = await t.coop.api.dispatch('auth.identify', { who: '999', pin: '1111' }, kiosk());
    const wrong = await t.coop.api.dispatch('auth.identify', { who: '1', pin: '1111' }, kiosk('10.0.0.10'));
    expect(unknown).toEqual(wrong);
  });

  it('an unknown name is checked against a real hash with today’s parameters, so it costs what a wrong secret costs', async () => {
    const today = (await hashSecret('a secret')).split('$').slice(0, 4);
    expect(NOBODY_HASH.split('$').slice(0, 4)).toEqual(today);
    expect(await verifySecret('no such account', NOBODY_HASH)).toBe(true);
  });

  it('twenty wrong PINs for twenty unknown names slow that screen only: no member, no name and not the manager is locked; the desk sees it and can lift it', async () => {
    await kioskWithAna();
    for (let i = 0; i < 20; i++) await t.coop.api.dispatch('auth.identify', { who: `stranger ${i}`, pin: '1111' }, kiosk());
    // the screen waits a moment, refused itself
    expect(await t.coop.api.dispatch('auth.identify', { who: '1', pin: '4821' }, kiosk())).toMatchObject({
      ok: false,
      error: { rule: 'locked', message: expect.stringContaining('this screen') },
    });
    // nobody it named is locked: Ana elsewhere, and the manager at the desk
    expect(await t.coop.api.dispatch('auth.identify', { who: '1', pin: '4821' }, kiosk('10.0.0.77'))).toMatchObject({ ok: true });
    expect(await t.coop.api.dispatch('auth.signIn', { who: 'kasia@example.coop', password: 'front-desk-2026' }, kiosk('desktop'))).toMatchObject({ ok: true });
    const locks = await t.call('auth.lockouts', {});
    expect(locks.map((l) => l.label)).toEqual(['the screen at 10.0.0.9']);
    // the same screen serves the next member once its short wait is over (seconds, not a quarter of an hour)
    now = new Date(FIXED_NOW.getTime() + 2_000);
    expect(await t.coop.api.dispatch('auth.identify', { who: '1', pin: '4821' }, kiosk())).toMatchObject({ ok: true });
    // each further wrong try doubles the wait, up to a minute, and the desk can lift it
    for (let i = 0; i < 12; i++) {
      now = new Date(now.getTime() + 61_000);
      await t.coop.api.dispatch('auth.identify', { who: `stranger ${i}`, pin: '1111' }, kiosk());
    }
    const [slowed] = await t.call('auth.lockouts', {});
    expect(Date.parse(slowed.lockedUntil) - now.getTime()).toBe(60_000);
    await t.call('auth.clearLockout', { scope: slowed.scope, key: slowed.key });
    expect(await t.coop.api.dispatch('auth.identify', { who: '1', pin: '4821' }, kiosk())).toMatchObject({ ok: true });
  });

  it('a right PIN sent with four wrong ones gets in and leaves the member unlocked', async () => {
    const member = await kioskWithAna();
    const answers = await Promise.all(['1000', '1001', '4821', '1002', '1003'].map((pin) => t.coop.api.dispatch('auth.identify', { who: '1', pin }, kiosk())));
    expect(answers[2]).toMatchObject({ ok: true });
    expect((await t.call('auth.lockouts', {})).map((l) => l.memberId)).not.toContain(member.id);
    expect(await t.coop.api.dispatch('auth.identify', { who: '1', pin: '4821' }, kiosk())).toMatchObject({ ok: true });
  });

  it('attempts refused while locked are counted in one audit row per lockout, not one row each', async () => {
    await kioskWithAna();
    for (let i = 0; i < 5; i++) await t.coop.api.dispatch('auth.identify', { who: '1', pin: '0000' }, kiosk());
    for (let i = 0; i < 200; i++) await t.coop.api.dispatch('auth.identify', { who: '1', pin: '0000' }, kiosk(`10.0.1.${i % 50}`));
    const outcomes = await auditOf('auth.identify');
    expect(outcomes.filter((o) => o.startsWith('refused'))).toHaveLength(1);
    expect(outcomes).toHaveLength(6);
    expect((await t.call('auth.lockouts', {})).find((l) => l.label === 'Ana Ribeiro')).toMatchObject({ refused: 200 });
  });
});

describe('staff password guesses', () => {
  it('fifty parallel guesses: five are checked, the rest wait out a lockout at that screen that is on record; the right password works after it', async () => {
    await kioskWithAna();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.coop.api.dispatch('auth.signIn', { who: 'kasia@example.coop', password: `guess-${i}` }, kiosk())),
    );
    expect(answers.filter((a) => !a.ok && a.error.rule !== 'locked').length).toBeLessThanOrEqual(5);
    expect(answers.every((a) => !a.ok)).toBe(true);
    expect(await auditOf('auth.signIn')).toContain('wrong, now locked out');
    // the lock holds at that screen only: the desk unlocks at once, the guessing screen waits
    expect(await t.coop.api.dispatch('auth.signIn', { who: 'kasia@example.coop', password: 'front-desk-2026' }, kiosk())).toMatchObject({
      ok: false,
      error: { rule: 'locked' },
    });
    expect(await t.coop.api.dispatch('auth.signIn', { who: 'kasia@example.coop', password: 'front-desk-2026' }, kiosk('desktop'))).toMatchObject({
      ok: true,
      data: { mode: 'manager' },
    });
    now = new Date(FIXED_NOW.getTime() + 31_000);
    expect(await t.coop.api.dispatch('auth.signIn', { who: 'kasia@example.coop', password: 'front-desk-2026' }, kiosk())).toMatchObject({
      ok: true,
      data: { mode: 'manager' },
    });
  });

  it('changing the password needs the current one, under the same guard', async () => {
    await kioskWithAna();
    const desk = kiosk('desktop');
    await t.coop.api.dispatch('auth.signIn', { who: 'kasia@example.coop', password: 'front-desk-2026' }, desk);
    for (let i = 0; i < 5; i++) await t.coop.api.dispatch('auth.changePassword', { current: `nope-${i}`, password: 'another-one-1' }, desk);
    expect(await t.coop.api.dispatch('auth.changePassword', { current: 'front-desk-2026', password: 'another-one-1' }, desk)).toMatchObject({
      ok: false,
      error: { rule: 'locked' },
    });
  });
});
