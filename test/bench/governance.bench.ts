import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memberFields } from '@shared/contract/members.contract';
import { startCoopdesk } from '../../electron/main/app';
import { type Actor, FRONT_DESK, withDb } from '../../electron/main/context';
import { generateMembers, insertChunked } from '../../electron/main/demo/generate';
import { commit, immediate } from '../../electron/main/db/tx';
import { get } from '../../electron/main/features/governance/detail.service';
import type { ProposalsTable } from '../../electron/main/features/governance/governance.tables';
import { close, tally } from '../../electron/main/features/governance/results.service';
import { announceOne, open } from '../../electron/main/features/governance/voting.service';
import { createMany } from '../../electron/main/features/members/members.service';
import { measure, report, SCALE, timeOnce } from './measure';

const NOW = new Date('2026-11-24T10:00:00Z');

/**
 * Governance on a large co-op (at BENCH_SCALE=1): 10,000 members of whom 6,000 are owners. The
 * issue's figures: opening a proposal (freezing who may vote) under 100 ms, a vote under 5 ms,
 * counting 6,000 ballots with proxies under 50 ms. (500 owners at once is a test:
 * test/db/governance-race.test.ts.)
 */
export async function governanceBench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coopdesk-bench-governance-'));
  const coop = await startCoopdesk({ dataDir, now: () => NOW, backups: false });
  const db = coop.database.db;
  const members = Math.round(10_000 * SCALE);
  const owners = Math.round(6_000 * SCALE);
  const call = async (channel: string, input: unknown, actor: Actor = FRONT_DESK) => {
    const r = await coop.api.dispatch(channel, input, actor);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data as any;
  };
  const ownerIds = await timeOnce(
    'governance.generate',
    async () => {
      await createMany(
        coop.ctx,
        generateMembers({ count: members, today: '2026-11-24', seed: 53 }).map((m) => memberFields.parse(m)),
      );
      // the first 6,000 joined long ago and are still here: owners; the rest joined this year
      const ids = (await db.selectFrom('members').select('id').orderBy('number').execute()).map((m) => m.id);
      await immediate(db, async (trx) => {
        await trx.updateTable('members').set({ member_since: '2026-06-01', status: 'active', archived_at: null }).execute();
        for (let i = 0; i < owners; i += 500)
          await trx
            .updateTable('members')
            .set({ member_since: '2023-01-10' })
            .where('id', 'in', ids.slice(i, Math.min(owners, i + 500)))
            .execute();
      });
      return ids.slice(0, owners);
    },
    { members, owners },
  );
  coop.database.sqlite.pragma('optimize');
  report({ bench: 'governance.dataset', members, owners });

  let n = 0;
  const propose = (extra: Record<string, unknown> = {}) =>
    call('governance.create', {
      title: `Proposal ${n++}`,
      body: 'Paint the meeting room.',
      kind: 'decision',
      opensDate: '2026-12-01',
      opensTime: '09:00',
      closesDate: '2026-12-08',
      closesTime: '18:00',
      ...extra,
    });

  const toOpen: ProposalsTable[] = [];
  const opened: string[] = [];
  for (let i = 0; i < 35; i++)
    toOpen.push(
      await db
        .selectFrom('proposals')
        .selectAll()
        .where('id', '=', (await propose()).id)
        .executeTakeFirstOrThrow(),
    );
  await measure(
    'governance.open',
    15,
    () =>
      commit(coop.ctx, 'governance.changed', async (trx) => {
        const row = toOpen.pop()!;
        opened.push(row.id);
        await open(withDb(coop.ctx, trx), trx, row);
        return get(withDb(coop.ctx, trx), FRONT_DESK, row.id);
      }),
    { note: 'opening voting: the owners in good standing frozen as its voters (6,000 rows), in one transaction, and the proposal read back' },
  );
  await measure('governance.announce', 10, () => announceOne(coop.ctx, opened.pop()!), {
    note: 'telling the 6,000 voters that voting opened: 6,000 notifications, in a transaction of its own after the opening',
  });

  const ballot = await propose();
  await call('governance.openVoting', { id: ballot.id });
  let next = 0;
  await measure(
    'governance.vote',
    300,
    () => call('governance.vote', { proposalId: ballot.id, choices: [next % 3 === 0 ? 'no' : 'yes'] }, { role: 'member', memberId: ownerIds[next++]! }),
    { note: 'a vote in person: eligibility, choices and the ballot in one transaction' },
  );
  // proxies: each of 60 holders carries two owners
  const holders = ownerIds.slice(400, 460);
  for (const [h, holder] of holders.entries())
    for (const grantor of ownerIds.slice(460 + 2 * h, 462 + 2 * h))
      await call('governance.appointProxy', { holderId: holder, proposalId: null }, { role: 'member', memberId: grantor });
  let p = 0;
  await measure(
    'governance.vote.proxy',
    100,
    () => {
      const h = Math.floor(p / 2);
      const grantor = ownerIds[460 + p++]!;
      return call('governance.vote', { proposalId: ballot.id, choices: ['yes'], forMemberId: grantor }, { role: 'member', memberId: holders[h]! });
    },
    { note: 'a vote by proxy: the proxy in force, the grantor not voted in person, the holder under the cap' },
  );

  // proposals with every owner's ballot in, one in twenty cast by a proxy
  const fill = async (id: string) => {
    await call('governance.openVoting', { id });
    await immediate(db, async (trx) => {
      await trx.deleteFrom('proposal_voters').where('proposal_id', '=', id).execute();
      await insertChunked(
        trx,
        'proposal_voters',
        ownerIds.map((m, i) => ({ proposal_id: id, member_id: m, voted_at: NOW.getTime(), cast_by: i % 20 === 0 ? ownerIds[(i + 1) % owners]! : m })),
      );
      await insertChunked(
        trx,
        'ballots',
        ownerIds.map((m, i) => ({ proposal_id: id, voter_id: m, choices: JSON.stringify([i % 4 === 0 ? 'no' : i % 9 === 0 ? 'abstain' : 'yes']) })),
      );
    });
    return (await db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow())!;
  };
  const counted = await fill((await propose()).id);
  await measure('governance.count', 30, () => tally(db, counted), {
    note: '6,000 ballots read and counted, 300 of them by proxy, the proxies named',
  });
  const toClose: ProposalsTable[] = [];
  for (let i = 0; i < 20; i++) toClose.push(await fill((await propose()).id));
  await measure('governance.close', 10, () => commit(coop.ctx, 'governance.changed', (trx) => close(withDb(coop.ctx, trx), trx, toClose.pop()!)), {
    note: 'closing: the count and the result recorded, with secret links deleted, in one transaction (the voters are told after, as for opening)',
  });
  await coop.close();
  rmSync(dataDir, { recursive: true, force: true });
}
