import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCoopdeskOnPostgres } from '../../electron/main/app';
import { startHost } from '../../electron/main/host';
import { postgresMissing, startPostgres } from '../helpers/postgres';
import { clickSlot, nextWeekday } from './board';
import { call, expect, test } from './fixtures';

/**
 * Two front desks, each its own Coopdesk host bound to its own site, sharing one PostgreSQL
 * server the test starts: the mill's desk books a room at the harbour from its screen, and the
 * harbour's open board shows it without a reload (LISTEN/NOTIFY between the hosts).
 */
test('a booking made at one site’s desk appears on the other site’s open board', async ({ browser }) => {
  const missing = postgresMissing();
  test.skip(missing !== null, `no PostgreSQL server here: ${missing}`);
  const server = await startPostgres();
  const folders = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'coopdesk-e2e-')));
  const closing: (() => Promise<void>)[] = [];
  try {
    const url = server.createDatabase('coop_two_sites');
    const mill = await startCoopdeskOnPostgres(url, { dataDir: folders[0], backups: false });
    closing.push(() => mill.close());
    const settings = await call(mill, 'settings.get', {});
    await call(mill, 'settings.updateSite', { ...settings.site, name: 'The Mill', timeZone: 'Europe/London' });
    const withHarbour = await call(mill, 'settings.addSite', { name: 'Harbour Yard', address: '2 Quay Street', timeZone: 'Europe/London' });
    const harbourId = withHarbour.sites.find((s: { name: string }) => s.name === 'Harbour Yard').id;
    await call(mill, 'bookables.create', { siteId: harbourId, kind: 'room', name: 'Net Loft', capacity: 8 });
    await call(mill, 'members.create', { name: 'Ana Ribeiro', email: 'ana@example.coop', memberSince: '2025-01-10' });
    const harbour = await startCoopdeskOnPostgres(url, { dataDir: folders[1], backups: false, site: 'Harbour Yard' });
    closing.push(() => harbour.close());
    const hosts = await Promise.all([mill, harbour].map((coopdesk) => startHost({ coopdesk, rendererDir: resolve('out/renderer') })));
    closing.unshift(...hosts.map((h) => () => h.close()));

    const day = nextWeekday(2);
    const atHarbour = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await atHarbour.goto(`${hosts[1].url}#/bookings/${day}`);
    await expect(atHarbour.getByText(/^Harbour Yard ·/)).toBeVisible();
    const harbourBoard = atHarbour.getByRole('grid', { name: 'Day board' });
    await expect(harbourBoard.getByRole('rowheader', { name: 'Net Loft' })).toBeVisible();

    // the mill's desk starts at the mill, switches to the harbour and books there
    const atMill = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await atMill.goto(`${hosts[0].url}#/bookings/${day}`);
    await expect(atMill.getByText(/^The Mill ·/)).toBeVisible();
    await atMill.getByRole('combobox', { name: 'Site' }).selectOption({ label: 'Harbour Yard' });
    await expect(atMill.getByText(/^Harbour Yard ·/)).toBeVisible();
    const millBoard = atMill.getByRole('grid', { name: 'Day board' });
    await clickSlot(atMill, millBoard, 'Net Loft', '10:00');
    const dialog = atMill.getByRole('dialog', { name: 'New booking' });
    await expect(dialog.getByRole('combobox', { name: 'Member' })).toBeFocused();
    await atMill.keyboard.type('ana');
    await dialog.getByRole('option', { name: /Ana Ribeiro/ }).click();
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(millBoard.getByRole('button', { name: /10:00 Ana Ribeiro/ })).toBeVisible();

    // the harbour's board, open all along, shows it: nobody reloaded it
    await expect(harbourBoard.getByRole('button', { name: /10:00 Ana Ribeiro/ })).toBeVisible();
    await atHarbour.screenshot({ path: 'test-results/screens/two-sites-harbour-1440.png' });
  } finally {
    for (const close of closing) await close();
    await server.stop();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  }
});
