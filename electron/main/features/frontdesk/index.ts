import { frontdeskContract } from '@shared/contract/frontdesk.contract';
import { defineFeature } from '../../feature';
import { handlers } from './frontdesk.handlers';
import { seedArrivals } from './frontdesk.seed';

/** Today at the desk: check-in and out, visitors and their hosts, day passes from a price list that hold a desk seat. */
export const frontdeskFeature = defineFeature({
  name: 'frontdesk',
  contract: frontdeskContract,
  handlers,
  tables: ['visitors', 'day_pass_prices', 'day_passes'],
  seed: seedArrivals,
});
export { checkIn } from './frontdesk.service';
export { memberPassesBetween } from './passes.service';
