import type { authContract } from '@shared/contract/auth.contract';
import type { FeatureHandlers } from '../../feature';
import * as service from './auth.service';

export const handlers: FeatureHandlers<typeof authContract> = {
  'auth.status': (_input, ctx, _actor, session) => service.status(ctx, session),
  'auth.setManagerPassword': (input, ctx, _actor, session) => service.setManagerPassword(ctx, session, input),
  'auth.unlock': (input, ctx, _actor, session) => service.unlock(ctx, session, input.password),
  'auth.enterKiosk': (_input, ctx, _actor, session) => service.enterKiosk(ctx, session),
  'auth.identify': (input, ctx, _actor, session) => service.identify(ctx, session, input),
  'auth.signOut': (_input, ctx, _actor, session) => service.signOut(ctx, session),
  'auth.setPin': (input, ctx) => service.setPin(ctx, input.memberId, input.pin),
  'auth.clearLockout': (input, ctx) => service.clearLockout(ctx, input.scope, input.key),
  'auth.lockouts': (_input, ctx) => service.lockouts(ctx),
};
