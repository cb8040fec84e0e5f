import { axe, call, expect, test } from './fixtures';

// The manager puts on a breakfast in the Garden Room for 12; 14 members reply and two wait; one
// cancels and the first waiting is promoted and told; people are checked in at the door; the room
// shows as booked on the day board.

test('a monthly breakfast for 12 in the Garden Room: 14 reply, two wait, a cancellation promotes the first, the door checks people in, the day board shows the room taken', async ({
  app,
  page,
}) => {
  test.slow();
  const settings = await call(app.coop, 'settings.get', {});
  await call(app.coop, 'settings.updateCoop', { ...settings.coop, timeZone: 'Europe/London' });
  await call(app.coop, 'settings.updateSite', { ...settings.site, timeZone: 'Europe/London' });
  await call(app.coop, 'bookables.create', { siteId: settings.site.id, kind: 'room', name: 'Garden Room', capacity: 14 });
  const people = [];
  for (let i = 1; i <= 14; i++)
    people.push(
      await call(app.coop, 'members.create', { name: `Member ${String(i).padStart(2, '0')}`, email: `m${i}@example.coop`, memberSince: '2025-01-10' }),
    );
  await call(app.coop, 'members.create', { name: 'Ana Ribeiro', email: 'ana@example.coop', memberSince: '2025-01-10' });
  // a weekday a week ahead, inside opening hours
  const day = new Date(Date.now() + 7 * 86_400_000);
  while ([0, 6].includes(day.getUTCDay())) day.setUTCDate(day.getUTCDate() + 1);
  const date = day.toISOString().slice(0, 10);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${app.url}#/events`);
  const form = page.getByRole('form', { name: 'New event' });
  await form.getByLabel('Kind').selectOption('breakfast');
  await form.getByLabel('Title').click();
  await page.keyboard.type('Members’ breakfast');
  await form.getByRole('combobox', { name: 'Host' }).click();
  await page.keyboard.type('Ana');
  await page.getByRole('option', { name: /Ana Ribeiro/ }).click();
  await form.getByLabel('Date').fill(date);
  await form.getByLabel('From').fill('09:00');
  await form.getByLabel('To').fill('10:00');
  await form.getByLabel('Room').selectOption({ label: 'Garden Room' });
  await form.getByLabel('Places').fill('');
  await form.getByLabel('Places').click();
  await page.keyboard.type('12');
  // the monthly breakfast: the same weekday of each month, three times
  await form.getByLabel('Repeats').selectOption('monthly-weekday');
  await form.getByLabel('How many times').fill('');
  await form.getByLabel('How many times').click();
  await page.keyboard.type('3');
  await form.getByRole('button', { name: 'Create the event' }).click();
  const card = page.getByRole('listitem', { name: 'Event: Members’ breakfast' });
  await expect(card).toContainText('0 going of 12');
  await expect(card).toContainText('Garden Room');

  // fourteen members reply (from the kiosk and their phones: set here through the API)
  const events = await call(app.coop, 'events.list', { from: date, to: date });
  const id = events[0].id;
  const replies = [];
  for (const m of people) replies.push(await call(app.coop, 'events.rsvp', { eventId: id }, { role: 'member', memberId: m.id }));
  expect(replies.map((r: { state: string }) => r.state).filter((s: string) => s === 'waitlisted')).toHaveLength(2);
  await page.reload();
  await expect(card).toContainText('12 going of 12 · 2 waiting');

  // one cancels: the first waiting goes, and is told
  await call(app.coop, 'events.cancelRsvp', { id: replies[0].id }, { role: 'member', memberId: people[0].id });
  const inbox = await call(app.coop, 'notifications.inbox', {}, { role: 'member', memberId: people[12].id });
  expect(inbox.rows[0].title).toBe('A place came free: you are going to Members’ breakfast');

  // at the door
  await card.getByRole('link', { name: 'Members’ breakfast' }).click();
  await expect(page.getByRole('status', { name: 'Places' })).toContainText('12 going of 12 · 1 waiting');
  await expect(page.getByText('Every month on the same weekday, 3 times · 1 of 3')).toBeVisible();
  const going = page.getByRole('list', { name: 'Going' });
  await going.getByRole('listitem').filter({ hasText: 'Member 02' }).getByRole('button', { name: 'Check in' }).click();
  await expect(going.getByRole('listitem').filter({ hasText: 'Member 02' })).toContainText('here');
  await page.getByRole('combobox', { name: 'Check in a member' }).click();
  await page.keyboard.type('Ana');
  await page.getByRole('option', { name: /Ana Ribeiro/ }).click();
  await expect(going.getByRole('listitem').filter({ hasText: 'Ana Ribeiro' })).toContainText('walk-in · here');
  await expect(page.getByRole('status', { name: 'Places' })).toContainText('2 checked in');
  // fewer places than those going is refused next to the field; more places promote the one waiting
  const change = page.getByRole('form', { name: 'Change the event' });
  await change.getByLabel('Places').fill('');
  await change.getByLabel('Places').click();
  await page.keyboard.type('5');
  await change.getByRole('button', { name: 'Save' }).click();
  await expect(change.getByLabel('Places')).toHaveAccessibleDescription(/At least 13/);
  await change.getByLabel('Places').fill('');
  await change.getByLabel('Places').click();
  await page.keyboard.type('14');
  await change.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status', { name: 'Places' })).toContainText('14 going of 14');
  await axe(page);
  await page.screenshot({ path: 'test-results/events-door-1440.png', fullPage: true });

  // the room is taken on the day board, in the host's name with the event's title
  await page.goto(`${app.url}#/bookings/${date}`);
  await expect(page.getByRole('grid', { name: 'Day board' })).toContainText('09:00 Ana Ribeiro · Members’ breakfast');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`${app.url}#/events`);
  await expect(card).toBeVisible();
  await axe(page);
  await page.screenshot({ path: 'test-results/events-1024.png', fullPage: true });
});
