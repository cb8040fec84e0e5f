import type { Meeting, MentorOffer, MentorPair, MentorRequest, MentorSuggestion, Mentoring } from '@shared/contract/support.contract';
import type { MemberRef } from '@shared/contract/network.contract';
import { todayIn } from '@shared/domain/dates';
import { newId } from '@shared/domain/ids';
import { MIN_MATCH } from '@shared/domain/network';
import { spareHours } from '@shared/domain/support';
import { type Actor, type Ctx, isStaff, withDb } from '../../context';
import { commit } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { actingMember } from '../../permissions';
import { currentMember, memberRefs } from '../members';
import { tagReader } from '../network';
import { notify } from '../notifications';
import { presentIds } from '../presence';
import { readCoop } from '../settings';
import type { MentorPairsTable } from './support.tables';
import * as repo from './support.repository';

const SUGGESTIONS = 5;

/** Each mentor's hours already promised to proposed and active pairs, and who already has a mentor. */
async function commitments(ctx: Ctx) {
  const hours = new Map<string, number[]>();
  const mentored = new Set<string>();
  for (const p of await repo.livePairs(ctx.db)) {
    (hours.get(p.mentor_id) ?? hours.set(p.mentor_id, []).get(p.mentor_id)!).push(p.hours_per_month);
    mentored.add(p.mentee_id);
  }
  return { hours, mentored };
}

type OfferRow = Awaited<ReturnType<typeof repo.offers>>[number];
type RequestRow = Awaited<ReturnType<typeof repo.requests>>[number];

async function toOffers(ctx: Ctx, rows: OfferRow[], hours: Map<string, number[]>): Promise<MentorOffer[]> {
  const ids = rows.map((r) => r.member_id);
  const [names, skills] = await Promise.all([memberRefs(ctx.db, ids), repo.skillsBySide(ctx.db, 'mentor', ids)]);
  return rows.map((r) => ({
    member: names.get(r.member_id)!,
    skills: skills.get(r.member_id) ?? [],
    hoursPerMonth: r.hours_per_month,
    spareHours: spareHours(r.hours_per_month, hours.get(r.member_id) ?? []),
    note: r.note,
    active: r.active === 1,
  }));
}

async function toRequests(ctx: Ctx, rows: RequestRow[], mentored: Set<string>): Promise<MentorRequest[]> {
  const ids = rows.map((r) => r.member_id);
  const [names, skills] = await Promise.all([memberRefs(ctx.db, ids), repo.skillsBySide(ctx.db, 'mentee', ids)]);
  return rows.map((r) => ({
    member: names.get(r.member_id)!,
    about: r.about,
    skills: skills.get(r.member_id) ?? [],
    active: r.active === 1,
    waitingSince: mentored.has(r.member_id) ? null : new Date(r.created_at).toISOString(),
  }));
}

async function toPairs(ctx: Ctx, rows: MentorPairsTable[], actor: Actor): Promise<MentorPair[]> {
  const names = await memberRefs(
    ctx.db,
    rows.flatMap((r) => [r.mentor_id, r.mentee_id]),
  );
  const totals = await repo.meetingTotals(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const side = actor.memberId === r.mentor_id ? 'mentor' : actor.memberId === r.mentee_id ? 'mentee' : null;
    const agreed = side === 'mentor' ? r.mentor_agreed : r.mentee_agreed;
    return {
      id: r.id,
      mentor: names.get(r.mentor_id)!,
      mentee: names.get(r.mentee_id)!,
      about: r.about,
      hoursPerMonth: r.hours_per_month,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      state: r.state,
      endedOn: r.ended_on,
      meetings: totals.get(r.id)?.n ?? 0,
      lastMet: totals.get(r.id)?.last ?? null,
      mayAgree: r.state === 'proposed' && side !== null && agreed === 0,
      inPair: side !== null,
    };
  });
}

/**
 * Mentors for waiting requests, from skills: each mentee's skills (or, with none, the words of what
 * they asked about) against each mentor's, aliases read; mentors with spare hours only; in today
 * counts in the reason. `only` limits it to one member's side (theirs as mentee or mentor).
 */
