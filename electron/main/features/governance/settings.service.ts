import type { GovernanceSettings } from '@shared/contract/governance.contract';
import type { Kysely } from 'kysely';
import type { Ctx } from '../../context';
import type { DB } from '../../db/schema';
import { immediate } from '../../db/tx';
import * as repo from './governance.repository';

/** The co-op's voting rules; until the manager sets them: half the owners must vote, a simple majority, 2 proxies each, paused members vote, a week to vote. */
export const DEFAULT_SETTINGS: GovernanceSettings = { quorumPct: 50, threshold: 'majority', proxyCap: 2, pausedMayVote: true, votingDays: 7 };

export async function governanceSettings(db: Kysely<DB>): Promise<GovernanceSettings> {
  const row = await repo.readSettings(db);
  if (!row) return DEFAULT_SETTINGS;
  return {
    quorumPct: row.quorum_pct,
    threshold: row.threshold,
    proxyCap: row.proxy_cap,
    pausedMayVote: row.paused_may_vote === 1,
    votingDays: row.voting_days,
  };
}

export async function saveSettings(ctx: Ctx, input: GovernanceSettings): Promise<GovernanceSettings> {
  await immediate(ctx.db, (trx) =>
    repo.putSettings(trx, {
      quorum_pct: input.quorumPct,
      threshold: input.threshold,
      proxy_cap: input.proxyCap,
      paused_may_vote: input.pausedMayVote ? 1 : 0,
      voting_days: input.votingDays,
    }),
  );
  ctx.emit('governance.changed');
  return governanceSettings(ctx.db);
}
