import { zonedInstant, zonedParts, addDaysIso } from '@shared/domain/zoned';
import { call, expect, test } from './fixtures';

test('a morning at the front desk', async ({ page, app }) => {
  // Mill Lane, open every day; a room, hot desks; four members
  const settings = await call(app.coop, 'settings.get', {});
  await call(app.coop, 'settings.updateSite', {
    ...settings.site,
    name: 'Mill Lane',
    timeZone: 'Europe/London',
    hours: settings.site.hours.map((d: object) => ({ ...d, open: true, opens: '08:00', closes: '18:00' })),
  });
  await call(app.coop, 'settings.updateCoop', { ...settings.coop, currency: 'GBP' });
  const room = await call(app.coop, 'bookables.create', { siteId: settings.site.id, kind: 'room', name: 'Garden Room', capacity: 6 });
  await call(app.coop, 'bookables.create', { siteId: settings.site.id, kind: 'desk', name: 'Hot desks', capacity: 8 });
  const ana = await call(app.coop, 'members.create', { name: 'Ana Ribeiro', email: 'ana@example.coop', memberSince: '2025-01-10' });
  const ben = await call(app.coop, 'members.create', { name: 'Ben Okafor', email: 'ben@example.coop', memberSince: '2025-02-10' });
  await call(app.coop, 'members.create', { name: 'Chiara Novak', email: 'chiara@example.coop', memberSince: '2025-03-10' });
  await call(app.coop, 'dayPasses.savePrice', { name: 'Day pass', priceMinor: 1500 });
  const tomorrow = addDaysIso(zonedParts(Date.now(), 'Europe/London').date, 1);
  const at = (time: string) => new Date(zonedInstant(tomorrow, time, 'Europe/London')).toISOString();
  await call(app.coop, 'bookings.create', { bookableId: room.id, memberId: ben.id, start: at('14:00'), end: at('15:00'), title: 'Pitch' });

  // The manager makes her own account, and Ana's kiosk PIN
  await page.goto(`${app.url}#/settings`);
  const mine = page.getByRole('form', { name: 'Your manager account' });
  await mine.getByLabel('Your name').fill('Kasia Nowak');
  await mine.getByLabel('Your e-mail').fill('kasia@example.coop');
  await mine.getByLabel('Password', { exact: true }).fill('front-desk-2026');
  await mine.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('form', { name: 'Your account' })).toContainText('Signed in as Kasia Nowak (Manager)');
  await page.goto(`${app.url}#/members/${ana.id}`);
  await page.getByLabel('New kiosk PIN').fill('12');
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await expect(page.getByLabel('New kiosk PIN')).toHaveAccessibleDescription('A PIN is 4 to 8 digits');
  await page.getByLabel('New kiosk PIN').fill('4821');
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await expect(page.getByText('Ana Ribeiro can now use the kiosk with their PIN.')).toBeVisible();

  // Three members arrive
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  const inNow = page.getByRole('region', { name: 'In now' });
  for (const [i, name] of ['Ana', 'Ben', 'Chiara'].entries()) {
    await page.getByRole('combobox', { name: 'Check in a member' }).fill(name);
    await page.getByRole('option', { name: new RegExp(name) }).click();
    await page.getByRole('form', { name: 'Check a member in' }).getByRole('button', { name: 'Check in' }).click();
    await expect(inNow.getByRole('listitem')).toHaveCount(i + 1);
    await expect(page.getByRole('combobox', { name: 'Check in a member' })).toHaveValue('');
  }
  await page.getByRole('combobox', { name: 'Check in a member' }).fill('Ben');
  await page.getByRole('option', { name: /Ben/ }).click();
  await page.getByRole('form', { name: 'Check a member in' }).getByRole('button', { name: 'Check in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /Ben Okafor is already checked in/ })).toBeVisible();

  // A visitor arrives for Ana
  const visitors = page.getByRole('region', { name: 'Visitors' });
  await visitors.getByLabel('Visitor name').fill('Dana Visitor');
  await visitors.getByLabel('Company').fill('Acme');
  await visitors.getByRole('combobox', { name: 'Visiting' }).fill('Ana');
  await visitors.getByRole('option', { name: /Ana Ribeiro/ }).click();
  await visitors.getByRole('button', { name: 'Add visitor' }).click();
  await visitors.getByRole('button', { name: 'Dana Visitor arrived' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dana Visitor arrived; Ana Ribeiro is told.' })).toBeVisible();
  await expect(visitors.getByRole('listitem').filter({ hasText: 'Dana Visitor' })).toContainText('here');

  // A drop-in buys a day pass
  const passes = page.getByRole('region', { name: 'Day passes' });
  await passes.getByLabel('Drop-in name').fill('Drop-in Dave');
  await passes.getByLabel('Pass', { exact: true }).selectOption({ label: 'Day pass, £15.00' });
  await passes.getByRole('button', { name: 'Sell day pass' }).click();
  // the pass holds a seat at the hot desks for the day
  await expect(passes.getByRole('listitem').filter({ hasText: 'Drop-in Dave' })).toContainText('Day pass, £15.00 · Hot desks');
  await page.screenshot({ path: 'test-results/today.png', fullPage: true });

  // Kiosk mode: Ana books a room with her PIN
  await page.getByRole('button', { name: 'Kiosk mode' }).click();
  await page.getByLabel('Member number or name').fill('1');
  await page.getByLabel('PIN').fill('0000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('PIN')).toHaveAccessibleDescription(
    'That member number (or name) and PIN do not match. 4 tries left; no PIN yet? Ask the front desk.',
  );
  await page.getByLabel('PIN').fill('4821');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Ana Ribeiro' })).toBeVisible();
  await page.getByRole('button', { name: 'Book a desk or room' }).click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await dialog.getByLabel('What', { exact: true }).selectOption({ label: 'Garden Room (room, 6)' });
  await dialog.getByLabel('Date', { exact: true }).fill(tomorrow);
  await dialog.getByLabel('From', { exact: true }).fill('10:00');
  await dialog.getByLabel('Until', { exact: true }).fill('11:00');
  await expect(dialog.getByRole('status').filter({ hasText: 'Free.' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Upcoming bookings' }).getByRole('row', { name: /Garden Room/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/kiosk.png', fullPage: true });

  // …and cannot cancel Ben's booking
  const board = page.getByRole('region', { name: 'Bookings at the co-op' });
  await board.getByLabel('Day').fill(tomorrow);
  await board.getByLabel('Day').press('Enter');
  // Ben's booking is shown as taken, not whose or what for, and there is nothing of it to open.
  await expect(board.getByRole('listitem').filter({ hasText: '14:00–15:00' })).toHaveText('14:00–15:00 · Garden Room · Booked');
  await expect(board.getByRole('button', { name: /Open 14:00/ })).toHaveCount(0);

  // The manager signs in and cancels it
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('E-mail or name').fill('kasia@example.coop');
  const signInDialog = page.getByRole('dialog', { name: 'Sign in' });
  await signInDialog.getByLabel('Password').fill('wrong');
  await signInDialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(signInDialog.getByLabel('Password')).toHaveAccessibleDescription('Wrong e-mail or password');
  await signInDialog.getByLabel('Password').fill('front-desk-2026');
  await signInDialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.goto(`${app.url}#/bookings/${tomorrow}`);
  await page
    .getByRole('grid', { name: 'Day board' })
    .getByRole('button', { name: /14:00 Ben Okafor/ })
    .click();
  await page.getByRole('button', { name: 'Cancel booking' }).click();
  await expect(page.getByRole('grid', { name: 'Day board' }).getByRole('button', { name: /14:00 Ben Okafor/ })).toHaveCount(0);
  await expect(page.getByRole('grid', { name: 'Day board' }).getByRole('button', { name: /10:00 Ana Ribeiro/ })).toBeVisible();

  // Everything is on record
  await page.goto(`${app.url}#/audit`);
  const changes = page.getByRole('table', { name: 'Changes' });
  // in sentences, the record a link to where it is shown; secrets never written down
  await expect(changes.getByRole('row', { name: /Ana Ribeiro booked Garden Room, 10:00–11:00 on / })).toBeVisible();
  await expect(changes.getByRole('row', { name: /Kasia Nowak cancelled Garden Room, 14:00–15:00 on / })).toBeVisible();
  const pin = changes.getByRole('row', { name: /Kasia Nowak set the kiosk PIN of Ana Ribeiro/ });
  await pin.getByText('Details').click();
  await expect(pin).toContainText('"pin": "(hidden)"');
  await pin.getByRole('link', { name: 'Ana Ribeiro' }).last().click();
  await expect(page.getByRole('heading', { name: 'Ana Ribeiro', level: 1 })).toBeVisible();

  // Ctrl+K finds a member
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search members, rooms, bookings and actions' }).fill('chiara');
  await page.getByRole('option', { name: /Chiara Novak/ }).click();
  await expect(page.getByRole('heading', { name: 'Chiara Novak' })).toBeVisible();
  expect(ben.name).toBe('Ben Okafor');
});
