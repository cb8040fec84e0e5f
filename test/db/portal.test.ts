import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/main/context';
import { ana, standInRenderer, startTestCoop, tempDir, type TestCoop } from '../helpers/coop';
import { otherDevice } from '../helpers/netns';

/**
 * The member portal from another device: a second network namespace reaches the app only over
 * its network address, over HTTPS, signs in with a code from the desk, books (a retry does not
 * book twice) and is refused every manager and desk channel.
 */
const device = otherDevice();
const CLIENT = resolve('test/helpers/device-client.mjs');

type Step = { channel: string; input?: unknown; key?: string } | { get: string };
type Answer = { status: number; body: any };

describe.skipIf(!device)(
  device
    ? 'the member portal, from another device on the network'
    : 'the member portal (skipped: this machine does not allow a second network namespace; run as root with ip netns)',
  () => {
    let t: TestCoop;
    let url: string;
    let caFile: string;
    let roomId: string;
    let memberId: string;
    const from = async (steps: Step[]): Promise<Answer[]> =>
      JSON.parse(await device!.run(process.execPath, [CLIENT], { BASE: url, STEPS: JSON.stringify(steps), NODE_EXTRA_CA_CERTS: caFile }));

    beforeAll(async () => {
      t = await startTestCoop({ rendererDir: standInRenderer() });
      const port = 20_000 + (process.pid % 20_000);
      const settings = await t.call('portal.save', { enabled: true, address: device!.hostAddress, port });
      expect(settings).toMatchObject({ running: true, problem: null, url: `https://${device!.hostAddress}:${port}/` });
      expect(settings.certificate?.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
      url = settings.url!;
      caFile = join(tempDir(), 'portal.pem');
      const pem = t.coop.database.sqlite.prepare('select cert_pem from portal_settings').pluck().get() as string;
      writeFileSync(caFile, pem);
      const siteId = (await t.call('settings.get', {})).site.id;
      roomId = (await t.call('bookables.create', { siteId, kind: 'room', name: 'Garden Room', capacity: 6 })).id;
      memberId = (await t.call('members.create', { ...ana, memberSince: '2024-01-10' })).id;
    });
    afterAll(async () => {
      await t?.close();
      device?.close();
    });

    it('signs a member in with the desk’s code, books once however often the phone retries, and refuses the desk’s channels', async () => {
      const { code } = await t.call('accounts.issueCode', { memberId });
      const booking = { bookableId: roomId, memberId, start: '2026-11-24T11:00:00.000Z', end: '2026-11-24T12:00:00.000Z' };
      const answers = await from([
        { get: '/' },
        { channel: 'auth.redeemCode', input: { code, password: 'a long portal password' } },
        { channel: 'bookings.create', input: booking, key: 'retry-key-0001' },
        { channel: 'bookings.create', input: booking, key: 'retry-key-0001' },
        { channel: 'bookings.create', input: { ...booking, start: '2026-11-24T13:00:00.000Z', end: '2026-11-24T14:00:00.000Z' }, key: 'retry-key-0001' },
        { channel: 'members.exportCsv', input: {} },
        { channel: 'auth.identify', input: { who: '1', pin: '1234' } },
        { channel: 'accounts.issueCode', input: { memberId } },
      ]);
      expect(answers[0].status).toBe(200);
      expect(answers[1].body).toMatchObject({ ok: true, data: { mode: 'portal', account: { memberId } } });
      expect(answers[2].body.ok).toBe(true);
      // the retry is answered from the first try: the same booking, and only one in the database
      expect(answers[3].body).toEqual(answers[2].body);
      expect(t.coop.database.sqlite.prepare("select count(*) from bookings where status <> 'cancelled'").pluck().get()).toBe(1);
      expect(answers[4].body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      for (const refused of answers.slice(5)) expect(refused.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      // the member's tries at the desk's channels are on record, as hers (written without holding up the refusal)
      await expect
        .poll(() =>
          t.coop.database.sqlite
            .prepare("select channel from audit_log where actor_member_id = ? and details like '%refused%' order by channel")
            .pluck()
            .all(memberId),
        )
        .toEqual(['accounts.issueCode', 'auth.identify', 'members.exportCsv']);
    });

    it('serves a private calendar feed a calendar app can read, until the member revokes it', async () => {
      const session: Session = { mode: 'portal', actor: { role: 'member', memberId, accountId: 'x' } };
      // an event she goes to, and one of the co-op's she does not
      const otherId = (await t.call('members.create', { name: 'Kasia Nowak', email: 'kasia@example.coop', memberSince: '2024-01-10' })).id;
      const stammtisch = {
        kind: 'stammtisch' as const,
        hostIds: [memberId],
        date: '2026-12-10',
        startTime: '18:30',
        endTime: '21:00',
        venue: 'The pub',
        capacity: 20,
      };
      const going = await t.call('events.create', { ...stammtisch, title: 'Stammtisch' });
      await t.call('events.create', { ...stammtisch, title: 'Tender seminar', kind: 'seminar' as const, date: '2026-12-11', hostIds: [otherId] });
      await t.coop.api.dispatch('events.rsvp', { eventId: going.id }, session.actor);
      const link = await t.coop.api.dispatch('portal.newCalendarLink', {}, session.actor);
      expect(link).toMatchObject({ ok: true, data: { exists: true } });
      const feedUrl = (link as { data: { url: string } }).data.url;
      expect(feedUrl.startsWith(url)).toBe(true);
      const [feed] = await from([{ get: new URL(feedUrl).pathname }]);
      expect(feed.status).toBe(200);
      const events = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent');
      expect(events.map((e) => String(e.getFirstPropertyValue('summary')))).toEqual([expect.stringContaining('Garden Room'), 'Stammtisch (Stammtisch)']);
      // the co-op's programme, behind the same secret
      const [programme] = await from([{ get: new URL((link as { data: { eventsUrl: string } }).data.eventsUrl).pathname }]);
      const all = new ICAL.Component(ICAL.parse(programme.body)).getAllSubcomponents('vevent');
      expect(all.map((e) => String(e.getFirstPropertyValue('summary')))).toEqual(['Stammtisch (Stammtisch)', 'Tender seminar (Seminar)']);
      // at its time on the site's clock
      expect(String(all[0]!.getFirstPropertyValue('dtstart'))).toContain('2026-12-10T18:30:00');
      await t.coop.api.dispatch('portal.revokeCalendarLink', {}, session.actor);
      const [gone, goneToo] = await from([{ get: new URL(feedUrl).pathname }, { get: `${new URL(feedUrl).pathname.slice(0, -4)}/events.ics` }]);
      expect(gone).toMatchObject({ status: 404, body: expect.stringContaining('revoked') });
      expect(goneToo.status).toBe(404);
      // the dead link's use is on record, in words, with where it came from
      const entry = (await t.call('audit.list', { channel: 'portal.deadCalendarLink' })).rows[0];
      expect(entry).toMatchObject({ actorName: `A calendar app at ${device!.deviceAddress}`, words: 'used a calendar link that no longer works' });
    });

    it('refuses a member who has left: the code does not sign in, and the calendar link stops', async () => {
      const { code } = await t.call('accounts.issueCode', { memberId });
      const link = await t.coop.api.dispatch('portal.newCalendarLink', {}, { role: 'member', memberId });
      const feedPath = new URL((link as { data: { url: string } }).data.url).pathname;
      await t.call('members.update', { ...(await t.call('members.get', { id: memberId })), status: 'left' } as never);
      const [, signIn, feed] = await from([
        { get: '/' },
        { channel: 'auth.redeemCode', input: { code, password: 'another long password' } },
        { get: feedPath },
      ]);
      expect(signIn.body).toMatchObject({ ok: false });
      expect(feed.status).toBe(404);
    });

    it('follows its settings when a backup is restored: turned off since, it runs again as the backup had it', async () => {
      const backup = await t.call('data.backupNow', {});
      const off = await t.call('portal.save', { enabled: false, address: device!.hostAddress, port: Number(new URL(url).port) });
      expect(off).toMatchObject({ running: false, url: null });
      await t.call('data.restore', { name: backup.name });
      await expect.poll(async () => (await t.call('portal.settings', {})).url).toBe(url);
      const [status] = await from([{ channel: 'auth.status' }]);
      expect(status.body).toMatchObject({ ok: true, data: { mode: 'portal' } });
    });
  },
);
