import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberFields } from '@shared/contract/members.contract';
import { startCoopdesk } from '../../electron/main/app';
import { type Actor, FRONT_DESK } from '../../electron/main/context';
import { generateMembers, seededRandom } from '../../electron/main/demo/generate';
import { activeMembersWithOffers } from '../../electron/main/demo/generateBids';
import { generateNetwork } from '../../electron/main/demo/generateNetwork';
import { immediate } from '../../electron/main/db/tx';
import { balancesOf } from '../../electron/main/features/network/balances.service';
import { createMany } from '../../electron/main/features/members/members.service';
import { measure, report, SCALE, timeOnce } from './measure';

const TODAY = '2026-11-24';
const NOW = new Date('2026-11-24T10:00:00Z');
const WORDS = ['web', 'brand', 'data', 'event', 'grant', 'legal', 'food', 'print', 'video', 'sound', 'garden', 'craft', 'energy', 'textile', 'repair'];
const KINDS = ['design', 'advice', 'training', 'support', 'writing', 'research', 'sourcing', 'marketing', 'consulting', 'production', 'audits', 'translation'];

/**
 * The business network on a large co-op (at BENCH_SCALE=1): 10,000 members, 50,000 tags
 * (a vocabulary of about 2,000), a million ledger movements (referral moves, purchases, hours).
 */
export async function networkBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-bench-network-'));
  const coop = await startCoopdesk({ dataDir, now: () => NOW, backups: false });
  const db = coop.database.db;
  const members = Math.round(10_000 * SCALE);
  const made = await timeOnce(
    'network.generate',
    async () => {
      await createMany(
        coop.ctx,
        generateMembers({ count: members, today: TODAY, seed: 21 }).map((m) => memberFields.parse(m)),
      );
      const ids = (await db.selectFrom('members').select('id').execute()).map((m) => m.id);
      const random = seededRandom(5);
      const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
      // a wider vocabulary than the demo's trades: "energy audits", "food sourcing #12"
      const extra = (
        await db
          .selectFrom('member_tags')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
      const wanted = Math.round(50_000 * SCALE) - Number(extra);
      const rows = new Map<string, { member_id: string; kind: 'offers' | 'needs'; tag: string }>();
      while (rows.size < wanted) {
        const tag = `${pick(WORDS)} ${pick(KINDS)}${random() < 0.5 ? ` ${Math.floor(random() * 12)}` : ''}`;
        const row = { member_id: pick(ids), kind: random() < 0.55 ? ('offers' as const) : ('needs' as const), tag };
        rows.set(`${row.member_id}|${row.kind}|${tag}`, row);
      }
      await immediate(db, async (trx) => {
        const all = [...rows.values()];
        for (let i = 0; i < all.length; i += 1000)
          await trx
            .insertInto('member_tags')
            .values(all.slice(i, i + 1000))
            .onConflict((oc) => oc.doNothing())
            .execute();
      });
      const movements = Math.round(1_000_000 * SCALE);
      return immediate(db, async (trx) =>
        generateNetwork(trx, {
          members: await activeMembersWithOffers(trx),
          today: TODAY,
          now: NOW.getTime(),
          seed: 13,
          referrals: Math.round(movements * 0.15),
          trades: Math.round(movements * 0.3),
          exchanges: Math.round(movements * 0.31),
          days: 5 * 365,
        }),
      );
    },
    { members },
  );
  coop.database.sqlite.pragma('optimize');
  const tags = Number(
    (
      await db
        .selectFrom('member_tags')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const vocabulary = Number(
    (
      await db
        .selectFrom('member_tags')
        .select((eb) => eb.fn.count<number>('tag').distinct().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const movements = made.referralMoves + made.trades + made.exchanges;
  report({ bench: 'network.dataset', members, tags, vocabulary, movements, ...made });

  const call = async (channel: string, input: unknown, actor: Actor = FRONT_DESK) => {
    const r = await coop.api.dispatch(channel, input, actor);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data;
  };
  const ids = (await db.selectFrom('members').select('id').where('status', '=', 'active').where('listed', '=', 1).execute()).map((m) => m.id);
  const random = seededRandom(29);
  const someone = () => ids[Math.floor(random() * ids.length)]!;
  const as = (memberId: string): Actor => ({ role: 'member', memberId });

  await measure(
    'network.matches',
    200,
    () => {
      const m = someone();
      return call('network.matches', { memberId: m }, as(m));
    },
    { members, tags, note: 'one member’s needs and offers, each with its ranked suppliers or customers and reasons' },
  );
  await measure('network.marketplace', 50, () => call('network.marketplace', { limit: 50 }, as(someone())), {
    vocabulary,
    note: 'first page, as a member (listed members only)',
  });
  await measure('network.marketplace.filtered', 50, () => call('network.marketplace', { q: 'design', limit: 50 }), { note: 'filtered by tag, at the desk' });
  await measure('network.gaps', 50, () => call('network.gaps', {}), { vocabulary });
  await measure('network.balances.page', 100, (i) => call('network.balances', { limit: 100, offset: (i * 100) % members }), {
    movements,
    note: 'a page of 100 members, every sum from the movements',
  });
  await measure('network.balances.mine', 200, () => call('network.balances', {}, as(someone())), { movements });
  await measure('network.balances.everyone', 10, () => balancesOf(coop.ctx, null), { movements, note: 'every member at once (the whole ledger summed)' });
  await measure('network.tradeReport', 50, () => call('network.tradeReport', { months: 12 }), { trades: made.trades });
  await measure('network.referrals.mine', 100, () => call('network.referrals', {}, as(someone())));
  await measure(
    'network.recordExchange',
    100,
    (i) => {
      const a = someone();
      let b = someone();
      while (b === a) b = someone();
      return call('network.recordExchange', { giverId: a, receiverId: b, hours: 1 + (i % 4), what: 'Help', onDate: TODAY }, as(a));
    },
    { note: 'a write: one transaction, the receiver notified' },
  );
  await coop.close();
  rmSync(dataDir, { recursive: true, force: true });
}
