import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, Session } from '../../electron/main/context';
import { bookingWorldEachTest, london } from '../helpers/bookingWorld';
import { eventually, startSmtp } from '../helpers/smtp';

// Notifications reach people: an inbox each, e-mail through the co-op's own SMTP server (a real
// one, started here, read back), each person's choice per kind. Sending never holds up the change.
const { t, w, clock } = bookingWorldEachTest();
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeEach(async () => {
  smtp = await startSmtp();
});
afterEach(async () => {
  await smtp.close();
});

const mailTo = (port: number) => ({ host: '127.0.0.1', port, secure: false, username: 'desk', password: 'smtp-secret', sender: 'desk@millbrook.coop' });

async function staffAndMail() {
  await t.call('mail.save', mailTo(smtp.port));
  await t.call('auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });
  const desk: Session = { mode: 'kiosk', actor: { role: 'kiosk', memberId: null } };
  await t.coop.api.dispatch('auth.signIn', { who: 'kasia@example.coop', password: 'front-desk-2026' }, desk);
  return desk;
}

const ana = (): Actor => ({ role: 'member', memberId: w.member.id });

/** Ana books the Garden Room, which now needs approval: her booking waits, and the staff are told. */
async function pendingBooking() {
  await t.call('bookables.update', { ...(await t.call('bookables.get', { id: w.room.id })), rules: { approvalRequired: true } } as never);
  return t.call(
    'bookings.create',
    { bookableId: w.room.id, memberId: w.member.id, start: london('2026-11-26', '10:00'), end: london('2026-11-26', '11:00') },
    ana(),
  );
}

describe('notifications', () => {
  it('a booking that needs approval tells the staff; approved, the member’s inbox and the SMTP server both have it', async () => {
    const desk = await staffAndMail();
    const booking = await pendingBooking();
    expect(booking.status).toBe('pending');
    const staffInbox = await t.coop.api.dispatch('notifications.inbox', {}, desk);
    expect(staffInbox).toMatchObject({
      ok: true,
      data: { unread: 1, rows: [{ kind: 'booking-pending', title: 'Waiting for approval: Garden Room on 26 Nov 2026, 10:00–11:00' }] },
    });

    await t.coop.api.dispatch('bookings.approve', { id: booking.id }, desk);
    const inbox = await t.call('notifications.inbox', {}, ana());
    expect(inbox).toMatchObject({ unread: 1, rows: [{ kind: 'booking-approved', title: 'Approved: Garden Room on 26 Nov 2026, 10:00–11:00', read: false }] });
    await eventually(() => smtp.received.some((m) => m.to.includes('ana@example.coop')));
    const mail = smtp.received.find((m) => m.to.includes('ana@example.coop'))!;
    expect(mail.from).toBe('desk@millbrook.coop');
    expect(mail).toMatchObject({ subject: 'Approved: Garden Room on 26 Nov 2026, 10:00–11:00', text: 'Your booking is confirmed.\n' });
    // the staff's own message went to Kasia too
    await eventually(() => smtp.received.some((m) => m.to.includes('kasia@example.coop')));

    // read: the count drops, only for her
    expect(await t.call('notifications.markRead', { all: true }, ana())).toEqual({ unread: 0 });
    expect(await t.coop.api.dispatch('notifications.unread', {}, desk)).toMatchObject({ ok: true, data: { unread: 1 } });
    // nobody reads another's inbox: a member's inbox is their own, whatever they send
    expect(await t.call('notifications.inbox', {}, { role: 'member', memberId: w.ben.id })).toMatchObject({ unread: 0, rows: [] });
    expect(await t.call('notifications.markRead', { ids: [inbox.rows[0].id] }, { role: 'member', memberId: w.ben.id })).toEqual({ unread: 0 });
  });

  it('a message saved while the sender is busy with another goes out in the same run, not half a minute later', async () => {
    await smtp.close();
    smtp = await startSmtp({ delayMs: 400 });
    const desk = await staffAndMail();
    const booking = await pendingBooking();
    // the staff's message is on its way to a slow server when the approval is saved
    await eventually(() => smtp.started() > 0);
    await t.coop.api.dispatch('bookings.approve', { id: booking.id }, desk);
    await eventually(() => smtp.received.some((m) => m.to.includes('ana@example.coop')), 3000);
    expect(smtp.received.map((m) => m.to)).toEqual([['kasia@example.coop'], ['ana@example.coop']]);
  });

  it('a member’s weekly series on a room that needs approval tells the staff once, not once a week', async () => {
    const desk = await staffAndMail();
    await t.call('bookables.update', { ...(await t.call('bookables.get', { id: w.room.id })), rules: { approvalRequired: true } } as never);
    const series = {
      bookableId: w.room.id,
      memberId: w.member.id,
      firstDate: '2026-12-01',
      startTime: '09:00',
      endTime: '10:00',
      recurrence: { freq: 'weekly' as const, interval: 1, count: 4 },
      onClash: 'none' as const,
    };
    expect((await t.call('bookings.createSeries', series, ana())).booked.every((b) => b.status === 'pending')).toBe(true);
    const inbox = await t.coop.api.dispatch('notifications.inbox', {}, desk);
    expect(inbox).toMatchObject({
      ok: true,
      data: { total: 1, rows: [{ title: '4 bookings wait for approval, from Garden Room on 1 Dec 2026, 09:00–10:00' }] },
    });
  });

  it('a visitor arrives and the host is told; a member who chose the inbox only gets no e-mail', async () => {
    await staffAndMail();
    await t.call('notifications.setPref', { kind: 'visitor-arrived', email: false }, ana());
    const v = await t.call('visitors.create', { name: 'Dana Visitor', company: 'Acme', hostMemberId: w.member.id, expectedAt: london('2026-11-24', '11:00') });
    await t.call('visitors.arrive', { id: v.id });
    expect((await t.call('notifications.inbox', {}, ana())).rows[0]).toMatchObject({ kind: 'visitor-arrived', title: 'Dana Visitor has arrived' });
    await t.coop.runJob('notifications.sendMail');
    expect(smtp.received.filter((m) => m.to.includes('ana@example.coop'))).toEqual([]);
    expect((await t.call('notifications.prefs', {}, ana())).kinds.find((k) => k.kind === 'visitor-arrived')).toMatchObject({ email: false });
  });

  it('a forgotten password: a code by e-mail, at most one every five minutes, and the same answer for an address nobody has', async () => {
    await staffAndMail();
    const asked = await t.call('auth.requestReset', { email: 'kasia@example.coop' });
    expect(await t.call('auth.requestReset', { email: 'nobody@example.coop' })).toEqual(asked);
    for (let i = 0; i < 5; i++) await t.call('auth.requestReset', { email: 'kasia@example.coop' });
    await eventually(() => smtp.received.some((m) => m.to.includes('kasia@example.coop')));
    await new Promise((r) => setTimeout(r, 200));
    const mails = smtp.received.filter((m) => m.to.includes('kasia@example.coop'));
    expect(mails).toHaveLength(1);
    const code = /code is ([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(mails[0].text)![1];
    const phone: Session = { mode: 'kiosk', actor: { role: 'kiosk', memberId: null }, client: '10.0.0.3' };
    expect(await t.coop.api.dispatch('auth.redeemCode', { code, password: 'a new password 1' }, phone)).toMatchObject({
      ok: true,
      data: { account: { name: 'Kasia Nowak' } },
    });
    expect(smtp.received.some((m) => m.to.includes('nobody@example.coop'))).toBe(false);
  });

  it('mail settings that do not connect are refused with a clear message, and nothing is saved', async () => {
    const closedPort = smtp.port;
    await smtp.close();
    smtp = await startSmtp();
    const before = await t.snapshot();
    expect(await t.send('mail.save', mailTo(closedPort))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('refused the connection'), fields: { host: 'Could not connect' } },
    });
    expect(await t.snapshot()).toEqual(before);
    expect(await t.call('mail.settings', {})).toMatchObject({ configured: false });
    expect(await t.send('mail.save', { ...mailTo(smtp.port), host: 'not a host!' })).toMatchObject({
      ok: false,
      error: { fields: { host: expect.any(String) } },
    });
    // a test message, and the password never shown back
    await t.call('mail.save', mailTo(smtp.port));
    expect(await t.call('mail.settings', {})).toEqual({
      configured: true,
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      username: 'desk',
      passwordSet: true,
      sender: 'desk@millbrook.coop',
    });
    await t.call('mail.test', { to: 'kasia@example.coop' });
    expect(smtp.received.at(-1)).toMatchObject({ to: ['kasia@example.coop'], subject: 'Test message from Coopdesk' });
  });

  it('a server that fails is retried with back-off, shown to staff as failed, and sent when it works again', async () => {
    await staffAndMail();
    const port = smtp.port;
    await t.call(
      'bids.create',
      { title: 'Town hall website', client: 'Millbrook Council', skills: [{ tag: 'web design', days: 3 }] },
      { role: 'member', memberId: w.ben.id },
    );
    await smtp.close();
    const bid = (await t.call('bids.list', {}))[0];
    await t.call('bids.invite', { id: bid.id, memberIds: [w.member.id] });
    expect((await t.call('notifications.inbox', {}, ana())).rows[0]).toMatchObject({
      kind: 'bid-invited',
      title: 'You are invited to the joint bid “Town hall website”',
    });
    for (let i = 0; i < 6; i++) {
      await t.coop.runJob('notifications.sendMail');
      clock.now = new Date(clock.now.getTime() + 3 * 3_600_000);
    }
    const outbox = await t.call('notifications.outbox', {});
    expect(outbox).toMatchObject({ failed: 1, recent: [{ to: 'ana@example.coop', error: expect.stringContaining('not sent') }] });
    smtp = await startSmtp();
    await t.call('mail.save', { ...mailTo(smtp.port), password: '' });
    await t.call('notifications.retry', {});
    await t.coop.runJob('notifications.sendMail');
    expect(smtp.received.map((m) => m.to)).toContainEqual(['ana@example.coop']);
    expect(await t.call('notifications.outbox', {})).toMatchObject({ failed: 0, pending: 0 });
    expect(port).not.toBe(smtp.port);
  });
});
