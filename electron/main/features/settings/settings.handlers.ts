import type { Handlers } from '../../handlers';
import * as service from './settings.service';

export const settingsHandlers: Handlers<
  'settings.get' | 'settings.updateCoop' | 'settings.updateSite' | 'settings.updateBookingRules' | 'settings.addClosure' | 'settings.removeClosure'
> = {
  'settings.get': (_input, ctx) => service.getSettings(ctx),
  'settings.updateCoop': (input, ctx) => service.updateCoop(ctx, input),
  'settings.updateSite': (input, ctx) => service.updateSite(ctx, input),
  'settings.updateBookingRules': (input, ctx) => service.updateBookingRules(ctx, input.siteId, input.rules),
  'settings.addClosure': (input, ctx) => service.addClosure(ctx, input.siteId, input.date, input.reason),
  'settings.removeClosure': (input, ctx) => service.removeClosure(ctx, input.siteId, input.date),
};
