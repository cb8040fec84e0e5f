import { atKiosk, axe, call, expect, test } from './fixtures';

// A community of practice as the co-op starts and uses it: the manager starts "Web makers" from
// the keyboard with Ana facilitating; Kasia, at the kiosk at phone size, joins, adds a link to
// the library and offers peer training in bookkeeping, a skill she offers; Ana is told.

test('the manager starts a community; a member joins at the kiosk, adds to its library and offers peer training; the facilitator is told', async ({
  app,
  page,
  browser,
}) => {
  const member = (name: string, offers: string[]) =>
    call(app.coop, 'members.create', { name, email: `${name.split(' ')[0].toLowerCase()}@example.coop`, memberSince: '2025-01-10', listed: true, offers });
  const ana = await member('Ana Ribeiro', ['web design']);
  const kasia = await member('Kasia Nowak', ['bookkeeping']);
  await call(app.coop, 'auth.setPin', { memberId: kasia.id, pin: '4821' });

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${app.url}#/communities`);
  const form = page.getByRole('form', { name: 'New community' });
  await form.getByLabel('Name').click();
  await page.keyboard.type('Web makers');
  await form.getByLabel('Topic').click();
  await page.keyboard.type('Small businesses’ websites');
  await form.getByRole('combobox', { name: 'Facilitator' }).click();
  await page.keyboard.type('Ana');
  await page.getByRole('option', { name: /Ana Ribeiro/ }).click();
  await form.getByRole('button', { name: 'Start the community' }).click();
  await expect(page.getByRole('listitem', { name: 'Community: Web makers' })).toContainText('facilitated by Ana Ribeiro');
  await axe(page);
  await page.screenshot({ path: 'test-results/communities-1440.png', fullPage: true });

  // Kasia at the kiosk, on a phone-sized screen
  await call(app.coop, 'auth.setUp', { name: 'Lena Manager', email: 'lena@example.coop', password: 'front-desk-2026' });
  const phone = await atKiosk(browser, app.url, { width: 390, height: 844 }, kasia);
  await phone.getByRole('navigation', { name: 'Kiosk' }).getByRole('link', { name: 'Communities', exact: true }).click();
  await phone.getByRole('link', { name: 'Web makers' }).click();
  await phone.getByRole('button', { name: 'Join' }).click();
  await expect(phone.getByText('You joined Web makers.')).toBeVisible();

  const add = phone.getByRole('form', { name: 'Add to the library' });
  await add.getByLabel('Title').click();
  await phone.keyboard.type('Accessibility checklist');
  await add.getByLabel('Web address').click();
  await phone.keyboard.type('https://www.w3.org/WAI/test-evaluate/');
  await add.getByRole('button', { name: 'Add' }).click();
  await expect(phone.getByRole('list', { name: 'Library' })).toContainText('Accessibility checklist');

  const offer = phone.getByRole('form', { name: 'Offer peer training' });
  await expect(offer.getByLabel('Skill')).toHaveValue('bookkeeping');
  await offer.getByLabel('Title').click();
  await phone.keyboard.type('Bookkeeping in an hour');
  await offer.getByLabel('Where (if elsewhere)').click();
  await phone.keyboard.type('Meeting corner');
  await offer.getByRole('button', { name: 'Offer it' }).click();
  await expect(phone.getByRole('list', { name: 'Sessions' })).toContainText('Bookkeeping in an hour');
  await axe(phone);
  await phone.screenshot({ path: 'test-results/community-phone.png', fullPage: true });
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const inbox = await call(app.coop, 'notifications.inbox', {}, { role: 'member', memberId: ana.id });
  expect(inbox.rows[0].title).toBe('Web makers: peer training in bookkeeping — Bookkeeping in an hour');
});
