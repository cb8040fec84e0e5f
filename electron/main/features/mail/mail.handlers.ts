import type { mailContract } from '@shared/contract/mail.contract';
import type { FeatureHandlers } from '../../feature';
import * as service from './mail.service';

export const handlers: FeatureHandlers<typeof mailContract> = {
  'mail.settings': (_input, ctx) => service.settings(ctx),
  'mail.save': (input, ctx) => service.save(ctx, input),
  'mail.clear': (_input, ctx) => service.clear(ctx),
  'mail.test': (input, ctx) => service.test(ctx, input.to),
};
