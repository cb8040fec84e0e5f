import { postgresMissing, startPostgres } from '../helpers/postgres';
import { axe, call, expect, test } from './fixtures';

/** Settings → Database: the manager looks at a PostgreSQL server, then moves the co-op there from the screen; the desk goes on working. */
test('checks a server, refuses a bad address next to the field, and moves the co-op there', async ({ app, page }) => {
  const missing = postgresMissing();
  test.skip(missing !== null, `no PostgreSQL server here: ${missing}`);
  // a move migrates the server and copies every table: seconds, more on a machine busy with other tests
  test.setTimeout(150_000);
  const server = await startPostgres({ password: 's3cret-coop' });
  try {
    await call(app.coop, 'members.create', { name: 'Ana Ribeiro', email: 'ana@example.coop', memberSince: '2025-03-14' });
    const url = server.createDatabase('coop_from_screen');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${app.url}#/settings`);
    const card = page.getByRole('region', { name: 'Database' });
    const address = card.getByLabel('Server address');
    await address.click();
    await page.keyboard.type('postgres:/nowhere');
    await page.keyboard.press('Enter');
    await expect(card.getByText('Write it as postgres://user:password@host:5432/database')).toBeVisible();
    await expect(address).toHaveAttribute('aria-invalid', 'true');

    await address.fill('');
    await page.keyboard.type(url);
    await card.getByRole('button', { name: 'Check' }).click();
    await expect(card.getByRole('status').filter({ hasText: 'an empty database. This co-op can move there.' })).toBeVisible();
    await axe(page);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/database-1440.png' });

    page.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: 'Move this co-op there' }).click();
    await expect(card.getByText(/^This desk now works on PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:\d+\/coop_from_screen\.$/)).toBeVisible({
      timeout: 60_000,
    });
    // the password is on no screen
    await expect(page.locator('body')).not.toContainText('s3cret-coop');
    await expect(page.getByRole('region', { name: 'Your data' })).toContainText('PostgreSQL at');
    await expect(card).toContainText('This desk works on the co-op’s PostgreSQL server');
    await page.setViewportSize({ width: 1024, height: 768 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/database-moved-1024.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screens/database-moved-phone.png' });
    await axe(page);

    // the desk goes on, on the server
    await page.goto(`${app.url}#/members`);
    await expect(page.getByText('Ana Ribeiro')).toBeVisible();
  } finally {
    await server.stop();
  }
});
