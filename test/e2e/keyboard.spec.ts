import { call, expect, test } from './fixtures';

// What a person types right after opening something lands where they mean it to: no mouse.
test('Ctrl+K, type a name, Enter: the member opens', async ({ page, app }) => {
  await call(app.coop, 'system.loadDemo', {});
  const someone = (await call<{ rows: { id: string; name: string }[] }>(app.coop, 'members.list', { limit: 1 })).rows[0];
  await page.goto(`${app.url}#/today`);
  await expect(page.getByRole('heading', { name: /^Today/ })).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.keyboard.type(someone.name);
  // the member comes first and is the one Enter opens
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toHaveAccessibleName(new RegExp(`^Member ${someone.name}`));
  await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: someone.name, level: 1 })).toBeVisible();
});

test('the kiosk hands back to the manager with her e-mail and password typed straight away', async ({ page, app }) => {
  await call(app.coop, 'system.loadDemo', {});
  await call(app.coop, 'auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });
  await call(app.coop, 'auth.enterKiosk', {});
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByLabel('E-mail or name')).toBeFocused();
  await page.keyboard.type('kasia@example.coop');
  await page.keyboard.press('Tab');
  await page.keyboard.type('front-desk-2026');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('a member who walks away from the kiosk is counted down and signed out; a touch keeps them', async ({ page, app }) => {
  await call(app.coop, 'system.loadDemo', {});
  const someone = (await call<{ rows: { id: string; name: string; number: number }[] }>(app.coop, 'members.list', { status: 'active', limit: 1 })).rows[0];
  await call(app.coop, 'auth.setPin', { memberId: someone.id, pin: '4821' });
  await call(app.coop, 'auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });
  await call(app.coop, 'auth.enterKiosk', {});
  await page.clock.install();
  await page.goto(app.url);
  await page.getByLabel('Member number or name').click();
  await page.keyboard.type(String(someone.number));
  await page.getByLabel('PIN').click();
  await page.keyboard.type('4821');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Hello, ${someone.name}` })).toBeVisible();

  await page.clock.fastForward('02:35');
  const countdown = page.getByRole('status').filter({ hasText: /Signing out in \d+ s/ });
  await expect(countdown).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/kiosk-countdown.png' });
  // a touch: the countdown goes, the member stays
  await page.mouse.click(5, 300);
  await expect(countdown).toHaveCount(0);
  await expect(page.getByRole('heading', { name: `Hello, ${someone.name}` })).toBeVisible();
  // walking away for good
  await page.clock.fastForward('03:05');
  await expect(page.getByRole('heading', { name: 'Welcome — who are you?' })).toBeVisible();
});
