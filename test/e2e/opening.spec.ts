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
