import type { Ctx } from '../../context';
import { DEFAULT_COOP_NAME, getSettings, updateCoop, updateSite } from './settings.service';

const DEMO_NAME = 'Millbrook Works Co-op';

/**
 * The demo co-op's name, its first site's name and address, and its zone. A fresh install's site
 * is in UTC until someone sets it; the demo takes the computer's zone (a co-op's desk is where the
 * co-op is), or London when the computer is on UTC too.
 */
export async function seedSettings(ctx: Ctx): Promise<void> {
  const { coop, site } = await getSettings(ctx);
  const zone = site.timeZone === 'UTC' ? machineZone() : site.timeZone;
  const named = site.name === 'Main site' ? { name: 'The Mill', address: '14 Mill Lane' } : {};
  // the co-op's zone follows the site's
  if (zone !== site.timeZone || 'name' in named) await updateSite(ctx, { ...site, ...named, timeZone: zone });
  if (coop.name === DEFAULT_COOP_NAME) await updateCoop(ctx, { ...(await getSettings(ctx)).coop, name: DEMO_NAME });
}

function machineZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && zone !== 'UTC' && zone !== 'Etc/UTC' ? zone : 'Europe/London';
}
