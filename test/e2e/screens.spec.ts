import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { call, expect, test } from './fixtures';

// Every main screen of the demo co-op, at the desk's two window sizes: checked with axe-core
// (serious and critical violations fail) and photographed for a person to look at.
async function accessible(page: Page, screen: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect
    .soft(
      bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`),
      screen,
    )
    .toEqual([]);
}

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
];

/** The co-op half's screens in two tests of their own, so that none outgrows its time on two busy cores; the premises' are the rest. */
const GROUPS = {
  'network and support': /^(network|support)/,
  'events, communities, governance and money': /^(events|fair|communit|governance|money)/,
} as const;
const groupOf = (screen: string) => (Object.keys(GROUPS) as (keyof typeof GROUPS)[]).find((g) => GROUPS[g].test(screen)) ?? 'premises';

for (const size of SIZES)
  for (const half of ['premises', ...Object.keys(GROUPS)] as const) {
    test(`every main screen of the ${half} at ${size.width}×${size.height} passes axe and is photographed`, async ({ page, app }) => {
      test.setTimeout(180_000); // a dozen screens, each photographed and checked with axe, on two busy cores
      await call(app.coop, 'system.loadDemo', {});
      await page.setViewportSize(size);
      const board = await call<{ date: string; bookables: { id: string; kind: string }[] }>(app.coop, 'bookings.dayBoard', {
        date: new Date().toISOString().slice(0, 10),
      });
      const room = board.bookables.find((b) => b.kind === 'room')!;
      const members = await call<{ rows: { id: string; number: number }[] }>(app.coop, 'members.list', { limit: 1 });
      const soon = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
      const events = await call<{ id: string; kind: string }[]>(app.coop, 'events.list', { from: board.date, to: soon });
      const fair = events.find((e) => e.kind === 'fair')!;
      const community = (await call<{ id: string; name: string }[]>(app.coop, 'communities.list', {})).find((c) => c.name === 'Web makers')!;
      const poll = (await call<{ id: string; kind: string }[]>(app.coop, 'governance.list', {})).find((p) => p.kind === 'poll')!;
      const screens: [string, string, () => Promise<void>][] = [
        ['today', '#/today', () => expect(page.getByRole('region', { name: 'Rooms today' })).toBeVisible()],
        ['members', '#/members', () => expect(page.getByRole('table', { name: 'Members' }).getByRole('row').nth(3)).toBeVisible()],
        ['member', `#/members/${members.rows[0].id}`, () => expect(page.getByRole('heading', { level: 1 })).toBeVisible()],
        ['day-board', `#/bookings/${board.date}`, () => expect(page.getByRole('grid', { name: 'Day board' })).toBeVisible()],
        [
          'week',
          `#/bookables/${room.id}/week/${board.date}`,
          () =>
            expect(
              page
                .getByRole('group', { name: /^Week of/ })
                .locator('.block')
                .first(),
            ).toBeVisible(),
        ],
        [
          'rooms-week',
          `#/bookings/week/${board.date}`,
          () =>
            expect(
              page
                .getByRole('grid', { name: /^Week of/ })
                .locator('.block')
                .first(),
            ).toBeVisible(),
        ],
        ['month', `#/bookings/month/${board.date}`, () => expect(page.locator('.month-booking').first()).toBeVisible()],
        ['bookables', '#/bookables', () => expect(page.getByRole('heading', { name: 'Bookables' })).toBeVisible()],
        ['bids', '#/bids', () => expect(page.getByLabel('Pipeline board').locator('.bid-card').first()).toBeVisible()],
        ['network-market', '#/network/market', () => expect(page.getByRole('table', { name: 'Marketplace' }).getByRole('row').nth(3)).toBeVisible()],
        ['network-referrals', '#/network/referrals', () => expect(page.getByRole('listitem', { name: /^Referral / }).first()).toBeVisible()],
        ['network-hours', '#/network/hours', () => expect(page.locator('.badge-confirmed').first()).toBeVisible()],
        ['network-trade', '#/network/trade', () => expect(page.getByRole('table', { name: 'By sector' }).getByRole('row').nth(1)).toBeVisible()],
        ['network-balances', '#/network/balances', () => expect(page.getByRole('table', { name: 'Balances' }).getByRole('row').nth(3)).toBeVisible()],
        ['network-gaps', '#/network/gaps', () => expect(page.getByRole('heading', { name: 'Needed, not offered' })).toBeVisible()],
        ['network-tags', '#/network/tags', () => expect(page.getByText('web designer')).toBeVisible()],
        ['support-help', '#/support', () => expect(page.getByRole('listitem', { name: /^Request: / }).first()).toBeVisible()],
        ['support-mentoring', '#/support/mentoring', () => expect(page.getByRole('listitem', { name: /^Pair: / }).first()).toBeVisible()],
        ['events', '#/events', () => expect(page.getByRole('heading', { name: /^\w+ \d{4}$/ })).toBeVisible()],
        ['fair', `#/events/${fair.id}`, () => expect(page.getByRole('list', { name: 'Exhibitors' }).getByRole('listitem').first()).toBeVisible()],
        ['communities', '#/communities', () => expect(page.getByRole('listitem', { name: /^Community: / }).first()).toBeVisible()],
        ['community', `#/communities/${community.id}`, () => expect(page.getByRole('list', { name: 'Library' }).getByRole('listitem').first()).toBeVisible()],
        ['governance', '#/governance', () => expect(page.getByRole('listitem', { name: /^Proposal: / }).first()).toBeVisible()],
        ['governance-poll', `#/governance/${poll.id}`, () => expect(page.getByRole('table', { name: 'Voters' })).toBeVisible()],
        ['governance-register', '#/governance/register', () => expect(page.getByRole('table', { name: 'Decisions' }).getByRole('row').nth(1)).toBeVisible()],
        ['governance-rules', '#/governance/rules', () => expect(page.locator('pre.rules-text').first()).toBeVisible()],
        ['money-plans', '#/money', () => expect(page.getByRole('table', { name: 'Plans' }).getByRole('row').nth(3)).toBeVisible()],
        ['money-costs', '#/money/costs', () => expect(page.getByRole('table', { name: 'Members’ shares' }).getByRole('row').nth(3)).toBeVisible()],
        ['money-statements', '#/money/statements', () => expect(page.getByRole('table', { name: 'Issued statements' }).getByRole('row').nth(3)).toBeVisible()],
        ['money-owing', '#/money/owing', () => expect(page.getByRole('table', { name: 'Balances' }).getByRole('row').nth(1)).toBeVisible()],
        ['audit', '#/audit', () => expect(page.getByRole('table', { name: 'Changes' })).toBeVisible()],
        ['settings', '#/settings', () => expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()],
      ];
      for (const [name, hash, ready] of screens.filter(([name]) => groupOf(name) === half)) {
        await page.goto(`${app.url}${hash}`);
        await ready();
        await page.screenshot({ path: `test-results/screens/${name}-${size.width}.png` });
        await accessible(page, name);
      }
    });
  }

