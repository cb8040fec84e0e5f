import { governanceContract } from '@shared/contract/governance.contract';
import { labelsOf } from '../../db/tables';
import { defineFeature } from '../../feature';
import { handlers } from './governance.handlers';
import { seedGovernance } from './governance.seed';
import { tick } from './results.service';

/** Co-op governance: one owner, one vote — proposals, ballots (open or secret), proxies, guardians, the decision register and the rules. */
export const governanceFeature = defineFeature({
  name: 'governance',
  contract: governanceContract,
  handlers,
  tables: [
    'proposals',
    'proposal_options',
    'proposal_comments',
    'proposal_voters',
    'ballots',
    'secret_ballots',
    'secret_links',
    'proxies',
    'proposal_referrals',
    'coop_rules',
    'governance_settings',
  ],
  seed: seedGovernance,
  records: async (ctx, ids) => (await labelsOf(ctx.db, 'proposals', 'title', ids)).map((r) => ({ ...r, href: `/governance/${r.id}` })),
  jobs: [
    {
      name: 'governance.tick',
      audit: 'opened and closed votes that were due, and reminded owners who had not voted',
      everyMs: 60_000,
      run: async (ctx) => ({ changed: await tick(ctx) }),
    },
  ],
});
