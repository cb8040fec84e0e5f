import type { PushEvent } from '@shared/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Coopdesk, startCoopdeskOnPostgres } from '../../electron/main/app';
import type { PostgresDatabase } from '../../electron/main/db/postgres';
import { managerSession } from '../../electron/main/context';
import { bookFor, bookingWorld } from '../helpers/bookingWorld';
import { callerOf, FIXED_NOW, tempDir } from '../helpers/coop';
import { postgresMissing, startPostgres, type TestPostgres } from '../helpers/postgres';

/**
 * Two front desks, one PostgreSQL server: what is booked at one is on the other's board, and the
 * other's open screens are told at once (LISTEN/NOTIFY), without a reload.
 */
const missing = postgresMissing();

describe.skipIf(missing !== null)('two Coopdesk instances sharing one PostgreSQL server', () => {
  let server: TestPostgres;
  let mill: Coopdesk<PostgresDatabase>;
  let harbour: Coopdesk<PostgresDatabase>;
  let url: string;
  beforeAll(async () => {
    server = await startPostgres();
    url = server.createDatabase('coopdesk_sites');
    // both start at once: one migrates, the other waits for it
    [mill, harbour] = await Promise.all([0, 1].map(() => startCoopdeskOnPostgres(url, { dataDir: tempDir(), now: () => FIXED_NOW, backups: false })));
  }, 60_000);
  afterAll(async () => {
    await mill?.close();
    await harbour?.close();
    await server?.stop();
  });

  it('tells the other desk of a booking made at one, and shows it on its board', async () => {
    const w = await bookingWorld(callerOf(mill));
    const heard: PushEvent[] = [];
    const heardOwn: PushEvent[] = [];
    harbour.api.subscribe((event) => heard.push(event));
    mill.api.subscribe((event) => heardOwn.push(event));
    const told = new Promise<void>((done) => harbour.api.subscribe((event) => event === 'bookings.changed' && done()));
    await bookFor(callerOf(mill), w.room.id, w.member.id, '2026-11-26', '10:00', '11:00');
    await told;
    expect(heard).toContain('bookings.changed');
    // each desk hears its own change once: what comes back from the other is not told again
    expect(heardOwn.filter((e) => e === 'bookings.changed')).toHaveLength(1);
    const board = (await callerOf(harbour).call('bookings.dayBoard', { date: '2026-11-26' })) as { bookings: { bookableId: string }[] };
    expect(board.bookings.map((b) => b.bookableId)).toEqual([w.room.id]);
    // and the clash is refused at the other desk too, by the database both share
    await expect(bookFor(callerOf(harbour), w.room.id, w.ben.id, '2026-11-26', '10:30', '11:30')).rejects.toThrow();
  });

  it('starts a third desk at its own site: it sees that site first, a member of the co-op books there, and the first desk switches to it and sees the booking', async () => {
    const added = await callerOf(mill).call('settings.addSite', { name: 'Harbour Yard', address: '2 Quay St', timeZone: 'Europe/London' });
    const quay = await startCoopdeskOnPostgres(url, { dataDir: tempDir(), now: () => FIXED_NOW, backups: false, site: 'Harbour Yard' });
    try {
      const at = callerOf(quay);
      const settings = await at.call('settings.get', {});
      expect(settings.site.name).toBe('Harbour Yard');
      expect(settings.sites.map((s) => s.name)).toEqual(added.sites.map((s) => s.name));
      const loft = await at.call('bookables.create', { siteId: settings.site.id, kind: 'room', name: 'Net Loft', capacity: 8 });
      const ana = (await at.call('members.list', { q: 'ana' })).rows[0]!;
      await bookFor(at, loft.id, ana.id, '2026-11-26', '10:00', '11:00');
      const board = await at.call('bookings.dayBoard', { date: '2026-11-26' });
      expect(board.bookables.map((b) => b.name)).toEqual(['Net Loft']);
      // the mill's desk switches to the harbour and sees what was booked there
      const desk = managerSession();
      await mill.api.dispatch('settings.switchSite', { siteId: settings.site.id }, desk);
      const seen = await mill.api.dispatch('bookings.dayBoard', { date: '2026-11-26' }, desk);
      expect(seen).toMatchObject({ ok: true, data: { bookings: [{ bookableId: loft.id }] } });
    } finally {
      await quay.close();
    }
  });
});
