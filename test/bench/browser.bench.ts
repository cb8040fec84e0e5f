import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type CDPSession, chromium, type Page } from '@playwright/test';
import { addDaysIso, weekdayOf } from '@shared/domain/zoned';
import { largeCoop, weekdaysFrom } from './largeCoop';
import { report } from './measure';
import { firstContentfulPaint, floorPages } from './floor';
import { instrument } from './paint';
import { CHROMIUM_ARGS, chromiumPath } from '../tools/chromium';

/**
 * What a person waits for, in Chromium against the browser host on the large generated co-op:
 * each figure runs from the user's action (the click or key, or navigation start) to the frame in
 * which the result is painted, measured in the page. Also long tasks over 50 ms during each
 * action, the JS heap after a GC and the DOM size on each screen, and the host's start-up time
 * and memory. `BENCH_ONLY=browser npm run bench` (it builds the renderer first if needed).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
/** `BENCH_FIGURES=roomsWeek,month` runs only the figures whose names contain one of these. */
const ONLY = process.env.BENCH_FIGURES?.split(',').filter(Boolean) ?? [];
const PORT = 5391;

interface Timed {
  ms: number;
  longTasks: number;
  longestTask: number;
  /** Code files whose download started before the result was painted (a cold open's should be its own screen's only). */
  scriptsBeforePaint?: number;
}

