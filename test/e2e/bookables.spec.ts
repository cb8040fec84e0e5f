import { expect, test } from './fixtures';

const manager = { role: 'manager' as const, memberId: null };

test('a manager adds a room with its own rules, approves a booking for it, and closes the site for a holiday', async ({ page, app }) => {
  await page.goto(`${app.url}#/bookables`);
  await page.getByRole('link', { name: 'New bookable' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Boardroom');
  await page.getByLabel('Seats', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Create bookable' }).click();
  await expect(page.getByLabel('Seats', { exact: true })).toHaveAccessibleDescription('At least 1');
  await page.getByLabel('Seats', { exact: true }).fill('12');
  await page.getByLabel('Features', { exact: true }).fill('screen');
  await page.getByLabel('Features', { exact: true }).press('Enter');
  await page.getByLabel('Hourly rate (EUR)').fill('25');
  await page.getByLabel('Buffer after (minutes)').fill('15');
  await page.getByLabel('Needs a manager’s approval').selectOption('yes');
  await page.getByRole('button', { name: 'Create bookable' }).click();

  const table = page.getByRole('table', { name: 'Bookables' });
  const row = table.getByRole('row', { name: /Boardroom/ });
  await expect(row).toContainText('€25.00');
  await expect(row).toContainText('bufferAfterMinutes, approvalRequired');

  // a member's booking waits for approval; the manager approves it
  const list = await app.coop.api.dispatch('bookables.list', {}, manager);
  const room = (list as { ok: true; data: { id: string }[] }).data[0];
  const member = await app.coop.api.dispatch('members.create', { name: 'Ana Ribeiro', email: 'ana@example.coop', memberSince: '2025-01-01' }, manager);
  const memberId = (member as { ok: true; data: { id: string } }).data.id;
  const start = new Date(Date.now() + 3 * 86_400_000);
  start.setUTCHours(10, 0, 0, 0);
  while (start.getUTCDay() === 0 || start.getUTCDay() === 6) start.setUTCDate(start.getUTCDate() + 1);
  const booking = await app.coop.api.dispatch(
    'bookings.create',
    { bookableId: room.id, memberId, start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString() },
    manager,
  );
  expect(booking).toMatchObject({ ok: true, data: { status: 'pending' } });

  await page.goto(`${app.url}#/bookings/pending`);
  const pending = page.getByRole('table', { name: 'Bookings waiting for approval' });
  await expect(pending.getByRole('row', { name: /Ana Ribeiro/ })).toBeVisible();
  await pending.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('Nothing is waiting.')).toBeVisible();

  // a closure shows on the board and refuses bookings
  await page.goto(`${app.url}#/settings`);
  const day = start.toISOString().slice(0, 10);
  await page.getByLabel('Closed on', { exact: true }).fill(day);
  await page.getByLabel('Reason', { exact: true }).fill('Staff training');
  await page.getByRole('button', { name: 'Add closure' }).click();
  await expect(page.getByRole('list', { name: 'Closures' })).toContainText('Staff training');
  await page.goto(`${app.url}#/bookings/${day}`);
  await expect(page.getByText('is closed (Staff training)')).toBeVisible();

  // retire the room: it leaves the board but keeps its history
  await page.goto(`${app.url}#/bookables`);
  await table
    .getByRole('row', { name: /Boardroom/ })
    .getByRole('button', { name: 'Retire' })
    .click();
  await expect(table.getByRole('row', { name: /Boardroom/ })).toContainText('retired');
});
