import type { authContract } from '@shared/contract/auth.contract';
import type { FeatureHandlers } from '../../feature';
import * as accounts from './accounts.service';
import * as kiosk from './auth.service';
import * as sessions from './sessions.service';

export const handlers: FeatureHandlers<typeof authContract> = {
  'auth.status': (_input, ctx, _actor, session) => sessions.status(ctx, session),
  'auth.setUp': (input, ctx, _actor, session) => accounts.setUp(ctx, session, input),
  'auth.signIn': (input, ctx, _actor, session) => sessions.signIn(ctx, session, input),
  'auth.redeemCode': (input, ctx, _actor, session) => accounts.redeemCode(ctx, session, input),
  'auth.requestReset': (input, ctx) => accounts.requestReset(ctx, input.email),
  'auth.changePassword': (input, ctx, _actor, session) => accounts.changePassword(ctx, session, input),
  'auth.updateMe': (input, ctx, _actor, session) => accounts.updateMe(ctx, session, input),
  'auth.signOutEverywhere': (_input, ctx, _actor, session) => sessions.signOutEverywhere(ctx, session),
  'auth.enterKiosk': (_input, ctx, _actor, session) => sessions.enterKiosk(ctx, session),
  'auth.identify': (input, ctx, _actor, session) => kiosk.identify(ctx, session, input),
  'auth.signOut': (_input, ctx, _actor, session) => sessions.signOut(ctx, session),
  'auth.setPin': (input, ctx) => kiosk.setPin(ctx, input.memberId, input.pin),
  'auth.setMyPin': (input, ctx, _actor, session) => accounts.setMyPin(ctx, session, input),
  'auth.clearLockout': (input, ctx) => kiosk.clearLockout(ctx, input.scope, input.key),
  'auth.lockouts': (_input, ctx) => kiosk.lockouts(ctx),
  'accounts.list': (_input, ctx) => accounts.list(ctx),
  'accounts.createStaff': (input, ctx) => accounts.createStaff(ctx, input),
  'accounts.update': (input, ctx) => accounts.update(ctx, input),
  'accounts.setDisabled': (input, ctx, actor) => accounts.setDisabled(ctx, actor, input),
  'accounts.issueCode': (input, ctx, actor) => accounts.issueCode(ctx, actor, input),
  'accounts.signOutEverywhere': (input, ctx) => accounts.signOutEverywhere(ctx, input.id),
};