async function suggest(ctx: Ctx, offers: MentorOffer[], requests: MentorRequest[], only: string | null): Promise<MentorSuggestion[]> {
  const { close } = await tagReader(ctx.db);
  const inToday = new Set(await presentIds(ctx.db, ctx.siteId));
  const out: MentorSuggestion[] = [];
  const mentors = offers.filter((o) => o.active && o.spareHours > 0);
  // each distinct skill mentored, with its mentors: a wanted skill is compared with these, not with every mentor
  const bySkill = new Map<string, MentorOffer[]>();
  for (const m of mentors) for (const skill of m.skills) (bySkill.get(skill) ?? bySkill.set(skill, []).get(skill)!).push(m);
  const memo = new Map<string, [string, MentorOffer[]][]>();
  const closeTo = (w: string) =>
    memo.get(w) ??
    memo
      .set(
        w,
        [...bySkill].filter(([skill]) => close(w, skill) >= MIN_MATCH),
      )
      .get(w)!;
  for (const r of requests) {
    if (r.waitingSince === null || !r.active) continue;
    const wanted = r.skills.length > 0 ? r.skills : [r.about.toLowerCase()];
    const shared = new Map<MentorOffer, Set<string>>();
    for (const w of wanted)
      for (const [skill, holders] of closeTo(w))
        for (const m of holders) {
          if (m.member.id === r.member.id || (only !== null && only !== r.member.id && only !== m.member.id)) continue;
          (shared.get(m) ?? shared.set(m, new Set()).get(m)!).add(skill);
        }
    const found = [...shared].map(([m, skills]): MentorSuggestion => {
      const reason = [`mentors ${[...skills].join(', ')}`, `${m.spareHours} h a month free`, ...(inToday.has(m.member.id) ? ['in today'] : [])].join(' · ');
      return { mentor: m.member, mentee: r.member, skills: [...skills], reason, spareHours: m.spareHours };
    });
    found.sort((a, b) => b.skills.length - a.skills.length || b.spareHours - a.spareHours || a.mentor.name.localeCompare(b.mentor.name));
    out.push(...found.slice(0, SUGGESTIONS));
  }
  return out;
}

/** Mentoring as the viewer sees it: their offer and request, their pairs, suggestions; the desk every pair, who waits and who has time. */
export async function mentoring(ctx: Ctx, actor: Actor): Promise<Mentoring> {
  const staff = isStaff(actor);
  const me = staff ? null : (actor.memberId ?? null);
  if (!staff && !me) throw new AppError('FORBIDDEN', 'Sign in as a member to see mentoring.');
  const { hours, mentored } = await commitments(ctx);
  const offers = await toOffers(ctx, await repo.offers(ctx.db, null), hours);
  const requests = await toRequests(ctx, await repo.requests(ctx.db, null), mentored);
  const mine = async () => ({
    offer: me ? ((await toOffers(ctx, await repo.offers(ctx.db, me, true), hours))[0] ?? null) : null,
    request: me ? ((await toRequests(ctx, await repo.requests(ctx.db, me, true), mentored))[0] ?? null) : null,
  });
  const { offer, request } = await mine();
  return {
    myOffer: offer,
    myRequest: request,
    pairs: await toPairs(ctx, await repo.pairs(ctx.db, me), actor),
    suggestions: await suggest(ctx, offers, requests, me),
    waiting: staff ? requests.filter((r) => r.waitingSince !== null) : [],
    capacity: staff ? offers.filter((o) => o.spareHours > 0) : [],
  };
}

export async function offerMentoring(
  ctx: Ctx,
  actor: Actor,
  input: { memberId: string | null; skills: string[]; hoursPerMonth: number; note: string; active: boolean },
): Promise<MentorOffer> {
  const memberId = actingMember(actor, input.memberId, 'memberId');
  return commit(ctx, 'support.changed', async (trx) => {
    await currentMember(trx, memberId);
    await repo.putOffer(trx, {
      member_id: memberId,
      hours_per_month: input.hoursPerMonth,
      note: input.note,
      active: input.active ? 1 : 0,
      updated_at: ctx.now().getTime(),
    });
    await repo.putSkills(trx, memberId, 'mentor', input.skills);
    const { hours } = await commitments(withDb(ctx, trx));
    return (await toOffers(withDb(ctx, trx), await repo.offers(trx, memberId, true), hours))[0]!;
  });
}

