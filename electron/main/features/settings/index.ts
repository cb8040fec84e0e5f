import { settingsContract } from '@shared/contract/settings.contract';
import { defineFeature } from '../../feature';
import { handlers } from './settings.handlers';

/** The co-op's own settings (name, currency, zone, ownership months); the site's are edited here too, through the sites kernel. */
export const settingsFeature = defineFeature({ name: 'settings', contract: settingsContract, handlers, tables: ['coop'] });

export { DEFAULT_COOP_NAME, ensureDefaults, getSettings, ownershipClock, readCoop, updateCoop, updateSite } from './settings.service';
