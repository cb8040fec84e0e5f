import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contract, mergeChannels, command, contractPart, query } from '@shared/contract';
import * as z from 'zod';
import { DERIVED_TABLES, tableNames } from '../../electron/main/db/tables';
import { FEATURES, buildHandlers, dataTables, localTables } from '../../electron/main/features';
import type { FeatureModule } from '../../electron/main/feature';
import { FIXED_NOW, ana, startTestCoop } from '../helpers/coop';

const auditRows = (t: Awaited<ReturnType<typeof startTestCoop>>) =>
  t.coop.database.sqlite.prepare('select channel, actor_role, details from audit_log order by rowid').all() as {
    channel: string;
    actor_role: string;
    details: string;
  }[];

describe('the one list of features', () => {
  it('refuses a channel declared by two contract parts, naming both', () => {
    const a = contractPart('alpha', 'Alpha', [], { 'x.get': query<number>()(z.object({}), 'manager') });
    const b = contractPart('beta', 'Beta', [], { 'x.get': command<number>()(z.object({}), 'manager', { audit: 'got x' }) });
    expect(() => mergeChannels([a, b])).toThrow('The channel “x.get” is declared by both alpha and beta.');
  });

  it('refuses a channel handled by two features, and a contract channel nobody handles', () => {
    const twice: FeatureModule = { name: 'impostor', handlers: { 'members.get': FEATURES.find((f) => f.name === 'members')!.handlers!['members.get'] } };
    expect(() => buildHandlers([...FEATURES, twice])).toThrow('The channel “members.get” is handled by both members and impostor.');
    expect(() => buildHandlers(FEATURES.filter((f) => f.name !== 'frontdesk'))).toThrow(/No feature handles frontdesk\.today/);
  });

  it('gives every table of the database to exactly one feature (or derives it), in an order an import can follow', async () => {
    const t = await startTestCoop();
    try {
      const owned = dataTables(FEATURES);
      const inFile = tableNames(t.coop.database.sqlite).filter((n) => !DERIVED_TABLES.includes(n));
      expect([...owned, ...localTables(FEATURES)].sort()).toEqual(inFile.sort());
      // Every foreign key points at a table that comes earlier in the list.
      for (const [i, table] of owned.entries()) {
        const refs = t.coop.database.sqlite.pragma(`foreign_key_list(${table})`) as { table: string }[];
        for (const ref of refs) if (ref.table !== table) expect(owned.indexOf(ref.table), `${table} -> ${ref.table}`).toBeLessThan(i);
      }
    } finally {
      await t.close();
    }
  });
});

