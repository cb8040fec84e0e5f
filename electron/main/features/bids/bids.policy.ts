import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Bid, BidActivity, BidSummary, bidFields, bidListQuery } from '@shared/contract/bids.contract';
import { type BidStage, nextStages, OPEN_STAGES, STAGE_LABELS, submissionProblems, TEAM_SETTLED_STAGES, type TeamState } from '@shared/domain/bids';
import { todayIn } from '@shared/domain/dates';
import { newId } from '@shared/domain/ids';
import { zonedParts } from '@shared/domain/zoned';
import { type Actor, type Ctx, isStaff } from '../../context';
import type { DB } from '../../db/schema';
import type { BidActivityKind } from './bids.tables';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { readCoop } from '../settings';
import * as repo from './bids.repository';

export type Fields = z.output<typeof bidFields>;
export type ListQuery = z.output<typeof bidListQuery>;

export const DAY_MS = 86_400_000;
/** Deadlines this close (and overdue tasks) are highlighted and raise the daily reminder. */
export const ATTENTION_DAYS = 7;

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
export const percentOf = (bp: number) => bp / 100;
export const basisPoints = (percent: number) => Math.round(percent * 100);

export async function coopClock(ctx: Ctx, db: Kysely<DB>) {
  const coop = await readCoop(db);
  return { zone: coop.timeZone, currency: coop.currency, now: ctx.now().getTime(), today: todayIn(coop.timeZone, ctx.now()) };
}
export type Clock = Awaited<ReturnType<typeof coopClock>>;

// ---------------------------------------------------------------------------------------------
// Who may see and change a bid

/** What the rules need of a team place; full team rows and the board's lean ones both have it. */
export interface Place {
  member_id: string;
  status: string;
  name: string;
}

export const onTeam = (team: readonly Place[], memberId: string | null, statuses: readonly string[]) =>
  memberId !== null && team.some((t) => t.member_id === memberId && statuses.includes(t.status));

export function maySee(actor: Actor, bid: repo.SummaryRow, team: readonly Place[]): boolean {
  if (isStaff(actor) || bid.visibility === 'open') return true;
  // Whoever was invited keeps seeing it, also after declining (what they were shown stays theirs to look back at).
  return (
    actor.memberId !== null &&
    (bid.created_by_member_id === actor.memberId || bid.lead_member_id === actor.memberId || onTeam(team, actor.memberId, ['invited', 'accepted', 'declined']))
  );
}

export const hidden = () => new AppError('FORBIDDEN', 'This bid is visible to its team only.');

/** The team (members who accepted) and the manager change a bid; everyone else only reads it. */
export const mayEdit = (actor: Actor, team: readonly Place[]) => isStaff(actor) || onTeam(team, actor.memberId, ['accepted']);

/**
 * Who may make a change: the team ('edit', most changes), anyone who can see the bid ('see',
 * offering to join), or anyone, the change checking for itself ('any', answering an invitation).
 */
export type Access = 'edit' | 'see' | 'any';

export async function loadForChange(db: Kysely<DB>, actor: Actor, id: string, access: Access) {
  const bid = await repo.findBid(db, id);
  if (!bid) throw notFound('That bid');
  const team = await repo.teamOf(db, id);
  if (access !== 'any' && !maySee(actor, bid, team)) throw hidden();
  if (access === 'edit' && !mayEdit(actor, team)) throw new AppError('FORBIDDEN', 'Only the bid’s team can change it. Ask the lead to invite you.');
  return { bid, team };
}

export function teamState(bid: repo.BidRow, team: readonly repo.TeamRow[], goDecided: boolean): TeamState {
  return {
    leadName: team.find((t) => t.member_id === bid.lead_member_id)?.name ?? null,
    goDecided,
    members: team.map((t) => ({ name: t.name, status: t.status, workShare: t.work_share, revenueShare: t.revenue_share })),
  };
}

export function requireTeamOpen(bid: repo.BidRow) {
  if (TEAM_SETTLED_STAGES.includes(bid.stage))
    throw new AppError('RULE', `The team is settled once a bid is ${STAGE_LABELS[bid.stage].toLowerCase()}.`, undefined, 'team-fixed');
}

// ---------------------------------------------------------------------------------------------
// Reading

function deadlineNote(bid: repo.SummaryRow, clock: Clock): string | null {
  if (bid.deadline_at === null || !OPEN_STAGES.includes(bid.stage)) return null;
  const days = Math.ceil((bid.deadline_at - clock.now) / DAY_MS);
  if (bid.deadline_at < clock.now) return 'Deadline passed';
  if (days <= ATTENTION_DAYS) return days <= 1 ? 'Deadline within a day' : `Deadline in ${days} days`;
  return null;
}

function overdueNote(count: number): string | null {
  return count === 0 ? null : count === 1 ? '1 task overdue' : `${count} tasks overdue`;
}

