/**
 * Books one slot after another on one bookable, printing each booking's id only after its
 * transaction committed, until it is killed (test/db/crash.test.ts).
 */
import { startCoopdesk } from '../../electron/main/app';
import { FRONT_DESK } from '../../electron/main/context';

const [dataDir, bookableId, nowText] = process.argv.slice(2);
const coop = await startCoopdesk({ dataDir, now: () => new Date(nowText), backups: false });
const last = coop.database.sqlite.prepare('select max(end_ms) as t from bookings').get() as { t: number | null };
let start = last.t ?? Date.parse(nowText) + 3600_000;
for (;;) {
  const end = start + 15 * 60_000;
  const r = await coop.api.dispatch(
    'bookings.create',
    { bookableId, guestName: 'Crash test', start: new Date(start).toISOString(), end: new Date(end).toISOString() },
    FRONT_DESK,
  );
  if (!r.ok) {
    console.error(JSON.stringify(r.error));
    process.exit(1);
  }
  process.stdout.write(`${(r.data as { id: string }).id}\n`);
  start = end;
}
