import type { Ctx } from '../../context';
import { DEFAULT_COOP_NAME, getSettings, updateCoop, updateSite } from './settings.service';

const DEMO_NAME = 'Millbrook Works Co-op';

/**
 * The demo co-op's name and zone. A fresh install's site is in UTC until someone sets it; the demo
 * takes the computer's zone (a co-op's desk is where the co-op is), or London when the computer is on UTC too.
 */
export async function seedSettings(ctx: Ctx): Promise<void> {
  const { coop, site } = await getSettings(ctx);
  if (site.timeZone === 'UTC') {
    const machine = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const zone = machine && machine !== 'UTC' && machine !== 'Etc/UTC' ? machine : 'Europe/London';
    await updateSite(ctx, { ...site, timeZone: zone }); // the co-op's zone follows the site's
  }
  if (coop.name === DEFAULT_COOP_NAME) await updateCoop(ctx, { ...(await getSettings(ctx)).coop, name: DEMO_NAME });
}
