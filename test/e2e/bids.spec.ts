import { addDaysIso, zonedParts } from '@shared/domain/zoned';
import { call, expect, test } from './fixtures';

test('members team up for a bid: suggested team, shares that must total 100 %, submitted, won, outcomes', async ({ page, browser, app }) => {
  const settings = await call(app.coop, 'settings.get', {});
  await call(app.coop, 'settings.updateCoop', { ...settings.coop, currency: 'GBP', timeZone: 'Europe/London' });
  const member = (name: string, offers: string[]) =>
    call(app.coop, 'members.create', { name, email: `${name.split(' ')[0].toLowerCase()}@example.coop`, memberSince: '2024-01-10', offers });
  const ana = await member('Ana Ribeiro', ['project management']);
  const ben = await member('Ben Okafor', ['copywriting', 'editing']);
  const chiara = await member('Chiara Novak', ['photography', 'web design']);
  await member('Dev Patel', ['photography']);
  await call(app.coop, 'auth.setPin', { memberId: ana.id, pin: '4821' });
  await call(app.coop, 'auth.setPin', { memberId: ben.id, pin: '5932' });
  await call(app.coop, 'auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });

  // Ana identifies at the kiosk and records the opportunity, needing three skills
  await page.goto(app.url);
  await page.getByLabel('Member number or name').fill('1');
  await page.getByLabel('PIN').fill('4821');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('navigation', { name: 'Kiosk' }).getByRole('link', { name: 'Joint bids' }).click();
  await page.getByRole('link', { name: 'New opportunity' }).click();
  await page.getByRole('button', { name: 'Create opportunity' }).click();
  await expect(page.getByLabel('Title')).toHaveAccessibleDescription('Title is required');
  await page.getByLabel('Title').fill('Town hall website');
  await page.getByLabel('Client or buyer').fill('Millbrook Council');
  await page.getByLabel('Estimated value').fill('40000');
  const deadline = addDaysIso(zonedParts(Date.now(), 'Europe/London').date, 20);
  await page.getByLabel('Bid deadline').fill(deadline);
  for (const [i, [skill, days]] of [
    ['Web design', '10'],
    ['copywriting', '4'],
    ['photography', '2'],
  ].entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add a skill' }).click();
    await page.getByLabel(`Skill ${i + 1}`, { exact: true }).fill(skill);
    await page.getByLabel(`Days of work for skill ${i + 1}`).fill(days);
  }
  await page.getByRole('button', { name: 'Create opportunity' }).click();
  await expect(page.getByRole('heading', { name: 'Town hall website' })).toBeVisible();

  // The suggested team: Chiara (web design, photography) and Ben (copywriting), with why
  const suggested = page.getByRole('region', { name: 'Suggested team' });
  await expect(suggested.getByRole('listitem').first()).toContainText('Chiara Novak');
  await expect(suggested.getByRole('listitem').first()).toContainText('offers web design, photography');
  await expect(suggested.getByRole('listitem').nth(1)).toContainText('offers copywriting');
  await suggested.getByRole('button', { name: 'Invite the suggested team (2)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Invited Chiara Novak, Ben Okafor.' })).toBeVisible();
  const team = page.getByRole('table', { name: 'Team members' });
  await expect(team.getByRole('row', { name: /Ben Okafor/ })).toContainText('invited');

  // Ben accepts at his own screen; Chiara accepts too
  const bensContext = await browser.newContext();
  const bens = await bensContext.newPage();
  await bens.goto(page.url().replace(/#.*$/, ''));
  await bens.getByLabel('Member number or name').fill('Ben Okafor');
  await bens.getByLabel('PIN').fill('5932');
  await bens.getByRole('button', { name: 'Continue' }).click();
  await bens.getByRole('region', { name: 'Joint bids waiting for your answer' }).getByRole('link', { name: 'Town hall website' }).click();
  await bens.getByRole('region', { name: 'Your invitation' }).getByRole('button', { name: 'Accept' }).click();
  await expect(bens.getByRole('status').filter({ hasText: 'You joined the team.' })).toBeVisible();
  await bensContext.close();
  const bid = (await call(app.coop, 'bids.list', {}))[0];
  await call(app.coop, 'bids.respond', { id: bid.id, memberId: chiara.id, answer: 'accept' }, { role: 'member', memberId: chiara.id });
  await expect(team.getByRole('row', { name: /Chiara Novak/ })).toContainText('accepted');
  await expect(team.getByRole('row', { name: /Ben Okafor/ })).toContainText('accepted');

  // Forming the team, go, preparing
  const stage = page.getByRole('region', { name: 'Stage' });
  await stage.getByRole('button', { name: 'Move to Forming team' }).click();
  await expect(stage.getByRole('button', { name: 'Move to Preparing bid' })).toBeDisabled();
  await page.getByRole('region', { name: 'Go or no-go' }).getByLabel('Why').fill('Right size for the three of us');
  await page.getByRole('region', { name: 'Go or no-go' }).getByRole('button', { name: 'Go', exact: true }).click();
  await stage.getByRole('button', { name: 'Move to Preparing bid' }).click();
  await expect(page.getByRole('heading', { name: 'Stage: Preparing bid' })).toBeVisible();

  // Shares that total 90 %: the bid cannot be submitted, and the app says why
  const shares: [string, string][] = [
    ['Ana Ribeiro', '40'],
    ['Ben Okafor', '30'],
    ['Chiara Novak', '20'],
  ];
  for (const [name, share] of shares) {
    await page.getByLabel(`Work share of ${name}`).fill(share);
    await page.getByLabel(`Revenue share of ${name}`).fill(share);
  }
  await page.getByLabel('Role of Chiara Novak').fill('Design and photos');
  await page.getByRole('button', { name: 'Save roles and shares' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Roles and shares saved.' })).toBeVisible();
  await expect(stage.getByRole('button', { name: 'Mark as submitted' })).toBeDisabled();
  const why = page.getByRole('status', { name: 'Why it cannot be submitted' });
  await expect(why).toContainText('Work shares total 90 %: 10 % is not given to anyone.');
  await expect(why).toContainText('Revenue shares total 90 %: 10 % is not given to anyone.');
  await page.screenshot({ path: 'test-results/bids-shares-90.png', fullPage: true });

  // Fixed to 100 %, submitted, won
  await page.getByLabel('Work share of Chiara Novak').fill('30');
  await page.getByLabel('Revenue share of Chiara Novak').fill('30');
  await expect(page.getByText('The team is complete: shares total 100 %.')).toBeVisible();
  await page.getByRole('button', { name: 'Save roles and shares' }).click();
  await expect(why).toHaveCount(0);
  await stage.getByLabel('Note with the move').fill('Sent through the council portal');
  await stage.getByRole('button', { name: 'Mark as submitted' }).click();
  await expect(page.getByRole('heading', { name: 'Stage: Submitted' })).toBeVisible();
  await stage.getByLabel('Final value if won (GBP)').fill('42000');
  await stage.getByRole('button', { name: 'Move to Won' }).click();
  await expect(page.getByRole('heading', { name: 'Stage: Won' })).toBeVisible();
  const log = page.getByRole('list', { name: 'Activity log' });
  await expect(log.getByRole('listitem').first()).toContainText('Ana Ribeiro moved it from Submitted to Won');
  await expect(log).toContainText('Ana Ribeiro moved it from Preparing bid to Submitted — Sent through the council portal');
  await expect(log).toContainText('recorded go; agreed: Ana Ribeiro, Ben Okafor, Chiara Novak');

  // The outcome figures update
  await page.getByRole('link', { name: 'Joint bids' }).first().click();
  await page.getByRole('link', { name: 'Outcomes' }).click();
  const tiles = page.getByRole('definition');
  await expect(page.getByLabel("The co-op's figures")).toContainText('Won1');
  await expect(page.getByLabel("The co-op's figures")).toContainText('Win rate100 %');
  await expect(page.getByLabel("The co-op's figures")).toContainText('£42,000.00');
  expect(await tiles.count()).toBe(6);
  const row = (name: string) => page.getByRole('table', { name: 'Outcomes per member' }).getByRole('row', { name: new RegExp(name) });
  await expect(row('Ana Ribeiro')).toContainText('£16,800.00');
  await expect(row('Chiara Novak')).toContainText('£12,600.00');
  await expect(page.getByRole('figure', { name: /Pipeline by stage: .*Won 1/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/bids-outcomes.png', fullPage: true });
});

test('the manager moves a bid on the board by dragging, and a refused move says why', async ({ page, app }) => {
  const ana = await call(app.coop, 'members.create', { name: 'Ana Ribeiro', email: 'ana@example.coop', memberSince: '2024-01-10', offers: ['web design'] });
  const bid = await call(
    app.coop,
    'bids.create',
    { title: 'Library signage', client: 'County Library', estimatedValue: 900_000 },
    { role: 'member', memberId: ana.id },
  );
  await page.goto(`${app.url}#/bids`);
  const card = page.getByRole('listitem').filter({ hasText: 'Library signage' });
  await card.dragTo(page.getByRole('region', { name: 'Forming team' }));
  await expect(page.getByRole('status').filter({ hasText: 'Library signage moved to Forming team.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Forming team' })).toContainText('Library signage');
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Library signage' })
    .dragTo(page.getByRole('region', { name: 'Won' }));
  await expect(page.getByRole('alert')).toHaveText('A bid at “Forming team” cannot move to “Won”; it can go to “Preparing bid” or “Idea” or “Withdrawn”.');
  await expect(page.getByRole('region', { name: 'Forming team' })).toContainText('Library signage');
  expect((await call(app.coop, 'bids.get', { id: bid.id })).stage).toBe('forming');
  // without a mouse: Alt+← moves the focused card back a stage
  await page.getByRole('region', { name: 'Forming team' }).getByRole('link', { name: 'Library signage' }).press('Alt+ArrowLeft');
  await expect(page.getByRole('region', { name: 'Idea' })).toContainText('Library signage');
  await expect(page.getByRole('region', { name: 'Idea' }).getByRole('link', { name: 'Library signage' })).toBeFocused();
  // the list view filters by stage
  await page.getByRole('button', { name: 'List' }).click();
  await page.getByLabel('Stage').selectOption('forming');
  await expect(page.getByText('No bids match.')).toBeVisible();
  await page.getByLabel('Stage').selectOption('idea');
  await expect(page.getByRole('table', { name: 'Bids' }).getByRole('link', { name: 'Library signage' })).toBeVisible();
  // sorted by value, largest first, with Enter opening the row
  await call(app.coop, 'bids.create', { title: 'County library fit-out', estimatedValue: 5_000_000 }, { role: 'member', memberId: ana.id });
  await page.getByLabel('Stage').selectOption('all');
  const table = page.getByRole('table', { name: 'Bids' });
  await expect(table.getByRole('row')).toHaveCount(3);
  // numbers sort largest first on the first click
  await table.getByRole('button', { name: 'Value' }).click();
  await expect(table.getByRole('columnheader', { name: /Value/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('row').nth(1)).toContainText('County library fit-out');
  await table.getByRole('row').nth(2).press('Enter');
  await expect(page.getByRole('heading', { name: 'Library signage' })).toBeVisible();
  await page.goBack();
  // and Ctrl+K finds it
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search members, rooms, bookings and actions' }).fill('library');
  await expect(page.getByRole('option', { name: /Library signage/ })).toBeVisible();
});

test('a member at the kiosk offers to join an open bid, and the team welcomes them', async ({ page, browser, app }) => {
  const ana = await call(app.coop, 'members.create', { name: 'Ana Ribeiro', email: 'ana@example.coop', memberSince: '2024-01-10', offers: ['web design'] });
  const ben = await call(app.coop, 'members.create', { name: 'Ben Okafor', email: 'ben@example.coop', memberSince: '2024-01-10', offers: ['copywriting'] });
  const bid = await call(
    app.coop,
    'bids.create',
    { title: 'Festival brochure', skills: [{ tag: 'copywriting', days: 3 }] },
    { role: 'member', memberId: ana.id },
  );
  await call(app.coop, 'auth.setPin', { memberId: ben.id, pin: '5932' });

  // The manager's screen, before the kiosk is locked by a password
  const managers = await browser.newContext();
  const desk = await managers.newPage();
  await desk.goto(`${app.url}#/bids/${bid.id}`);
  await expect(desk.getByRole('heading', { name: 'Festival brochure' })).toBeVisible();

  await call(app.coop, 'auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front-desk-2026' });
  await page.goto(app.url);
  await page.getByLabel('Member number or name').fill('Ben Okafor');
  await page.getByLabel('PIN').fill('5932');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('navigation', { name: 'Kiosk' }).getByRole('link', { name: 'Joint bids' }).click();
  await page.getByRole('link', { name: 'Festival brochure' }).click();
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await page.getByRole('region', { name: 'Join this bid' }).getByRole('button', { name: 'Offer to join' }).click();
  await expect(page.getByText('Your offer to join is waiting for the team’s answer.')).toBeVisible();

  // the open manager screen refreshes by itself and shows the offer
  const row = desk.getByRole('table', { name: 'Team members' }).getByRole('row', { name: /Ben Okafor/ });
  await expect(row).toContainText('requested');
  await row.getByRole('button', { name: 'Welcome' }).click();
  await expect(row).toContainText('accepted');
  await managers.close();

  // Ben is on the team now: the bid is his to change too
  await expect(page.getByRole('link', { name: 'Edit' })).toBeVisible();
});