export async function askMentor(
  ctx: Ctx,
  actor: Actor,
  input: { memberId: string | null; about: string; skills: string[]; active: boolean },
): Promise<MentorRequest> {
  const memberId = actingMember(actor, input.memberId, 'memberId');
  return commit(ctx, 'support.changed', async (trx) => {
    await currentMember(trx, memberId);
    const now = ctx.now().getTime();
    await repo.putRequest(trx, { member_id: memberId, about: input.about, active: input.active ? 1 : 0, created_at: now, updated_at: now });
    await repo.putSkills(trx, memberId, 'mentee', input.skills);
    const { mentored } = await commitments(withDb(ctx, trx));
    return (await toRequests(withDb(ctx, trx), await repo.requests(trx, memberId, true), mentored))[0]!;
  });
}

const pairNews = (names: Map<string, MemberRef>, p: { mentor_id: string; mentee_id: string }) => ({
  mentor: names.get(p.mentor_id)?.name ?? 'A member',
  mentee: names.get(p.mentee_id)?.name ?? 'A member',
});

/** Proposes a pair: one of the two (who agrees by proposing) or the desk (then both must agree); the other side is asked. */
export async function proposePair(
  ctx: Ctx,
  actor: Actor,
  input: { mentorId: string; menteeId: string; about: string; hoursPerMonth: number; startsOn: string; endsOn: string },
): Promise<MentorPair> {
  if (!isStaff(actor) && actor.memberId !== input.mentorId && actor.memberId !== input.menteeId)
    throw new AppError('FORBIDDEN', 'You propose a pair you are part of: as the mentor or as the mentee.', { menteeId: 'Be one of the pair' });
  return commit(ctx, 'support.changed', async (trx) => {
    await currentMember(trx, input.mentorId, 'mentorId');
    await currentMember(trx, input.menteeId, 'menteeId');
    const now = ctx.now().getTime();
    const row: MentorPairsTable = {
      id: newId(),
      mentor_id: input.mentorId,
      mentee_id: input.menteeId,
      about: input.about,
      hours_per_month: input.hoursPerMonth,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      mentor_agreed: actor.memberId === input.mentorId ? 1 : 0,
      mentee_agreed: actor.memberId === input.menteeId ? 1 : 0,
      state: 'proposed',
      ended_on: null,
      proposed_by: actor.memberId,
      created_at: now,
      updated_at: now,
    };
    await repo.insertPair(trx, row);
    const names = await memberRefs(trx, [row.mentor_id, row.mentee_id]);
    const { mentor, mentee } = pairNews(names, row);
    const asked = [row.mentor_id, row.mentee_id].filter((id) => id !== actor.memberId);
    await notify(withDb(ctx, trx), asked, {
      kind: 'mentoring',
      title: `Mentoring proposed: ${mentor} mentors ${mentee}`,
      body: input.about,
      href: '/support/mentoring',
    });
    return (await toPairs(withDb(ctx, trx), [row], actor))[0]!;
  });
}

/** One side agrees (the pair starts once both have) or declines. */
export async function answerPair(ctx: Ctx, actor: Actor, input: { id: string; answer: 'agree' | 'decline' }): Promise<MentorPair> {
  return commit(ctx, 'support.changed', async (trx) => {
    const row = await repo.findPair(trx, input.id);
    const side = row && (actor.memberId === row.mentor_id ? 'mentor_agreed' : actor.memberId === row.mentee_id ? 'mentee_agreed' : null);
    if (!row || !side) throw notFound('The mentor pair');
    if (row.state !== 'proposed') throw new AppError('CONFLICT', `This pair is already ${row.state}.`);
    if (row[side] === 1 && input.answer === 'agree') throw new AppError('CONFLICT', 'You already agreed: the other side is asked.');
    const changed = { ...row, [side]: input.answer === 'agree' ? 1 : 0, updated_at: ctx.now().getTime() };
    changed.state = input.answer === 'decline' ? 'declined' : changed.mentor_agreed && changed.mentee_agreed ? 'active' : 'proposed';
    await repo.updatePair(trx, row.id, { [side]: changed[side], state: changed.state, updated_at: changed.updated_at });
    const names = await memberRefs(trx, [row.mentor_id, row.mentee_id]);
    const { mentor, mentee } = pairNews(names, row);
    const other = [row.mentor_id, row.mentee_id].filter((id) => id !== actor.memberId);
    const title =
      changed.state === 'active'
        ? `Mentoring agreed: ${mentor} mentors ${mentee}`
        : changed.state === 'declined'
          ? `Mentoring declined: ${mentor} and ${mentee}`
          : '';
    if (title) await notify(withDb(ctx, trx), other, { kind: 'mentoring', title, body: row.about, href: '/support/mentoring' });
    return (await toPairs(withDb(ctx, trx), [changed], actor))[0]!;
  });
}

