import { defineConfig } from 'vitest/config';
import base from './vitest.config';
import { postgresMissing } from './helpers/postgres';

/**
 * The database suites again, each test co-op on a PostgreSQL database of its own (issue 29's
 * matrix). Left out: the suites about the SQLite file itself (backups, restores, crafted files, a
 * full disk, a crash, upgrades of old files, the file's own concurrency) and those that read it
 * directly.
 */
export const ON_BOTH = [
  'accounts',
  'bids',
  'bookings',
  'communities',
  'events',
  'events-series',
  'fairs',
  'members',
  'money',
  'network',
  'network-ledger',
  'notifications',
  'privacy',
  'series',
  'settings',
  'sites',
  'statements',
  'support',
  'governance',
  'fuzz',
  'properties',
  'host-attack',
  'guard-attack',
  'portal-attack',
];

const missing = postgresMissing();
if (missing) console.warn(`The database suites on PostgreSQL are skipped: ${missing}.`);

// the base's settings with this run's files (mergeConfig would add them to the base's, not replace them)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: missing ? [] : ON_BOTH.map((name) => `test/db/${name}.test.ts`),
    passWithNoTests: true,
    globalSetup: ['test/helpers/postgres-matrix.ts'],
  },
});
