import type { auditContract } from '@shared/contract/audit.contract';
import type { FeatureHandlers } from '../../feature';
import * as service from './audit.service';

export const handlers: FeatureHandlers<typeof auditContract> = {
  'audit.list': (input, ctx) => service.list(ctx, input),
};
