import { membersContract } from '@shared/contract/members.contract';
import { defineFeature } from '../../feature';
import { handlers } from './members.handlers';

export const membersFeature = defineFeature({ name: 'members', contract: membersContract, handlers, tables: ['members', 'member_tags'] });

export { count, createMany, currentMember } from './members.service';
export { findById as findMember } from './members.repository';
