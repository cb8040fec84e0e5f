import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Coopdesk, startCoopdesk, startCoopdeskOnPostgres } from '../../electron/main/app';
import { FRONT_DESK } from '../../electron/main/context';
import { moveToPostgres } from '../../electron/main/db/move';
import { type Database, openDatabase } from '../../electron/main/db/open';
import { type PostgresDatabase, openPostgres } from '../../electron/main/db/postgres';
import { sql } from 'kysely';
import { addDaysIso } from '../../shared/domain/zoned';
import { postgresMissing, startPostgres } from '../helpers/postgres';
import { largeCoop, weekdaysFrom } from './largeCoop';
import { measure, report, timeOnce } from './measure';

/**
 * SQLite and PostgreSQL side by side on the same large generated co-op (issue 29's figures): the
 * co-op moved onto a PostgreSQL server of the run's own, then the day board, a new booking and a
 * member search and the export on each; eight writers at two sites' instances after the same
 * slots, and the doubles counted afterwards; a push from one site's instance to the other's.
 */
export async function postgresBench(): Promise<void> {
  const missing = postgresMissing();
  if (missing) return report({ bench: 'postgres.skipped', why: missing });
  const { dataDir: generated, today } = await largeCoop();
  const dir = mkdtempSync(join(tmpdir(), 'coopdesk-bench-postgres-'));
  cpSync(generated, dir, { recursive: true });
  const server = await startPostgres();
  try {
    const url = server.createDatabase('coopdesk_bench');
    const source = await openDatabase({ dataDir: dir, backupBeforeMigrating: false });
    const target = await openPostgres(url);
    const moved = await timeOnce('postgres.move', () => moveToPostgres(source, target));
    report({ bench: 'postgres.moved', bookings: moved.bookings.rows, members: moved.members.rows });
    await Promise.all([source.close(), target.close()]);

    const onFile = await startCoopdesk({ dataDir: dir, backups: false });
    const [mill, harbour] = await Promise.all(
      [0, 1].map(() => startCoopdeskOnPostgres(url, { dataDir: mkdtempSync(join(tmpdir(), 'coopdesk-bench-site-')), backups: false })),
    );
    const days = weekdaysFrom(addDaysIso(today, 7), 20);
    const benchRoom: Record<string, string> = {};
    const members: Record<string, string[]> = {};
    /** A free hour of the bench's own room: the next of 480 over the coming weeks, from the front or from the back. */
    const hour = (start: string) => ({ start: `${start}Z`, end: `${start.slice(0, 11)}${String(Number(start.slice(11, 13)) + 1).padStart(2, '0')}:00:00Z` });
    const slots = weekdaysFrom(addDaysIso(today, 1), 60).flatMap((d) => [9, 10, 11, 12, 13, 14, 15, 16].map((h) => `${d}T${String(h).padStart(2, '0')}:00:00`));
    for (const [engine, coop] of [
      ['sqlite', onFile],
      ['postgres', mill],
    ] as const) {
      const call = async (channel: string, input: unknown) => {
        const r = await (coop as Coopdesk<Database | PostgresDatabase>).api.dispatch(channel, input, FRONT_DESK);
        if (!r.ok) throw new Error(`${engine} ${channel}: ${r.error.message}`);
        return r.data as never;
      };
      const site = ((await call('settings.get', {})) as { site: { id: string; timeZone: string } }).site;
      const room = (await call('bookables.create', { siteId: site.id, kind: 'room', name: `Bench room ${engine}`, capacity: 6 })) as { id: string };
      benchRoom[engine] = room.id;
      // rooms are for members only, and a member holds at most 20 upcoming bookings: new members, one booking each
      members[engine] = [];
      for (let i = 0; i < 200; i++)
        members[engine].push(
          (
            (await call('members.create', { name: `Bench Member ${i}`, email: `bench-${engine}-${i}@example.coop`, memberSince: '2025-01-10' })) as {
              id: string;
            }
          ).id,
        );
      await measure(`postgres.${engine}.dayBoard`, 50, (i) => call('bookings.dayBoard', { date: days[i % days.length] }));
      let slot = 0;
      await measure(`postgres.${engine}.createBooking`, 100, () =>
        call('bookings.create', { bookableId: room.id, memberId: members[engine]![slot % 200], ...hour(slots[slot++]!) }),
      );
      const words = ['an', 'ma', 'design', 'web', 'sara', 'li', 'co', 'ka'];
      await measure(`postgres.${engine}.memberSearch`, 100, (i) => call('members.list', { q: words[i % words.length], limit: 50 }));
      await timeOnce(`postgres.${engine}.export`, () => call('data.exportAll', {}));
    }

    // eight writers, four at each site's instance, after the same twenty hours of one room and of three desks
    const siteId = ((await harbour.api.dispatch('settings.get', {}, FRONT_DESK)) as { ok: true; data: { site: { id: string } } }).data.site.id;
    const made = await harbour.api.dispatch('bookables.create', { siteId, kind: 'desk', name: 'Bench desks', capacity: 3 }, FRONT_DESK);
    if (!made.ok) throw new Error(made.error.message);
    const desks = made.data as { id: string };
    const contested = slots.slice(200, 220);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, async (_, writer) => {
        const site = writer % 2 === 0 ? mill : harbour;
        let won = 0;
        for (const [k, start] of contested.entries())
          for (const bookableId of [benchRoom.postgres!, desks.id]) {
            const memberId = members.postgres![(writer * 20 + k) % 200];
            const r = await site.api.dispatch('bookings.create', { bookableId, memberId, ...hour(start) }, FRONT_DESK);
            if (r.ok) won++;
            else if (r.error.rule !== 'capacity') throw new Error(`writer ${writer}: ${r.error.message}`);
          }
        return won;
      }),
    );
    const held = await openPostgres(url);
    const doubles = (
      await sql<{ n: number }>`
        select count(*) as n from (
          select b.bookable_id, b.start_ms, count(*) as held, max(case k.kind when 'room' then 1 else k.capacity end) as has
          from bookings b join bookables k on k.id = b.bookable_id
          where b.bookable_id in (${benchRoom.postgres!}, ${desks.id}) and b.status in ('pending', 'confirmed')
          group by b.bookable_id, b.start_ms
        ) slots where held > has`.execute(held.db)
    ).rows[0]!.n;
    await held.close();
    report({
      bench: 'postgres.eightWritersTwoSites',
      attempts: 8 * contested.length * 2,
      won: outcomes.reduce((a, b) => a + b, 0),
      most: contested.length * 4,
      doubles,
    });

    // a booking at one site, heard at the other's
    let n = slots.length;
    await measure('postgres.pushToOtherSite', 50, async () => {
      const heard = new Promise<void>((done) => {
        const stop = harbour.api.subscribe((event) => {
          if (event === 'bookings.changed') {
            stop();
            done();
          }
        });
      });
      const r = await mill.api.dispatch(
        'bookings.create',
        { bookableId: benchRoom.postgres!, memberId: members.postgres![n % 200], ...hour(slots[--n]!) },
        FRONT_DESK,
      );
      if (!r.ok) throw new Error(r.error.message);
      await heard;
    });
    await Promise.all([onFile.close(), mill.close(), harbour.close()]);
    for (const site of [mill, harbour]) rmSync(site.dataDir, { recursive: true, force: true });
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
