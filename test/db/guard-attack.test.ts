import { describe, expect, it } from 'vitest';
import type { Session } from '../../electron/main/context';
import { FIXED_NOW, ana, freshCoopEachTest } from '../helpers/coop';

// Guessing secrets the way an attacker would: many at once, from one client and from several.
let now = FIXED_NOW;
const t = freshCoopEachTest(() => ((now = FIXED_NOW), { now: () => now }));
const kiosk = (client = '10.0.0.9'): Session => ({ mode: 'kiosk', actor: { role: 'kiosk', memberId: null }, client });
const auditOf = (channel: string) =>
  t.coop.database.sqlite
    .prepare('select details from audit_log where channel = ? order by rowid')
    .all(channel)
    .map((r) => JSON.parse((r as { details: string }).details).outcome);

async function kioskWithAna() {
  await t.call('auth.setManagerPassword', { password: 'front-desk-2026' });
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
    expect(auditOf('auth.identify')).toEqual(expect.arrayContaining(['wrong', 'wrong, now locked out', 'refused: locked out']));
    // the right PIN stays refused until the front desk unlocks
    expect(await t.coop.api.dispatch('auth.identify', { who: '1', pin: '4821' }, kiosk())).toMatchObject({ ok: false, error: { rule: 'locked' } });
    await t.call('auth.clearLockout', { memberId: member.id });
    expect(await t.coop.api.dispatch('auth.identify', { who: '1', pin: '4821' }, kiosk())).toMatchObject({ ok: true });
  });

  it('an unknown number is answered like a wrong PIN and locks alike, so guessing numbers tells nothing', async () => {
    await kioskWithAna();
    const unknown = await t.coop.api.dispatch('auth.identify', { who: '999', pin: '1111' }, kiosk());
    const wrong = await t.coop.api.dispatch('auth.identify', { who: '1', pin: '1111' }, kiosk('10.0.0.10'));
    expect(unknown).toEqual(wrong);
  });

  it('one client trying many names is stopped after twenty, whoever it tries; the front desk is not', async () => {
    await kioskWithAna();
    for (let i = 0; i < 20; i++) await t.coop.api.dispatch('auth.identify', { who: String(100 + i), pin: '1111' }, kiosk());
    expect(await t.coop.api.dispatch('auth.identify', { who: '1', pin: '4821' }, kiosk())).toMatchObject({ ok: false, error: { rule: 'locked' } });
    expect(await t.coop.api.dispatch('auth.identify', { who: '1', pin: '4821' }, kiosk('10.0.0.77'))).toMatchObject({ ok: true });
    now = new Date(FIXED_NOW.getTime() + 16 * 60_000);
    expect(await t.coop.api.dispatch('auth.identify', { who: '1', pin: '4821' }, kiosk())).toMatchObject({ ok: true });
  });
});

describe('manager password guesses', () => {
  it('fifty parallel guesses: five are checked, the rest wait out a lockout that is on record; the right password works after it', async () => {
    await kioskWithAna();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => t.coop.api.dispatch('auth.unlock', { password: `guess-${i}` }, kiosk())));
    expect(answers.filter((a) => !a.ok && a.error.rule !== 'locked').length).toBeLessThanOrEqual(5);
    expect(answers.every((a) => !a.ok)).toBe(true);
    expect(auditOf('auth.unlock')).toContain('wrong, now locked out');
    const session = kiosk('10.0.0.11');
    expect(await t.coop.api.dispatch('auth.unlock', { password: 'front-desk-2026' }, session)).toMatchObject({ ok: false, error: { rule: 'locked' } });
    now = new Date(FIXED_NOW.getTime() + 31_000);
    expect(await t.coop.api.dispatch('auth.unlock', { password: 'front-desk-2026' }, session)).toMatchObject({ ok: true, data: { mode: 'manager' } });
  });

  it('changing the password needs the current one, under the same guard', async () => {
    await kioskWithAna();
    for (let i = 0; i < 5; i++) await t.send('auth.setManagerPassword', { current: `nope-${i}`, password: 'another-one-1' });
    expect(await t.send('auth.setManagerPassword', { current: 'front-desk-2026', password: 'another-one-1' })).toMatchObject({
      ok: false,
      error: { rule: 'locked' },
    });
  });
});
