import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { startCoopdesk } from '../../electron/main/app';
import { startHost } from '../../electron/main/host';
import { otherDevice } from '../helpers/netns';
import { call, expect, test } from './fixtures';

// The business network from members' own devices: Ana posts a need and introduces herself to one of
// two suppliers; Pia passes Kasia a referral, Kasia wins it for 2,400 and Pia's balance shows it.
const PHONE = { width: 390, height: 844 };

async function axe(page: Page) {
  const found = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(found.violations.map((v) => v.id)).toEqual([]);
}

/** Signs a member in on a device of their own with the desk's one-time link, choosing a password. */
async function signIn(browser: Browser, link: string, viewport: { width: number; height: number }, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport, ignoreHTTPSErrors: true, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('New password').click();
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Hello, / })).toBeVisible();
  return page;
}

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name, exact: true }).click();
const sub = (page: Page, name: string) => page.getByRole('navigation', { name: 'Business network' }).getByRole('link', { name, exact: true }).click();

test('a member posts a need, sees two suppliers with reasons and introduces herself; a referral won for 2,400 is credited to its giver', async ({
  browser,
}) => {
  const device = otherDevice();
  test.skip(!device, 'This machine does not allow a second network namespace (run as root with ip netns): the portal needs a network address.');
  const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-e2e-network-'));
  const coop = await startCoopdesk({ dataDir, backups: false, rendererDir: resolve('out/renderer') });
  try {
    const settings = await call(coop, 'settings.get', {});
    await call(coop, 'settings.updateCoop', { ...settings.coop, currency: 'GBP', timeZone: 'Europe/London' });
    const member = (name: string, offers: string[] = []) =>
      call(coop, 'members.create', { name, email: `${name.split(' ')[0].toLowerCase()}@example.coop`, memberSince: '2025-01-10', listed: true, offers });
    const ana = await member('Ana Ribeiro', ['web design']);
    const kasia = await member('Kasia Nowak', ['bookkeeping', 'payroll']);
    const omar = await member('Omar Haddad', ['bookkeeping and accounts']);
    const pia = await member('Pia Lund', ['photography']);
    await call(coop, 'frontdesk.checkIn', { memberId: omar.id });
    const port = 22_000 + (process.pid % 20_000);
    const portal = await call(coop, 'portal.save', { enabled: true, address: device!.hostAddress, port });
    expect(portal.running).toBe(true);
    const link = async (memberId: string) => (await call(coop, 'accounts.issueCode', { memberId })).link as string;

    // Ana, on her phone, adds what she needs to her profile
    const phone = await signIn(browser, await link(ana.id), PHONE, 'ana’s long phone password');
    await tab(phone, 'Me');
    await phone.getByRole('combobox', { name: 'What you need' }).click();
    await phone.keyboard.type('bookkeeping');
    await phone.keyboard.press('Enter');
    await phone.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(phone.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();

    // her matches: two suppliers, each with the reason in words; Ulla-like strangers are not there
    await tab(phone, 'Network');
    const suppliers = phone.getByRole('region', { name: 'Suppliers of bookkeeping' });
    await expect(suppliers.getByRole('listitem')).toHaveCount(2);
    await expect(suppliers.getByRole('listitem').nth(0)).toContainText('Kasia Nowak');
    await expect(suppliers.getByRole('listitem').nth(0)).toContainText('offers bookkeeping');
    await expect(suppliers.getByRole('listitem').nth(1)).toContainText('Omar Haddad');
    await expect(suppliers.getByRole('listitem').nth(1)).toContainText('offers bookkeeping and accounts (close to bookkeeping) · in today');
    await axe(phone);
    await phone.screenshot({ path: 'test-results/network-matches-phone.png', fullPage: true });
    await suppliers.getByRole('listitem').filter({ hasText: 'Kasia Nowak' }).getByRole('button', { name: 'Introduce me' }).click();
    await expect(phone.getByText('You and Kasia Nowak are introduced: both of you are told.')).toBeVisible();
    const kasiasInbox = await call(coop, 'notifications.inbox', {}, { role: 'member', memberId: kasia.id });
    expect(kasiasInbox.rows[0]).toMatchObject({ kind: 'introduced', body: 'Ana Ribeiro needs bookkeeping; Kasia Nowak offers it.' });

    // Pia, on her laptop, passes Kasia a lead
    const laptop = await signIn(browser, await link(pia.id), { width: 1024, height: 768 }, 'pia’s long laptop password');
    await tab(laptop, 'Network');
    await sub(laptop, 'Referrals');
    const form = laptop.getByRole('form', { name: 'Pass a referral' });
    await form.getByRole('combobox', { name: 'To member' }).click();
    await laptop.keyboard.type('Kasia');
    await laptop.getByRole('option', { name: /Kasia Nowak/ }).click();
    await form.getByLabel('Who the lead is').click();
    await laptop.keyboard.type('Millbrook Bakery');
    await form.getByLabel('What they need').click();
    await laptop.keyboard.type('Year-end accounts');
    await form.getByLabel('I gave them the contact').check();
    await form.getByRole('button', { name: 'Pass the referral' }).click();
    await expect(laptop.getByRole('listitem', { name: 'Referral Millbrook Bakery' })).toContainText('Pia Lund → Kasia Nowak');
    await axe(laptop);
    await laptop.screenshot({ path: 'test-results/network-referrals-1024.png', fullPage: true });

    // Kasia wins the business; a won referral with no value is refused next to the field first
    const desk = await signIn(browser, await link(kasia.id), { width: 1440, height: 900 }, 'kasia’s long password');
    await tab(desk, 'Network');
    await sub(desk, 'Referrals');
    const card = desk.getByRole('listitem', { name: 'Referral Millbrook Bakery' });
    await card.getByRole('button', { name: 'Move on' }).click();
    await card.getByLabel('Where it stands').selectOption({ label: 'Won' });
    await card.getByRole('button', { name: 'Save' }).click();
    await expect(card.getByText('A won referral needs the value of the business')).toBeVisible();
    await card.getByLabel('Value of the business (GBP)').click();
    await desk.keyboard.type('2400');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect(card.getByText('£2,400.00')).toBeVisible();
    await axe(desk);
    await desk.screenshot({ path: 'test-results/network-referrals-1440.png', fullPage: true });

    // the giver's balance shows the business she brought (live: her open page refreshes itself)
    await expect(laptop.getByRole('status', { name: 'Your referral balance' })).toContainText('You gave 1 · £2,400.00 won');

    // the marketplace and the gaps, on the phone
    await sub(phone, 'Marketplace');
    await expect(phone.getByRole('row', { name: /^bookkeeping Ana Ribeiro/ })).toContainText('Kasia Nowak');
    await axe(phone);
    await phone.screenshot({ path: 'test-results/network-market-phone.png', fullPage: true });
    await sub(phone, 'Gaps');
    await expect(phone.getByRole('region', { name: 'Offered, not needed' }).getByText('photography')).toBeVisible();
    await axe(phone);

    // at the desk (localhost): the manager's balances, with the amount
    const host = await startHost({ coopdesk: coop, rendererDir: resolve('out/renderer') });
    const manager = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await manager.goto(`${host.url}#/network/balances`);
    await expect(manager.getByRole('row', { name: /Pia Lund/ })).toContainText('£2,400.00');
    await axe(manager);
    await manager.screenshot({ path: 'test-results/network-balances-1440.png', fullPage: true });
    await manager.goto(`${host.url}#/network/hours`);
    await axe(manager);
    await manager.goto(`${host.url}#/network/tags`);
    await axe(manager);
    await manager.screenshot({ path: 'test-results/network-tags-1440.png', fullPage: true });
    await manager.goto(`${host.url}#/network/trade`);
    await expect(manager.getByRole('heading', { name: 'Business kept inside, last 12 months' })).toBeVisible();
    await axe(manager);
    await host.close();
  } finally {
    await coop.close();
    device!.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
