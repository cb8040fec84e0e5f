import { afterAll, beforeAll, describe } from 'vitest';
import { postgresMissing, startPostgres, type TestPostgres } from './postgres';

/**
 * A describe block with a PostgreSQL server of its own for its tests (started before the first,
 * stopped after the last), skipped with the reason where the machine has none.
 */
export function describeOnPostgres(name: string, body: (server: () => TestPostgres) => void, options: Parameters<typeof startPostgres>[0] = {}): void {
  const missing = postgresMissing();
  describe.skipIf(missing !== null)(missing ? `${name} (skipped: ${missing})` : name, () => {
    let server: TestPostgres | undefined;
    beforeAll(async () => {
      server = await startPostgres(options);
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
    });
    body(() => {
      if (!server) throw new Error('The PostgreSQL server runs only while the tests of its block do.');
      return server;
    });
  });
}
