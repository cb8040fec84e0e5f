import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberFields } from '@shared/contract/members.contract';
import { startCoopdesk } from '../../electron/main/app';
import { type Actor, FRONT_DESK } from '../../electron/main/context';
import { generateMembers, seededRandom } from '../../electron/main/demo/generate';
import { activeMembersWithOffers, generateBids, HISTORY } from '../../electron/main/demo/generateBids';
import { createMany } from '../../electron/main/features/members/members.service';
import { measure, report, SCALE, timeOnce } from './measure';

const TODAY = '2026-11-24';
const NOW = new Date('2026-11-24T10:00:00Z');

/** Joint bids on a large co-op: 5,000 members, 2,000 bids over five years (at BENCH_SCALE=1). */
export async function bidsBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-bench-bids-'));
  const coop = await startCoopdesk({ dataDir, now: () => NOW, backups: false });
  const db = coop.database.db;
  const ctx = coop.ctx;
  const members = Math.round(5000 * SCALE);
  const bids = Math.round(2000 * SCALE);
  await timeOnce(
    'bids.generate',
    async () => {
      await createMany(
        ctx,
        generateMembers({ count: members, today: TODAY, seed: 11 }).map((m) => memberFields.parse(m)),
      );
      await generateBids(db, { count: bids, seed: 3, now: NOW.getTime(), currency: 'EUR', members: await activeMembersWithOffers(db), weights: HISTORY });
    },
    { members, bids },
  );
  coop.database.sqlite.pragma('optimize');

  const call = async (channel: string, input: unknown, actor: Actor = FRONT_DESK) => {
    const r = await coop.api.dispatch(channel, input, actor);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data;
  };
  const all = (await call('bids.list', {})) as { id: string; stage: string }[];
  const open = all.filter((b) => ['idea', 'forming', 'preparing'].includes(b.stage));
  const someone = (await db.selectFrom('bid_team').select('member_id').limit(1).executeTakeFirstOrThrow()).member_id;
  const member: Actor = { role: 'member', memberId: someone };
  const random = seededRandom(17);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];

  const shown = ((await call('bids.list', { stage: 'board' })) as unknown[]).length;
  await measure('bids.board', 100, () => call('bids.list', { stage: 'board' }), {
    bids: all.length,
    shown,
    note: 'still going, and closed in the last 60 days',
  });
  await measure('bids.board.member', 100, () => call('bids.list', { stage: 'board' }, member), { shown, note: 'team-only bids filtered for one member' });
  await measure('bids.list.all', 50, () => call('bids.list', {}), { bids: all.length, note: 'the list view with every stage: five years of bids' });
  await measure('bids.list.search', 100, () => call('bids.list', { q: 'festival', stage: 'active' }));
  await measure('bids.get', 300, () => call('bids.get', { id: pick(all).id }));
  await measure('bids.suggestTeam', 200, () => call('bids.suggestTeam', { id: pick(open).id }), { members, open_bids: open.length });
  await measure('bids.outcomes', 100, () => call('bids.outcomes', {}));
  await measure('bids.attention', 100, () => call('bids.attention', {}));
  await measure('bids.note', 200, (i) => call('bids.note', { id: pick(open).id, text: `note ${i}` }), { note: 'a write: one transaction, the bid reloaded' });
  report({ bench: 'bids.dataset', members, bids: all.length, open: open.length });
  await coop.close();
  rmSync(dataDir, { recursive: true, force: true });
}