describe('the audit log records commands only', () => {
  it('reads every command and every job in its own words, declared beside it', async () => {
    const t = await startTestCoop();
    try {
      for (const [channel, def] of Object.entries(contract)) if (def.kind === 'command') expect(def.audit, channel).toMatch(/^[a-z]/);
      for (const feature of FEATURES) for (const job of feature.jobs ?? []) expect(t.coop.ctx.auditWords(job.name), job.name).toBe(job.audit);
      await t.call('members.create', ana);
      expect((await t.call('audit.list', {})).rows[0]).toMatchObject({ channel: 'members.create', words: 'added the member' });
    } finally {
      await t.close();
    }
  });

  it('writes nothing for queries, one row for a command', async () => {
    const t = await startTestCoop();
    try {
      await t.call('members.list', {});
      await t.call('settings.get', {});
      expect(auditRows(t)).toEqual([]);
      await t.call('members.create', ana);
      expect(auditRows(t).map((r) => [r.channel, r.actor_role])).toEqual([['members.create', 'manager']]);
    } finally {
      await t.close();
    }
  });

  it('the audit row is part of the change: when it cannot be written, the change is not made either', async () => {
    const t = await startTestCoop();
    try {
      t.coop.database.sqlite.exec("create trigger audit_refuses before insert on audit_log begin select raise(abort, 'audit unavailable'); end");
      const before = await t.snapshot();
      expect(await t.send('members.create', ana)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(await t.snapshot()).toEqual(before);
    } finally {
      await t.close();
    }
  });

  it('a timer tick that changes nothing leaves the log unchanged; one that releases a no-show is on record as the system', async () => {
    let now = FIXED_NOW;
    const t = await startTestCoop({ now: () => now });
    try {
      const member = await t.call('members.create', ana);
      const site = (await t.call('settings.get', {})).site;
      const room = await t.call('bookables.create', {
        siteId: site.id,
        kind: 'room',
        name: 'Loom',
        capacity: 4,
        rules: { checkinRequired: true, noShowGraceMinutes: 15 },
      });
      await t.call('bookings.create', { bookableId: room.id, memberId: member.id, start: '2026-11-24T11:00:00Z', end: '2026-11-24T12:00:00Z' });
      const before = auditRows(t);
      expect(await t.coop.runJob('bookings.releaseNoShows')).toBe(0);
      expect(await t.coop.runJob('bookings.releaseNoShows')).toBe(0);
      expect(auditRows(t)).toEqual(before);

      now = new Date('2026-11-24T11:20:00Z');
      expect(await t.coop.runJob('bookings.releaseNoShows')).toBe(1);
      const last = auditRows(t).at(-1)!;
      expect([last.channel, last.actor_role, JSON.parse(last.details)]).toEqual(['bookings.releaseNoShows', 'system', { changed: 1 }]);
      const listed = await t.call('audit.list', { channel: 'bookings.releaseNoShows' });
      expect(listed.rows[0].actorName).toBe('System');
    } finally {
      await t.close();
    }
  });

  it('names each change’s record for people, with the screen that shows it, as the features describe them', async () => {
    const t = await startTestCoop();
    try {
      const member = await t.call('members.create', ana);
      const site = (await t.call('settings.get', {})).site;
      const room = await t.call('bookables.create', { siteId: site.id, kind: 'room', name: 'Loom', capacity: 4 });
      const booking = await t.call('bookings.create', { bookableId: room.id, memberId: member.id, start: '2026-11-25T10:00:00Z', end: '2026-11-25T11:00:00Z' });
      await t.call('bids.create', { title: 'Festival signage', client: 'Town council' });
      const { rows } = await t.call('audit.list', {});
      const of = (channel: string) => rows.find((r) => r.channel === channel)!.record;
      expect(of('members.create')).toEqual({ id: member.id, label: 'Ana Ribeiro', href: `/members/${member.id}` });
      expect(of('bookables.create')).toEqual({ id: room.id, label: 'Loom', href: `/bookables/${room.id}/edit` });
      expect(of('bookings.create')).toEqual({
        id: booking.id,
        label: `Loom, ${booking.localStart}–${booking.localEnd}`,
        date: booking.localDate,
        href: `/bookings/${booking.localDate}`,
      });
      expect(of('bids.create')).toMatchObject({ label: 'Festival signage' });
      // a change with no record (settings) names none
      await t.call('settings.addClosure', { siteId: site.id, date: '2026-12-24', reason: '' });
      expect((await t.call('audit.list', { channel: 'settings.' })).rows[0].record).toBeNull();
    } finally {
      await t.close();
    }
  });

  it('a kernel imports no feature that is not a kernel: the features above build on it, never the other way', () => {
    const kernels = new Set(FEATURES.filter((f) => f.kernel).map((f) => f.name));
    expect([...kernels].sort()).toEqual(['audit', 'mail', 'members', 'presence', 'settings', 'sites', 'storage']);
    for (const kernel of kernels) {
      const folder = join('electron/main/features', kernel);
      for (const file of readdirSync(folder)) {
        const reached = [...readFileSync(join(folder, file), 'utf8').matchAll(/from '\.\.\/([a-z]+)'/g)].map((m) => m[1]);
        for (const feature of reached) expect(kernels.has(feature), `${kernel}/${file} imports ${feature}`).toBe(true);
      }
    }
  });
});
