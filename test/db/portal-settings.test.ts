import { describe, expect, it } from 'vitest';
import { ana, freshCoopEachTest } from '../helpers/coop';

/** The portal's settings refuse what cannot work, and change nothing when they do; a retried command runs once. */
describe('member portal settings and retried commands', () => {
  const t = freshCoopEachTest();

  it('refuses to turn the portal on without an address of this computer, or with a port that needs root, and changes nothing', async () => {
    const before = await t.snapshot();
    expect(await t.send('portal.save', { enabled: true, address: '', port: 8443 })).toMatchObject({
      ok: false,
      error: { fields: { address: 'Choose an address' } },
    });
    expect(await t.send('portal.save', { enabled: true, address: '203.0.113.77', port: 8443 })).toMatchObject({
      ok: false,
      error: { fields: { address: 'Not an address of this computer' } },
    });
    expect(await t.send('portal.save', { enabled: true, address: 'not an ip', port: 8443 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.send('portal.save', { enabled: false, address: '', port: 80 })).toMatchObject({
      ok: false,
      error: { fields: { port: expect.stringContaining('1024') } },
    });
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses a certificate that is not one, or a key that is not its own', async () => {
    const before = await t.snapshot();
    expect(await t.send('portal.useCertificate', { cert: 'hello', key: 'world' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { cert: expect.any(String) } },
    });
    const garbage = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----';
    const key = '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----';
    expect(await t.send('portal.useCertificate', { cert: garbage, key })).toMatchObject({
      ok: false,
      error: { fields: { cert: 'Not a readable certificate' } },
    });
    expect(await t.snapshot()).toEqual(before);
  });

  it('keeps the portal’s settings to the manager, and its links to members', async () => {
    const member = await t.call('members.create', ana);
    const actor = { role: 'member' as const, memberId: member.id };
    expect(await t.send('portal.save', { enabled: false, address: '', port: 8443 }, actor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.send('portal.settings', {}, actor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // without the portal running there is no address to give a calendar link
    expect(await t.send('portal.newCalendarLink', {}, actor)).toMatchObject({ ok: false, error: { code: 'RULE', rule: 'portal-off' } });
  });

  it('answers a command sent twice at once with one key once: one member, the same answer', async () => {
    const session = { mode: 'manager' as const, actor: { role: 'manager' as const, memberId: null } };
    const send = () => t.coop.api.dispatch('members.create', ana, session, { idempotencyKey: 'same-key-123' });
    const [first, second] = await Promise.all([send(), send()]);
    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual(first);
    expect((await t.call('members.list', {})).total).toBe(1);
    // the answer kept for retries goes after a day, by the hourly job, without a line in the audit log
    const audit = () => t.coop.database.sqlite.prepare('select count(*) from audit_log').pluck().get();
    const before = audit();
    expect(await t.coop.runJob('audit.forgetReplays')).toBe(0);
    expect(audit()).toBe(before);
  });

  it('keeps for retries the very answer the caller was given', async () => {
    const session = { mode: 'manager' as const, actor: { role: 'manager' as const, memberId: null } };
    const kept = (key: string) =>
      JSON.parse(t.coop.database.sqlite.prepare('select result from command_replays where key = ?').pluck().get(key) as string) as unknown;
    const member = await t.coop.api.dispatch('members.create', ana, session, { idempotencyKey: 'member-key-123' });
    expect(kept('member-key-123')).toEqual(member);
    const updated = await t.coop.api.dispatch(
      'members.update',
      { ...ana, id: (member as { data: { id: string } }).data.id, phone: '+44 20 7946 0000' },
      session,
      {
        idempotencyKey: 'update-key-123',
      },
    );
    expect(updated).toMatchObject({ ok: true });
    expect(kept('update-key-123')).toEqual(updated);
  });

  it('never keeps an answer that holds a secret: a one-time code asked for twice with one key is two codes, none stored', async () => {
    const member = await t.call('members.create', ana);
    const session = { mode: 'manager' as const, actor: { role: 'manager' as const, memberId: null } };
    const send = () => t.coop.api.dispatch('accounts.issueCode', { memberId: member.id }, session, { idempotencyKey: 'code-key-123' });
    const [first, second] = [await send(), await send()];
    expect(first).toMatchObject({ ok: true });
    expect((second as { data: { code: string } }).data.code).not.toBe((first as { data: { code: string } }).data.code);
    expect(t.coop.database.sqlite.prepare('select count(*) from command_replays').pluck().get()).toBe(0);
  });
});
