import { call, expect, test } from './fixtures';

// What a cold open fetches, and when: the first screen's code and data first, every other
// screen's code only once that screen is painted (they competed with it for the network and
// the main thread), and then all of them, so that the next screen opens at once.
test('a cold open of the day board loads the other screens’ code only after the board is painted', async ({ page, app }) => {
  await call(app.coop, 'system.loadDemo', {});
  const today = new Date().toISOString().slice(0, 10);
  // when the first booking block is in the page, before any of the app's code runs
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.board .block')) {
        (window as unknown as { blockAt: number }).blockAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  // a slow answer for the screen's first reads, as from a busy host: the code must still wait for it
  await page.route('**/api/reads', async (route) => {
    await new Promise((done) => setTimeout(done, 1500));
    await route.continue();
  });
  await page.goto(`${app.url}#/bookings/${today}`);
  await expect(page.locator('.board .block').first()).toBeVisible();
  const otherScreens = /\/(MembersPage|EventsRoutes|AuditPage|SettingsPage)-[\w-]+\.js$/;
  // the other screens' code arrives by itself, without the person going there
  await expect
    .poll(() => page.evaluate((re) => performance.getEntriesByType('resource').filter((e) => new RegExp(re).test(e.name)).length, otherScreens.source))
    .toBe(4);
  const { blockAt, starts } = await page.evaluate(
    (re) => ({
      blockAt: (window as unknown as { blockAt: number }).blockAt,
      starts: performance
        .getEntriesByType('resource')
        .filter((e) => new RegExp(re).test(e.name))
        .map((e) => e.startTime),
    }),
    otherScreens.source,
  );
  expect(blockAt).toBeGreaterThan(0);
  for (const start of starts) expect(start).toBeGreaterThan(blockAt);
});

// A navigation's reads leave when the link is pressed, not once the new screen is drawn: the
// month's read is on its way while the button is still down, and is asked for once.
test('pressing a link starts the next screen’s read before it opens, and only once', async ({ page, app }) => {
  await call(app.coop, 'system.loadDemo', {});
  const today = new Date().toISOString().slice(0, 10);
  await page.goto(`${app.url}#/bookings/${today}`);
  await expect(page.locator('.board .block').first()).toBeVisible();
  // this month's read (the months either side are fetched ahead once it is drawn)
  const months: string[] = [];
  page.on('request', (request) => {
    const input = request.url().endsWith('/api/bookings.calendar') ? (request.postDataJSON() as { span: string; date: string }) : null;
    if (input?.span === 'month' && input.date === today) months.push(page.url());
  });
  const link = page.getByRole('link', { name: 'Month', exact: true });
  const box = (await link.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await expect.poll(() => months.length).toBe(1);
  expect(months[0]).toContain(`#/bookings/${today}`); // asked for from the day board, still open
  await page.mouse.up();
  await expect(page.locator('.month[data-month] .month-booking').first()).toBeVisible();
  expect(months).toHaveLength(1);
});
