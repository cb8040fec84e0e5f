import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, DatabaseTooNewError, openDatabase } from '../../electron/main/db/open';
import { LATEST_SCHEMA_VERSION } from '../../electron/main/db/migrations';
import { startTestCoop, tempDir } from '../helpers/coop';

describe('opening the database', () => {
  it('creates the file with WAL, foreign keys and the latest schema', async () => {
    const dir = tempDir();
    const database = await openDatabase({ dataDir: dir });
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(database.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    await database.close();
  });

  it('reopens an existing database with its data, without migrating twice', async () => {
    const dir = tempDir();
    const first = await startTestCoop({ dataDir: dir });
    await first.call('members.create', { name: 'Ana', email: 'ana@example.coop', memberSince: '2025-01-01' });
    await first.close();
    const second = await startTestCoop({ dataDir: dir });
    expect((await second.call('members.list', {})).total).toBe(1);
    expect(readdirSync(dir).includes('backups')).toBe(false);
    await second.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const future = new Sqlite(file);
    future.exec("create table future_things (x); insert into future_things values ('keep me')");
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    future.close();
    const bytes = readFileSync(file);

    const attempt = openDatabase({ dataDir: dir });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(attempt).rejects.toThrow(/newer version of Coopdesk/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('the database itself refuses a second member with the same email', async () => {
    const t = await startTestCoop();
    await t.call('members.create', { name: 'Ana', email: 'ana@example.coop', memberSince: '2025-01-01' });
    const sqlite = t.coop.database.sqlite;
    expect(() =>
      sqlite
        .prepare(
          "insert into members (id, number, name, email, member_since, status, role, created_at, updated_at) values ('x', 99, 'B', 'ana@example.coop', '2025-01-01', 'active', 'member', 0, 0)",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    await t.close();
  });
});
