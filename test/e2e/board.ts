import type { Locator, Page } from '@playwright/test';

/** Where a time falls on a bookable's row of the day board, as a person would aim the mouse. */
export async function slotPoint(board: Locator, bookable: string, time: string): Promise<{ x: number; y: number }> {
  const track = board
    .getByRole('row')
    .filter({ has: board.page().getByRole('rowheader', { name: bookable }) })
    .getByRole('gridcell');
  const box = (await track.boundingBox())!;
  const from = (await board.getAttribute('data-from'))!;
  const slotPx = box.width / Number(await board.getAttribute('data-slots'));
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return { x: box.x + ((minutes(time) - minutes(from)) / 30) * slotPx + slotPx / 2, y: box.y + 6 };
}

export async function clickSlot(page: Page, board: Locator, bookable: string, time: string) {
  const p = await slotPoint(board, bookable, time);
  await page.mouse.click(p.x, p.y);
}

export async function dragSlots(page: Page, board: Locator, bookable: string, from: string, to: string) {
  const a = await slotPoint(board, bookable, from);
  const b = await slotPoint(board, bookable, to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.up();
}

/** The next Monday–Friday at least `ahead` days from today (UTC), as YYYY-MM-DD. */
export function nextWeekday(ahead: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ahead);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
