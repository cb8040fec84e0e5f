import type { Kysely } from 'kysely';
import type { Bid } from '@shared/contract/bids.contract';
import { type BidStage, DECIDED_STAGES, FULL_SHARE, moveProblem, WON_STAGES } from '@shared/domain/bids';
import { newId } from '@shared/domain/ids';
import { type Actor, type Ctx, withDb } from '../../context';
import type { DB } from '../../db/schema';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { requireSelf } from '../../permissions';
import { currentMember } from '../members';
import { notify } from '../notifications';
import * as repo from './bids.repository';

import { type Fields, basisPoints, change, coopClock, loadBid, mayEdit, maySee, onTeam, record, requireTeamOpen, teamState } from './bids.policy';

function deadlineMs(input: Fields, now: number, previous: number | null): number | null {
  const ms = input.deadline === null ? null : Date.parse(input.deadline);
  if (ms !== null && ms !== previous && ms <= now)
    throw new AppError('RULE', 'The bid deadline has already passed.', { deadline: 'This deadline has passed' }, 'deadline-past');
  return ms;
}

/** The columns a person edits, from the form's fields (create and update share them). */
const editableColumns = (input: Fields, currency: string, deadline: number | null) => ({
  title: input.title,
  client: input.client,
  description: input.description,
  estimated_value_minor: input.estimatedValue,
  currency: input.currency ?? currency,
  deadline_at: deadline,
  delivery_start: input.deliveryStart,
  delivery_end: input.deliveryEnd,
  source: input.source,
  source_member_id: input.sourceMemberId,
  source_note: input.sourceNote,
  visibility: input.visibility,
});

async function checkSourceMember(db: Kysely<DB>, input: Fields) {
  if (input.sourceMemberId !== null) await currentMember(db, input.sourceMemberId, 'sourceMemberId');
}

export async function create(ctx: Ctx, actor: Actor, input: Fields): Promise<Bid> {
  return commit(ctx, 'bids.changed', async (trx) => {
    const clock = await coopClock(ctx, trx);
    const deadline = deadlineMs(input, clock.now, null);
    await checkSourceMember(trx, input);
    if (actor.memberId) await currentMember(trx, actor.memberId);
    const id = newId();
    await repo.insertBid(trx, {
      id,
      ...editableColumns(input, clock.currency, deadline),
      final_value_minor: null,
      stage: 'idea',
      // A member who brings a bid leads it and is its first team member, with the whole share until others join.
      lead_member_id: actor.memberId,
      lessons: '',
      created_by_member_id: actor.memberId,
      created_at: clock.now,
      updated_at: clock.now,
    });
    await repo.replaceSkills(trx, id, input.skills);
    if (actor.memberId) {
      await repo.upsertTeamMember(trx, {
        bid_id: id,
        member_id: actor.memberId,
        status: 'accepted',
        role: 'Lead',
        work_share: FULL_SHARE,
        revenue_share: FULL_SHARE,
        invited_at: clock.now,
        responded_at: clock.now,
      });
    }
    await record(trx, ctx, actor, id, 'created', 'Opportunity recorded', { to: 'idea' });
    return loadBid(ctx, trx, actor, id);
  });
}

export const update = (ctx: Ctx, actor: Actor, id: string, input: Fields) =>
  change(ctx, actor, id, async (trx, { bid }) => {
    const deadline = deadlineMs(input, ctx.now().getTime(), bid.deadline_at);
    await checkSourceMember(trx, input);
    await repo.updateBid(trx, id, editableColumns(input, bid.currency, deadline));
    await repo.replaceSkills(trx, id, input.skills);
  });

export const move = (ctx: Ctx, actor: Actor, input: { id: string; to: BidStage; note: string; finalValue?: number }) =>
  change(ctx, actor, input.id, async (trx, { bid, team }) => {
    const problem = moveProblem(bid.stage, input.to, teamState(bid, team, await repo.hasGoDecision(trx, bid.id)));
    if (problem) throw new AppError('RULE', problem, { to: problem }, 'stage');
    const finalValue = input.to === 'won' ? (input.finalValue ?? bid.final_value_minor ?? bid.estimated_value_minor) : bid.final_value_minor;
    await repo.updateBid(trx, bid.id, { stage: input.to, final_value_minor: finalValue });
    await record(trx, ctx, actor, bid.id, 'move', input.note, { from: bid.stage, to: input.to });
  });