export async function browserBench(): Promise<void> {
  const { dataDir: generated, today } = await largeCoop();
  // Each run books into a copy, so every run starts from the same co-op.
  const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-bench-browser-'));
  cpSync(generated, dataDir, { recursive: true });
  if (!existsSync(resolve('out/renderer/index.html'))) throw new Error('Build the renderer first: npm run build');
  const host = await startServe(dataDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    await screens(browser, `http://127.0.0.1:${PORT}/`, today);
    report({ bench: 'browser.host.memory', rss_mb: rssMb(host.child) });
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
    await new Promise((r) => host.child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `npm run serve`'s program on the large data folder: the time until it answers, and its memory. */
async function startServe(dataDir: string): Promise<{ child: ChildProcess }> {
  const started = performance.now();
  const entry = existsSync(resolve('out/serve/serve.js')) ? ['out/serve/serve.js'] : ['--import', 'tsx', 'electron/main/serve.ts'];
  const child = spawn(process.execPath, [...entry, '--data-dir', dataDir], {
    env: { ...process.env, PORT: String(PORT) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error('the host stopped');
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/api/system.status`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const bookings = JSON.parse(readFileSync(resolve(dataDir, 'generated.json'), 'utf8')).bookings as number;
  report({ bench: 'browser.host.startup', n: 1, total_ms: Math.round(performance.now() - started), bookings, entry: entry.at(-1) });
  return { child };
}

function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function screens(browser: Browser, url: string, today: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // tsx names functions with a helper the page does not have; the page gets a stand-in.
  await context.addInitScript({ content: `var __name = (f) => f;\n(${instrument.toString()})();` });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const screen = async (name: string) => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    report({ bench: `browser.screen.${name}`, heap_mb: Math.round((heap.usedSize / 1_048_576) * 10) / 10, dom_nodes: nodes });
  };
  await page.goto(url);
  const days = weekdaysFrom(addDaysIso(today, 7), RUNS + 3);
  // the day board of a busy day, drawn: where the other screens are opened from
  const boardOn = async (day: string) => {
    await page.goto(`${url}#/bookings/${day}`);
    await page.locator('.board .block').first().waitFor();
  };

  // Open the day board: a fresh page load, navigation start to the bookings painted.
  const dayBoardAt = (i: number): ColdTarget => [`${url}#/bookings/${days[i]}`, `.board[data-date="${days[i]}"] .block`];
  await coldFigures(page, cdp, 'browser.dayBoard.open', dayBoardAt);
  await screen('dayBoard');
  const sameSite = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel=stylesheet]')!.href);
  // the machine's floor, to read the cold opens against: a page of one paragraph, and the same
  // board as a static page with no script
  const floor = await floorPages(page, dayBoardAt(0)[0]);
  const painted = (address: string) => async () => ({ ms: await firstContentfulPaint(page, address), longTasks: 0, longestTask: 0 });
  await figure('browser.floor.paragraph', painted(floor.paragraph));
  await figure('browser.floor.staticDayBoard', painted(floor.staticBoard));
  await figure('browser.floor.staticDayBoard.withoutCoop', painted(floor.staticBoardWithoutCoop));
  await floor.close();
  // the same open from another page of the site (its stylesheet, a plain document): the page keeps
  // its process, as the peer's page did in the comparison; what is left is the app's own work
  await coldFigures(page, cdp, 'browser.dayBoard.openFromSameSite', dayBoardAt, false, sameSite);

  // Next day: the ‹ › buttons.
  await boardOn(days[0]);
  await figure('browser.dayBoard.nextDay', async () => {
    const next = await page.evaluate(() => document.querySelector('.board')!.getAttribute('data-date')!);
    const want = addDaysIso(next, weekdayOf(next) === 5 ? 3 : 1);
    if (want !== addDaysIso(next, 1)) await page.goto(`${url}#/bookings/${addDaysIso(want, -1)}`);
    await armSelector(page, `.board[data-date="${want}"] .block`);
    await page.getByRole('button', { name: 'Next day' }).click();
    return result(page);
  });

  // One bookable's week, then the next week.
  const bookable = await page.evaluate(async () => {
    const r = await fetch('/api/bookables.list', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    return ((await r.json()) as { data: { id: string; kind: string }[] }).data.find((b) => b.kind === 'room')!.id;
  });
  const weekAt = (i: number): ColdTarget => [`${url}#/bookables/${bookable}/week/${days[i]}`, '.week[data-week] .block'];
  await coldFigures(page, cdp, 'browser.week.openCold', weekAt);
  await coldFigures(page, cdp, 'browser.week.openFromSameSite', weekAt, false, sameSite);
  const todayAt = (): ColdTarget => [`${url}#/`, '[aria-label="Rooms today"]'];
  await coldFigures(page, cdp, 'browser.today.openCold', todayAt);
  await coldFigures(page, cdp, 'browser.today.openFromSameSite', todayAt, false, sameSite);
  await page.goto(url);
  await figure('browser.week.open', async (i) => {
    await boardOn(days[i]);
    await armSelector(page, `.week[data-week] .block`);
    await page.evaluate(
      ([id, d]) => {
        (window as unknown as { __bench: { start(): void } }).__bench.start();
        location.hash = `#/bookables/${id}/week/${d}`;
      },
      [bookable, days[i]],
    );
    return result(page);
  });
  await screen('week');
  await figure('browser.week.next', async () => {
    const shown = await page.evaluate(() => document.querySelector('.week')!.getAttribute('data-week')!);
    await armSelector(page, `.week[data-week="${addDaysIso(shown, 7)}"] .block`);
    await page.getByRole('button', { name: 'Next week' }).click();
    return result(page);
  });

  // The week of every room (Week on the day board), of everything (300 bookables), the next week; the month, the next month.
  await figure('browser.roomsWeek.open', async (i) => {
    await boardOn(days[i]);
    await armSelector(page, '.rooms-week[data-week] .rooms-week-paint');
    await page.getByRole('link', { name: 'Week', exact: true }).click();
    return result(page);
  });
  // every bookable of the site (rooms, desks, equipment): opened cold, as the day board is above
  await figure('browser.roomsWeek.openEverything', async (i) => {
    await page.evaluate(() => sessionStorage.setItem('benchWant', '.rooms-week[data-kind="all"] .rooms-week-paint'));
    await page.goto('about:blank');
    await page.goto(`${url}?kind=all#/bookings/week/${days[i]}`);
    return result(page);
  });
  await page.evaluate(() => sessionStorage.removeItem('benchWant'));
  await page.goto(`${url}#/bookings/week/${days[0]}`);
  await page.locator('.rooms-week .rooms-week-paint').first().waitFor();
  await screen('roomsWeek');
  await figure('browser.roomsWeek.next', async () => {
    const shown = await page.evaluate(() => document.querySelector('.rooms-week')!.getAttribute('data-week')!);
    await armSelector(page, `.rooms-week[data-week="${addDaysIso(shown, 7)}"] .rooms-week-paint`);
    await page.getByRole('button', { name: 'Next week' }).click();
    return result(page);
  });
  // the same 300 from the week of rooms, as a person switches to them: End on "Show" picks Everything
  await figure('browser.roomsWeek.switchEverything', async (i) => {
    await page.goto(`${url}#/bookings/week/${days[i]}`);
    await page.locator(`.rooms-week[data-week][data-kind="room"] .rooms-week-paint`).first().waitFor();
    await page.getByLabel('Show').focus();
    await armSelector(page, '.rooms-week[data-kind="all"] .rooms-week-paint');
    await page.keyboard.press('End');
    return result(page);
  });
  await figure('browser.month.open', async (i) => {
    await boardOn(days[i]);
    await armSelector(page, '.month[data-month] .month-booking');
    await page.getByRole('link', { name: 'Month', exact: true }).click();
    return result(page);
  });
  await screen('month');
  await figure('browser.month.next', async (i) => {
    // from a month of the generated data each time (thirty-odd months on would run past its end)
    await page.evaluate((d) => (location.hash = `#/bookings/month/${d}`), days[i % days.length]);
    await page
      .locator(`.month[data-month="${days[i % days.length].slice(0, 7)}"] .month-booking`)
      .first()
      .waitFor();
    const shown = await page.evaluate(() => document.querySelector('.month')!.getAttribute('data-month')!);
    const [y, m] = shown.split('-').map(Number);
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    await armSelector(page, `.month[data-month="${next}"] .month-booking`);
    await page.getByRole('button', { name: 'Next month' }).click();
    return result(page);
  });

  // A new booking on an empty day, from "Book" to the booking on the board.
  const empty = weekdaysFrom(addDaysIso(today, 400), RUNS + 3);
  await figure('browser.booking.submit', async (i) => {
    await page.goto(`${url}#/bookings/${empty[i]}`);
    await page.locator(`.board[data-date="${empty[i]}"]`).waitFor();
    await page.getByRole('button', { name: 'New booking' }).click();
    const member = page.getByRole('dialog').getByRole('combobox', { name: 'Member' });
    await member.fill('an');
    await page.getByRole('listbox', { name: 'Member matches' }).getByRole('option').first().waitFor();
    await member.press('Enter');
    await page.getByRole('dialog').getByRole('status').filter({ hasText: 'Free.' }).waitFor();
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('[role=dialog] button[type=submit]')?.disabled);
    await armSelector(page, `.board[data-date="${empty[i]}"] .block`);
    await page.getByRole('dialog').getByRole('button', { name: 'Book', exact: true }).click();
    return result(page);
  });

  // Today, from the sidebar.
  await figure('browser.today.open', async (i) => {
    await boardOn(days[i]);
    await armSelector(page, '[aria-label="Rooms today"]');
    await page.getByRole('link', { name: 'Today', exact: true }).click();
    return result(page);
  });
  await screen('today');

  // A member search, one keystroke at a time.
  await page.goto(`${url}#/members`);
  const search = page.getByRole('searchbox', { name: 'Search members' });
  await search.waitFor();
  const words = ['kow', 'ana', 'ben', 'ros', 'chi', 'mar', 'eli'];
  await figure('browser.members.keystroke', async (i) => {
    const word = words[Math.floor(i / 3) % words.length];
    const typed = word.slice(0, (i % 3) + 1);
    // the box holds what was typed before this keystroke (warm-up runs leave something else)
    if ((await search.inputValue()) !== typed.slice(0, -1)) {
      await search.fill(typed.slice(0, -1));
      await page.waitForFunction(() => document.querySelector('table[aria-label="Members"]')?.getAttribute('aria-busy') === 'false');
    }
    await search.focus();
    await page.evaluate((value) => {
      const input = document.querySelector<HTMLInputElement>('input[aria-label="Search members"]')!;
      (window as unknown as { __bench: { arm(check: () => boolean): void } }).__bench.arm(
        () => input.value === value && document.querySelector('table[aria-label="Members"]')?.getAttribute('aria-busy') === 'false',
      );
    }, typed);
    await page.keyboard.type(typed.at(-1)!);
    return result(page);
  });
  await screen('members');

  // The bids board, from the sidebar.
  await figure('browser.bids.open', async (i) => {
    await boardOn(days[i]);
    await armSelector(page, '.pipeline .bid-card');
    await page.getByRole('link', { name: 'Joint bids', exact: true }).click();
    return result(page);
  });
  await screen('bids');
  await context.close();

  // A phone on the co-op's Wi-Fi: its viewport, and a CPU four times slower (DevTools' throttling).
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.addInitScript({ content: `var __name = (f) => f;\n(${instrument.toString()})();` });
  const phonePage = await phone.newPage();
  const phoneCdp = await phone.newCDPSession(phonePage);
  await phonePage.goto(url);
  await phoneCdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await coldFigures(phonePage, phoneCdp, 'browser.phone.dayBoard.open', dayBoardAt, false);
  await coldFigures(phonePage, phoneCdp, 'browser.phone.dayBoard.openFromSameSite', dayBoardAt, false, sameSite);
  await coldFigures(phonePage, phoneCdp, 'browser.phone.week.openCold', weekAt, false);
  await coldFigures(phonePage, phoneCdp, 'browser.phone.today.openCold', todayAt, false);
  await phone.close();
}

/** An address to open cold, and what shows that its screen is drawn. */
type ColdTarget = [address: string, drawn: string];

/**
 * A screen opened cold: a fresh page load from another site, navigation start to the screen's
 * data painted. With the HTTP cache (the app's code kept from an earlier visit, as on a desk
 * every morning) and, unless `withoutCache` is false, without it (the first visit). From a blank
 * page the host's `Cross-Origin-Opener-Policy` gives the app a new page process, as a visit from
 * another site does; `from` opens it from another page instead (one of the same site keeps its process).
 */
async function coldFigures(page: Page, cdp: CDPSession, bench: string, at: (i: number) => ColdTarget, withoutCache = true, from = 'about:blank') {
  const open = async (i: number) => {
    const [address, drawn] = at(i);
    // the opened page reads what to wait for from the origin's session storage: set on the app
    // before a blank page (which has none), or on `from` (whose own start would take it)
    const want = () => page.evaluate((selector) => sessionStorage.setItem('benchWant', selector), drawn);
    if (from === 'about:blank') await want();
    await page.goto(from);
    if (from !== 'about:blank') await want();
    // waited for on the console: Playwright's waitForFunction would put its own script in the new
    // page and run a check every frame, on the main thread the open is measured on (a trace showed
    // a 17-30 ms script evaluation in the middle of every cold open)
    const painted = page.waitForEvent('console', { predicate: (m) => m.text() === 'bench:done', timeout: 30_000 });
    await page.goto(address);
    await painted;
    const timed = await measured(page);
    // give the idle preloading its chance, then count what started before the paint
    await page.waitForTimeout(300);
    const scriptsBeforePaint = await page.evaluate(
      (ms) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js') && e.startTime < ms).length,
      timed.ms,
    );
    return { ...timed, scriptsBeforePaint };
  };
  await figure(bench, open);
  if (!withoutCache) return;
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await figure(`${bench}.noCache`, open);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
}

async function armSelector(page: Page, selector: string) {
  await page.evaluate(
    (s) => (window as unknown as { __bench: { arm(check: () => boolean): void } }).__bench.arm(() => document.querySelector(s) !== null),
    selector,
  );
}

async function result(page: Page): Promise<Timed> {
  await page.waitForFunction(() => (window as unknown as { __bench: { done: number | null } }).__bench.done !== null, undefined, { timeout: 30_000 });
  return measured(page);
}

/** The figure of the action just painted, as the page measured it. */
const measured = (page: Page): Promise<Timed> => page.evaluate(() => (window as unknown as { __bench: { measured(): Timed } }).__bench.measured());

/** Two warm-up runs, then RUNS measured; median and p95 of the paint times, and the long tasks seen. */
async function figure(bench: string, run: (i: number) => Promise<Timed>) {
  if (ONLY.length && !ONLY.some((part) => bench.includes(part))) return;
  for (let i = 0; i < 2; i++) await run(RUNS + i);
  const runs: Timed[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await run(i));
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 10) / 10;
  report({
    bench,
    n: RUNS,
    median_ms: at(0.5),
    p95_ms: at(0.95),
    runs_with_long_tasks: runs.filter((r) => r.longTasks > 0).length,
    longest_task_ms: Math.round(Math.max(...runs.map((r) => r.longestTask))),
    ...(runs[0].scriptsBeforePaint === undefined ? {} : { max_scripts_before_paint: Math.max(...runs.map((r) => r.scriptsBeforePaint ?? 0)) }),
  });
}
