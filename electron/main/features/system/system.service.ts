import type { z } from 'zod';
import { memberFields } from '../../../../shared/contract/members.contract';
import type { SystemStatus } from '../../../../shared/contract/system.contract';
import type { Ctx } from '../../context';
import { generateMembers } from '../../demo/generate';
import { AppError } from '../../errors';
import * as members from '../members/members.service';
import { getSettings, ownershipClock, updateCoop } from '../settings/settings.service';

export const APP_VERSION = '0.1.0';
const DEMO_SIZE = 36;
const DEMO_NAME = 'Millbrook Works Co-op';

export async function status(ctx: Ctx): Promise<SystemStatus> {
  const [settings, memberCount] = await Promise.all([getSettings(ctx), members.count(ctx)]);
  return {
    coopName: settings.coop.name,
    memberCount,
    demoOffered: memberCount === 0,
    dataDir: ctx.dataDir,
    schemaVersion: ctx.schemaVersion,
    appVersion: APP_VERSION,
  };
}

/** Fills an empty register with a living demo co-op so a newcomer sees the app at work. */
export async function loadDemo(ctx: Ctx): Promise<{ created: number }> {
  if ((await members.count(ctx)) > 0) {
    throw new AppError('CONFLICT', 'The demo co-op can only be loaded into an empty register.');
  }
  const { today } = await ownershipClock(ctx);
  const demo = generateMembers({ count: DEMO_SIZE, today, seed: 7 }).map((m) => memberFields.parse(m));
  const created = await members.createMany(ctx, demo as z.output<typeof memberFields>[]);
  const { coop } = await getSettings(ctx);
  if (coop.name === 'Our co-op') await updateCoop(ctx, { ...coop, name: DEMO_NAME });
  return { created };
}
