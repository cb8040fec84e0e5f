import type { z } from 'zod';
import { memberFields } from '@shared/contract/members.contract';
import type { Ctx } from '../../context';
import { generateMembers } from '../../demo/generate';
import { ownershipClock } from '../settings';
import { count, createMany } from './members.service';

const DEMO_SIZE = 36;

/** Three dozen members with businesses, offers and needs, some owners already. */
export async function seedMembers(ctx: Ctx): Promise<void> {
  if ((await count(ctx)) > 0) return;
  const { today } = await ownershipClock(ctx);
  const demo = generateMembers({ count: DEMO_SIZE, today, seed: 7 }).map((m) => memberFields.parse(m));
  await createMany(ctx, demo as z.output<typeof memberFields>[]);
}