export const decide = (ctx: Ctx, actor: Actor, input: { id: string; decision: 'go' | 'no-go'; agreedBy: string[]; note: string }) =>
  change(ctx, actor, input.id, async (trx, { bid, team }) => {
    if (bid.stage !== 'idea' && bid.stage !== 'forming') {
      throw new AppError('RULE', 'The go/no-go decision is taken before the bid is prepared.', undefined, 'go-no-go');
    }
    const strangers = input.agreedBy.filter((m) => !onTeam(team, m, ['accepted']));
    if (strangers.length > 0)
      throw new AppError('RULE', 'Only members who accepted a place on the team take the decision.', { agreedBy: 'Not on the team' }, 'go-no-go');
    await record(trx, ctx, actor, bid.id, input.decision, input.note, { agreedBy: [...new Set(input.agreedBy)] });
    if (input.decision === 'no-go') {
      await repo.updateBid(trx, bid.id, { stage: 'withdrawn' });
      await record(trx, ctx, actor, bid.id, 'move', 'The team decided not to bid.', { from: bid.stage, to: 'withdrawn' });
    }
  });

export const invite = (ctx: Ctx, actor: Actor, input: { id: string; memberIds: string[] }) =>
  change(ctx, actor, input.id, async (trx, { bid, team }) => {
    requireTeamOpen(bid);
    const now = ctx.now().getTime();
    const invited: string[] = [];
    const told: string[] = [];
    for (const memberId of new Set(input.memberIds)) {
      const member = await currentMember(trx, memberId, 'memberIds', 'That member does not exist.');
      const existing = team.find((t) => t.member_id === memberId);
      if (existing && existing.status !== 'declined') continue;
      await repo.upsertTeamMember(trx, {
        bid_id: bid.id,
        member_id: memberId,
        status: 'invited',
        role: '',
        work_share: 0,
        revenue_share: 0,
        invited_at: now,
        responded_at: null,
      });
      invited.push(member.name);
      told.push(memberId);
    }
    if (invited.length === 0) throw new AppError('CONFLICT', 'They are already on the team or invited.', { memberIds: 'Already on the team' });
    await record(trx, ctx, actor, bid.id, 'team', `invited ${invited.join(', ')}`);
    await notify(withDb(ctx, trx), told, {
      kind: 'bid-invited',
      title: `You are invited to the joint bid “${bid.title}”`,
      body: `For ${bid.client || 'a client'}. Accept or decline on the bid.`,
      href: `/bids/${bid.id}`,
    });
  });

export async function respond(ctx: Ctx, actor: Actor, input: { id: string; memberId: string; answer: 'accept' | 'decline' }): Promise<Bid> {
  requireSelf(actor, input.memberId, 'You can only answer your own invitation.');
  return change(
    ctx,
    actor,
    input.id,
    async (trx, { bid, team }) => {
      const place = team.find((t) => t.member_id === input.memberId);
      if (!place || place.status !== 'invited') throw new AppError('CONFLICT', 'There is no open invitation to answer.', { memberId: 'Not invited' });
      requireTeamOpen(bid);
      await repo.updatePlace(trx, bid.id, input.memberId, {
        status: input.answer === 'accept' ? 'accepted' : 'declined',
        responded_at: ctx.now().getTime(),
        ...(input.answer === 'decline' ? { work_share: 0, revenue_share: 0 } : {}),
      });
      const answer = input.answer === 'accept' ? 'accepted' : 'declined';
      await record(
        trx,
        ctx,
        actor,
        bid.id,
        'team',
        actor.memberId === input.memberId ? `${answer} the invitation` : `recorded that ${place.name} ${answer} the invitation`,
      );
    },
    'any',
  );
}

