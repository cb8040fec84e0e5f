import { defineFeature } from '../../feature';

/** Sites: where the co-op's premises are, their zone, opening hours, closures and default booking rules. A kernel other features read. */
export const sitesFeature = defineFeature({ kernel: true, name: 'sites', tables: ['sites', 'site_hours', 'site_closures'] });

export {
  type LoadedSite,
  addClosure,
  addSite,
  defaultSiteId,
  ensureSite,
  homeSiteId,
  listSites,
  loadSite,
  removeClosure,
  requireSite,
  updateRules,
  updateSite,
} from './sites.service';
