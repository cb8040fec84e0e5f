import type { ProposalDetail, ProposalSummary, Voter } from '@shared/contract/governance.contract';
import type { MemberRef } from '@shared/contract/network.contract';
import { type Actor, type Ctx, isStaff } from '../../context';
import { notFound } from '../../errors';
import { guardianIds, listedAmong, memberRefs } from '../members';
import type { ProposalsTable } from './governance.tables';
import * as repo from './governance.repository';

/** What a viewer sees of proposals: the text and discussion for every member; of the votes, only who voted, and their own ballot. */

const iso = (ms: number) => new Date(ms).toISOString();

function summary(
  ctx: Ctx,
  r: ProposalsTable,
  names: Map<string, MemberRef>,
  turnout: { voted: number; mine: 'no' | 'voted' | null } | undefined,
): ProposalSummary {
  const open = r.state === 'voting' && ctx.now().getTime() < r.closes_at;
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    kind: r.kind,
    state: r.state,
    proposer: r.proposer_id ? (names.get(r.proposer_id) ?? null) : null,
    secret: r.secret === 1,
    quorumPct: r.quorum_pct,
    threshold: r.threshold,
    opensAt: iso(r.opens_at),
    closesAt: iso(r.closes_at),
    eligible: r.eligible,
    voted: turnout?.voted ?? 0,
    outcome: r.outcome,
    mayVote: open && turnout?.mine !== null && turnout?.mine !== undefined,
    iVoted: turnout?.mine === 'voted',
  };
}

export async function list(ctx: Ctx, actor: Actor): Promise<ProposalSummary[]> {
  const rows = await repo.all(ctx.db);
  const [names, turnout] = await Promise.all([
    memberRefs(
      ctx.db,
      rows.flatMap((r) => (r.proposer_id ? [r.proposer_id] : [])),
    ),
    repo.turnout(
      ctx.db,
      rows.filter((r) => r.state !== 'discussion' && r.state !== 'withdrawn').map((r) => r.id),
      actor.memberId,
    ),
  ]);
  return rows.map((r) => summary(ctx, r, names, turnout.get(r.id)));
}

export async function get(ctx: Ctx, actor: Actor, id: string): Promise<ProposalDetail> {
  const db = ctx.db;
  const r = await repo.find(db, id);
  if (!r) throw notFound('The proposal');
  const [options, comments, referrals, turnout, guardians] = await Promise.all([
    repo.options(db, id),
    repo.comments(db, id),
    repo.referrals(db, id),
    repo.turnout(db, [id], actor.memberId),
    guardianIds(db),
  ]);
  const viewer = actor.memberId;
  const voting = r.state === 'voting';
  const held = voting && viewer ? await repo.activeProxies(db, id, { holder: viewer }) : [];
  const grantorRows = await Promise.all(held.map((p) => repo.voter(db, id, p.grantor_id)));
  const grantors = grantorRows.flatMap((v) => (v ? [v] : []));
  const names = await memberRefs(db, [
    ...(r.proposer_id ? [r.proposer_id] : []),
    ...comments.flatMap((c) => (c.member_id ? [c.member_id] : [])),
    ...options.flatMap((o) => (o.member_id ? [o.member_id] : [])),
    ...referrals.map((x) => x.guardian_id),
    ...grantors.map((g) => g.member_id),
  ]);
  const base = summary(ctx, r, names, turnout.get(id));
  return {
    ...base,
    body: r.body,
    rulesText: r.rules_text,
    seats: r.seats,
    maxChoices: r.max_choices,
    electsGuardians: r.elects_guardians === 1,
    options: options.map((o) => ({ id: o.id, label: o.label, member: o.member_id ? (names.get(o.member_id) ?? null) : null })),
    comments: comments.map((c) => ({
      id: c.id,
      author: c.member_id ? (names.get(c.member_id) ?? null) : null,
      body: c.body,
      amendment: c.amendment,
      amendmentState: c.amendment_state,
      at: iso(c.created_at),
    })),
    referrals: referrals.map((x) => ({
      guardian: names.get(x.guardian_id)!,
      reasons: x.reasons,
      at: iso(x.created_at),
      from: x.threshold_from,
      to: x.threshold_to,
    })),
    myChoices: voting && viewer && base.iVoted ? await myChoices(ctx, r, viewer) : null,
    proxyFor: grantors.map((g) => ({
      member: names.get(g.member_id)!,
      voted: g.cast_by === null ? 'no' : g.cast_by === viewer ? 'by me' : 'in person',
    })),
    result: r.result ? (JSON.parse(r.result) as ProposalDetail['result']) : null,
    mayManage: isStaff(actor) || (viewer !== null && r.proposer_id === viewer),
    mayRefer:
      viewer !== null &&
      guardians.includes(viewer) &&
      (r.state === 'discussion' || voting) &&
      (r.kind === 'decision' || r.kind === 'rules') &&
      r.threshold !== 'consensus',
  };
}

/** A voter's own ballot while voting is open: a secret one through its link, which closing the vote deletes. */
async function myChoices(ctx: Ctx, r: ProposalsTable, viewer: string): Promise<string[] | null> {
  if (r.secret === 0) {
    const b = await repo.openBallot(ctx.db, r.id, viewer);
    return b ? (JSON.parse(b.choices) as string[]) : null;
  }
  const link = await repo.secretLink(ctx.db, r.id, viewer);
  const b = link ? await repo.secretBallot(ctx.db, r.id, link.receipt) : undefined;
  return b ? (JSON.parse(b.choices) as string[]) : null;
}

/** A page of the frozen voter list: who voted and whether by proxy; other members see by name only those listed in the directory. */
export async function voters(ctx: Ctx, actor: Actor, input: { proposalId: string; limit: number; offset: number }): Promise<{ total: number; rows: Voter[] }> {
  if (!(await repo.find(ctx.db, input.proposalId))) throw notFound('The proposal');
  const all = await repo.voters(ctx.db, input.proposalId);
  // in the order of names: every voter's name is read, then one page is kept
  const names = await memberRefs(ctx.db, [...all.map((v) => v.member_id), ...all.flatMap((v) => (v.cast_by ? [v.cast_by] : []))]);
  const nameOf = (id: string) => names.get(id)?.name ?? '';
  const page = all.sort((a, b) => nameOf(a.member_id).localeCompare(nameOf(b.member_id))).slice(input.offset, input.offset + input.limit);
  const listed = isStaff(actor)
    ? null
    : await listedAmong(
        ctx.db,
        page.flatMap((v) => [v.member_id, ...(v.cast_by ? [v.cast_by] : [])]),
      );
  const seen = (id: string) => (listed === null || listed.has(id) || id === actor.memberId ? (names.get(id) ?? null) : null);
  const sorted = page.map((v) => ({
    member: seen(v.member_id),
    voted: v.voted_at !== null,
    byProxy: v.cast_by && v.cast_by !== v.member_id ? seen(v.cast_by) : null,
  }));
  return { total: all.length, rows: sorted };
}
