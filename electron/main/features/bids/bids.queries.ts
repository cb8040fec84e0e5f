import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { BidAttention, BidOutcomes, BidSummary, MemberOutcome } from '@shared/contract/bids.contract';
import { BID_STAGES, type BidStage, revenuePart, suggestTeam as rankCandidates, type TeamSuggestion, WON_STAGES, winRate } from '@shared/domain/bids';
import { type Actor, type Ctx, withDb } from '../../context';
import { immediate } from '../../db/tx';
import { formatIsoDate } from '@shared/domain/dates';
import { notify } from '../notifications';
import { notFound } from '../../errors';
import * as repo from './bids.repository';

import { type ListQuery, DAY_MS, byBid, coopClock, hidden, loadBid, maySee, onTeam, summaryOf } from './bids.policy';

const CLOSED: readonly BidStage[] = ['lost', 'withdrawn', 'completed'];
/** Closed bids stay on the board this many days after their last change. */
const BOARD_CLOSED_DAYS = 60;

export async function list(ctx: Ctx, actor: Actor, query: ListQuery): Promise<BidSummary[]> {
  const clock = await coopClock(ctx, ctx.db);
  const going = BID_STAGES.filter((s) => !CLOSED.includes(s));
  // Closed bids never need attention: asking for attention looks at bids still going only.
  const stages = query.stage === 'all' ? (query.attention ? going : null) : query.stage === 'active' || query.stage === 'board' ? going : [query.stage];
  // The board shows what is going on, and what closed in the last weeks; the list shows history.
  const recent = query.stage === 'board' ? { stages: CLOSED, since: clock.now - BOARD_CLOSED_DAYS * DAY_MS } : undefined;
  const [board, overdue] = await Promise.all([
    repo.board(ctx.db, { stages, recent, source: query.source === 'all' ? null : query.source }),
    repo.overdueTasks(ctx.db, clock.today),
  ]);
  const skillsBy = byBid(board.skills, (r) => r[0]);
  const teamBy = byBid(
    board.team.map(([bidId, memberId, status, name]) => ({ bid_id: bidId, member_id: memberId, status, name })),
    (r) => r.bid_id,
  );
  const overdueBy = byBid(overdue, (r) => r.bid_id);
  const q = query.q.toLowerCase();
  const rows: BidSummary[] = [];
  for (const b of board.bids) {
    const team = teamBy.get(b.id) ?? [];
    if (!maySee(actor, b, team)) continue;
    if (query.memberId && b.lead_member_id !== query.memberId && !onTeam(team, query.memberId, ['invited', 'accepted'])) continue;
    // most days first; tags are stored normalised, so plain comparison orders them
    const skills = (skillsBy.get(b.id) ?? []).sort((x, y) => y[2] - x[2] || (x[1] < y[1] ? -1 : 1)).map((r) => r[1]);
    const summary = summaryOf(actor, b, skills, team, overdueBy.get(b.id)?.length ?? 0, clock);
    if (q && ![summary.title, summary.client, ...summary.skills, ...summary.team].some((text) => text.toLowerCase().includes(q))) continue;
    if (query.attention && summary.attention.length === 0) continue;
    rows.push(summary);
  }
  return rows;
}

export const get = (ctx: Ctx, actor: Actor, id: string) => loadBid(ctx, ctx.db, actor, id);

// ---------------------------------------------------------------------------------------------
// Suggested team

export async function suggestTeam(ctx: Ctx, actor: Actor, id: string): Promise<TeamSuggestion> {
  const bid = await repo.findBid(ctx.db, id);
  if (!bid) throw notFound('That bid');
  const [skills, team] = await Promise.all([repo.skillsOf(ctx.db, id), repo.teamOf(ctx.db, id)]);
  if (!maySee(actor, bid, team)) throw hidden();
  // Whoever is on the team, invited or offering to join is not suggested again.
  const onIt = new Set(team.filter((t) => t.status !== 'declined').map((t) => t.member_id));
  const offering = await repo.candidatesOffering(
    ctx.db,
    skills.map((s) => s.tag),
  );
  const candidates = new Map<string, { memberId: string; name: string; number: number; offers: string[]; pastPartners: string[] }>();
  for (const r of offering) {
    if (onIt.has(r.id)) continue;
    const c = candidates.get(r.id) ?? { memberId: r.id, name: r.name, number: r.number, offers: [], pastPartners: [] };
    c.offers.push(r.tag);
    candidates.set(r.id, c);
  }
  const partners = new Map(team.filter((t) => t.status === 'accepted').map((p) => [p.member_id, p.name]));
  for (const pair of await repo.pastPartnerships(ctx.db, [...candidates.keys()], [...partners.keys()], id)) {
    candidates.get(pair.candidate)?.pastPartners.push(partners.get(pair.partner) ?? '');
  }
  const teamBrings = offering.filter((r) => onIt.has(r.id)).map((r) => r.tag);
  return rankCandidates(skills, [...candidates.values()], teamBrings);
}

