import type { networkContract } from '@shared/contract/network.contract';
import type { FeatureHandlers } from '../../feature';
import * as balances from './balances.service';
import * as introductions from './introductions.service';
import * as ledger from './ledger.service';
import * as matches from './matches.service';
import * as referrals from './referrals.service';
import * as tags from './tags.service';

export const handlers: FeatureHandlers<typeof networkContract> = {
  'network.matches': (input, ctx, actor) => matches.matches(ctx, actor, input.memberId),
  'network.marketplace': (input, ctx, actor) => matches.marketplace(ctx, actor, input),
  'network.gaps': (_input, ctx) => matches.gaps(ctx),
  'network.aliases': (_input, ctx) => tags.aliases(ctx),
  'network.mergeTag': (input, ctx) => tags.mergeTag(ctx, input),
  'network.removeAlias': (input, ctx) => tags.removeAlias(ctx, input.alias),
  'network.introduce': (input, ctx, actor) => introductions.introduce(ctx, actor, input),
  'network.introductions': (input, ctx, actor) => introductions.introductions(ctx, actor, input.memberId),
  'network.introOutcome': (input, ctx, actor) => introductions.introOutcome(ctx, actor, input),
  'network.referrals': (input, ctx, actor) => referrals.referrals(ctx, actor, input),
  'network.passReferral': (input, ctx, actor) => referrals.passReferral(ctx, actor, input),
  'network.moveReferral': (input, ctx, actor) => referrals.moveReferral(ctx, actor, input),
  'network.balances': (input, ctx, actor) => balances.balances(ctx, actor, input),
  'network.trades': (input, ctx, actor) => ledger.trades(ctx, actor, input.memberId),
  'network.recordTrade': (input, ctx, actor) => ledger.recordTrade(ctx, actor, input),
  'network.tradeReport': (input, ctx) => ledger.tradeReport(ctx, input.months),
  'network.exchanges': (input, ctx, actor) => ledger.exchanges(ctx, actor, input.memberId),
  'network.recordExchange': (input, ctx, actor) => ledger.recordExchange(ctx, actor, input),
  'network.answerExchange': (input, ctx, actor) => ledger.answerExchange(ctx, actor, input),
  'network.exportHoursCsv': (_input, ctx) => balances.exportHoursCsv(ctx),
  'network.settings': (_input, ctx) => balances.settings(ctx),
  'network.saveSettings': (input, ctx) => balances.saveSettings(ctx, input),
};
