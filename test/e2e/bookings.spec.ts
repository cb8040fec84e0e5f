import type { Coopdesk } from '../../electron/main/app';
import { format } from 'date-fns';
import { zonedInstant } from '@shared/domain/zoned';
import { clickSlot, dragSlots, nextWeekday } from './board';
import { call, expect, test } from './fixtures';

async function world(coop: Coopdesk) {
  const settings = await call(coop, 'settings.get', {});
  await call(coop, 'settings.updateSite', { ...settings.site, name: 'Mill Lane', timeZone: 'Europe/London' });
  const room = await call(coop, 'bookables.create', { siteId: settings.site.id, kind: 'room', name: 'Garden Room', capacity: 6, features: ['screen'] });
  await call(coop, 'bookables.create', { siteId: settings.site.id, kind: 'desk', name: 'Hot desks', capacity: 4 });
  const ana = await call(coop, 'members.create', { name: 'Ana Ribeiro', email: 'ana@example.coop', memberSince: '2025-01-10' });
  const ben = await call(coop, 'members.create', { name: 'Ben Okafor', email: 'ben@example.coop', memberSince: '2025-02-10' });
  return { room, ana, ben, siteId: settings.site.id };
}

test('book a room from the day board, and see a clash before saving', async ({ page, app }) => {
  const w = await world(app.coop);
  const day = nextWeekday(2);
  await page.goto(`${app.url}#/bookings/${day}`);
  const board = page.getByRole('grid', { name: 'Day board' });
  await clickSlot(page, board, 'Garden Room', '10:00');

  // the dialog opens on the member field: typing goes there
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await expect(dialog.getByRole('combobox', { name: 'Member' })).toBeFocused();
  await page.keyboard.type('ana');
  await dialog.getByRole('option', { name: /Ana Ribeiro/ }).click();
  await expect(dialog.getByLabel('From', { exact: true })).toHaveValue('10:00');
  await expect(dialog.getByLabel('Until', { exact: true })).toHaveValue('11:00');
  await dialog.getByLabel('Title', { exact: true }).fill('Client workshop');
  await expect(dialog.getByRole('status').filter({ hasText: 'Free.' })).toBeVisible();
  // the booking is drawn from the write's answer; the board is then read again once, when the
  // host says bookings changed (refreshing every screen from the dialog as well read it twice)
  const boardReads: string[] = [];
  page.on('request', (r) => void (r.url().endsWith('/api/bookings.dayBoard') && boardReads.push(r.url())));
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(board.getByRole('button', { name: /10:00 Ana Ribeiro/ })).toBeVisible();
  await expect.poll(() => boardReads.length).toBe(1);
  await page.waitForTimeout(500);
  expect(boardReads).toHaveLength(1);

  // Ben drags 09:00–10:00 across the board, then stretches it to 10:30: the clash shows, with its reason, before saving
  await dragSlots(page, board, 'Garden Room', '09:00', '09:30');
  await expect(dialog.getByLabel('From', { exact: true })).toHaveValue('09:00');
  await expect(dialog.getByLabel('Until', { exact: true })).toHaveValue('10:00');
  // times are 24-hour text, typed as a person writes them ("1030")
  await dialog.getByLabel('Until', { exact: true }).selectText();
  await page.keyboard.type('1030');
  await expect(dialog.getByLabel('Until', { exact: true })).toHaveValue('1030');
  await dialog.getByRole('combobox', { name: 'Member' }).click();
  await expect(dialog.getByLabel('Until', { exact: true })).toHaveValue('10:30');
  await dialog.getByRole('combobox', { name: 'Member' }).fill('ben');
  await expect(dialog.getByRole('option', { name: /Ben Okafor/ })).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Member' }).press('Enter');
  const why = dialog.getByRole('alert', { name: 'Why this cannot be booked' });
  await expect(why).toContainText('Clashes with Ana Ribeiro’s booking 10:00–11:00.');
  await page.screenshot({ path: 'test-results/booking-clash.png' });
  // moving it after Ana's booking makes it free
  await dialog.getByLabel('Until', { exact: true }).fill('10:00');
  await expect(dialog.getByRole('status').filter({ hasText: 'Free.' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(board.getByRole('button', { name: /09:00 Ben Okafor/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/day-board.png' });

  // From the keyboard: the cursor moves over the slots and says what is there; Enter opens a
  // booking under it, or books the free time.
  const cursor = board.getByRole('gridcell', { name: /^Garden Room 09:00/ });
  await cursor.focus();
  await expect(cursor).toHaveAccessibleName('Garden Room 09:00, 09:00–10:00 Ben Okafor · booked');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(board.getByRole('gridcell', { name: /^Garden Room 10:00/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog', { name: /^Garden Room, .* 10:00–11:00$/ });
  await expect(details).toContainText('Ana Ribeiro');
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await board.getByRole('gridcell', { name: /^Garden Room 10:00/ }).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('From', { exact: true })).toHaveValue('12:00');
  await page.keyboard.type('ben');
  await expect(dialog.getByRole('option', { name: /Ben Okafor/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status').filter({ hasText: 'Free.' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(board.getByRole('button', { name: /12:00 Ben Okafor/ })).toBeVisible();
  expect(w.room.name).toBe('Garden Room');
});

test('a weekly series with one clash: book the free ones, cancel one occurrence, export .ics', async ({ page, app }) => {
  const w = await world(app.coop);
  const first = nextWeekday(3);
  const third = new Date(`${first}T12:00:00Z`);
  third.setUTCDate(third.getUTCDate() + 14);
  const clashDate = third.toISOString().slice(0, 10);
  const clashShown = format(third, 'd MMM yyyy'); // as the screens show dates
  const at = (time: string) => new Date(zonedInstant(clashDate, time, 'Europe/London')).toISOString();
  await call(app.coop, 'bookings.create', { bookableId: w.room.id, memberId: w.ben.id, start: at('09:30'), end: at('10:30') });

  await page.goto(`${app.url}#/bookings/${first}`);
  await page.getByRole('button', { name: 'New booking' }).click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await dialog.getByLabel('What', { exact: true }).selectOption({ label: 'Garden Room (room, 6)' });
  await dialog.getByRole('combobox', { name: 'Member' }).fill('Ana');
  await dialog.getByRole('option', { name: /Ana Ribeiro/ }).click();
  await dialog.getByLabel('From', { exact: true }).fill('09:00');
  await dialog.getByLabel('Until', { exact: true }).fill('10:00');
  await dialog.getByRole('checkbox', { name: 'Repeat' }).check();
  await dialog.getByLabel('Times', { exact: true }).fill('4');
  const dates = dialog.getByRole('region', { name: 'Dates in the series' });
  await expect(dates.getByRole('status')).toHaveText('Every week, 4 times: 3 free, 1 clashing.');
  await expect(dates.getByRole('listitem').filter({ hasText: clashShown })).toContainText('Clashes with Ben Okafor');
  await page.screenshot({ path: 'test-results/series-clash.png' });
  await dialog.getByRole('button', { name: 'Book the 3 free dates' }).click();
  await expect(dialog).toHaveCount(0);

  // Ana's bookings on her page: three dates, one of which she cancels
  await page.goto(`${app.url}#/members/${w.ana.id}`);
  const upcoming = page.getByRole('table', { name: 'Upcoming bookings' });
  await expect(upcoming.getByRole('row')).toHaveCount(4);
  await expect(upcoming.getByRole('row').filter({ hasText: clashShown })).toHaveCount(0);
  const firstShown = format(new Date(`${first}T12:00:00Z`), 'd MMM yyyy');
  await upcoming.getByRole('button', { name: firstShown }).click();
  const details = page.getByRole('dialog', { name: new RegExp(`Garden Room, ${firstShown}`) });
  await details.getByRole('radio', { name: 'This date only' }).check();
  await details.getByRole('button', { name: 'Cancel booking' }).click();
  await expect(upcoming.getByRole('row')).toHaveCount(3);

  const download = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Bookings' }).getByRole('button', { name: 'Export .ics' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('coopdesk-ana-ribeiro.ics');
  const text = await (await file.createReadStream()).toArray();
  const ics = Buffer.concat(text).toString('utf8');
  expect(ics).toContain('BEGIN:VTIMEZONE');
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(ics).toContain('DTSTART;TZID=Europe/London:');
});

test('when the time is taken, the dialog offers the nearest free time and the other free rooms, one click each', async ({ page, app }) => {
  const w = await world(app.coop);
  await call(app.coop, 'bookables.create', { siteId: w.siteId, kind: 'room', name: 'Loft', capacity: 8 });
  const day = nextWeekday(4);
  const at = (time: string) => new Date(zonedInstant(day, time, 'Europe/London')).toISOString();
  await call(app.coop, 'bookings.create', { bookableId: w.room.id, memberId: w.ana.id, start: at('10:00'), end: at('11:00') });

  await page.goto(`${app.url}#/bookings/${day}`);
  const board = page.getByRole('grid', { name: 'Day board' });
  await board.getByRole('gridcell', { name: /^Garden Room/ }).focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight'); // 08:00 + 4 × 30 min
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(board.getByRole('gridcell', { name: /^Garden Room 10:00, 10:00–11:00 Ana Ribeiro/ })).toBeFocused();
  // the slot is taken: start the booking from the toolbar instead, for the same time
  await page.getByRole('button', { name: 'New booking' }).click();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await expect(dialog.getByRole('combobox', { name: 'Member' })).toBeFocused();
  await page.keyboard.type('ben');
  await expect(dialog.getByRole('option', { name: /Ben Okafor/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await dialog.getByLabel('From', { exact: true }).fill('10:00');
  await dialog.getByLabel('Until', { exact: true }).fill('11:00');
  await expect(dialog.getByRole('alert', { name: 'Why this cannot be booked' })).toContainText('Taken');
  const instead = dialog.getByRole('region', { name: 'Free instead' });
  await expect(instead.getByRole('button', { name: '11:00–12:00' })).toBeVisible();
  await page.screenshot({ path: 'test-results/booking-alternatives.png' });
  await instead.getByRole('button', { name: 'Loft' }).click();
  await expect(dialog.getByLabel('What')).toHaveValue(
    (await call<{ id: string; name: string }[]>(app.coop, 'bookables.list', {})).find((b) => b.name === 'Loft')!.id,
  );
  await expect(dialog.getByRole('status').filter({ hasText: 'Free.' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(
    board
      .getByRole('row')
      .filter({ hasText: 'Loft' })
      .getByRole('button', { name: /10:00 Ben Okafor/ }),
  ).toBeVisible();
});
