import type { ProposalDetail, RegisterEntry, RulesVersion } from '@shared/contract/governance.contract';
import { countInWords, countVotes, DECISION_CHOICES } from '@shared/domain/governance';
import type { Kysely } from 'kysely';
import { type Ctx, withDb } from '../../context';
import type { DB } from '../../db/schema';
import { commit } from '../../db/tx';
import { memberRefs, setGuardians } from '../members';
import { notify } from '../notifications';
import type { ProposalOptionsTable, ProposalsTable } from './governance.tables';
import * as repo from './governance.repository';
import { label } from './proposals.service';
import { announce, open } from './voting.service';

/**
 * Closing a vote: counted once, final. A passed change to the rules becomes their next version;
 * an election of guardians makes the elected the co-op's guardians. A secret vote's links from
 * voters to receipts are deleted in the same transaction: from then on nothing joins them.
 */

const DAY = 24 * 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The count of a proposal's ballots, with its proxies named: what closing records. */
export async function tally(trx: Kysely<DB>, row: ProposalsTable): Promise<{ result: NonNullable<ProposalDetail['result']>; options: ProposalOptionsTable[] }> {
  const [options, ballots, voters] = await Promise.all([
    repo.options(trx, row.id),
    repo.ballotChoices(trx, row.id, row.secret === 1),
    repo.voters(trx, row.id),
  ]);
  const count = countVotes({
    kind: row.kind,
    threshold: row.threshold,
    quorumPct: row.quorum_pct,
    eligible: row.eligible ?? 0,
    seats: row.seats,
    options: options.map((o) => o.id),
    ballots,
  });
  const byProxy = voters.filter((v) => v.cast_by !== null && v.cast_by !== v.member_id);
  const names = await memberRefs(
    trx,
    byProxy.flatMap((v) => [v.member_id, v.cast_by!]),
  );
  const labels = Object.fromEntries([...DECISION_CHOICES.map((c) => [c, c]), ...options.map((o) => [o.id, o.label])]);
  const proxies = byProxy.map((v) => ({ holder: names.get(v.cast_by!)!, for: names.get(v.member_id)! }));
  return { result: { ...count, labels, proxies }, options };
}

export async function close(ctx: Ctx, trx: Kysely<DB>, row: ProposalsTable): Promise<void> {
  const { result: count, options } = await tally(trx, row);
  const now = ctx.now().getTime();
  await repo.update(trx, row.id, { state: 'closed', closed_at: now, outcome: count.outcome, result: JSON.stringify(count), updated_at: now });
  await repo.dropSecretLinks(trx, row.id);
  if (row.kind === 'rules' && count.outcome === 'passed') await repo.adoptRules(trx, { text: row.rules_text!, proposal_id: row.id, adopted_at: now });
  if (row.elects_guardians === 1 && count.outcome === 'decided')
    await setGuardians(
      trx,
      options.filter((o) => count.winners.includes(o.id) && o.member_id).map((o) => o.member_id!),
      now,
    );
}

/** The scheduler's minute: opens voting that is due, reminds those who have not voted a day before it closes, closes what is due. */
export async function tick(ctx: Ctx): Promise<number> {
  const now = ctx.now().getTime();
  let changed = 0;
  for (const row of await repo.due(ctx.db, 'discussion', 'opens_at', now)) {
    await commit(ctx, 'governance.changed', (trx) => open(ctx, trx, row));
    changed += 1;
  }
  for (const row of await repo.closingSoon(ctx.db, now, DAY)) {
    await commit(ctx, 'governance.changed', async (trx) => {
      const notYet = (await repo.voters(trx, row.id)).filter((v) => v.voted_at === null).map((v) => v.member_id);
      await notify(withDb(ctx, trx), notYet, { kind: 'vote', title: `Voting closes within a day: ${label(row)}`, body: '', href: `/governance/${row.id}` });
      await repo.update(trx, row.id, { reminded_at: now });
    });
    changed += 1;
  }
  for (const row of await repo.due(ctx.db, 'voting', 'closes_at', now)) {
    await commit(ctx, ['governance.changed', 'members.changed'], (trx) => close(ctx, trx, row));
    changed += 1;
  }
  return changed + (await announce(ctx));
}

/** The decision register: every closed proposal, newest first, with its outcome in words. */
export async function register(ctx: Ctx): Promise<RegisterEntry[]> {
  return (await repo.closed(ctx.db)).map((r) => {
    const result = JSON.parse(r.result!) as NonNullable<ProposalDetail['result']>;
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      kind: r.kind,
      outcome: r.outcome!,
      closedAt: iso(r.closed_at!),
      voted: result.voted,
      eligible: result.eligible,
      summary: countInWords(r.kind, result),
    };
  });
}

/** The co-op's rules, newest version first; each version after the first came from a passed proposal. */
export async function rules(ctx: Ctx): Promise<RulesVersion[]> {
  const rows = await repo.rules(ctx.db);
  const proposals = new Map((await Promise.all(rows.flatMap((r) => (r.proposal_id ? [repo.find(ctx.db, r.proposal_id)] : [])))).map((p) => [p!.id, p!]));
  return rows.map((r) => {
    const p = r.proposal_id ? proposals.get(r.proposal_id) : undefined;
    return { version: r.version, text: r.text, adoptedAt: iso(r.adopted_at), proposal: p ? { id: p.id, number: p.number, title: p.title } : null };
  });
}
