import { expect, test } from './fixtures';

test('a manager adds a member, finds them by a tag, edits and archives them', async ({ page, app }) => {
  await page.goto(`${app.url}#/members`);
  await expect(page.getByRole('heading', { name: 'Your membership register is empty' })).toBeVisible();
  await page.getByRole('link', { name: 'Add the first member' }).click();

  await page.getByLabel('Name', { exact: true }).fill('Ana Ribeiro');
  await page.getByLabel('Email', { exact: true }).fill('ana@example.coop');
  await page.getByLabel('Business name', { exact: true }).fill('Ribeiro Design');
  await page.getByLabel('Member since', { exact: true }).fill('2026-03-14');
  await page.getByLabel('Offers', { exact: true }).fill('Web design');
  await page.getByLabel('Offers', { exact: true }).press('Enter');
  await page.getByLabel('Offers', { exact: true }).fill('branding');
  await page.getByLabel('Offers', { exact: true }).press('Enter');
  await page.getByLabel('Needs', { exact: true }).fill('copywriting');
  await page.getByLabel('Needs', { exact: true }).press('Enter');
  await page.getByRole('button', { name: 'Create member' }).click();

  await expect(page.getByRole('heading', { name: 'Ana Ribeiro' })).toBeVisible();
  await expect(page.getByText('Becomes a co-op owner on 14 May 2027')).toBeVisible();

  // a second member, so that finding by tag means something
  await page.getByRole('link', { name: 'Members', exact: true }).first().click();
  await page.getByRole('link', { name: /New member/ }).click();
  await page.getByLabel('Name', { exact: true }).fill('Ben Okafor');
  await page.getByLabel('Email', { exact: true }).fill('ben@example.coop');
  await page.getByLabel('Offers', { exact: true }).fill('copywriting');
  await page.getByLabel('Offers', { exact: true }).press('Enter');
  await page.getByRole('button', { name: 'Create member' }).click();
  await expect(page.getByRole('heading', { name: 'Ben Okafor' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
  const table = page.getByRole('table', { name: 'Members' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await page.getByLabel('Tag', { exact: true }).selectOption('branding');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('link', { name: 'Ana Ribeiro' })).toBeVisible();
  await page.getByLabel('Tag', { exact: true }).selectOption('');
  await page.getByRole('searchbox', { name: 'Search members' }).fill('copy');
  await expect(table.getByRole('row')).toHaveCount(3); // Ana needs it, Ben offers it
  await page.getByRole('searchbox', { name: 'Search members' }).fill('web des');
  await expect(table.getByRole('row')).toHaveCount(2);

  await table.getByRole('link', { name: 'Ana Ribeiro' }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Email', { exact: true }).fill('ben@example.coop');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('ben@example.coop is already the email of Ben Okafor.')).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill('ana.ribeiro@example.coop');
  await page.getByLabel('Phone', { exact: true }).fill('+44 7700 900123');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Ana Ribeiro' })).toBeVisible();
  await expect(page.getByText('+44 7700 900123')).toBeVisible();

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Archived on' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
  await expect(table.getByRole('link', { name: 'Ana Ribeiro' })).toHaveCount(0);
  await page.getByLabel('Archived', { exact: true }).selectOption('only');
  await expect(table.getByRole('link', { name: 'Ana Ribeiro' })).toBeVisible();
});

test('bad input is shown next to its field and nothing is saved', async ({ page, app }) => {
  await page.goto(`${app.url}#/members/new`);
  await page.getByLabel('Email', { exact: true }).fill('ana-at-example');
  await page.getByLabel('Member since', { exact: true }).fill('14/03/2025');
  await page.getByRole('button', { name: 'Create member' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription('Name is required');
  await expect(page.getByLabel('Email', { exact: true })).toHaveAccessibleDescription(/Enter an email address/);
  await expect(page.getByLabel('Member since', { exact: true })).toHaveAccessibleDescription(/Use the form YYYY-MM-DD/);
  const list = await app.coop.api.dispatch('members.list', {}, { role: 'manager', memberId: null });
  expect(list).toMatchObject({ ok: true, data: { total: 0 } });
});

test('importing a CSV with one bad row shows why, then imports the rest', async ({ page, app }) => {
  await page.goto(`${app.url}#/members`);
  await page.getByRole('link', { name: 'Import CSV' }).first().click();
  const csv = [
    'name,email,business_name,member_since,offers,needs',
    'Ana Ribeiro,ana@example.coop,Ribeiro Design,2025-03-14,web design; branding,copywriting',
    'Ben Okafor,ben@example.coop,Okafor Words,2024-13-40,copywriting,',
    'Chiara Novak,chiara@example.coop,Novak Legal,2023-06-01,legal advice,bookkeeping',
  ].join('\n');
  await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('heading')).toHaveText('2 members will be created, 1 rejected');
  const bad = report.getByRole('row', { name: /Ben Okafor/ });
  await expect(bad).toContainText('rejected');
  await expect(bad).toContainText('member_since: There is no such day in the calendar');
  await page.screenshot({ path: 'test-results/import-dry-run.png' });

  await page.getByRole('button', { name: 'Import 2 members' }).click();
  await expect(report.getByRole('heading')).toHaveText('2 members imported, 1 rejected');
  await page.getByRole('link', { name: 'Go to members' }).click();
  const table = page.getByRole('table', { name: 'Members' });
  await expect(table.getByRole('link', { name: 'Chiara Novak' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Ben Okafor' })).toHaveCount(0);
});

test('a newcomer loads the demo co-op and moves around with the keyboard', async ({ page, app }) => {
  await page.goto(`${app.url}#/members`);
  await page.getByRole('button', { name: 'Load the demo co-op' }).click();
  const table = page.getByRole('table', { name: 'Members' });
  // a whole co-op written at once: 3.4 s in a CI run beside other tests
  await expect(table.getByRole('row').nth(5)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Millbrook Works Co-op')).toBeVisible();

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search members' })).toBeFocused();
  await page.keyboard.type('photography');
  await expect(table.getByRole('row').nth(1)).toContainText(/photography/i);
  await page.keyboard.press('Tab');
  await table.getByRole('row').nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Co-op ownership' })).toBeVisible();
  await page.screenshot({ path: 'test-results/member-detail.png' });
});

test('settings: the co-op, the site and its opening hours', async ({ page, app }) => {
  await page.goto(`${app.url}#/settings`);
  await page.getByLabel('Co-op name', { exact: true }).fill('Riverside Works');
  await page.getByLabel('Currency', { exact: true }).fill('GBP');
  await page.getByLabel('Months until ownership', { exact: true }).fill('12');
  await page.getByRole('button', { name: 'Save co-op settings' }).click();
  // each section saves on its own and says what changed
  const coopSaved = page.getByRole('form', { name: 'The co-op' }).getByRole('status');
  await expect(coopSaved).toHaveText(/^Saved: co-op name(, currency)?, months until ownership\.$/);
  await page.getByRole('button', { name: 'Save co-op settings' }).click();
  await expect(coopSaved).toHaveText('Nothing had changed.');
  await expect(page.getByRole('complementary').getByText('Riverside Works')).toBeVisible();

  // the site's own form (Sites, further down, has its time zone and address for a new site)
  const site = page.getByRole('form', { name: 'Site', exact: true });
  await site.getByLabel('Time zone', { exact: true }).fill('Mars/Olympus');
  await page.getByLabel('Saturday open', { exact: true }).check();
  await page.getByLabel('Saturday opens', { exact: true }).fill('14:00');
  await page.getByLabel('Saturday closes', { exact: true }).fill('10:00');
  await page.getByRole('button', { name: 'Save site' }).click();
  await expect(site.getByLabel('Time zone', { exact: true })).toHaveAccessibleDescription(/Unknown time zone/);
  await expect(page.getByText('Closing time must be after opening time')).toBeVisible();

  await site.getByLabel('Time zone', { exact: true }).fill('Europe/London');
  await page.getByLabel('Saturday closes', { exact: true }).fill('17:00');
  await site.getByLabel('Address', { exact: true }).fill('1 Mill Lane, Leeds');
  await page.getByRole('button', { name: 'Save site' }).click();
  await expect(page.getByRole('form', { name: 'Site' }).getByRole('status')).toHaveText('Saved: time zone, address, opening hours.');
  // the table of contents takes the keyboard to a section
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Your data' }).click();
  await expect(page.locator('#settings-data')).toBeFocused();
  await expect(page.getByRole('region', { name: 'Your data' })).toBeInViewport();
  await page.screenshot({ path: 'test-results/settings.png', fullPage: true });

  const saved = await app.coop.api.dispatch('settings.get', {}, { role: 'manager', memberId: null });
  expect(saved).toMatchObject({
    ok: true,
    // one time zone: the co-op's follows the site's
    data: {
      coop: { timeZone: 'Europe/London' },
      site: { timeZone: 'Europe/London', hours: expect.arrayContaining([{ weekday: 6, open: true, opens: '14:00', closes: '17:00' }]) },
    },
  });
});

test('a long register loads more rows as the table scrolls', async ({ page, app }) => {
  const lines = ['name,email,member_since'];
  for (let i = 1; i <= 260; i++) lines.push(`Member ${String(i).padStart(3, '0')},m${i}@example.coop,2024-01-01`);
  const imported = await app.coop.api.dispatch('members.importCsv', { csv: lines.join('\n'), dryRun: false }, { role: 'manager', memberId: null });
  expect(imported).toMatchObject({ ok: true, data: { created: 260 } });

  await page.goto(`${app.url}#/members`);
  await expect(page.getByRole('status').filter({ hasText: '260 members' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Members' });
  await expect(table.getByRole('link', { name: 'Member 001' })).toBeVisible();
  await expect(table.getByRole('link', { name: 'Member 260' })).toHaveCount(0);
  for (let i = 0; i < 10; i++) {
    await page.locator('.table-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    if (await table.getByRole('link', { name: 'Member 260' }).count()) break;
    await page.waitForTimeout(150);
  }
  await expect(table.getByRole('link', { name: 'Member 260' })).toBeVisible();
});

test('HTML in a member’s name is shown as text, never run', async ({ page, app }) => {
  const name = '<img src=x onerror="window.pwned=1">Eve';
  const created = await app.coop.api.dispatch(
    'members.create',
    { name, email: 'eve@example.coop', memberSince: '2025-01-01', businessName: '<b>Bold</b> Ltd' },
    { role: 'manager', memberId: null },
  );
  expect(created.ok).toBe(true);
  await page.goto(`${app.url}#/members`);
  await expect(page.getByRole('link', { name })).toBeVisible();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText('<b>Bold</b> Ltd')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
});

test('back up now, change something, restore the backup from Settings', async ({ page, app }) => {
  await app.coop.api.dispatch(
    'members.create',
    { name: 'Ana Ribeiro', email: 'ana@example.coop', memberSince: '2025-01-01' },
    { role: 'manager', memberId: null },
  );
  await page.goto(`${app.url}#/settings`);
  const data = page.getByRole('region', { name: 'Your data' });
  await data.getByRole('button', { name: 'Back up now' }).click();
  await expect(data.getByRole('status').filter({ hasText: 'Backed up as manual-' })).toBeVisible();
  await expect(data.getByRole('table', { name: 'Backups' }).getByRole('row')).toHaveCount(2);
  await app.coop.api.dispatch(
    'members.create',
    { name: 'Ben Okafor', email: 'ben@example.coop', memberSince: '2025-01-01' },
    { role: 'manager', memberId: null },
  );
  await expect(page.getByText('2 in the register')).toBeVisible();

  page.once('dialog', (dialog) => dialog.accept());
  await data.getByRole('button', { name: /Restore the backup of/ }).click();
  await expect(data.getByRole('status').filter({ hasText: 'Restored manual-' })).toBeVisible();
  await expect(page.getByText('1 in the register')).toBeVisible();
  await expect(data.getByRole('table', { name: 'Backups' }).getByRole('row', { name: /before a restore/ })).toBeVisible();

  await data.getByRole('button', { name: 'Export everything (CSV, zip)' }).click();
  await expect(data.getByRole('status').filter({ hasText: 'Exported everything to coopdesk-export-' })).toBeVisible();
  await page.screenshot({ path: 'test-results/your-data.png', fullPage: true });
});
