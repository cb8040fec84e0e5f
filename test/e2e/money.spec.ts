import { atKiosk, axe, call, expect, test } from './fixtures';

// Money at cost as a manager sets it up: a plan typed in, a member put on it from her page, the
// month's rent entered and shared; the member at a phone-sized kiosk sees what she pays beside
// her share of the real cost.

test('the manager adds a plan, puts a member on it and shares the rent; the member sees her share beside what she pays', async ({ app, page, browser }) => {
  const member = async (name: string) => {
    const m = await call(app.coop, 'members.create', { name, email: `${name.split(' ')[0].toLowerCase()}@example.coop`, memberSince: '2025-01-10' });
    await call(app.coop, 'auth.setPin', { memberId: m.id, pin: '4821' });
    return m;
  };
  const ana = await member('Ana Ribeiro');
  const ben = await member('Ben Okafor');

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${app.url}#/money`);
  const form = page.getByRole('form', { name: 'New plan' });
  await form.getByLabel('Name').click();
  await page.keyboard.type('Flex 8');
  await form.getByLabel('Price a month').click();
  await page.keyboard.type('120');
  await form.getByLabel('Desk days a month').fill('');
  await page.keyboard.type('8');
  await form.getByRole('button', { name: 'Add the plan' }).click();
  await expect(page.getByRole('table', { name: 'Plans' })).toContainText('Flex 8');
  await expect(page.getByRole('table', { name: 'Plans' })).toContainText('8 desk days');
  await axe(page);

  // a price below zero is refused next to its field
  await form.getByLabel('Name').click();
  await page.keyboard.type('Odd');
  await form.getByLabel('Price a month').click();
  await page.keyboard.type('-5');
  await form.getByRole('button', { name: 'Add the plan' }).click();
  await expect(form.getByLabel('Price a month')).toHaveAccessibleDescription('A price cannot be negative');

  // Ana and Ben on Flex 8 from the first of the month: Ana from her page, Ben by the API
  const first = `${new Date().toISOString().slice(0, 7)}-01`;
  const flex = (await call(app.coop, 'money.plans', {}))[0];
  await call(app.coop, 'money.changePlan', { memberId: ben.id, action: 'start', planId: flex.id, on: first });
  await page.goto(`${app.url}#/members/${ana.id}`);
  const change = page.getByRole('form', { name: 'Change the plan' });
  await change.getByLabel('From').fill(first);
  await change.getByLabel('From').press('Tab');
  await change.getByRole('button', { name: 'Save the change' }).click();
  await expect(page.getByRole('list', { name: 'Plan history' })).toContainText('Flex 8');

  // the rent, shared equally
  await page.goto(`${app.url}#/money/costs`);
  const cost = page.getByRole('form', { name: 'Add a cost' });
  await cost.getByLabel('What it is').click();
  await page.keyboard.type('Rent of the ground floor');
  await cost.getByLabel('Amount').click();
  await page.keyboard.type('1000.01');
  await cost.getByRole('button', { name: 'Add the cost' }).click();
  const shares = page.getByRole('table', { name: 'Members’ shares' });
  await expect(shares.getByRole('row', { name: /Ana Ribeiro/ })).toContainText('500.01');
  await expect(shares.getByRole('row', { name: /Ben Okafor/ })).toContainText('500.00');
  await expect(page.getByRole('status', { name: 'The month' })).toContainText('a deficit of');
  await axe(page);
  await page.screenshot({ path: 'test-results/money-costs-1440.png', fullPage: true });

  // Ana at the kiosk, phone-sized
  await call(app.coop, 'auth.setUp', { name: 'Lena Manager', email: 'lena@example.coop', password: 'front-desk-2026' });
  const phone = await atKiosk(browser, app.url, { width: 390, height: 844 }, ana);
  await phone.getByRole('navigation', { name: 'Kiosk' }).getByRole('link', { name: 'My plan', exact: true }).click();
  await expect(phone.getByRole('region', { name: 'Your plan' })).toContainText('Flex 8');
  await expect(phone.getByRole('status', { name: 'This month' })).toContainText('your share of the premises’ real costs is');
  await expect(phone.getByRole('status', { name: 'This month' })).toContainText('500.01');
  await axe(phone);
  await phone.screenshot({ path: 'test-results/money-my-plan-phone.png', fullPage: true });
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
