import type { systemContract } from '@shared/contract/system.contract';
import type { FeatureHandlers } from '../../feature';
import * as service from './system.service';

export const handlers: FeatureHandlers<typeof systemContract> = {
  'system.status': (_input, ctx, actor) => service.status(ctx, actor),
  'system.loadDemo': (_input, ctx) => service.loadDemo(ctx),
};
