import type { governanceContract } from '@shared/contract/governance.contract';
import type { FeatureHandlers } from '../../feature';
import * as detail from './detail.service';
import * as proposals from './proposals.service';
import * as proxies from './proxies.service';
import * as results from './results.service';
import * as settings from './settings.service';
import * as voting from './voting.service';

export const handlers: FeatureHandlers<typeof governanceContract> = {
  'governance.list': (_input, ctx, actor) => detail.list(ctx, actor),
  'governance.get': (input, ctx, actor) => detail.get(ctx, actor, input.id),
  'governance.voters': (input, ctx, actor) => detail.voters(ctx, actor, input),
  'governance.create': (input, ctx, actor) => proposals.create(ctx, actor, input),
  'governance.update': (input, ctx, actor) => proposals.update(ctx, actor, input),
  'governance.comment': (input, ctx, actor) => proposals.comment(ctx, actor, input),
  'governance.answerAmendment': (input, ctx, actor) => proposals.answerAmendment(ctx, actor, input),
  'governance.withdraw': (input, ctx, actor) => proposals.withdraw(ctx, actor, input.id),
  'governance.refer': (input, ctx, actor) => proposals.refer(ctx, actor, input),
  'governance.openVoting': (input, ctx, actor) => voting.openVoting(ctx, actor, input.id),
  'governance.vote': (input, ctx, actor) => voting.vote(ctx, actor, input),
  'governance.checkReceipt': (input, ctx) => voting.checkReceipt(ctx, input),
  'governance.proxies': (_input, ctx, actor) => proxies.proxies(ctx, actor),
  'governance.appointProxy': (input, ctx, actor) => proxies.appoint(ctx, actor, input),
  'governance.revokeProxy': (input, ctx, actor) => proxies.revoke(ctx, actor, input.id),
  'governance.register': (_input, ctx) => results.register(ctx),
  'governance.rules': (_input, ctx) => results.rules(ctx),
  'governance.settings': (_input, ctx) => settings.governanceSettings(ctx.db),
  'governance.saveSettings': (input, ctx) => settings.saveSettings(ctx, input),
};
