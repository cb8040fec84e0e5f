import type { Page } from '@playwright/test';
import { atKiosk, axe, call, expect, test } from './fixtures';

// Mutual support at the kiosk, as two members in the building use it: Ana asks a quick VAT
// question on the kiosk by the door (photographed at phone size), Kasia — who offers VAT returns
// and is in — finds it first and goes over; Ana resolves it with thanks. Then Ana asks for a
// mentor, proposes the suggested pair, Kasia agrees and logs their first meeting; a commitment
// Ana missed nudges Kasia, her partner.

const help = (page: Page) => page.getByRole('navigation', { name: 'Kiosk' }).getByRole('link', { name: 'Help', exact: true }).click();
const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Mutual support' }).getByRole('link', { name, exact: true }).click();

test('a quick VAT question reaches who offers it and is in; a mentor pair is suggested, agreed and meets; a missed commitment nudges the partner', async ({
  app,
  browser,
}) => {
  test.slow(); // two members on two screens, each screen checked with axe
  await call(app.coop, 'settings.updateCoop', { ...(await call(app.coop, 'settings.get', {})).coop, timeZone: 'Europe/London' });
  const member = (name: string, offers: string[]) =>
    call(app.coop, 'members.create', { name, email: `${name.split(' ')[0].toLowerCase()}@example.coop`, memberSince: '2025-01-10', listed: true, offers });
  const ana = await member('Ana Ribeiro', ['web design']);
  const kasia = await member('Kasia Nowak', ['bookkeeping', 'vat returns']);
  const omar = await member('Omar Haddad', ['vat']);
  for (const m of [ana, kasia]) {
    await call(app.coop, 'auth.setPin', { memberId: m.id, pin: '4821' });
    await call(app.coop, 'frontdesk.checkIn', { memberId: m.id });
  }
  // the kiosk is open once the co-op has a manager account (a password guards leaving it)
  await call(app.coop, 'auth.setUp', { name: 'Lena Manager', email: 'lena@example.coop', password: 'front-desk-2026' });
  await call(app.coop, 'support.offerMentoring', { memberId: kasia.id, skills: ['bookkeeping'], hoursPerMonth: 3 });

  // Ana, at the kiosk by the door, asks
  const phone = await atKiosk(browser, app.url, { width: 390, height: 844 }, ana);
  await help(phone);
  const ask = phone.getByRole('form', { name: 'Ask for help' });
  await ask.getByLabel('What you need help with').click();
  await phone.keyboard.type('Can I reclaim VAT on a laptop bought in Germany?');
  await ask.getByRole('combobox', { name: 'Skills it needs' }).click();
  await phone.keyboard.type('VAT');
  await phone.keyboard.press('Enter');
  await ask.getByRole('button', { name: 'Ask', exact: true }).click();
  // Kasia offers "vat returns" and is in: she is told; Omar offers "vat" but is not in
  await expect(ask.getByText('Asked: 1 member who could help is told.')).toBeVisible();
  await axe(phone);
  await phone.screenshot({ path: 'test-results/support-ask-phone.png', fullPage: true });
  expect((await call(app.coop, 'notifications.inbox', {}, { role: 'member', memberId: omar.id })).rows).toEqual([]);

  // Kasia, at the other kiosk: her home says she could help; on the board it is first, marked for her
  const desk = await atKiosk(browser, app.url, { width: 1024, height: 768 }, kasia);
  await desk
    .getByRole('region', { name: 'You could help' })
    .getByRole('link', { name: /Ana Ribeiro: Can I reclaim VAT/ })
    .click();
  const first = desk.getByRole('listitem', { name: /^Request: / }).first();
  await expect(first).toContainText('Can I reclaim VAT on a laptop bought in Germany?');
  await expect(first).toContainText('You offer this and you are in');
  await first.getByRole('button', { name: 'I’ll come over' }).click();
  await expect(desk.getByText('You offered to help Ana Ribeiro: they are told.')).toBeVisible();
  await axe(desk);
  await desk.screenshot({ path: 'test-results/support-board-1024.png', fullPage: true });

  // Ana sees it (live), thanks her and marks it resolved
  const mine = phone.getByRole('listitem', { name: /^Request: / });
  await expect(mine).toContainText('Kasia Nowak: I’ll come over');
  await mine.getByLabel('Thank Kasia Nowak (optional)').click();
  await phone.keyboard.type('Sorted in five minutes!');
  await mine.getByRole('button', { name: 'Resolved' }).click();
  await expect(phone.getByRole('region', { name: 'Resolved lately' })).toContainText('Kasia Nowak helped (1 in all) “Sorted in five minutes!”');

  // Ana asks for a mentor; Kasia is suggested, with the reason; Ana proposes the pair
  await tab(phone, 'Mentoring');
  const wants = phone.getByRole('form', { name: 'Ask for a mentor' });
  await wants.getByLabel('What about').click();
  await phone.keyboard.type('Keeping my books in order');
  await wants.getByRole('combobox', { name: 'Skills you want to learn' }).click();
  await phone.keyboard.type('bookkeeping');
  await phone.keyboard.press('Enter');
  await wants.getByRole('button', { name: 'Ask', exact: true }).click();
  const suggested = phone.getByRole('listitem', { name: 'Suggested: Kasia Nowak mentors Ana Ribeiro' });
  await expect(suggested).toContainText('mentors bookkeeping · 3 h a month free · in today');
  await suggested.getByRole('button', { name: 'Propose' }).click();
  await expect(phone.getByRole('listitem', { name: 'Pair: Kasia Nowak and Ana Ribeiro' })).toContainText('proposed');

  // Kasia agrees and logs their first meeting, whose notes only the two of them read
  await help(desk);
  await tab(desk, 'Mentoring');
  const pair = desk.getByRole('listitem', { name: 'Pair: Kasia Nowak and Ana Ribeiro' });
  await pair.getByRole('button', { name: 'Agree' }).click();
  await expect(pair).toContainText('active');
  await pair.getByRole('button', { name: 'Meetings' }).click();
  await pair.getByLabel('Notes (the two of you only)').click();
  await desk.keyboard.type('Set up a cash book and a receipts folder');
  await pair.getByRole('button', { name: 'Log the meeting' }).click();
  await expect(pair.getByRole('listitem').filter({ hasText: 'Set up a cash book and a receipts folder' })).toBeVisible();
  await expect(pair).toContainText('1 meeting');
  await axe(desk);

  // Ana commits to something before Kasia, and misses it: Kasia is nudged
  await tab(phone, 'Commitments');
  const commit = phone.getByRole('form', { name: 'Make a commitment' });
  await commit.getByLabel('What you will do').click();
  await phone.keyboard.type('Send the tender to the council');
  await commit.getByRole('combobox', { name: 'Partner who holds you to it' }).click();
  await phone.keyboard.type('Kasia');
  await phone.getByRole('option', { name: /Kasia Nowak/ }).click();
  await commit.getByRole('button', { name: 'Commit' }).click();
  const promise = phone.getByRole('listitem', { name: 'Commitment: Send the tender to the council' });
  await expect(promise).toContainText('partners Kasia Nowak');
  await promise.getByRole('button', { name: 'Missed' }).click();
  await expect(phone.getByText('Noted: your partners are told.')).toBeVisible();
  await expect(phone.getByRole('status', { name: 'Commitments kept' })).toContainText('Kept 0 of 1');
  await axe(phone);
  await phone.screenshot({ path: 'test-results/support-commitments-phone.png', fullPage: true });
  const kasias = await call(app.coop, 'notifications.inbox', {}, { role: 'member', memberId: kasia.id });
  expect(kasias.rows[0]).toMatchObject({ kind: 'commitment', title: 'Ana Ribeiro missed a commitment: a word from you may help' });
});