/** Either of the pair ends it (the desk too: a member who left). */
export async function endPair(ctx: Ctx, actor: Actor, input: { id: string; onDate: string }): Promise<MentorPair> {
  return commit(ctx, 'support.changed', async (trx) => {
    const row = await repo.findPair(trx, input.id);
    const inPair = row && (actor.memberId === row.mentor_id || actor.memberId === row.mentee_id);
    if (!row || (!inPair && !isStaff(actor))) throw notFound('The mentor pair');
    if (row.state === 'ended' || row.state === 'declined') throw new AppError('CONFLICT', `This pair is already ${row.state}.`);
    const changed = { ...row, state: 'ended' as const, ended_on: input.onDate, updated_at: ctx.now().getTime() };
    await repo.updatePair(trx, row.id, { state: 'ended', ended_on: input.onDate, updated_at: changed.updated_at });
    const names = await memberRefs(trx, [row.mentor_id, row.mentee_id]);
    const { mentor, mentee } = pairNews(names, row);
    const other = [row.mentor_id, row.mentee_id].filter((id) => id !== actor.memberId);
    await notify(withDb(ctx, trx), other, {
      kind: 'mentoring',
      title: `Mentoring ended: ${mentor} and ${mentee}`,
      body: row.about,
      href: '/support/mentoring',
    });
    return (await toPairs(withDb(ctx, trx), [changed], actor))[0]!;
  });
}

/** The pair only: their meetings and notes (not the desk, not the manager). */
async function pairOf(db: Ctx['db'], actor: Actor, pairId: string) {
  const row = await repo.findPair(db, pairId);
  if (!row || (actor.memberId !== row.mentor_id && actor.memberId !== row.mentee_id))
    throw new AppError('FORBIDDEN', 'Only the mentor and the mentee see and log their meetings.', { pairId: 'Not your pair' });
  return row;
}

export async function meetings(ctx: Ctx, actor: Actor, pairId: string): Promise<Meeting[]> {
  await pairOf(ctx.db, actor, pairId);
  const rows = await repo.meetings(ctx.db, pairId);
  const names = await memberRefs(
    ctx.db,
    rows.map((r) => r.by_member_id),
  );
  return rows.map((r) => ({ id: r.id, onDate: r.on_date, minutes: r.minutes, notes: r.notes, by: names.get(r.by_member_id)! }));
}

export async function logMeeting(ctx: Ctx, actor: Actor, input: { pairId: string; onDate: string; minutes: number; notes: string }): Promise<Meeting> {
  return commit(ctx, 'support.changed', async (trx) => {
    const pair = await pairOf(trx, actor, input.pairId);
    if (pair.state !== 'active')
      throw new AppError('RULE', 'Meetings are logged for an agreed pair that has not ended.', { pairId: `The pair is ${pair.state}` });
    const today = todayIn((await readCoop(trx)).timeZone, ctx.now());
    if (input.onDate > today) throw new AppError('VALIDATION', 'Log a meeting once it has happened.', { onDate: 'Not in the future' });
    const row = {
      id: newId(),
      pair_id: pair.id,
      on_date: input.onDate,
      minutes: input.minutes,
      notes: input.notes,
      by_member_id: actor.memberId!,
      at: ctx.now().getTime(),
    };
    await repo.insertMeeting(trx, row);
    const by = (await memberRefs(trx, [row.by_member_id])).get(row.by_member_id)!;
    return { id: row.id, onDate: row.on_date, minutes: row.minutes, notes: row.notes, by };
  });
}
