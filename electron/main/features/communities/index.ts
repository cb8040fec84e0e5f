import { communitiesContract } from '@shared/contract/communities.contract';
import { labelsOf } from '../../db/tables';
import { defineFeature } from '../../feature';
import { handlers } from './communities.handlers';
import { seedCommunities } from './communities.seed';

/** Communities of practice: a topic, facilitators, members who join and leave, sessions (events) and a library. */
export const communitiesFeature = defineFeature({
  name: 'communities',
  contract: communitiesContract,
  handlers,
  tables: ['communities', 'community_members', 'community_resources'],
  seed: seedCommunities,
  records: async (ctx, ids) => (await labelsOf(ctx.db, 'communities', 'name', ids)).map((r) => ({ ...r, href: `/communities/${r.id}` })),
});

export { recoverRemovedFiles } from './library.service';