for (const size of SIZES) {
  // the kiosk in a test of its own: one test for every screen outgrew its two minutes on two busy cores
  test(`the kiosk's screens at ${size.width}×${size.height} pass axe and are photographed`, async ({ page, app }) => {
    test.setTimeout(120_000);
    await call(app.coop, 'system.loadDemo', {});
    await page.setViewportSize(size);
    const members = await call<{ rows: { id: string; number: number }[] }>(app.coop, 'members.list', { limit: 1 });
    // the desk's screen is open (a screen opened once a manager account exists starts on the kiosk)
    await page.goto(`${app.url}#/today`);
    await expect(page.getByRole('region', { name: 'Rooms today' })).toBeVisible();
    // The kiosk, as a member sees it on the shared screen
    await call(app.coop, 'auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });
    await page.goto(`${app.url}#/today`);
    await page.reload();
    if (size.width < 1280) {
      // a narrow window folds the menu away; it comes back with one button
      await expect(page.getByRole('button', { name: 'Kiosk mode' })).toBeHidden();
      await page.getByRole('button', { name: 'Show the menu' }).click();
    }
    await page.getByRole('button', { name: 'Kiosk mode' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.screenshot({ path: `test-results/screens/kiosk-${size.width}.png` });
    await accessible(page, 'kiosk');

    // A member identified at the kiosk, and her inbox (the demo's members each have a first message)
    await call(app.coop, 'auth.setPin', { memberId: members.rows[0].id, pin: '4821' });
    await page.getByLabel('Member number or name').fill(String(members.rows[0].number));
    await page.getByLabel('PIN').fill('4821');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('link', { name: /^Notifications, \d+ unread$/ }).click();
    await expect(page.getByRole('list', { name: 'Notifications' }).getByRole('listitem').first()).toBeVisible();
    await page.screenshot({ path: `test-results/screens/inbox-${size.width}.png` });
    await accessible(page, 'inbox');

    // and her business network: her matches, with the reasons
    await page.goto(`${app.url}#/network`);
    await expect(page.getByRole('heading', { name: 'What you need' })).toBeVisible();
    await page.screenshot({ path: `test-results/screens/kiosk-network-${size.width}.png` });
    await accessible(page, 'kiosk-network');

    // and her commitments, private to her and her partners
    await page.goto(`${app.url}#/support/commitments`);
    await expect(page.getByRole('status', { name: 'Commitments kept' })).toBeVisible();
    await page.screenshot({ path: `test-results/screens/kiosk-commitments-${size.width}.png` });
    await accessible(page, 'kiosk-commitments');
  });
}
