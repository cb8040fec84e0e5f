import type { supportContract } from '@shared/contract/support.contract';
import type { FeatureHandlers } from '../../feature';
import * as commitments from './commitments.service';
import * as help from './help.service';
import * as mentoring from './mentoring.service';

export const handlers: FeatureHandlers<typeof supportContract> = {
  'support.board': (_input, ctx, actor) => help.board(ctx, actor),
  'support.ask': (input, ctx, actor) => help.ask(ctx, actor, input),
  'support.claim': (input, ctx, actor) => help.claim(ctx, actor, input),
  'support.resolve': (input, ctx, actor) => help.resolve(ctx, actor, input),
  'support.summary': (input, ctx) => help.summary(ctx, input.memberId),
  'support.mentoring': (_input, ctx, actor) => mentoring.mentoring(ctx, actor),
  'support.offerMentoring': (input, ctx, actor) => mentoring.offerMentoring(ctx, actor, input),
  'support.askMentor': (input, ctx, actor) => mentoring.askMentor(ctx, actor, input),
  'support.proposePair': (input, ctx, actor) => mentoring.proposePair(ctx, actor, input),
  'support.answerPair': (input, ctx, actor) => mentoring.answerPair(ctx, actor, input),
  'support.endPair': (input, ctx, actor) => mentoring.endPair(ctx, actor, input),
  'support.meetings': (input, ctx, actor) => mentoring.meetings(ctx, actor, input.pairId),
  'support.logMeeting': (input, ctx, actor) => mentoring.logMeeting(ctx, actor, input),
  'support.commitments': (_input, ctx, actor) => commitments.commitments(ctx, actor),
  'support.commit': (input, ctx, actor) => commitments.make(ctx, actor, input),
  'support.checkIn': (input, ctx, actor) => commitments.checkIn(ctx, actor, input),
  'support.settings': (_input, ctx) => help.settings(ctx),
  'support.saveSettings': (input, ctx) => help.saveSettings(ctx, input),
};
