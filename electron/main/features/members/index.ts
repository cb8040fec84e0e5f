import { membersContract } from '@shared/contract/members.contract';
import { defineFeature } from '../../feature';
import { handlers } from './members.handlers';
import { seedMembers } from './members.seed';
import { labelsOf } from '../../db/tables';

export const membersFeature = defineFeature({
  kernel: true,
  records: async (ctx, ids) => (await labelsOf(ctx.db, 'members', 'name', ids)).map((r) => ({ ...r, href: `/members/${r.id}` })),
  name: 'members',
  contract: membersContract,
  handlers,
  tables: ['members', 'member_tags'],
  seed: seedMembers,
});

export {
  addNeeds,
  count,
  createMany,
  currentMember,
  guardianIds,
  listedAmong,
  memberById,
  memberRefs,
  memberTags,
  ownersAmong,
  renameTag,
  setGuardians,
} from './members.service';
