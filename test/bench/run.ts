import { accountsBench } from './accounts.bench';
import { bidsBench } from './bids.bench';
import { browserBench } from './browser.bench';
import { bookingsBench } from './bookings.bench';
import { durabilityBench } from './durability.bench';
import { hostBench } from './host.bench';
import { membersBench } from './members.bench';
import { portalBench } from './portal.bench';
import { networkBench } from './network.bench';
import { supportBench } from './support.bench';
import { eventsBench } from './events.bench';
import { governanceBench } from './governance.bench';
import { moneyBench } from './money.bench';
import { postgresBench } from './postgres.bench';

/** `npm run bench`: every benchmark, one JSON line per figure. BENCH_SCALE=0.1 for a tenth of the data. */
async function main() {
  const only = process.env.BENCH_ONLY;
  if (!only || only === 'members') await membersBench();
  if (!only || only === 'bookings') await bookingsBench();
  if (!only || only === 'bids') await bidsBench();
  if (!only || only === 'durability') await durabilityBench();
  if (!only || only === 'accounts') await accountsBench();
  if (!only || only === 'host') await hostBench();
  if (!only || only === 'portal') await portalBench();
  if (!only || only === 'network') await networkBench();
  if (!only || only === 'support') await supportBench();
  if (!only || only === 'events') await eventsBench();
  if (!only || only === 'governance') await governanceBench();
  if (!only || only === 'money') await moneyBench();
  if (!only || only === 'postgres') await postgresBench();
  if (!only || only === 'browser') await browserBench();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
