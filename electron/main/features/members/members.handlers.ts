import type { membersContract } from '@shared/contract/members.contract';
import type { FeatureHandlers } from '../../feature';
import * as service from './members.service';

export const handlers: FeatureHandlers<typeof membersContract> = {
  'members.list': async (input, ctx, actor) => {
    const page = await service.list(ctx, input, actor);
    return { ...page, rows: page.rows.map((m) => service.asSeenBy(actor, m)) };
  },
  'members.get': (input, ctx, actor) => service.get(ctx, input.id, actor),
  'members.create': (input, ctx) => service.create(ctx, input),
  'members.update': ({ id, ...fields }, ctx) => service.update(ctx, id, fields),
  'members.archive': (input, ctx) => service.setArchived(ctx, input.id, true),
  'members.restore': (input, ctx) => service.setArchived(ctx, input.id, false),
  'members.tag': (input, ctx) => service.changeTag(ctx, input),
  'members.updateProfile': (input, ctx, actor) => service.updateProfile(ctx, actor, input),
  'members.tags': (_input, ctx) => service.tagCounts(ctx),
  'members.importCsv': (input, ctx) => service.importCsv(ctx, input.csv, input.dryRun),
  'members.exportCsv': (input, ctx) => service.exportCsv(ctx, input.includeArchived),
};
