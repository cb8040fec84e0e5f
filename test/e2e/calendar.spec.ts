import { format, parseISO } from 'date-fns';
import { addDaysIso, weekdayOf } from '@shared/domain/zoned';
import { call, expect, test } from './fixtures';

/** A Wednesday at least a week ahead (UTC), as YYYY-MM-DD: its week and month are whole in the future. */
function wednesdayAhead(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 8);
  const iso = d.toISOString().slice(0, 10);
  return addDaysIso(iso, 3 - weekdayOf(iso));
}

test('day → week → month with D, W and M keeping the date; a day opens from the month; drag on the week of all rooms books', async ({ page, app }) => {
  const settings = await call(app.coop, 'settings.get', {});
  await call(app.coop, 'settings.updateSite', { ...settings.site, name: 'Mill Lane', timeZone: 'Europe/London' });
  await call(app.coop, 'bookables.create', { siteId: settings.site.id, kind: 'room', name: 'Garden Room', capacity: 6 });
  await call(app.coop, 'bookables.create', { siteId: settings.site.id, kind: 'desk', name: 'Hot desks', capacity: 4 });
  await call(app.coop, 'members.create', { name: 'Ana Ribeiro', email: 'ana@example.coop', memberSince: '2025-01-10' });
  const day = wednesdayAhead();
  const monday = addDaysIso(day, -2);

  await page.goto(`${app.url}#/bookings/${day}`);
  await expect(page.getByRole('grid', { name: 'Day board' })).toBeVisible();
  await page.keyboard.press('w');
  const week = page.getByRole('grid', { name: `Week of ${format(parseISO(monday), 'd MMM yyyy')}` });
  await expect(week).toBeVisible();
  // rooms unless said: the desks are not on the week of rooms
  await expect(week.getByRole('rowheader', { name: /Garden Room/ })).toBeVisible();
  await expect(week.getByRole('rowheader', { name: /Hot desks/ })).toHaveCount(0);
  // Show: everything, then rooms again
  await page.getByLabel('Show').selectOption({ label: 'Everything' });
  await expect(week.getByRole('rowheader', { name: /Hot desks/ })).toBeVisible();
  await page.getByLabel('Show').selectOption({ label: 'Rooms' });
  await expect(week.getByRole('rowheader', { name: /Hot desks/ })).toHaveCount(0);
  await expect(week.getByRole('rowheader', { name: /Garden Room/ })).toBeVisible();

  // drag across Wednesday's part of Garden Room's row, as a person aims the mouse
  const cell = week.getByRole('gridcell', { name: new RegExp(`^Garden Room, ${format(parseISO(day), 'EEE d MMM')}`) });
  const box = (await cell.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  const dialog = page.getByRole('dialog', { name: 'New booking' });
  await expect(dialog.getByRole('combobox', { name: 'Member' })).toBeFocused();
  await page.keyboard.type('ana');
  await dialog.getByRole('option', { name: /Ana Ribeiro/ }).click();
  const from = await dialog.getByLabel('From', { exact: true }).inputValue();
  const until = await dialog.getByLabel('Until', { exact: true }).inputValue();
  expect(from < until).toBe(true);
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  // the cell names the booking; its block is painted where it was dragged, and a click there opens it
  await expect(cell).toHaveAccessibleName(new RegExp(`${from}–${until} Ana Ribeiro`));
  await page.mouse.move(box.x + box.width * 0.37, box.y + 12);
  await expect(page.getByRole('tooltip')).toHaveText(`Garden Room · ${from}–${until} Ana Ribeiro · booked`);
  await page.mouse.click(box.x + box.width * 0.37, box.y + 12);
  const details = page.getByRole('dialog', { name: new RegExp(`^Garden Room, .* ${from}–${until}$`) });
  await expect(details).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  // under the keyboard's cursor the same block is a button: Tab reaches it, Enter opens it
  await cell.focus();
  await page.keyboard.press('Tab');
  await expect(cell.getByRole('button', { name: 'Ana Ribeiro' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(details).toBeVisible();
  await page.keyboard.press('Escape');

  // M: the month around the same date, with the booking counted on its day
  await page.keyboard.press('m');
  const month = page.getByRole('table', { name: format(parseISO(day), 'MMMM yyyy') });
  await expect(month).toBeVisible();
  await expect(month.getByRole('button', { name: new RegExp(`${from} Garden Room`) })).toBeVisible();
  // a day's number opens its day board
  await month.getByRole('link', { name: `${format(parseISO(day), 'EEE d MMM')}, day board` }).click();
  await expect(page.getByRole('grid', { name: 'Day board' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/bookings/${day}$`));
  // D from the week comes back to the same day
  await page.keyboard.press('w');
  await expect(week).toBeVisible();
  await page.keyboard.press('d');
  await expect(page).toHaveURL(new RegExp(`#/bookings/${day}$`));

  // a date typed as a person writes it ("3/12", day first) becomes the co-op's date and goes there
  const goTo = page.getByRole('textbox', { name: 'Go to date' });
  await expect(goTo).toHaveValue(format(parseISO(day), 'd MMM yyyy'));
  const next = addDaysIso(day, 7);
  await goTo.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(`${Number(next.slice(8))}/${Number(next.slice(5, 7))}/${next.slice(0, 4)}`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/bookings/${next}$`));
  await expect(goTo).toHaveValue(format(parseISO(next), 'd MMM yyyy'));
});

// The painted blocks are the screen's pixels: when the window changes size, the week draws them
// again at the new width instead of stretching the old drawing. (A screen of another density takes
// the same path in a real window; headless Chromium's emulation of one tells the page nothing.)
test('the week of all rooms is drawn again when the window changes size', async ({ page, app }) => {
  await call(app.coop, 'system.loadDemo', {});
  const today = new Date().toISOString().slice(0, 10);
  await page.goto(`${app.url}#/bookings/week/${today}`);
  const canvas = page.locator('.rooms-week-paint').first();
  await expect(canvas).toBeVisible();
  const drawnAt = () => canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.clientWidth]);
  const [before] = await drawnAt();
  await page.setViewportSize({ width: 1200, height: 900 });
  await expect.poll(async () => (await drawnAt())[0]).toBeLessThan(before);
  const [width, shown] = await drawnAt();
  expect(width).toBe(shown);
});
