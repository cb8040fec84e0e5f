import type { Ctx } from './context';
import type { Job } from './feature';
import { KERNELS } from './features';

/**
 * Runs one job now, as the app itself (`system`): what it changed goes in the audit log;
 * a run that changed nothing writes nothing.
 */
export async function runJob(ctx: Ctx, job: Job): Promise<number> {
  // The site is read again on each run: an import may have replaced it. Each desk's jobs run at its own site.
  Object.assign(ctx, { siteId: await KERNELS.homeSiteId(ctx.db, ctx.homeSite).catch(() => KERNELS.homeSiteId(ctx.db)) });
  const { changed, details } = await job.run(ctx);
  if (!job.quiet) await KERNELS.recordJob(ctx, job.name, changed, details);
  return changed;
}

/** Schedules the features' jobs; a failing run is logged and the next one tries again. `stop` waits for runs under way. */
export function startJobs(ctx: Ctx, jobs: readonly Job[], log = (error: unknown) => console.error('Coopdesk:', error)) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  for (const job of jobs) {
    const tick = () => {
      const run = runJob(ctx, job).then(
        () => undefined,
        (error: unknown) => log(new Error(`${job.name} failed`, { cause: error })),
      );
      running.add(run);
      void run.finally(() => running.delete(run));
    };
    const every = setInterval(tick, job.everyMs);
    every.unref();
    timers.push(every);
    if (job.firstAfterMs !== undefined) {
      const first = setTimeout(tick, job.firstAfterMs);
      first.unref();
      timers.push(first);
    }
  }
  return {
    async stop() {
      timers.forEach((t) => clearTimeout(t));
      await Promise.all(running);
    },
  };
}
