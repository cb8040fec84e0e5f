import type { notificationsContract } from '@shared/contract/notifications.contract';
import type { FeatureHandlers } from '../../feature';
import * as service from './notifications.service';

export const handlers: FeatureHandlers<typeof notificationsContract> = {
  'notifications.inbox': (input, ctx, actor) => service.inbox(ctx, actor, input),
  'notifications.unread': (_input, ctx, actor) => service.unread(ctx, actor),
  'notifications.markRead': (input, ctx, actor) => service.markRead(ctx, actor, input),
  'notifications.prefs': (_input, ctx, actor) => service.prefs(ctx, actor),
  'notifications.setPref': (input, ctx, actor) => service.setPref(ctx, actor, input),
  'notifications.outbox': (_input, ctx) => service.outbox(ctx),
  'notifications.retry': (_input, ctx) => service.retry(ctx),
};