export async function offerToJoin(ctx: Ctx, actor: Actor, id: string): Promise<Bid> {
  if (actor.memberId === null) throw new AppError('RULE', 'Only a member can offer to join a bid.', undefined, 'team');
  const memberId = actor.memberId;
  return change(
    ctx,
    actor,
    id,
    async (trx, { bid, team }) => {
      requireTeamOpen(bid);
      const place = team.find((t) => t.member_id === memberId);
      if (place?.status === 'accepted') throw new AppError('CONFLICT', 'You are already on this team.');
      if (place?.status === 'invited') throw new AppError('CONFLICT', 'You are already invited: accept the invitation instead.');
      if (place?.status === 'requested') throw new AppError('CONFLICT', 'Your offer is waiting for the team’s answer.');
      await currentMember(trx, memberId);
      const now = ctx.now().getTime();
      await repo.upsertTeamMember(trx, {
        bid_id: bid.id,
        member_id: memberId,
        status: 'requested',
        role: '',
        work_share: 0,
        revenue_share: 0,
        invited_at: now,
        responded_at: null,
      });
      await record(trx, ctx, actor, bid.id, 'team', 'offered to join the team');
      // The team decides: its lead and everyone on it are told.
      const me = await currentMember(trx, memberId);
      await notify(
        withDb(ctx, trx),
        [...team.filter((t) => t.status === 'accepted').map((t) => t.member_id), ...(bid.lead_member_id ? [bid.lead_member_id] : [])],
        {
          kind: 'bid-offer',
          title: `${me.name} offers to join “${bid.title}”`,
          body: 'The team answers the offer on the bid.',
          href: `/bids/${bid.id}`,
        },
      );
    },
    'see',
  );
}

export const answerOffer = (ctx: Ctx, actor: Actor, input: { id: string; memberId: string; answer: 'accept' | 'decline' }) =>
  change(ctx, actor, input.id, async (trx, { bid, team }) => {
    requireTeamOpen(bid);
    const place = team.find((t) => t.member_id === input.memberId);
    if (place?.status !== 'requested') throw new AppError('CONFLICT', 'There is no offer to join to answer.', { memberId: 'No offer' });
    await repo.updatePlace(trx, bid.id, input.memberId, { status: input.answer === 'accept' ? 'accepted' : 'declined', responded_at: ctx.now().getTime() });
    await record(trx, ctx, actor, bid.id, 'team', `${input.answer === 'accept' ? 'welcomed' : 'declined the offer of'} ${place.name}`);
  });

export const setTeam = (
  ctx: Ctx,
  actor: Actor,
  input: { id: string; leadMemberId: string | null; members: { memberId: string; role: string; workShare: number; revenueShare: number }[] },
) =>
  change(ctx, actor, input.id, async (trx, { bid, team }) => {
    requireTeamOpen(bid);
    const seen = new Set<string>();
    for (const [i, m] of input.members.entries()) {
      const place = team.find((t) => t.member_id === m.memberId);
      if (!place)
        throw new AppError(
          'RULE',
          'Only members on the team get a role and a share; invite them first.',
          { [`members.${i}.memberId`]: 'Not on the team' },
          'team',
        );
      if (seen.has(m.memberId)) throw new AppError('VALIDATION', `${place.name} is listed twice.`, { [`members.${i}.memberId`]: 'Listed twice' });
      seen.add(m.memberId);
      if (place.status === 'declined' && (m.workShare > 0 || m.revenueShare > 0)) {
        throw new AppError('RULE', `${place.name} declined: they cannot hold a share.`, { [`members.${i}.workShare`]: 'Declined' }, 'team');
      }
    }
    if (input.leadMemberId !== null && !onTeam(team, input.leadMemberId, ['accepted'])) {
      throw new AppError('RULE', 'The lead must be a member who accepted a place on the team.', { leadMemberId: 'Not an accepted team member' }, 'team');
    }
    for (const m of input.members) {
      await repo.updatePlace(trx, bid.id, m.memberId, { role: m.role, work_share: basisPoints(m.workShare), revenue_share: basisPoints(m.revenueShare) });
    }
    await repo.updateBid(trx, bid.id, { lead_member_id: input.leadMemberId });
    await record(trx, ctx, actor, bid.id, 'team', 'updated roles and shares');
  });

