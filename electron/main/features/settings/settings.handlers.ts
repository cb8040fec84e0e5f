import type { settingsContract } from '@shared/contract/settings.contract';
import type { FeatureHandlers } from '../../feature';
import * as service from './settings.service';

export const handlers: FeatureHandlers<typeof settingsContract> = {
  'settings.get': (_input, ctx) => service.getSettings(ctx),
  'settings.setUp': (input, ctx) => service.setUp(ctx, input),
  'settings.updateCoop': (input, ctx) => service.updateCoop(ctx, input),
  'settings.updateSite': (input, ctx) => service.updateSite(ctx, input),
  'settings.updateBookingRules': (input, ctx) => service.updateBookingRules(ctx, input.siteId, input.rules),
  'settings.addClosure': (input, ctx) => service.addClosure(ctx, input.siteId, input.date, input.reason),
  'settings.removeClosure': (input, ctx) => service.removeClosure(ctx, input.siteId, input.date),
  'settings.addSite': (input, ctx) => service.addSite(ctx, input),
  'settings.switchSite': (input, ctx, _actor, session) => service.switchSite(ctx, session, input.siteId),
};
