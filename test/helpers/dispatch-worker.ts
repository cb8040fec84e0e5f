/**
 * One of several processes sending the same kind of calls at one database file at the same
 * moment (races across processes). Prints one JSON line: each call's outcome.
 */
import { startCoopdesk } from '../../electron/main/app';
import type { Actor } from '../../electron/main/context';

interface Attempt {
  channel: string;
  input: unknown;
  actor: Actor;
}

const [dataDir, startAtText, nowText] = process.argv.slice(2);
const attempts = JSON.parse(process.env.ATTEMPTS ?? '[]') as Attempt[];

const coop = await startCoopdesk({ dataDir, now: () => new Date(nowText) });
while (Date.now() < Number(startAtText)) await new Promise((r) => setTimeout(r, 1));
const results = [];
for (const a of attempts) {
  const r = await coop.api.dispatch(a.channel, a.input, a.actor);
  results.push(r.ok ? { ok: true, data: r.data } : { ok: false, code: r.error.code, rule: r.error.rule });
}
await coop.close();
console.log(JSON.stringify(results));