/** The bid afterwards, or null when the actor left a team-only bid and can no longer see it. */
export async function removeMember(ctx: Ctx, actor: Actor, input: { id: string; memberId: string }): Promise<Bid | null> {
  // A team member may always step down themselves; removing someone else takes the team.
  const self = actor.memberId !== null && actor.memberId === input.memberId;
  return commit(ctx, 'bids.changed', async (trx) => {
    const row = await repo.findBid(trx, input.id);
    if (!row) throw notFound('That bid');
    const team = await repo.teamOf(trx, input.id);
    if (!self && !mayEdit(actor, team)) throw new AppError('FORBIDDEN', 'Only the bid’s team can change it. Ask the lead to invite you.');
    const place = team.find((t) => t.member_id === input.memberId);
    if (!place) throw new AppError('NOT_FOUND', 'They are not on this team.', { memberId: 'Not on the team' });
    requireTeamOpen(row);
    await repo.deletePlace(trx, input.id, input.memberId);
    const now = ctx.now().getTime();
    await repo.updateBid(trx, input.id, { updated_at: now, ...(row.lead_member_id === input.memberId ? { lead_member_id: null } : {}) });
    await record(trx, ctx, actor, input.id, 'team', self ? 'left the team' : `removed ${place.name} from the team`);
    return maySee(actor, row, await repo.teamOf(trx, input.id)) ? loadBid(ctx, trx, actor, input.id) : null;
  });
}

export const addTask = (ctx: Ctx, actor: Actor, input: { id: string; title: string; ownerMemberId: string | null; dueDate: string | null }) =>
  change(ctx, actor, input.id, async (trx, { bid, team }) => {
    if (input.ownerMemberId !== null && !onTeam(team, input.ownerMemberId, ['accepted', 'invited'])) {
      throw new AppError('RULE', 'A task’s owner is someone on the team.', { ownerMemberId: 'Not on the team' }, 'team');
    }
    await repo.insertTask(trx, {
      id: newId(),
      bid_id: bid.id,
      title: input.title,
      owner_member_id: input.ownerMemberId,
      due_date: input.dueDate,
      done_at: null,
      created_at: ctx.now().getTime(),
    });
  });

export async function setTaskDone(ctx: Ctx, actor: Actor, input: { taskId: string; done: boolean }): Promise<Bid> {
  const task = await repo.findTask(ctx.db, input.taskId);
  if (!task) throw notFound('That task');
  return change(ctx, actor, task.bid_id, async (trx) => {
    await repo.setTaskDoneAt(trx, task.id, input.done ? ctx.now().getTime() : null);
  });
}

export async function removeTask(ctx: Ctx, actor: Actor, taskId: string): Promise<Bid> {
  const task = await repo.findTask(ctx.db, taskId);
  if (!task) throw notFound('That task');
  return change(ctx, actor, task.bid_id, async (trx) => {
    await repo.deleteTask(trx, task.id);
    await record(trx, ctx, actor, task.bid_id, 'team', `removed the task “${task.title}”`);
  });
}

export const note = (ctx: Ctx, actor: Actor, input: { id: string; kind: 'note' | 'decision'; text: string }) =>
  change(ctx, actor, input.id, async (trx, { bid }) => {
    await record(trx, ctx, actor, bid.id, input.kind, input.text);
  });

export const outcome = (ctx: Ctx, actor: Actor, input: { id: string; finalValue: number | null; lessons: string }) =>
  change(ctx, actor, input.id, async (trx, { bid }) => {
    if (!DECIDED_STAGES.includes(bid.stage)) {
      throw new AppError('RULE', 'The outcome is recorded once the client has decided (won, lost or withdrawn).', undefined, 'outcome');
    }
    if (input.finalValue !== null && !WON_STAGES.includes(bid.stage)) {
      throw new AppError('RULE', 'Only a won bid has a final value.', { finalValue: 'Only for a won bid' }, 'outcome');
    }
    await repo.updateBid(trx, bid.id, { final_value_minor: input.finalValue, lessons: input.lessons });
    await record(trx, ctx, actor, bid.id, 'outcome', 'recorded the outcome');
  });
