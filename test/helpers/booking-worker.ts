/**
 * One of several processes racing to book the same slots in one database file
 * (test/db/concurrency.test.ts). Prints one JSON line: what it tried and what it got.
 */
import { startCoopdesk } from '../../electron/main/app';
import { FRONT_DESK } from '../../electron/main/context';

interface Attempt {
  slot: string;
  bookableId: string;
  memberId: string;
  start: string;
  end: string;
}

const [dataDir, startAtText, nowText] = process.argv.slice(2);
const attempts = JSON.parse(process.env.ATTEMPTS ?? '[]') as Attempt[];

const coop = await startCoopdesk({ dataDir, now: () => new Date(nowText) });
// Everyone starts at the same moment.
while (Date.now() < Number(startAtText)) await new Promise((r) => setTimeout(r, 1));
const results = [];
for (const a of attempts) {
  const r = await coop.api.dispatch('bookings.create', { bookableId: a.bookableId, memberId: a.memberId, start: a.start, end: a.end }, FRONT_DESK);
  results.push({ slot: a.slot, ok: r.ok, code: r.ok ? null : r.error.code, rule: r.ok ? null : r.error.rule, id: r.ok ? (r.data as { id: string }).id : null });
}
await coop.close();
console.log(JSON.stringify(results));
