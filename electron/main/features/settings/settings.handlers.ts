import type { Handlers } from '../../handlers';
import * as service from './settings.service';

export const settingsHandlers: Handlers<'settings.get' | 'settings.updateCoop' | 'settings.updateSite'> = {
  'settings.get': (_input, ctx) => service.getSettings(ctx),
  'settings.updateCoop': (input, ctx) => service.updateCoop(ctx, input),
  'settings.updateSite': (input, ctx) => service.updateSite(ctx, input),
};
