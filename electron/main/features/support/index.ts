import { supportContract } from '@shared/contract/support.contract';
import { defineFeature } from '../../feature';
import { remindAndNudge } from './commitments.service';
import { raiseUnanswered } from './help.service';
import { handlers } from './support.handlers';
import { seedSupport } from './support.seed';

/** Mutual support: help from who is in today, mentoring, and commitments kept before partners. */
export const supportFeature = defineFeature({
  name: 'support',
  contract: supportContract,
  handlers,
  tables: [
    'help_requests',
    'help_request_skills',
    'mentor_offers',
    'mentor_requests',
    'mentoring_skills',
    'mentor_pairs',
    'mentor_meetings',
    'commitments',
    'commitment_partners',
    'commitment_checkins',
    'support_settings',
  ],
  seed: seedSupport,
  jobs: [
    { name: 'support.raise', audit: 'raised help requests nobody answered', everyMs: 60_000, run: async (ctx) => ({ changed: await raiseUnanswered(ctx) }) },
    {
      name: 'support.nudge',
      audit: 'reminded of commitments due and nudged partners of missed ones',
      everyMs: 15 * 60_000,
      run: async (ctx) => ({ changed: await remindAndNudge(ctx) }),
    },
  ],
});
