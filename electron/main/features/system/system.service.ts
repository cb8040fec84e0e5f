import type { SystemStatus } from '@shared/contract/system.contract';
import type { Actor, Ctx } from '../../context';
import { AppError } from '../../errors';
import * as members from '../members';
import { DEFAULT_COOP_NAME, getSettings } from '../settings';

export const APP_VERSION = '0.1.0';

/** What anyone may know of the install; the machine's data folder only the front desk. */
export async function status(ctx: Ctx, actor: Actor): Promise<SystemStatus> {
  const [settings, memberCount] = await Promise.all([getSettings(ctx), members.count(ctx)]);
  return {
    coopName: settings.coop.name,
    memberCount,
    demoOffered: memberCount === 0,
    firstRun: memberCount === 0 && settings.coop.name === DEFAULT_COOP_NAME,
    dataDir: actor.role === 'manager' ? ctx.dataDir : '',
    schemaVersion: ctx.schemaVersion,
    appVersion: APP_VERSION,
    database: {
      engine: ctx.database.engine,
      address: actor.role !== 'manager' ? '' : ctx.database.engine === 'sqlite' ? 'coopdesk.sqlite' : ctx.database.address,
    },
  };
}

/** Fills an empty register with a living demo co-op, each feature's own seed step, so a newcomer sees the app at work. */
export async function loadDemo(ctx: Ctx): Promise<{ created: number }> {
  if ((await members.count(ctx)) > 0) {
    throw new AppError('CONFLICT', 'The demo co-op can only be loaded into an empty register.');
  }
  await ctx.seedDemo(ctx);
  return { created: await members.count(ctx) };
}
