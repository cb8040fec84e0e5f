import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page, expect, test as base } from '@playwright/test';
import { type Coopdesk, startCoopdesk } from '../../electron/main/app';
import { type Host, startHost } from '../../electron/main/host';

/** Every test gets its own data folder and its own browser host on 127.0.0.1. */
export const test = base.extend<{ app: { coop: Coopdesk; host: Host; url: string } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  app: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-e2e-'));
    const coop = await startCoopdesk({ dataDir, backups: false });
    const host = await startHost({ coopdesk: coop, rendererDir: resolve('out/renderer') });
    await use({ coop, host, url: host.url });
    await host.close();
    await coop.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** Sets the scene as the front desk would, through the API (not the screens under test). */
export async function call<T = any>(
  coop: Pick<Coopdesk, 'api'>,
  channel: string,
  input: unknown,
  actor: { role: 'manager' | 'member'; memberId: string | null } = { role: 'manager', memberId: null },
): Promise<T> {
  const r = await coop.api.dispatch(channel, input, actor);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as T;
}

export { expect } from '@playwright/test';

/** Checks the page with axe-core against WCAG 2.1 A and AA: no violation at all. */
export async function axe(page: Page): Promise<void> {
  const found = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(found.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
}

/** A member identified at the kiosk (PIN 4821) in a browser of its own, at `viewport`, on their home screen. */
export async function atKiosk(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
  who: { number: number; name: string },
): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${url}#/today`);
  await page.getByLabel('Member number or name').click();
  await page.keyboard.type(String(who.number));
  await page.getByLabel('PIN').click();
  await page.keyboard.type('4821');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Hello, ${who.name}` })).toBeVisible();
  return page;
}
