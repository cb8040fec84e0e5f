import { inflateSync } from 'node:zlib';
import { atKiosk, axe, call, expect, test } from './fixtures';

// A member on Flex 8 books three rooms: two use her room hours, the third shows its price before
// saving. The month ends, the desk closes it, the statement lists all three (its PDF too), and a
// payment clears her balance. The co-op's clock is set for the story: 24 November 2026, then 2 December.

/** The letters of Windows-1252 that differ from Latin-1 (the ones statements use). */
const CP1252: Record<number, string> = { 0x80: '€', 0x85: '…', 0x96: '–', 0x97: '—' };

/** The text a PDF draws: its content streams inflated, the hex strings the standard fonts write decoded from Windows-1252. */
function pdfText(bytes: Buffer): string {
  const latin = bytes.toString('latin1');
  const out: string[] = [];
  for (const m of latin.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    let body: string;
    try {
      body = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      body = m[1]!;
    }
    for (const h of body.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) out.push([...Buffer.from(h[1]!, 'hex')].map((b) => CP1252[b] ?? String.fromCharCode(b)).join(''));
  }
  return out.join('\n');
}

test('a Flex 8 member books three rooms, the month is closed, the statement (and its PDF) lists them, a payment clears it', async ({ app, page, browser }) => {
  app.coop.ctx.now = () => new Date('2026-11-24T10:00:00Z');
  const settings = await call(app.coop, 'settings.get', {});
  await call(app.coop, 'settings.updateSite', {
    ...settings.site,
    name: 'Mill Lane',
    timeZone: 'Europe/London',
    hours: settings.site.hours.map((d: object) => ({ ...d, open: true, opens: '08:00', closes: '18:00' })),
  });
  await call(app.coop, 'settings.updateCoop', { ...settings.coop, currency: 'GBP', timeZone: 'Europe/London' });
  await call(app.coop, 'bookables.create', { siteId: settings.site.id, kind: 'room', name: 'Garden Room', capacity: 6, hourlyRate: 1500 });
  await call(app.coop, 'bookables.create', { siteId: settings.site.id, kind: 'room', name: 'Loft', capacity: 12, hourlyRate: 2500 });
  const ana = await call(app.coop, 'members.create', { name: 'Ana Ribeiro', email: 'ana@example.coop', memberSince: '2025-01-10' });
  await call(app.coop, 'auth.setPin', { memberId: ana.id, pin: '4821' });
  const [flex] = await call(app.coop, 'money.savePlan', {
    name: 'Flex 8',
    priceMinor: 12_000,
    deskDays: 8,
    roomHours: 4,
    resourceHours: 0,
    discountPct: 0,
    weight: 1,
  });
  await call(app.coop, 'money.changePlan', { memberId: ana.id, action: 'start', planId: flex.id, on: '2026-11-01' });

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${app.url}#/bookings/2026-11-26`);
  const book = async (room: string, from: string, until: string, says: string) => {
    await page.getByRole('button', { name: 'New booking' }).click();
    const dialog = page.getByRole('dialog', { name: 'New booking' });
    await dialog.getByLabel('What', { exact: true }).selectOption({ label: `${room} (room, ${room === 'Loft' ? 12 : 6})` });
    await dialog.getByRole('combobox', { name: 'Member' }).fill('Ana');
    await dialog.getByRole('option', { name: /Ana Ribeiro/ }).click();
    await dialog.getByLabel('From', { exact: true }).fill(from);
    await dialog.getByLabel('Until', { exact: true }).fill(until);
    await dialog.getByLabel('Title', { exact: true }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Free.' })).toHaveText(says);
    await dialog.getByRole('button', { name: 'Book', exact: true }).click();
    await expect(dialog).toHaveCount(0);
  };
  await book('Garden Room', '09:00', '11:00', 'Free. Uses 2 of your 4 room hours left this month. Nothing to pay.');
  await book('Loft', '11:00', '13:00', 'Free. Uses 2 of your 2 room hours left this month. Nothing to pay.');
  await book('Garden Room', '14:00', '15:00', 'Free. Your plan’s room hours this month are used up. Price £15.00.');

  // December: the desk closes November
  app.coop.ctx.now = () => new Date('2026-12-02T09:00:00Z');
  await page.goto(`${app.url}#/money/statements/2026-11`);
  await expect(page.getByRole('table', { name: 'Statements to issue' })).toContainText('Ana Ribeiro');
  await axe(page);
  await page.getByRole('button', { name: 'Close November 2026 and issue 1 statement' }).click();
  const issued = page.getByRole('table', { name: 'Issued statements' });
  await expect(issued.getByRole('row', { name: /Ana Ribeiro/ })).toContainText('£135.00');
  await page.screenshot({ path: 'test-results/statements-1440.png', fullPage: true });
  await issued.getByRole('link', { name: '00001' }).click();
  const statement = page.getByRole('table', { name: 'Statement 00001' });
  await expect(statement.getByRole('row')).toHaveCount(1 + 4 + 3);
  await expect(statement.getByRole('row', { name: /Garden Room, 26 Nov 2026 14:00–15:00/ })).toContainText('£15.00');
  await expect(statement.getByRole('row', { name: /Loft, 26 Nov 2026 11:00–13:00/ })).toContainText('2 h of room hours from the plan');
  await axe(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'test-results/statement-1024.png', fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('statement-00001-2026-11.pdf');
  const text = pdfText(Buffer.concat(await (await file.createReadStream()).toArray()));
  expect(text).toContain('Statement 00001 · November 2026');
  expect(text).toContain('Flex 8 plan');
  expect(text).toContain('Garden Room, 26 Nov 2026 09:00–11:00');
  expect(text).toContain('Loft, 26 Nov 2026 11:00–13:00');
  expect(text).toContain('Garden Room, 26 Nov 2026 14:00–15:00');
  expect(text).toContain('£135.00');

  // a payment by transfer clears the balance
  await page.goto(`${app.url}#/members/${ana.id}`);
  const pay = page.getByRole('form', { name: 'Record a payment' });
  await expect(page.getByRole('status', { name: 'Balance' })).toContainText('Owes £135.00');
  await expect(pay.getByLabel('Amount (GBP)')).toHaveValue('135.00');
  // the co-op's clock says 2 December (the browser's may be later): a payment is never in the future
  await pay.getByLabel('Paid on').fill('2026-12-02');
  await pay.getByLabel('Paid on').press('Tab');
  await pay.getByLabel('Reference').click();
  await page.keyboard.type('Ana November');
  await pay.getByRole('button', { name: 'Record the payment' }).click();
  await expect(page.getByRole('status', { name: 'Balance' })).toContainText('Paid up');
  await page.goto(`${app.url}#/money/owing`);
  await expect(page.getByText('Everyone is paid up.')).toBeVisible();
  await axe(page);

  // Ana sees her statement at a phone-sized kiosk
  await call(app.coop, 'auth.setUp', { name: 'Lena Manager', email: 'lena@example.coop', password: 'front-desk-2026' });
  const phone = await atKiosk(browser, app.url, { width: 390, height: 844 }, ana);
  await phone.getByRole('navigation', { name: 'Kiosk' }).getByRole('link', { name: 'My plan', exact: true }).click();
  await expect(phone.getByRole('status', { name: 'Balance' })).toContainText('Paid up');
  await phone.getByRole('link', { name: 'Statement 00001, November 2026' }).click();
  await expect(phone.getByRole('table', { name: 'Statement 00001' })).toContainText('£135.00');
  await axe(phone);
  await phone.screenshot({ path: 'test-results/statement-phone.png', fullPage: true });
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
