import { expect, test } from './fixtures';

// Bad input gets its message next to the field, and the form keeps working afterwards.
test('a tag that is too long is refused next to its field; the next member saves', async ({ page, app }) => {
  await page.goto(`${app.url}#/members/new`);
  await page.getByLabel('Name', { exact: true }).click();
  await page.keyboard.type('Ana Ribeiro');
  await page.getByRole('button', { name: 'Create member' }).click();
  // every field's message at once, not only the first
  await expect(page.getByLabel('Email', { exact: true })).toHaveAccessibleDescription('Email is required');
  await page.getByLabel('Email', { exact: true }).click();
  await page.keyboard.type('ana@example.coop');
  await page.getByLabel('Offers', { exact: true }).click();
  await page.keyboard.type('x'.repeat(70));
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Create member' }).click();
  await expect(page.getByLabel('Offers', { exact: true })).toHaveAccessibleDescription(/Keep a tag under 60 characters/);
  await expect(page.getByLabel('Email', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
  // take the long tag away: the same form now saves
  await page.getByRole('button', { name: /Remove x+/ }).click();
  await page.getByLabel('Offers', { exact: true }).click();
  await page.keyboard.type('web design');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Create member' }).click();
  await expect(page.getByRole('heading', { name: 'Ana Ribeiro', level: 1 })).toBeVisible();
  const list = (await app.coop.api.dispatch('members.list', {}, { role: 'manager', memberId: null })) as { data: { rows: { offers: string[] }[] } };
  expect(list.data.rows.map((r) => r.offers)).toEqual([['web design']]);
});

test('a 120-character name without spaces wraps instead of widening the page', async ({ page, app }) => {
  const long = 'Ana'.padEnd(120, 'x');
  const r = await app.coop.api.dispatch(
    'members.create',
    { name: long, email: 'long@example.coop', memberSince: '2025-01-10' },
    { role: 'manager', memberId: null },
  );
  if (!r.ok) throw new Error(r.error.message);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`${app.url}#/members/${(r.data as { id: string }).id}`);
  await expect(page.getByRole('heading', { name: long, level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  await page.goto(`${app.url}#/members`);
  await expect(page.getByRole('table', { name: 'Members' }).getByRole('link', { name: long })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
});
