import { zonedInstant, zonedParts, addDaysIso } from '@shared/domain/zoned';
import { startSmtp } from '../helpers/smtp';
import { call, expect, test } from './fixtures';

// People sign in as themselves, and notifications reach them (issue: accounts and notifications).
async function coopWithManager(app: Parameters<Parameters<typeof test>[2]>[0]['app']) {
  const settings = await call(app.coop, 'settings.get', {});
  await call(app.coop, 'settings.updateSite', {
    ...settings.site,
    name: 'Mill Lane',
    timeZone: 'Europe/London',
    hours: settings.site.hours.map((d: object) => ({ ...d, open: true, opens: '08:00', closes: '18:00' })),
  });
  const room = await call(app.coop, 'bookables.create', {
    siteId: settings.site.id,
    kind: 'room',
    name: 'Garden Room',
    capacity: 6,
    rules: { approvalRequired: true },
  });
  const ana = await call(app.coop, 'members.create', { name: 'Ana Ribeiro', email: 'ana@example.coop', memberSince: '2025-01-10' });
  await call(app.coop, 'auth.setPin', { memberId: ana.id, pin: '4821' });
  await call(app.coop, 'auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });
  const tomorrow = addDaysIso(zonedParts(Date.now(), 'Europe/London').date, 1);
  const at = (time: string) => new Date(zonedInstant(tomorrow, time, 'Europe/London')).toISOString();
  return { room, ana, tomorrow, at };
}

async function signIn(page: import('@playwright/test').Page, who: string, password: string) {
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('E-mail or name').click();
  await page.keyboard.type(who);
  await page.getByLabel('Password').click();
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

test('a new front-desk member gets a code, sets her password, signs in, cancels a booking, and the audit log names her', async ({ page, app }) => {
  const { room, ana, at } = await coopWithManager(app);
  const booking = await call(app.coop, 'bookings.create', { bookableId: room.id, memberId: ana.id, start: at('10:00'), end: at('11:00') });
  await call(app.coop, 'bookings.approve', { id: booking.id });

  await page.goto(app.url);
  await signIn(page, 'kasia@example.coop', 'front-desk-2026');
  await page.goto(`${app.url}#/settings`);
  const staff = page.getByRole('region', { name: 'Staff and accounts' });
  await staff.getByLabel('Name').click();
  await page.keyboard.type('Lena Brandt');
  await staff.getByLabel('E-mail').click();
  await page.keyboard.type('lena@example.coop');
  await staff.getByRole('button', { name: 'Add and make a code' }).click();
  const note = staff.getByRole('status').filter({ hasText: 'One-time code for Lena Brandt' });
  const code = (await note.locator('.code').textContent())!;
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await expect(staff.getByRole('table', { name: 'Accounts' }).getByRole('row', { name: /Lena Brandt Front desk lena@example.coop Invited/ })).toBeVisible();
  for (const size of [
    { width: 1024, height: 768 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/staff-accounts-${size.width}.png`, fullPage: true });
  }

  // Kasia signs out; Lena, at the same screen, uses her code
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'I have a code' }).click();
  await page.getByLabel('One-time code', { exact: true }).click();
  await page.keyboard.type(code.toLowerCase());
  await page.getByLabel('New password').click();
  await page.keyboard.type('short');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('New password')).toHaveAccessibleDescription('At least 8 characters');
  await page.getByLabel('New password').fill('');
  await page.getByLabel('New password').click();
  await page.keyboard.type('lena-desk-2026');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.locator('.signed-in')).toContainText('Lena Brandt');

  // she cancels Ana's booking at the board
  await page.goto(`${app.url}#/bookings/${booking.localDate}`);
  await page
    .getByRole('grid', { name: 'Day board' })
    .getByRole('button', { name: /10:00 Ana Ribeiro/ })
    .click();
  await page.getByRole('button', { name: 'Cancel booking' }).click();
  await expect(page.getByRole('grid', { name: 'Day board' }).getByRole('button', { name: /10:00 Ana Ribeiro/ })).toHaveCount(0);

  // the front desk has no settings of the co-op, restore or security: the audit log is a manager's
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await page.goto(`${app.url}#/audit`);
  await expect(page.getByRole('alert').filter({ hasText: 'Only a manager may do this.' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, 'Kasia Nowak', 'front-desk-2026');
  await page.goto(`${app.url}#/audit`);
  const changes = page.getByRole('table', { name: 'Changes' });
  await expect(changes.getByRole('row', { name: /Lena Brandt at the front desk cancelled Garden Room, 10:00–11:00/ })).toBeVisible();
  await expect(changes.getByRole('row', { name: /Kasia Nowak created the staff account of Lena Brandt/ })).toBeVisible();
});

test('a member’s booking needing approval is approved; her inbox and the SMTP server both have it', async ({ page, app }) => {
  const smtp = await startSmtp();
  try {
    const { room, ana, at } = await coopWithManager(app);
    await call(app.coop, 'mail.save', { host: '127.0.0.1', port: smtp.port, secure: false, username: '', password: '', sender: 'desk@millbrook.coop' });
    const booking = await call(
      app.coop,
      'bookings.create',
      { bookableId: room.id, memberId: ana.id, start: at('10:00'), end: at('11:00') },
      { role: 'member', memberId: ana.id },
    );
    expect(booking.status).toBe('pending');

    await page.goto(app.url);
    await signIn(page, 'kasia@example.coop', 'front-desk-2026');
    // the bell says a booking waits; the inbox opens it
    await expect(page.getByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible();
    await page.getByRole('link', { name: 'Notifications, 1 unread' }).click();
    await page.getByRole('button', { name: /Waiting for approval: Garden Room/ }).click();
    await expect(page.getByRole('heading', { name: 'Waiting for approval' })).toBeVisible();
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByText('Nothing is waiting.')).toBeVisible();

    await expect.poll(() => smtp.received.find((m) => m.to.includes('ana@example.coop'))?.subject).toMatch(/^Approved: Garden Room on .* 10:00–11:00$/);

    // Ana at the kiosk: her bell, her inbox
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByLabel('Member number or name').fill('Ana Ribeiro');
    await page.getByLabel('PIN').fill('4821');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('link', { name: 'Notifications, 1 unread' }).click();
    await expect(page.getByRole('list', { name: 'Notifications' })).toContainText('Approved: Garden Room');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'test-results/screens/inbox-phone.png', fullPage: true });
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await expect(page.getByText('All read', { exact: true })).toBeVisible();
  } finally {
    await smtp.close();
  }
});

test('a visitor arrives and the host is told', async ({ page, app }) => {
  const { ana } = await coopWithManager(app);
  await page.goto(app.url);
  await signIn(page, 'kasia@example.coop', 'front-desk-2026');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  const visitors = page.getByRole('region', { name: 'Visitors' });
  await visitors.getByLabel('Visitor name').fill('Dana Visitor');
  await visitors.getByRole('combobox', { name: 'Visiting' }).fill('Ana');
  await visitors.getByRole('option', { name: /Ana Ribeiro/ }).click();
  await visitors.getByRole('button', { name: 'Add visitor' }).click();
  await visitors.getByRole('button', { name: 'Dana Visitor arrived' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dana Visitor arrived; Ana Ribeiro is told.' })).toBeVisible();
  const inbox = await call(app.coop, 'notifications.inbox', {}, { role: 'member', memberId: ana.id });
  expect(inbox.rows[0]).toMatchObject({ kind: 'visitor-arrived', title: 'Dana Visitor has arrived' });
});
