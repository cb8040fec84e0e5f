import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberFields } from '@shared/contract/members.contract';
import { newId } from '@shared/domain/ids';
import { startCoopdesk } from '../../electron/main/app';
import { type Actor, FRONT_DESK } from '../../electron/main/context';
import { generateMembers, insertChunked, seededRandom } from '../../electron/main/demo/generate';
import { immediate } from '../../electron/main/db/tx';
import type { EventRsvpsTable, EventsTable } from '../../electron/main/features/events/events.tables';
import { createMany } from '../../electron/main/features/members/members.service';
import { measure, report, SCALE, timeOnce } from './measure';

const NOW = new Date('2026-11-24T10:00:00Z');
const DAY = 86_400_000;

/**
 * Events on a large co-op (at BENCH_SCALE=1): 10,000 members, 5,000 events over four years (two
 * ahead), 200,000 replies. The figures: a month's events under 10 ms, a reply with
 * capacity and waitlist under 5 ms. (The race of 100 at once is a test: test/db/events-race.test.ts.)
 */
export async function eventsBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-bench-events-'));
  const coop = await startCoopdesk({ dataDir, now: () => NOW, backups: false });
  const db = coop.database.db;
  const members = Math.round(10_000 * SCALE);
  const eventCount = Math.round(5_000 * SCALE);
  const call = async (channel: string, input: unknown, actor: Actor = FRONT_DESK) => {
    const r = await coop.api.dispatch(channel, input, actor);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data as any;
  };
  await timeOnce(
    'events.generate',
    async () => {
      await createMany(
        coop.ctx,
        generateMembers({ count: members, today: '2026-11-24', seed: 41 }).map((m) => memberFields.parse(m)),
      );
      const ids = (await db.selectFrom('members').select('id').execute()).map((m) => m.id);
      const site = (await db.selectFrom('sites').select('id').executeTakeFirstOrThrow()).id;
      const random = seededRandom(43);
      const events: EventsTable[] = [];
      const rsvps: EventRsvpsTable[] = [];
      const perEvent = Math.round(200_000 / 5_000);
      for (let i = 0; i < eventCount; i++) {
        const start = NOW.getTime() + Math.floor((random() * 4 - 2) * 365) * DAY + 8 * 3_600_000;
        const id = newId();
        events.push({
          ...{ id, site_id: site, kind: 'breakfast', title: `Event ${i}`, description: '', starts_at: start, ends_at: start + 2 * 3_600_000 },
          ...{ booking_id: null, room_id: null, venue: 'Hall', capacity: 30, guests_allowed: 0, price_minor: 0, rsvp_deadline: null, min_attendees: null },
          ...{ decide_by: null, state: 'scheduled', cancel_reason: '', reminded_at: null, created_at: start - 30 * DAY, updated_at: start - 30 * DAY },
          ...{ series_id: null, community_id: null },
        });
        for (let k = 0; k < perEvent; k++)
          rsvps.push({
            ...{
              id: newId(),
              event_id: id,
              member_id: ids[(i * 7 + k * 131) % ids.length]!,
              guest_name: '',
              state: k < 30 ? 'going' : 'waitlisted',
              seq: k + 1,
            },
            ...{ created_at: start - 10 * DAY, updated_at: start - 10 * DAY, attended_at: start < NOW.getTime() && k < 25 ? start : null, walk_in: 0 },
          });
      }
      await immediate(db, async (trx) => {
        await insertChunked(trx, 'events', events);
        await insertChunked(
          trx,
          'event_hosts',
          events.map((e, i) => ({ event_id: e.id, member_id: ids[i % ids.length]! })),
        );
        await insertChunked(trx, 'event_rsvps', rsvps);
      });
      return { events: events.length, rsvps: rsvps.length };
    },
    { members },
  );
  coop.database.sqlite.pragma('optimize');
  const ids = (await db.selectFrom('members').select('id').where('status', '!=', 'left').where('archived_at', 'is', null).execute()).map((m) => m.id);
  const random = seededRandom(47);
  const someone = () => ids[Math.floor(random() * ids.length)]!;
  report({ bench: 'events.dataset', members, events: eventCount });

  await measure('events.list.month', 200, () => call('events.list', { from: '2026-12-01', to: '2026-12-31' }, { role: 'member', memberId: someone() }), {
    note: 'a month of events with places taken and the viewer’s own reply',
  });
  const open = await call('events.create', {
    kind: 'training',
    title: 'Big training',
    hostIds: [ids[0]],
    date: '2026-12-10',
    startTime: '10:00',
    endTime: '12:00',
    venue: 'Hall',
    capacity: 100,
  });
  let next = 1; // each reply from a member who has not replied (warm-up runs included)
  await measure('events.rsvp', 300, () => call('events.rsvp', { eventId: open.id }, { role: 'member', memberId: ids[next++]! }), {
    note: 'a reply: counted and written in one transaction, going for the first 100, waitlisted after',
  });
  await measure('events.get', 100, () => call('events.get', { id: open.id }), { note: 'an event with its 300 replies, at the desk' });
  let month = 0; // each series a month later, so none clashes with another
  await measure(
    'events.create.series',
    30,
    () =>
      call('events.create', {
        kind: 'breakfast',
        title: 'Monthly breakfast',
        hostIds: [ids[1]],
        date: `${2027 + Math.floor(month / 12)}-${String((month++ % 12) + 1).padStart(2, '0')}-05`,
        startTime: '08:00',
        endTime: '09:00',
        venue: 'Kitchen',
        capacity: 12,
        repeat: { freq: 'weekly', count: 12 },
      }),
    { note: 'a series of 12 weekly events made in one transaction, with 5,000 events already there' },
  );
  await coop.close();
  rmSync(dataDir, { recursive: true, force: true });
}
