import { todayIn } from '@shared/domain/dates';
import { addDaysIso, weekdayOf } from '@shared/domain/zoned';
import { type Ctx, FRONT_DESK } from '../../context';
import { activeMembersWithOffers } from '../../demo/generateBids';
import { hasRows } from '../../db/tables';
import { loadSite } from '../sites';
import { addResource } from './library.service';
import { create, join } from './communities.service';
import { addSession, offerSession } from './sessions.service';

/**
 * The demo co-op's communities of practice: web makers, with a fortnightly session, a library and
 * a peer training offered by a member; and sole traders' bookkeeping, smaller and newer.
 */
export async function seedCommunities(ctx: Ctx): Promise<void> {
  if (await hasRows(ctx.db, 'communities')) return;
  const members = await activeMembersWithOffers(ctx.db);
  if (members.length < 12) return;
  const site = await loadSite(ctx.db, ctx.siteId);
  const today = todayIn(site.timeZone, ctx.now());
  const as = (id: string) => ({ role: 'member' as const, memberId: id });
  const web = await create(ctx, FRONT_DESK, {
    name: 'Web makers',
    topic: 'Building and looking after small businesses’ websites',
    description: 'Show and tell, code reviews and what the clients asked for this month.',
    facilitatorIds: [members[0]!.id],
  });
  for (const m of members.slice(1, 8)) await join(ctx, as(m.id), { id: web.id, memberId: null });
  // the next Thursday, then every second week, for three months
  const thursday = addDaysIso(today, ((4 - weekdayOf(today) + 7) % 7) + 1);
  await addSession(ctx, as(members[0]!.id), {
    communityId: web.id,
    kind: 'training',
    title: 'Web makers’ show and tell',
    description: 'Ten minutes each: something you built, something that broke.',
    hostIds: [members[0]!.id],
    date: thursday,
    startTime: '16:00',
    endTime: '17:30',
    roomId: null,
    venue: 'Meeting corner',
    capacity: 15,
    repeat: { freq: 'weekly', interval: 2, byWeekday: [], monthlyBy: 'date', count: 6 },
  });
  await addResource(ctx, as(members[0]!.id), {
    communityId: web.id,
    kind: 'link',
    title: 'Accessibility checklist we agreed on',
    url: 'https://www.w3.org/WAI/test-evaluate/preliminary/',
    body: 'Run it before handing a site over.',
    content: '',
  });
  await addResource(ctx, as(members[2]!.id), {
    communityId: web.id,
    kind: 'recording',
    title: 'Recording: hosting for small clients (last session)',
    url: 'https://video.example.coop/web-makers/hosting',
    body: '',
    content: '',
  });
  await addResource(ctx, as(members[1]!.id), {
    communityId: web.id,
    kind: 'note',
    title: 'Rates we quote',
    url: '',
    body: 'Most of us charge a day rate for builds and a monthly fee for care plans; ask in the session before quoting a council.',
    content: '',
  });
  // peer training: a member offers a session in a skill of theirs
  const trainer = members[3]!;
  const skill = trainer.offers[0];
  if (skill)
    await offerSession(ctx, as(trainer.id), {
      communityId: web.id,
      skill,
      title: `Peer training: ${skill}`,
      description: 'An hour of hands-on practice, bring a laptop.',
      date: addDaysIso(thursday, 5),
      startTime: '12:30',
      endTime: '13:30',
      roomId: null,
      venue: 'Meeting corner',
      capacity: 8,
    });
  const books = await create(ctx, FRONT_DESK, {
    name: 'Sole traders’ books',
    topic: 'Bookkeeping, VAT and tax returns without an accountant',
    description: 'A monthly hour to do the books together.',
    facilitatorIds: [members[8]!.id],
  });
  for (const m of members.slice(9, 12)) await join(ctx, as(m.id), { id: books.id, memberId: null });
  await addSession(ctx, FRONT_DESK, {
    communityId: books.id,
    kind: 'training',
    title: 'Books hour',
    description: 'Bring your receipts: an hour of doing the books side by side.',
    hostIds: [members[8]!.id],
    date: addDaysIso(thursday, 1),
    startTime: '12:00',
    endTime: '13:00',
    roomId: null,
    venue: 'Kitchen table',
    capacity: 10,
    repeat: { freq: 'monthly', interval: 1, byWeekday: [], monthlyBy: 'weekday', count: 4 },
  });
}
