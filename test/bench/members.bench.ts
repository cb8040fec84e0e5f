import { Agent, request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberFields } from '@shared/contract/members.contract';
import { startCoopdesk } from '../../electron/main/app';
import { FRONT_DESK } from '../../electron/main/context';
import { generateMembers } from '../../electron/main/demo/generate';
import { startHost } from '../../electron/main/host';
import { createMany } from '../../electron/main/features/members/members.service';
import { measure, SCALE, timeOnce } from './measure';

/** What people type into the directory's search box, keystroke by keystroke. */
const TYPED = ['a', 'an', 'ana', 'ana r', 'w', 'we', 'web', 'web d', 'web des', 'ph', 'photo', 'kow', 'copy', 'tender wr', 'zzz', 'okafor co'];

/** The first page the members screen asks for (MembersPage's PAGE_SIZE). */
const PAGE = 100;
/** The list query the members screen sends (see MembersPage). */
const screenQuery = (q: string) => ({ q, sort: 'name' as const, dir: 'asc' as const, limit: PAGE });

function post(port: number, path: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent: keepAlive, headers: { 'content-type': 'application/json' } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve(data));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });

export async function membersBench(): Promise<void> {
  const count = Math.round(10_000 * SCALE);
  const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-bench-'));
  const coop = await startCoopdesk({ dataDir, backups: false });
  const ctx = coop.ctx;
  const members = generateMembers({ count, today: '2026-11-24', seed: 1 }).map((m) => memberFields.parse(m));
  await timeOnce('members.generate', () => createMany(ctx, members), { members: count });

  const dispatch = (q: string) => coop.api.dispatch('members.list', screenQuery(q), FRONT_DESK);
  const service = await measure('members.search.service', 400, (i) => dispatch(TYPED[i % TYPED.length]), { members: count, limit: PAGE });
  await measure('members.search.service.first50', 400, (i) => coop.api.dispatch('members.list', { q: TYPED[i % TYPED.length], limit: 50 }, FRONT_DESK), {
    members: count,
    limit: 50,
  });
  const page = await coop.api.dispatch('members.list', { limit: 1000 }, FRONT_DESK);
  const ids = page.ok ? (page.data as { rows: { id: string }[] }).rows.map((r) => r.id) : [];
  await measure('members.get.service', 400, (i) => coop.api.dispatch('members.get', { id: ids[i % ids.length] }, FRONT_DESK));

  const renderer = join(dataDir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '');
  const host = await startHost({ coopdesk: coop, rendererDir: renderer });
  const port = Number(new URL(host.url).port);
  const http = await measure('members.search.host', 400, (i) => post(port, '/api/members.list', JSON.stringify(screenQuery(TYPED[i % TYPED.length]))), {
    members: count,
    limit: PAGE,
  });
  console.log(JSON.stringify({ bench: 'members.search.host_vs_service', ratio: Math.round((http.median_ms / service.median_ms) * 100) / 100 }));

  keepAlive.destroy();
  await host.close();
  await coop.close();
  rmSync(dataDir, { recursive: true, force: true });
}
