import type { Browser, Page } from '@playwright/test';
import { addMonthsIso } from '../../shared/domain/dates';
import { atKiosk, axe, call, expect, test } from './fixtures';

// A change to the co-op's rules as owners make it: the desk proposes it from the keyboard; Ben,
// at the kiosk, proposes an amendment that the desk accepts; voting opens; Dora, a member of ten
// months, is refused as not yet an owner; Ana votes on a phone-sized kiosk, Ben votes for himself
// and for Chiara by proxy; the vote closes; the register records it and the rules show the new version.

/** A member at the kiosk, on the Votes screen. */
async function votesAt(browser: Browser, url: string, viewport: { width: number; height: number }, who: { number: number; name: string }): Promise<Page> {
  const page = await atKiosk(browser, url, viewport, who);
  await page.getByRole('navigation', { name: 'Kiosk' }).getByRole('link', { name: 'Votes', exact: true }).click();
  return page;
}

const RULES = '1. One owner, one vote.\n2. Members who pause keep their vote.';

test('a change to the rules: proposed, amended, voted by owners (one by proxy), a ten-month member refused, closed, registered, and the rules’ new version', async ({
  app,
  page,
  browser,
}) => {
  test.slow();
  const today = new Date().toISOString().slice(0, 10);
  const member = async (name: string, memberSince = '2025-01-10') => {
    const m = await call(app.coop, 'members.create', { name, email: `${name.split(' ')[0].toLowerCase()}@example.coop`, memberSince, listed: true });
    await call(app.coop, 'auth.setPin', { memberId: m.id, pin: '4821' });
    return m;
  };
  const ana = await member('Ana Ribeiro');
  const ben = await member('Ben Okafor');
  const chiara = await member('Chiara Novak');
  const dora = await member('Dora Lind', addMonthsIso(today, -10));
  await call(app.coop, 'governance.appointProxy', { holderId: ben.id, proposalId: null }, { role: 'member', memberId: chiara.id });
  await call(app.coop, 'auth.setUp', { name: 'Lena Manager', email: 'lena@example.coop', password: 'front-desk-2026' });

  // the manager signs in at the desk and proposes, from the keyboard
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('E-mail or name').click();
  await page.keyboard.type('lena@example.coop');
  await page.getByLabel('Password').click();
  await page.keyboard.type('front-desk-2026');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.goto(`${app.url}#/governance`);
  await page.getByRole('button', { name: 'New proposal' }).click();
  const form = page.getByRole('form', { name: 'New proposal' });
  await form.getByLabel('Kind').selectOption('rules');
  await form.getByLabel('Title').click();
  await page.keyboard.type('Paused members keep their vote');
  await form.getByLabel('What is proposed, and why').click();
  await page.keyboard.type('A pause is a holiday, not leaving.');
  await form.getByLabel('The new text of the rules').click();
  await page.keyboard.type('1. One owner, one vote.');
  await form.getByRole('button', { name: 'Propose' }).click();
  await expect(page.getByRole('heading', { name: 'Paused members keep their vote' })).toBeVisible();
  await expect(page.getByText('needs two thirds, a quorum of 50%')).toBeVisible();
  await axe(page);
  await page.screenshot({ path: 'test-results/governance-proposal-1440.png', fullPage: true });

  // Ben proposes an amendment at the kiosk
  const benAt = await votesAt(browser, app.url, { width: 1024, height: 768 }, ben);
  await benAt.getByRole('link', { name: 'P-1 Paused members keep their vote' }).click();
  const comment = benAt.getByRole('form', { name: 'Comment' });
  await comment.getByLabel('Your comment').click();
  await benAt.keyboard.type('Say what it means in the rules themselves.');
  await comment.getByText('Propose an amendment').click();
  await comment.getByLabel('New text of the proposal').click();
  await benAt.keyboard.type(RULES);
  await comment.getByRole('button', { name: 'Comment' }).click();
  await expect(benAt.getByRole('listitem', { name: 'Comment by Ben Okafor' })).toContainText('waiting for the proposer');
  await axe(benAt);

  // Dora, ten months a member, is not an owner yet: she may discuss, not propose
  const doraAt = await votesAt(browser, app.url, { width: 390, height: 844 }, dora);
  await doraAt.getByRole('button', { name: 'New proposal' }).click();
  await doraAt.getByRole('form', { name: 'New proposal' }).getByLabel('Title').click();
  await doraAt.keyboard.type('Free coffee');
  await doraAt.getByLabel('What is proposed, and why').click();
  await doraAt.keyboard.type('For everyone.');
  await doraAt.getByRole('button', { name: 'Propose' }).click();
  await expect(doraAt.getByRole('alert')).toContainText('Only owners of the co-op make proposals.');

  // the desk accepts the amendment and opens voting
  await page.reload();
  await page.getByRole('button', { name: 'Accept amendment' }).click();
  await expect(page.locator('pre.rules-text')).toContainText('Members who pause keep their vote.');
  await page.getByRole('button', { name: 'Open voting now' }).click();
  await expect(page.getByRole('heading', { name: 'Who may vote (3)' })).toBeVisible();

  // Dora has no ballot: she was not an owner when voting opened
  await doraAt.getByRole('link', { name: 'Votes', exact: true }).click();
  await doraAt.getByRole('link', { name: 'P-1 Paused members keep their vote' }).click();
  await expect(doraAt.getByText('Those who were owners in good standing when voting opened vote')).toBeVisible();
  await expect(doraAt.getByRole('form', { name: 'Ballot' })).toHaveCount(0);

  // Ana votes at a phone-sized kiosk
  const anaAt = await votesAt(browser, app.url, { width: 390, height: 844 }, ana);
  await expect(anaAt.getByRole('region', { name: 'Votes waiting for you' }).or(anaAt.getByText('you have not voted yet'))).toBeVisible();
  await anaAt.getByRole('link', { name: 'P-1 Paused members keep their vote' }).click();
  await anaAt.getByRole('radio', { name: 'Yes' }).check();
  await anaAt.getByRole('button', { name: 'Vote', exact: true }).click();
  await expect(anaAt.getByText('Your vote is in: Yes.')).toBeVisible();
  await axe(anaAt);
  await anaAt.screenshot({ path: 'test-results/governance-ballot-phone.png', fullPage: true });
  expect(await anaAt.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Ben votes for himself, then for Chiara as her proxy
  await benAt.reload();
  await benAt.getByRole('radio', { name: 'Yes' }).check();
  await benAt.getByRole('button', { name: 'Vote', exact: true }).click();
  await expect(benAt.getByText('Your vote is in: Yes.')).toBeVisible();
  await benAt.getByLabel('Vote for').selectOption({ label: 'Chiara Novak (as their proxy)' });
  await benAt.getByRole('radio', { name: 'No' }).check();
  await benAt.getByRole('button', { name: 'Vote', exact: true }).click();
  await expect(benAt.getByText('Your vote for Chiara Novak is in: No.')).toBeVisible();

  // voting closes (the clock moves past its end) and the scheduler counts it
  const later = Date.now() + 9 * 24 * 3600_000;
  app.coop.ctx.now = () => new Date(later);
  await app.coop.runJob('governance.tick');
  app.coop.ctx.now = () => new Date(); // back to now: sessions end by the clock too

  await page.goto(`${app.url}#/governance/register`);
  const register = page.getByRole('table', { name: 'Decisions' });
  await expect(register).toContainText('Paused members keep their vote');
  await expect(register).toContainText('3 of 3 voted: 2 yes, 1 no');
  await expect(register).toContainText('Passed');
  await axe(page);
  await page.getByRole('link', { name: 'Paused members keep their vote' }).click();
  await expect(page.getByText('By proxy: Ben Okafor for Chiara Novak.')).toBeVisible();
  await page.screenshot({ path: 'test-results/governance-result-1440.png', fullPage: true });
  await page.goto(`${app.url}#/governance/rules`);
  await expect(page.getByRole('heading', { name: /^Version 1, in force since/ })).toBeVisible();
  await expect(page.locator('pre.rules-text')).toHaveText(RULES);
  await expect(page.getByRole('link', { name: 'P-1 Paused members keep their vote' })).toBeVisible();
  await axe(page);
});
