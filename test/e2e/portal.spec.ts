import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import { addDaysIso, zonedParts } from '@shared/domain/zoned';
import { startCoopdesk } from '../../electron/main/app';
import { startHost } from '../../electron/main/host';
import { otherDevice } from '../helpers/netns';
import { call, expect, test } from './fixtures';

// The member portal on a phone: a sign-in link from the desk, booking, the approval in the inbox,
// the calendar feed, checking in with a QR link; and a member who has left is refused.
const PHONE = { width: 390, height: 844 };

/** Reads a URL over HTTPS trusting only the portal's own certificate, as a calendar app that subscribed would. */
const fetchText = (url: string, ca: string) =>
  new Promise<{ status: number; body: string }>((done, fail) => {
    httpsRequest(url, { ca }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    })
      .on('error', fail)
      .end();
  });

test('a member signs in on her phone with the desk’s link, books, is told of the approval, subscribes to her calendar and checks in by QR', async ({
  browser,
}) => {
  const device = otherDevice();
  test.skip(!device, 'This machine does not allow a second network namespace (run as root with ip netns): the portal needs a network address.');
  const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-e2e-portal-'));
  const coop = await startCoopdesk({ dataDir, backups: false, rendererDir: resolve('out/renderer') });
  try {
    const settings = await call(coop, 'settings.get', {});
    await call(coop, 'settings.updateSite', {
      ...settings.site,
      name: 'Mill Lane',
      timeZone: 'Europe/London',
      hours: settings.site.hours.map((d: object) => ({ ...d, open: true, opens: '08:00', closes: '18:00' })),
    });
    const room = await call(coop, 'bookables.create', {
      siteId: settings.site.id,
      kind: 'room',
      name: 'Garden Room',
      capacity: 6,
      rules: { approvalRequired: true },
    });
    const ana = await call(coop, 'members.create', {
      name: 'Ana Ribeiro',
      email: 'ana@example.coop',
      memberSince: '2025-01-10',
      listed: true,
      offers: ['web design'],
    });
    const ben = await call(coop, 'members.create', { name: 'Ben Okafor', email: 'ben@example.coop', memberSince: '2025-01-10' });
    await call(coop, 'auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });
    const port = 21_000 + (process.pid % 20_000);
    const portal = await call(coop, 'portal.save', { enabled: true, address: device!.hostAddress, port });
    expect(portal.running).toBe(true);
    const ca = coop.database.sqlite.prepare('select cert_pem from portal_settings').pluck().get() as string;

    // at the desk: Settings shows where the portal runs, its fingerprint and its QR code; Ana's page gives a sign-in link
    const desk = await startHost({ coopdesk: coop, rendererDir: resolve('out/renderer') });
    const deskPage = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await deskPage.goto(desk.url);
    await deskPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await deskPage.getByLabel('E-mail or name').click();
    await deskPage.keyboard.type('kasia@example.coop');
    await deskPage.getByLabel('Password').click();
    await deskPage.keyboard.type('front-desk-2026');
    await deskPage.keyboard.press('Enter');
    await deskPage.goto(`${desk.url}#/settings`);
    const section = deskPage.getByRole('region', { name: 'Member portal' });
    await expect(section.getByText(`Running at ${portal.url}`)).toBeVisible();
    await expect(section.getByText(portal.certificate.fingerprint)).toBeVisible();
    await section.scrollIntoViewIfNeeded();
    await deskPage.screenshot({ path: 'test-results/portal-settings.png' });
    await deskPage.goto(`${desk.url}#/members/${ana.id}`);
    await deskPage.getByRole('button', { name: 'Make a one-time sign-in code' }).click();
    const link = deskPage.getByRole('status').getByRole('link', { name: /#\/code\// });
    const href = (await link.getAttribute('href'))!;
    const code = href.split('/code/')[1];
    const issued = { link: href, code };
    expect(issued.link).toBe(`${portal.url}#/code/${code}`);
    await expect(deskPage.getByRole('img', { name: 'Sign-in link for Ana Ribeiro' })).toBeVisible();
    await desk.close();

    // on her phone, over the network address
    const phone = await browser.newContext({ viewport: PHONE, ignoreHTTPSErrors: true, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(issued.link);
    await expect(page.getByRole('textbox', { name: 'One-time code' })).toHaveValue(issued.code);
    await page.getByLabel('New password').click();
    await page.keyboard.type('a long phone password');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Hello, Ana Ribeiro' })).toBeVisible();
    const axe = async () =>
      expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map((v) => v.id)).toEqual([]);
    await axe();
    await page.screenshot({ path: 'test-results/portal-today.png', fullPage: true });

    // she books the Garden Room tomorrow; it waits for approval
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Book' }).click();
    await page.getByRole('button', { name: 'Book a desk or room' }).click();
    const dialog = page.getByRole('dialog', { name: 'New booking' });
    const tomorrow = addDaysIso(zonedParts(Date.now(), 'Europe/London').date, 1);
    await dialog.getByLabel('What', { exact: true }).selectOption({ label: 'Garden Room (room, 6)' });
    await dialog.getByLabel('Date', { exact: true }).fill(tomorrow);
    await dialog.getByLabel('From', { exact: true }).fill('10:00');
    await dialog.getByLabel('Until', { exact: true }).fill('11:00');
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Upcoming bookings' }).getByRole('row', { name: /Garden Room/ })).toBeVisible();
    await axe();
    await page.screenshot({ path: 'test-results/portal-book.png', fullPage: true });

    // the desk approves; her inbox says so
    const [pending] = await call(coop, 'bookings.pending', {});
    await call(coop, 'bookings.approve', { id: pending.id });
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Inbox' }).click();
    await expect(page.getByText(/approved/i).first()).toBeVisible();

    // the directory lists her (she chose to be), not Ben (he did not)
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Members' }).click();
    await expect(page.getByRole('heading', { name: 'Ana Ribeiro' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Ben Okafor' })).toHaveCount(0);
    await axe();
    await page.screenshot({ path: 'test-results/portal-members.png', fullPage: true });

    // her calendar link, read as a calendar app would
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Me', exact: true }).click();
    await page.getByRole('button', { name: 'Make my calendar link' }).click();
    const feedUrl = await page.getByLabel('Calendar link').inputValue();
    const feed = await fetchText(feedUrl, ca);
    expect(feed.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(feed.body)).getAllSubcomponents('vevent');
    expect(events.map((e) => String(e.getFirstPropertyValue('summary')))).toEqual([expect.stringContaining('Garden Room')]);
    await axe();
    await page.screenshot({ path: 'test-results/portal-me.png', fullPage: true });

    // the QR code on the Garden Room's door checks her in
    await page.goto(`${portal.url}#/here/${room.id}`);
    await expect(page.getByRole('status').filter({ hasText: /Checked in/ })).toBeVisible();
    expect(await call(coop, 'frontdesk.presence', { memberId: ana.id, limit: 1 })).toMatchObject([{ checkedOutAt: null }]);

    // Ben, who has left, is refused with his own link
    const bens = await call(coop, 'accounts.issueCode', { memberId: ben.id });
    await call(coop, 'members.update', { ...(await call(coop, 'members.get', { id: ben.id })), status: 'left' });
    const other = await (await browser.newContext({ viewport: PHONE, ignoreHTTPSErrors: true })).newPage();
    await other.goto(bens.link);
    await other.getByLabel('New password').click();
    await other.keyboard.type('another long password');
    await other.keyboard.press('Enter');
    await expect(other.getByText(/membership has ended|no longer a member|closed/i).first()).toBeVisible();
    await expect(other.getByRole('navigation', { name: 'Portal' })).toHaveCount(0);
    await phone.close();
  } finally {
    await coop.close();
    device!.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