export function summaryOf(actor: Actor, bid: repo.SummaryRow, skills: readonly string[], team: readonly Place[], overdue: number, clock: Clock): BidSummary {
  const local = bid.deadline_at === null ? null : zonedParts(bid.deadline_at, clock.zone);
  return {
    id: bid.id,
    title: bid.title,
    client: bid.client,
    stage: bid.stage,
    estimatedValue: bid.estimated_value_minor,
    finalValue: bid.final_value_minor,
    currency: bid.currency,
    deadline: iso(bid.deadline_at),
    deadlineLocal: local ? `${local.date} ${local.time}` : null,
    visibility: bid.visibility,
    source: bid.source,
    leadName: team.find((t) => t.member_id === bid.lead_member_id)?.name ?? null,
    team: team.filter((t) => t.status === 'accepted').map((t) => t.name),
    skills: [...skills],
    attention: [deadlineNote(bid, clock), overdueNote(overdue)].filter((x): x is string => x !== null),
    myPlace: (team.find((t) => t.member_id === actor.memberId)?.status as BidSummary['myPlace'] | undefined) ?? null,
  };
}

/** Groups rows by the bid they belong to. */
export function byBid<T>(rows: readonly T[], bidOf: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(bidOf(r));
    if (list) list.push(r);
    else map.set(bidOf(r), [r]);
  }
  return map;
}

function activityOf(row: Awaited<ReturnType<typeof repo.activityOf>>[number], names: ReadonlyMap<string, string>): BidActivity {
  const agreed = (JSON.parse(row.agreed_by) as string[]).map((id) => names.get(id) ?? 'a former member');
  return {
    id: row.id,
    kind: row.kind,
    at: new Date(row.at).toISOString(),
    who: row.actor_name ?? (row.actor_role === 'manager' ? 'Front desk' : 'Someone'),
    text: row.text,
    fromStage: row.from_stage as BidStage | null,
    toStage: row.to_stage as BidStage | null,
    agreedBy: agreed,
  };
}

export async function loadBid(ctx: Ctx, db: Kysely<DB>, actor: Actor, id: string): Promise<Bid> {
  const bid = await repo.findBid(db, id);
  if (!bid) throw notFound('That bid');
  const [skills, team, tasks, activity, documents, goDecided, clock] = await Promise.all([
    repo.skillsOf(db, id),
    repo.teamOf(db, id),
    repo.tasksOf(db, id),
    repo.activityOf(db, id),
    repo.documentsOf(db, id),
    repo.hasGoDecision(db, id),
    coopClock(ctx, db),
  ]);
  if (!maySee(actor, bid, team)) throw hidden();
  const source = bid.source_member_id ? await repo.memberName(db, bid.source_member_id) : null;
  const isOverdue = (t: (typeof tasks)[number]) => t.done_at === null && t.due_date !== null && t.due_date < clock.today;
  const overdue = tasks.filter(isOverdue).length;
  const names = new Map(team.map((t) => [t.member_id, t.name]));
  const state = teamState(bid, team, goDecided);
  return {
    ...summaryOf(
      actor,
      bid,
      skills.map((s) => s.tag),
      team,
      overdue,
      clock,
    ),
    description: bid.description,
    deliveryStart: bid.delivery_start,
    deliveryEnd: bid.delivery_end,
    sourceMemberId: bid.source_member_id,
    sourceMemberName: source,
    sourceNote: bid.source_note,
    leadMemberId: bid.lead_member_id,
    lessons: bid.lessons,
    neededSkills: skills.map((s) => ({ tag: s.tag, days: s.days })),
    members: team.map((t) => ({
      memberId: t.member_id,
      name: t.name,
      number: t.number,
      status: t.status,
      role: t.role,
      workShare: percentOf(t.work_share),
      revenueShare: percentOf(t.revenue_share),
      isLead: t.member_id === bid.lead_member_id,
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      ownerMemberId: t.owner_member_id,
      ownerName: t.owner_name,
      dueDate: t.due_date,
      done: t.done_at !== null,
      overdue: isOverdue(t),
    })),
    activity: activity.map((a) => activityOf(a, names)),
    documents: documents.map((d) => ({ id: d.id, name: d.name, size: d.size, addedAt: new Date(d.added_at).toISOString() })),
    goDecided,
    submissionProblems: submissionProblems(state),
    nextStages: [...nextStages(bid.stage)],
    canEdit: mayEdit(actor, team),
    canRespond: actor.memberId !== null && onTeam(team, actor.memberId, ['invited']),
  };
}

// ---------------------------------------------------------------------------------------------
// Changing

export async function record(
  db: Kysely<DB>,
  ctx: Ctx,
  actor: Actor,
  bidId: string,
  kind: BidActivityKind,
  text: string,
  extra: { from?: BidStage; to?: BidStage; agreedBy?: string[] } = {},
) {
  await repo.insertActivity(db, {
    id: newId(),
    bid_id: bidId,
    kind,
    from_stage: extra.from ?? null,
    to_stage: extra.to ?? null,
    text,
    agreed_by: JSON.stringify(extra.agreedBy ?? []),
    actor_role: actor.role,
    actor_member_id: actor.memberId,
    at: ctx.now().getTime(),
  });
}

/** Runs a change in one write transaction, touches the bid, tells open screens, returns the bid as the actor sees it. */
export async function change(
  ctx: Ctx,
  actor: Actor,
  id: string,
  work: (trx: Kysely<DB>, loaded: Awaited<ReturnType<typeof loadForChange>>) => Promise<void>,
  access: Access = 'edit',
): Promise<Bid> {
  return commit(ctx, 'bids.changed', async (trx) => {
    const loaded = await loadForChange(trx, actor, id, access);
    await work(trx, loaded);
    await repo.updateBid(trx, id, { updated_at: ctx.now().getTime() });
    return loadBid(ctx, trx, actor, id);
  });
}
