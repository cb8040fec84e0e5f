import { networkContract } from '@shared/contract/network.contract';
import { defineFeature } from '../../feature';
import { handlers } from './network.handlers';
import { seedNetwork } from './network.seed';

/** The business network: offers and needs matched, introductions, the referral ledger, trade and hours between members. */
export const networkFeature = defineFeature({
  name: 'network',
  contract: networkContract,
  handlers,
  tables: ['tag_aliases', 'introductions', 'referrals', 'referral_moves', 'trades', 'exchanges', 'network_settings'],
  seed: seedNetwork,
});

export { offerersOf, tagReader } from './matches.service';
