/**
 * One of several processes sending the same kind of calls at one database file at the same
 * moment (races across processes). Prints one JSON line: each call's outcome.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCoopdesk, startCoopdeskOnPostgres } from '../../electron/main/app';
import type { Actor } from '../../electron/main/context';

interface Attempt {
  channel: string;
  input: unknown;
  actor: Actor;
}

/** `where`: the co-op's data folder, or the postgres:// address of the server it shares. */
const [where, startAtText, nowText] = process.argv.slice(2);
const attempts = JSON.parse(process.env.ATTEMPTS ?? '[]') as Attempt[];

const now = () => new Date(nowText);
const onServer = where.startsWith('postgres://');
const dataDir = onServer ? mkdtempSync(join(tmpdir(), 'coopdesk-test-worker-')) : where;
const coop = onServer ? await startCoopdeskOnPostgres(where, { dataDir, now, backups: false }) : await startCoopdesk({ dataDir, now });
while (Date.now() < Number(startAtText)) await new Promise((r) => setTimeout(r, 1));
const results = [];
for (const a of attempts) {
  const r = await coop.api.dispatch(a.channel, a.input, a.actor);
  results.push(r.ok ? { ok: true, data: r.data } : { ok: false, code: r.error.code, rule: r.error.rule });
}
await coop.close();
if (onServer) rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify(results));
