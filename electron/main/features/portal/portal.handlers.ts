import type { portalContract } from '@shared/contract/portal.contract';
import type { FeatureHandlers } from '../../feature';
import * as calendar from './calendar.service';
import * as here from './here.service';
import * as service from './portal.service';

export const handlers: FeatureHandlers<typeof portalContract> = {
  'portal.settings': (_input, ctx) => service.settings(ctx),
  'portal.save': (input, ctx) => service.save(ctx, input),
  'portal.useCertificate': (input, ctx) => service.useCertificate(ctx, input),
  'portal.makeCertificate': (_input, ctx) => service.remakeCertificate(ctx),
  'portal.checkInCodes': (_input, ctx) => here.codes(ctx),
  'portal.calendarLink': (_input, ctx, actor) => calendar.link(ctx, actor),
  'portal.newCalendarLink': (_input, ctx, actor) => calendar.newLink(ctx, actor),
  'portal.revokeCalendarLink': (_input, ctx, actor) => calendar.revoke(ctx, actor),
  'portal.checkInHere': (input, ctx, actor) => here.checkInHere(ctx, actor, input.bookableId),
};