// ---------------------------------------------------------------------------------------------
// Outcomes and attention

export async function outcomes(ctx: Ctx): Promise<BidOutcomes> {
  const { currency } = await coopClock(ctx, ctx.db);
  const { bids, places } = await repo.outcomeRows(ctx.db);
  // A won bid counts at its final value, any other at its estimate; other currencies are not added in.
  const valueOf = (b: (typeof bids)[number]) => (WON_STAGES.includes(b.stage) ? (b.final ?? b.estimated) : b.estimated);
  const ours = bids.filter((b) => b.currency === currency);
  const count = (stages: readonly BidStage[]) => bids.filter((b) => stages.includes(b.stage)).length;
  const won = count(WON_STAGES);
  const lost = count(['lost']);

  const byMember = new Map<string, MemberOutcome>();
  const bidsById = new Map(bids.map((b) => [b.id, b]));
  for (const p of places) {
    const bid = bidsById.get(p.bidId)!;
    const m = byMember.get(p.memberId) ?? { memberId: p.memberId, name: p.name, joined: 0, won: 0, lost: 0, winRate: null, valueWon: 0, revenueEarned: 0 };
    m.joined++;
    if (WON_STAGES.includes(bid.stage)) {
      m.won++;
      if (bid.currency === currency) {
        m.valueWon += valueOf(bid);
        m.revenueEarned += revenuePart(valueOf(bid), p.revenueShare);
      }
    } else if (bid.stage === 'lost') m.lost++;
    byMember.set(p.memberId, m);
  }
  const members = [...byMember.values()]
    .map((m) => ({ ...m, winRate: winRate(m.won, m.lost) }))
    .sort((a, b) => b.revenueEarned - a.revenueEarned || b.joined - a.joined || a.name.localeCompare(b.name));

  return {
    currency,
    coop: {
      bids: bids.length,
      submitted: count(['submitted', 'won', 'lost', 'delivering', 'completed']),
      won,
      lost,
      withdrawn: count(['withdrawn']),
      winRate: winRate(won, lost),
      valueWon: ours.filter((b) => WON_STAGES.includes(b.stage)).reduce((sum, b) => sum + valueOf(b), 0),
    },
    pipeline: BID_STAGES.map((stage) => ({
      stage,
      count: bids.filter((b) => b.stage === stage).length,
      value: ours.filter((b) => b.stage === stage).reduce((sum, b) => sum + valueOf(b), 0),
    })),
    members,
    otherCurrencies: bids.length - ours.length,
  };
}

/** Bids the actor can see that need attention: overdue tasks, deadlines within a week or passed. */
export async function attention(ctx: Ctx, actor: Actor): Promise<BidAttention[]> {
  const rows = await list(ctx, actor, { q: '', stage: 'all', source: 'all', attention: true });
  return rows.map((b) => ({ bidId: b.id, title: b.title, items: b.attention }));
}

/**
 * Once a day, a desktop notification when tasks are overdue or deadlines are near. The day it
 * went out is stored, so restarting the app does not send it twice.
 */
export async function remindDaily(ctx: Ctx): Promise<boolean> {
  const { today } = await coopClock(ctx, ctx.db);
  if ((await repo.lastReminder(ctx.db, 'bids')) === today) return false;
  const due = await attention(ctx, { role: 'manager', memberId: null });
  const tasks = await repo.tasksDueBy(ctx.db, today);
  if (due.length === 0 && tasks.length === 0) return false;
  if (due.length > 0 && ctx.desktop?.notify) {
    const lines = due.slice(0, 4).map((b) => `${b.title}: ${b.items.join(', ')}`);
    if (due.length > 4) lines.push(`and ${due.length - 4} more`);
    ctx.desktop.notify({ title: due.length === 1 ? 'A joint bid needs attention' : `${due.length} joint bids need attention`, body: lines.join('\n') });
  }
  await immediate(ctx.db, async (trx) => {
    // Each owner hears of each task of theirs that is due, once a day.
    for (const t of tasks)
      await notify(withDb(ctx, trx), [t.owner_member_id!], {
        kind: 'task-due',
        title: `${t.due_date === today ? 'Due today' : 'Overdue'}: ${t.title}`,
        body: `A task of the joint bid “${t.bid_title}”, due ${formatIsoDate(t.due_date!)}.`,
        href: `/bids/${t.bid_id}`,
      });
    await repo.markReminder(trx, 'bids', today);
  });
  return true;
}

/** With whom, and on how many bids, a member was accepted (the business network's "worked together"). */
export const sharedBids = (db: Kysely<DB>, memberId: string) => repo.sharedBids(db, memberId);
