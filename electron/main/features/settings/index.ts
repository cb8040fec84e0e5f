import { settingsContract } from '@shared/contract/settings.contract';
import { defineFeature } from '../../feature';
import { handlers } from './settings.handlers';
import { seedSettings } from './settings.seed';
import { ensureDefaults } from './settings.service';

/** The co-op's own settings (name, currency, zone, ownership months); the site's are edited here too, through the sites kernel. */
export const settingsFeature = defineFeature({
  kernel: true,
  name: 'settings',
  contract: settingsContract,
  handlers,
  tables: ['coop'],
  // a new install gets a co-op and a site to start from
  onStart: (ctx) => ensureDefaults({ ...ctx, emit: () => undefined }),
  seed: seedSettings,
});

export { DEFAULT_COOP_NAME, ensureDefaults, getSettings, ownershipClock, readCoop, updateCoop, updateSite } from './settings.service';
