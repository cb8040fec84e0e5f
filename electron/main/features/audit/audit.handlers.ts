import type { Handlers } from '../../handlers';
import * as service from './audit.service';

export const auditHandlers: Handlers<'audit.list'> = {
  'audit.list': (input, ctx) => service.list(ctx.db, input),
};
