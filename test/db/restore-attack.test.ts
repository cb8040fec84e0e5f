/**
 * Restore carries rows, never schema: each crafted backup here is a real backup with one change
 * to its schema, written as the attack would be. After the restore, the live database's schema is
 * exactly what our migrations make, and the attack's effect is nowhere.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type TestCoop, startTestCoop } from '../helpers/coop';
import { bookFor, bookingWorld } from '../helpers/bookingWorld';
import { kioskSession } from '../../electron/main/context';

/** Every trigger, index and view of a database, with its SQL: what must not travel. */
function schemaOf(sqlite: Sqlite.Database) {
  return sqlite.prepare("select type, name, tbl_name, sql from sqlite_master where type in ('trigger', 'index', 'view', 'table') order by type, name").all();
}

/** A co-op with bookings, a manager password and a backup; the backup file is then crafted by `attack`. */
async function craftedBackup(attack: string) {
  const t = await startTestCoop();
  const w = await bookingWorld(t);
  await bookFor(t, w.room.id, w.member.id, '2026-11-26', '10:00', '11:00');
  await bookFor(t, w.room.id, w.ben.id, '2026-11-26', '11:00', '12:00');
  await t.call('auth.setUp', { name: 'Kasia Nowak', email: 'kasia@example.coop', password: 'front desk 2026' });
  const made = await t.call('data.backupNow', {});
  const { folder } = await t.call('data.backups', {});
  const file = new Sqlite(join(folder, made.name));
  file.exec(attack);
  file.close();
  return { t, w, name: made.name, folder, schema: schemaOf(t.coop.database.sqlite) };
}

async function afterRestore(t: TestCoop, name: string, schema: unknown[]) {
  expect(await t.send('data.restore', { name })).toMatchObject({ ok: true });
  // nothing but rows travelled: the schema is our migrations' own
  expect(schemaOf(t.coop.database.sqlite)).toEqual(schema);
}

const ATTACKS: [string, string, (t: TestCoop, w: Awaited<ReturnType<typeof bookingWorld>>) => Promise<void>][] = [
  [
    'a trigger on access_guards that refuses every sign-in',
    "create trigger lock_all before insert on access_guards begin select raise(abort, 'no way in'); end;",
    async (t) => {
      // the desk can still unlock and members can still identify, also after a restart
      const session = kioskSession();
      expect(await t.coop.api.dispatch('auth.signIn', { who: 'kasia@example.coop', password: 'front desk 2026' }, session)).toMatchObject({ ok: true });
    },
  ],
  [
    'a trigger on audit_log that makes every command fail',
    "create trigger no_audit before insert on audit_log begin select raise(abort, 'no audit'); end;",
    async (t) => {
      expect(await t.send('members.create', { name: 'Dana Berg', email: 'dana@example.coop', memberSince: '2025-03-01' })).toMatchObject({ ok: true });
    },
  ],
  [
    'a trigger that deletes every booking when a member is added',
    'create trigger wipe after insert on members begin delete from bookings; end;',
    async (t) => {
      await t.call('members.create', { name: 'Dana Berg', email: 'dana@example.coop', memberSince: '2025-03-01' });
      expect(t.coop.database.sqlite.prepare("select count(*) as n from bookings where status = 'confirmed'").get()).toEqual({ n: 2 });
    },
  ],
  [
    'the double-booking guards and the unique email index dropped',
    'drop trigger bookings_guard_insert; drop trigger bookings_guard_update; drop index members_email_unique; create view members_v as select * from members; create index spy on members(notes);',
    async (t, w) => {
      // the guard is back: a write that bypasses the service is still refused
      const sqlite = t.coop.database.sqlite;
      const row = sqlite.prepare('select * from bookings limit 1').get() as Record<string, unknown>;
      expect(() => sqlite.prepare('insert into bookings select * from bookings where id = ?').run(row.id)).toThrow();
      expect(
        (await t.send('bookings.create', { bookableId: w.room.id, memberId: w.ben.id, start: '2026-11-26T10:30:00Z', end: '2026-11-26T11:30:00Z' })).ok,
      ).toBe(false);
    },
  ],
];

describe('a crafted backup brings its rows and nothing else', () => {
  for (const [what, attack, stillWorks] of ATTACKS) {
    it(what, async () => {
      const { t, w, name, folder, schema } = await craftedBackup(attack);
      try {
        await afterRestore(t, name, schema);
        await stillWorks(t, w);
        // and the next backup carries none of it
        const next = await t.call('data.backupNow', {});
        const file = new Sqlite(join(folder, next.name), { readonly: true });
        expect(schemaOf(file)).toEqual(schema);
        file.close();
      } finally {
        await t.close();
      }
    });
  }

  it('rows the app’s own rules refuse (two members with one email, once the unique index was dropped) refuse the whole restore, and nothing changes', async () => {
    const { t, name } = await craftedBackup(
      "drop index members_email_unique; update members set email = 'same@example.coop' where email in ('ana@example.coop', 'ben@example.coop');",
    );
    try {
      const before = await t.snapshot();
      const result = await t.send('data.restore', { name });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('Nothing was changed') } });
      expect(await t.snapshot()).toEqual(before);
    } finally {
      await t.close();
    }
  });

  it('sign-in counters stay on this machine: a backup that says the manager is locked for ever restores without that lock', async () => {
    const { t, name, schema } = await craftedBackup(
      "insert or replace into access_guards (scope, key, failures, locked_until, updated_at) values ('password', 'manager@desktop', 0, 253402300799000, 0);",
    );
    try {
      await afterRestore(t, name, schema);
      expect(await t.coop.api.dispatch('auth.signIn', { who: 'kasia@example.coop', password: 'front desk 2026' }, kioskSession())).toMatchObject({ ok: true });
    } finally {
      await t.close();
    }
  });

  it('checking a backup leaves no -wal or -shm file beside it', async () => {
    const { t, name, folder } = await craftedBackup('select 1;');
    try {
      await t.call('data.restore', { name });
      expect(readdirSync(folder).filter((f) => f.endsWith('-wal') || f.endsWith('-shm') || f.startsWith('.'))).toEqual([]);
      expect(existsSync(`${t.coop.database.file}.replaced`)).toBe(false);
    } finally {
      await t.close();
    }
  });
});
