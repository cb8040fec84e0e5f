import type { Handlers } from '../../handlers';
import * as service from './system.service';

export const systemHandlers: Handlers<'system.status' | 'system.loadDemo'> = {
  'system.status': (_input, ctx) => service.status(ctx),
  'system.loadDemo': (_input, ctx) => service.loadDemo(ctx),
};
