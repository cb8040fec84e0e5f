import type { Page } from '@playwright/test';
import { call, expect, test } from './fixtures';

/** Notes, before any of the app's code runs, when `selector` first matches (`window.shownAt`). */
const noteWhenShown = (page: Page, selector: string) =>
  page.addInitScript((wanted) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(wanted)) {
        (window as unknown as { shownAt: number }).shownAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  }, selector);

// What a cold open fetches, and when: the first screen's code and data first, every other
// screen's code only once that screen is painted (they competed with it for the network and
// the main thread), and then all of them, so that the next screen opens at once.
test('a cold open of the day board loads the other screens’ code only after the board is painted', async ({ page, app }) => {
  await call(app.coop, 'system.loadDemo', {});
  const today = new Date().toISOString().slice(0, 10);
  await noteWhenShown(page, '.board .block');
  // a slow answer for the screen's first reads, as from a busy host: the code must still wait for it
  await page.route('**/api/reads', async (route) => {
    await new Promise((done) => setTimeout(done, 1500));
    await route.continue();
  });
  await page.goto(`${app.url}#/bookings/${today}`);
  await expect(page.locator('.board .block').first()).toBeVisible();
  // (the members list is a first screen: its code is in the file `members`, fetched with no other)
  const otherScreens = /\/(members|EventsRoutes|AuditPage|SettingsPage)-[\w-]+\.js$/;
  // the other screens' code arrives by itself, without the person going there
  await expect
    .poll(() => page.evaluate((re) => performance.getEntriesByType('resource').filter((e) => new RegExp(re).test(e.name)).length, otherScreens.source))
    .toBe(4);
  const { blockAt, starts } = await page.evaluate(
    (re) => ({
      blockAt: (window as unknown as { shownAt: number }).shownAt,
      starts: performance
        .getEntriesByType('resource')
        .filter((e) => new RegExp(re).test(e.name))
        .map((e) => e.startTime),
    }),
    otherScreens.source,
  );
  expect(blockAt).toBeGreaterThan(0);
  for (const start of starts) expect(start).toBeGreaterThan(blockAt);
  // the board's own code in a few files, not one per module shared between screens: the first
  // script, the bundler's helpers, the shell, what the first screens share, the calendars' own
  const before = await page.evaluate(
    (at) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js') && !e.name.includes('.worker-') && e.startTime < at)
        .map((e) => e.name.replace(/.*\/assets\/(.+)-[\w-]{8}\.js$/, '$1')),
    blockAt,
  );
  expect(before.sort()).toEqual(['calendars', 'index', 'rolldown-runtime', 'screens', 'shell']);
  // the shell's functions nearly all run at once: V8 is told to compile them as the file arrives
  const shell = await page.evaluate(() =>
    fetch(performance.getEntriesByType('resource').find((e) => /\/shell-[\w-]+\.js$/.test(e.name))!.name).then((r) => r.text()),
  );
  expect(shell.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
});

// Today is drawn with its rooms first; the cards other features put on it (events this week,
// bids needing attention …) have their code asked for once that is painted, then join it.
test('a cold open of Today asks for the other features’ cards once its rooms are painted, and they join it', async ({ page, app }) => {
  await call(app.coop, 'system.loadDemo', {});
  await noteWhenShown(page, '[aria-label="Rooms today"]');
  await page.goto(`${app.url}#/`);
  await expect(page.getByRole('region', { name: 'Rooms today' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Events this week' })).toBeVisible();
  const { roomsAt, cardsAsked } = await page.evaluate(() => ({
    roomsAt: (window as unknown as { shownAt: number }).shownAt,
    cardsAsked: performance
      .getEntriesByType('resource')
      .filter((e) => /\/(EventsSoon|BidCards)-[\w-]+\.js$/.test(e.name))
      .map((e) => e.startTime),
  }));
  expect(cardsAsked).toHaveLength(2);
  for (const start of cardsAsked) expect(start).toBeGreaterThan(roomsAt);
});

// The page's first date formatter loads ICU's data for the whole process (20–40 ms): a worker
// makes one while the page waits for its code, so the screen's render finds it loaded.
test('a cold open sets up the browser’s date formatting on a worker, allowed by the page’s policy', async ({ page, app }) => {
  const refused: string[] = [];
  page.on('console', (message) => void (message.type() === 'error' && refused.push(message.text())));
  page.on('pageerror', (error) => refused.push(error.message));
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await call(app.coop, 'system.loadDemo', {});
  await page.goto(`${app.url}#/bookings/${new Date().toISOString().slice(0, 10)}`);
  await expect(page.locator('.board .block').first()).toBeVisible();
  expect(workers).toEqual([expect.stringMatching(/\/assets\/warmIntl\.worker-[\w-]+\.js$/)]);
  // once it has said so, it is ended
  await expect.poll(() => page.workers().length).toBe(0);
  expect(refused).toEqual([]);
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

// The weeks either side are fetched ahead for ‹ and ›, but the host answers one read after
// another: a read ahead must not leave with the screen's own (it would be answered first and
// read in the middle of the paint), they go one at a time, and those not yet sent are dropped
// when the person moves on.
test('reads ahead wait for the week shown, go one at a time, and are dropped when the person moves on', async ({ page, app }) => {
  await call(app.coop, 'system.loadDemo', {});
  const day = new Date().toISOString().slice(0, 10);
  await page.goto(`${app.url}#/bookings/week/${day}`);
  await expect(page.locator('.rooms-week[data-kind="room"] .rooms-week-paint')).toBeVisible();
  // the three weeks around it (the week shown came with the page's first reads)
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/bookings.calendar')).length))
    .toBe(3);

  const log: string[] = [];
  const name = (input: { date: string; kind?: string }) => `${input.kind ?? 'all'} ${input.date === day ? 'shown' : 'ahead'}`;
  // every read ahead of everything answers slowly, as a busy host would: time to move on meanwhile
  await page.route('**/api/bookings.calendar', async (route) => {
    const input = route.request().postDataJSON() as { date: string; kind?: string };
    if (name(input) === 'all ahead') await new Promise((done) => setTimeout(done, 600));
    await route.continue();
  });
  page.on('request', (r) => r.url().endsWith('/api/bookings.calendar') && log.push(`sent ${name(r.postDataJSON())}`));
  page.on('requestfinished', (r) => r.url().endsWith('/api/bookings.calendar') && log.push(`done ${name(r.postDataJSON())}`));

  const show = page.getByLabel('Show');
  await show.focus();
  await page.keyboard.press('End'); // Everything
  await expect(page.locator('.rooms-week[data-kind="all"] .rooms-week-paint')).toBeVisible();
  await expect.poll(() => log.length).toBeGreaterThanOrEqual(3);
  // the week shown is read and answered before anything is read ahead, and one read ahead is in flight
  expect(log.slice(0, 3)).toEqual(['sent all shown', 'done all shown', 'sent all ahead']);
  await show.selectOption({ label: 'Rooms' }); // back, while the first read ahead is still on its way
  await expect(page.locator('.rooms-week[data-kind="room"] .rooms-week-paint')).toBeVisible();
  await expect.poll(() => log.filter((l) => l === 'done all ahead').length).toBe(1);
  await page.waitForTimeout(1000);
  // the other two reads ahead of everything were never sent
  expect(log.filter((l) => l === 'sent all ahead')).toHaveLength(1);
});
