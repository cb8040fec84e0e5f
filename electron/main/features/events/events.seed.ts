import { type Ctx, FRONT_DESK } from '../../context';
import { activeMembersWithOffers } from '../../demo/generateBids';
import { todayIn } from '@shared/domain/dates';
import { newId } from '@shared/domain/ids';
import { addDaysIso, zonedInstant } from '@shared/domain/zoned';
import { bookablesAt } from '../bookables';
import { loadSite } from '../sites';
import * as repo from './events.repository';
import { rsvp } from './events.service';
import { create } from './schedule.service';
import { addExhibitor, noteNeeds } from './fair.service';

/**
 * The demo co-op's events: the monthly breakfast (a series) in a room this week, full with two on the
 * waitlist; a Stammtisch at the pub; a seminar with a speaker; last month's training, with who came.
 */
export async function seedEvents(ctx: Ctx): Promise<void> {
  // a community's sessions (seeded before) are not the co-op's own events
  if (await repo.hasOneOffs(ctx.db)) return;
  const site = await loadSite(ctx.db, ctx.siteId);
  const today = todayIn(site.timeZone, ctx.now());
  const members = (await activeMembersWithOffers(ctx.db)).map((m) => m.id);
  const room = (await bookablesAt(ctx.db, site.id)).find((b) => b.kind === 'room');
  if (members.length < 16) return;
  const event = (days: number, fields: Partial<Parameters<typeof create>[2]>) =>
    create(ctx, FRONT_DESK, {
      kind: 'other',
      title: '',
      description: '',
      hostIds: [members[0]!],
      date: addDaysIso(today, days),
      startTime: '08:00',
      endTime: '09:30',
      roomId: null,
      venue: '',
      capacity: 20,
      guestsAllowed: false,
      priceMinor: 0,
      rsvpDeadline: null,
      minAttendees: null,
      decideBy: null,
      repeat: null,
      ...fields,
    });
  const breakfastFields = {
    kind: 'breakfast' as const,
    title: 'Members’ breakfast',
    description: 'Coffee, pastries and a round of what everyone is working on.',
    hostIds: [members[1]!],
    startTime: '08:00',
    endTime: '09:00',
    capacity: 12,
    // the monthly breakfast: the same weekday of each month, for half a year
    repeat: { freq: 'monthly' as const, interval: 1, byWeekday: [], monthlyBy: 'weekday' as const, count: 6 },
  };
  // in a room when one is free then (the booking engine decides), in the kitchen otherwise
  const breakfast = await event(3, { ...breakfastFields, roomId: room?.id ?? null, venue: room ? '' : 'The kitchen' }).catch(() =>
    event(3, { ...breakfastFields, venue: 'The kitchen' }),
  );
  for (const m of members.slice(2, 16)) await rsvp(ctx, { role: 'member', memberId: m }, { eventId: breakfast.id, memberId: m, guestName: '' });
  await event(5, {
    kind: 'stammtisch',
    title: 'Unternehmer-Stammtisch',
    description: 'Informal evening for members and guests: no talks, no slides.',
    startTime: '18:30',
    endTime: '21:00',
    venue: 'The Old Mill pub, 2 Mill Lane',
    capacity: 30,
    guestsAllowed: true,
  });
  await event(9, {
    kind: 'seminar',
    title: 'Selling to the council: how public tenders work',
    description: 'A procurement officer explains, then questions and an informal come-together.',
    hostIds: [members[3]!],
    startTime: '16:00',
    endTime: '18:00',
    venue: 'Town library, Room 2',
    capacity: 40,
    guestsAllowed: true,
  });
  // a local fair: members exhibit, and what visitors need is matched to who offers it
  const fair = await event(16, {
    kind: 'fair',
    title: 'Local suppliers’ fair',
    description: 'Members show what they offer; local businesses say what they need.',
    hostIds: [members[2]!],
    startTime: '10:00',
    endTime: '15:00',
    venue: 'Town hall, Market Square',
    capacity: 150,
    guestsAllowed: true,
  });
  for (const [i, m] of members.slice(5, 9).entries()) await addExhibitor(ctx, FRONT_DESK, { eventId: fair.id, memberId: m, stand: `A${i + 1}` });
  const wanted = (await activeMembersWithOffers(ctx.db)).find((m) => m.id === members[6])?.offers[0];
  if (wanted)
    await noteNeeds(ctx, FRONT_DESK, { eventId: fair.id, memberId: null, visitorName: 'Millbrook Bakery', contact: 'jo@millbrook.example', tags: [wanted] });
  // last month's training, with who came and who did not
  const start = zonedInstant(addDaysIso(today, -20), '10:00', site.timeZone);
  const past = newId();
  const at = ctx.now().getTime();
  await repo.insert(
    ctx.db,
    {
      id: past,
      site_id: site.id,
      kind: 'training',
      title: 'Bookkeeping basics for sole traders',
      description: 'Peer training by a member.',
      starts_at: start,
      ends_at: start + 2 * 3_600_000,
      booking_id: null,
      room_id: null,
      venue: 'Meeting corner',
      capacity: 10,
      guests_allowed: 0,
      price_minor: 0,
      rsvp_deadline: null,
      min_attendees: null,
      decide_by: null,
      state: 'scheduled',
      cancel_reason: '',
      reminded_at: start - 86_400_000,
      created_at: at,
      updated_at: at,
      series_id: null,
      community_id: null,
    },
    [members[4]!],
  );
  let seq = 0;
  for (const m of members.slice(5, 14))
    await repo.insertRsvp(ctx.db, {
      id: newId(),
      event_id: past,
      member_id: m,
      guest_name: '',
      state: 'going',
      seq: ++seq,
      created_at: at,
      updated_at: at,
      attended_at: seq % 4 === 0 ? null : start + 5 * 60_000,
      walk_in: 0,
    });
  ctx.emit('events.changed');
}
