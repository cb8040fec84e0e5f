import type { Ctx } from './context';
import type { Job } from './feature';
import { recordJob } from './features/audit';
import { defaultSiteId } from './features/sites';

/**
 * Runs one job now, as the app itself (`system`): what it changed goes in the audit log;
 * a run that changed nothing writes nothing.
 */
export async function runJob(ctx: Ctx, job: Job): Promise<number> {
  // The site is read again on each run: an import may have replaced it.
  Object.assign(ctx, { siteId: await defaultSiteId(ctx.db) });
  const { changed, details } = await job.run(ctx);
  await recordJob(ctx, job.name, changed, details);
  return changed;
}

/** Schedules the features' jobs; a failing run is logged and the next one tries again. */
export function startJobs(ctx: Ctx, jobs: readonly Job[], log = (error: unknown) => console.error('Coopdesk:', error)) {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    const tick = () => void runJob(ctx, job).catch((error: unknown) => log(new Error(`${job.name} failed`, { cause: error })));
    const every = setInterval(tick, job.everyMs);
    every.unref();
    timers.push(every);
    if (job.firstAfterMs !== undefined) {
      const first = setTimeout(tick, job.firstAfterMs);
      first.unref();
      timers.push(first);
    }
  }
  return { stop: () => timers.forEach((t) => clearTimeout(t)) };
}
