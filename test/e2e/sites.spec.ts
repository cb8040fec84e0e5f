import { axe, call, expect, test } from './fixtures';

/** A co-op with two sites: the manager adds one in Settings, and the desk switches to it beside the co-op's name; the screens follow. */
test('adds a site in Settings, refuses its name twice, and switches the desk to it and back', async ({ app, page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const settings = await call(app.coop, 'settings.get', {});
  await call(app.coop, 'bookables.create', { siteId: settings.site.id, kind: 'room', name: 'Garden Room', capacity: 6 });
  await page.goto(`${app.url}#/settings`);
  // one site: nothing to switch
  await expect(page.getByRole('combobox', { name: 'Site' })).toHaveCount(0);
  const sites = page.getByRole('region', { name: 'Sites' });
  await sites.getByLabel('New site').click();
  await page.keyboard.type('Harbour Yard');
  await sites.getByLabel('Address').click();
  await page.keyboard.type('2 Quay Street');
  await sites.getByRole('button', { name: 'Add site' }).click();
  await expect(sites.getByRole('list', { name: 'Sites' })).toContainText('Harbour Yard');
  await expect(sites.getByLabel('New site')).toHaveValue('');
  // the same name again: the message by the field, nothing added
  await sites.getByLabel('New site').click();
  await page.keyboard.type('harbour yard');
  await page.keyboard.press('Enter');
  await expect(sites.getByText('Another site has this name')).toBeVisible();
  await expect(sites.getByRole('list', { name: 'Sites' }).getByRole('listitem')).toHaveCount(2);
  await axe(page);
  await page.screenshot({ path: 'test-results/screens/sites-1440.png' });

  // the desk works at the harbour: its board has none of the mill's rooms
  const site = page.getByRole('combobox', { name: 'Site' });
  await site.selectOption({ label: 'Harbour Yard' });
  await expect(sites.getByText('Working here')).toBeVisible();
  await expect(sites.getByRole('button', { name: `Work at ${settings.site.name}` })).toBeVisible();
  await page.goto(`${app.url}#/bookings`);
  await expect(page.getByText(/^Harbour Yard ·/)).toBeVisible();
  await expect(page.getByText('Garden Room')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/sites-board-1440.png' });
  await page.getByRole('combobox', { name: 'Site' }).selectOption({ label: settings.site.name });
  await expect(page.getByText('Garden Room').first()).toBeVisible();
});
