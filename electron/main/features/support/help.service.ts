import type { HelpBoard, HelpRequest, SupportSettings, SupportSummary } from '@shared/contract/support.contract';
import type { MemberRef } from '@shared/contract/network.contract';
import { newId } from '@shared/domain/ids';
import { MIN_MATCH, tagWords } from '@shared/domain/network';
import { type HelpHow, type HelpKind, ROUTE_NOTIFY_MAX, routeTier } from '@shared/domain/support';
import { type Actor, type Ctx, isStaff, withDb } from '../../context';
import { commit, immediate } from '../../db/tx';
import { AppError, notFound } from '../../errors';
import { actingMember } from '../../permissions';
import { currentMember, memberRefs, memberTags } from '../members';
import { offerersOf, tagReader } from '../network';
import { notify, notifyStaff } from '../notifications';
import { presentIds } from '../presence';
import type { HelpRequestsTable } from './support.tables';
import * as repo from './support.repository';

/** An unclaimed request is raised after this long unless the co-op set otherwise. */
const DEFAULT_RAISE_MINUTES = 30;
const BOARD_MAX = 300;
const COULD_HELP_NAMED = 5;

export const raiseAfter = async (ctx: Ctx) => (await repo.readSettings(ctx.db))?.raise_after_minutes ?? DEFAULT_RAISE_MINUTES;

/**
 * Who could help with what among those in now: their offers indexed by the words of their
 * canonical spelling, so a skill is compared only with offers sharing a word (or the same tag).
 */
async function helpersIn(ctx: Ctx, inNow: readonly string[]) {
  const { canon, close } = await tagReader(ctx.db);
  const holders = new Map<string, string[]>();
  for (const [id, t] of await memberTags(ctx.db, inNow)) for (const offer of t.offers) (holders.get(offer) ?? holders.set(offer, []).get(offer)!).push(id);
  const byWord = new Map<string, string[]>();
  for (const offer of holders.keys()) for (const w of [canon(offer), ...tagWords(canon(offer))]) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(offer);
  const memo = new Map<string, string[]>();
  const forSkill = (skill: string) => {
    let ids = memo.get(skill);
    if (!ids) {
      const offers = new Set([canon(skill), ...tagWords(canon(skill))].flatMap((w) => byWord.get(w) ?? []));
      memo.set(skill, (ids = [...offers].filter((o) => close(skill, o) >= MIN_MATCH).flatMap((o) => holders.get(o)!)));
    }
    return ids;
  };
  return (skills: readonly string[]) => new Set(skills.flatMap(forSkill));
}

interface View {
  memberId: string | null;
  staff: boolean;
}

async function toRequests(ctx: Ctx, rows: HelpRequestsTable[], view: View, forDesk: boolean): Promise<HelpRequest[]> {
  const ids = rows.map((r) => r.id);
  const skills = await repo.skillsOf(ctx.db, ids);
  const present = await presentIds(ctx.db, ctx.siteId);
  const presentSet = new Set(present);
  const { close } = await tagReader(ctx.db);
  const myOffers = view.memberId ? ((await memberTags(ctx.db, [view.memberId])).get(view.memberId)?.offers ?? []) : [];
  const couldHelp = forDesk ? await helpersIn(ctx, present) : null;
  const helpers = [...new Set(rows.flatMap((r) => (r.helper_id ? [r.helper_id] : [])))];
  const helped = await repo.helpedCounts(ctx.db, helpers);
  const inRows = new Map<string, string[]>(rows.map((r) => [r.id, couldHelp ? [...couldHelp(skills.get(r.id)!)].filter((id) => id !== r.asker_id) : []]));
  // a few names each, and how many in all: the desk walks over to one of them
  const named = [...inRows.values()].flatMap((ids) => ids.slice(0, COULD_HELP_NAMED));
  const names = await memberRefs(ctx.db, [...rows.flatMap((r) => [r.asker_id, r.helper_id ?? '']), ...named]);
  const ref = (id: string): MemberRef => names.get(id) ?? { id, name: 'A former member', businessName: '' };
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return rows.map((r) => {
    const s = skills.get(r.id)!;
    const offersIt = s.some((skill) => myOffers.some((o) => close(skill, o) >= MIN_MATCH));
    const mine = view.memberId === r.asker_id;
    return {
      id: r.id,
      asker: ref(r.asker_id),
      kind: r.kind,
      text: r.text,
      skills: s,
      hereToday: r.here_today === 1,
      state: r.state,
      helper: r.helper_id ? ref(r.helper_id) : null,
      how: r.how,
      askedAt: iso(r.created_at)!,
      claimedAt: iso(r.claimed_at),
      resolvedAt: iso(r.resolved_at),
      thanks: r.thanks,
      raised: r.raised_at !== null,
      forYou: mine ? 3 : routeTier(offersIt, view.memberId !== null && presentSet.has(view.memberId)),
      helperHelped: r.helper_id ? (helped.get(r.helper_id) ?? 0) : null,
      couldHelp: (inRows.get(r.id) ?? []).slice(0, COULD_HELP_NAMED).map(ref),
      couldHelpCount: inRows.get(r.id)?.length ?? 0,
      // a member offers their own help (the desk may claim for one through the API, not from this list)
      mayClaim: r.state === 'open' && !mine && view.memberId !== null,
      mayResolve: r.state !== 'resolved' && (mine || view.staff),
    };
  });
}

const viewOf = (actor: Actor): View => ({ memberId: isStaff(actor) ? null : (actor.memberId ?? null), staff: isStaff(actor) });

/** The help board: open requests, those the viewer could best help with first, then the longest waiting; the last resolved. */
export async function board(ctx: Ctx, actor: Actor): Promise<HelpBoard> {
  const view = viewOf(actor);
  if (!view.staff && !view.memberId) throw new AppError('FORBIDDEN', 'Sign in as a member to see the help board.');
  const open = await toRequests(ctx, await repo.unresolved(ctx.db, BOARD_MAX), view, view.staff);
  open.sort((a, b) => Number(b.raised) - Number(a.raised) || a.forYou - b.forYou || a.askedAt.localeCompare(b.askedAt));
  const resolved = await toRequests(ctx, await repo.resolved(ctx.db, view.memberId, 20), view, false);
  return { open, resolved, raiseAfterMinutes: await raiseAfter(ctx) };
}

async function oneRequest(ctx: Ctx, id: string, actor: Actor): Promise<HelpRequest> {
  const row = await repo.findRequest(ctx.db, id);
  if (!row) throw notFound('The request');
  return (await toRequests(ctx, [row], viewOf(actor), isStaff(actor)))[0]!;
}

/**
 * Asks for help and routes it: members who offer its skills and are in now are told first; when
 * none is in, those who offer them; with no skills (or nobody offering them) the board shows it to
 * everyone and no one is told one by one. At most a dozen are told, the closest match first.
 */
export async function ask(
  ctx: Ctx,
  actor: Actor,
  input: { askerId: string | null; kind: HelpKind; text: string; skills: string[]; hereToday: boolean },
): Promise<HelpRequest & { told: number }> {
  const askerId = actingMember(actor, input.askerId, 'askerId');
  return commit(ctx, 'support.changed', async (trx) => {
    const asker = await currentMember(trx, askerId, 'askerId');
    const offerers = await offerersOf(trx, input.skills);
    offerers.delete(asker.id);
    const inNow = new Set(await presentIds(trx, ctx.siteId));
    const ranked = [...offerers.entries()].sort(([a, x], [b, y]) => y.match - x.match || a.localeCompare(b));
    const here = ranked.filter(([id]) => inNow.has(id));
    const tier = here.length > 0 ? here : input.hereToday ? [] : ranked;
    const told = tier.slice(0, ROUTE_NOTIFY_MAX).map(([id]) => id);
    const now = ctx.now().getTime();
    const row: HelpRequestsTable = {
      id: newId(),
      asker_id: asker.id,
      kind: input.kind,
      text: input.text,
      here_today: input.hereToday ? 1 : 0,
      state: 'open',
      helper_id: null,
      how: null,
      told: told.length,
      created_at: now,
      claimed_at: null,
      resolved_at: null,
      thanks: null,
      raised_at: null,
    };
    await repo.insertRequest(trx, row, input.skills);
    const what = input.kind === 'quick' ? 'a quick question' : 'hands-on help';
    await notify(withDb(ctx, trx), told, {
      kind: 'help',
      title: `${asker.name} asks for ${what}${input.skills.length ? ` (${input.skills.join(', ')})` : ''}`,
      body: input.text,
      href: '/support',
    });
    return { ...(await oneRequest(withDb(ctx, trx), row.id, actor)), told: told.length };
  });
}

/** A member offers to help ("I'll come over", "call me"); the first one gets it, and the asker is told. */
export async function claim(ctx: Ctx, actor: Actor, input: { id: string; helperId: string | null; how: HelpHow }): Promise<HelpRequest> {
  const helperId = actingMember(actor, input.helperId, 'helperId');
  return commit(ctx, 'support.changed', async (trx) => {
    const row = await repo.findRequest(trx, input.id);
    if (!row) throw notFound('The request');
    if (row.asker_id === helperId) throw new AppError('RULE', 'This is your own request: someone else helps with it.', { id: 'Your own request' });
    const helper = await currentMember(trx, helperId, 'helperId');
    if (row.state !== 'open' || !(await repo.claim(trx, row.id, helper.id, input.how, ctx.now().getTime())))
      throw new AppError('CONFLICT', row.state === 'resolved' ? 'This request is already resolved.' : 'Someone already offered to help with this.');
    await notify(withDb(ctx, trx), [row.asker_id], {
      kind: 'help',
      title: input.how === 'come over' ? `${helper.name} is coming over to help` : `${helper.name} will help: call them`,
      body: row.text,
      href: '/support',
    });
    return oneRequest(withDb(ctx, trx), row.id, actor);
  });
}

/** The asker (or the desk) marks it resolved, and may thank the helper, who is told. */
export async function resolve(ctx: Ctx, actor: Actor, input: { id: string; thanks: string }): Promise<HelpRequest> {
  return commit(ctx, 'support.changed', async (trx) => {
    const row = await repo.findRequest(trx, input.id);
    if (!row) throw notFound('The request');
    if (!isStaff(actor) && actor.memberId !== row.asker_id) throw new AppError('FORBIDDEN', 'Only who asked marks a request resolved.');
    if (row.state === 'resolved') throw new AppError('CONFLICT', 'This request is already resolved.');
    await repo.resolve(trx, row.id, input.thanks || null, ctx.now().getTime());
    if (row.helper_id) {
      const [asker] = (await memberRefs(trx, [row.asker_id])).values();
      await notify(withDb(ctx, trx), [row.helper_id], {
        kind: 'help',
        title: input.thanks ? `${asker?.name ?? 'A member'} thanks you: ${input.thanks}` : `${asker?.name ?? 'A member'} marked your help resolved`,
        body: row.text,
        href: '/support',
      });
    }
    return oneRequest(withDb(ctx, trx), row.id, actor);
  });
}

/** A scheduled job: requests nobody claimed within the co-op's limit are raised — the desk is told and the board puts them on top. */
export async function raiseUnanswered(ctx: Ctx): Promise<number> {
  const now = ctx.now().getTime();
  const minutes = await raiseAfter(ctx);
  const raised = await immediate(ctx.db, async (trx) => {
    const rows = await repo.toRaise(trx, now - minutes * 60_000);
    if (rows.length === 0) return 0;
    await repo.markRaised(
      trx,
      rows.map((r) => r.id),
      now,
    );
    await notifyStaff(withDb(ctx, trx), {
      kind: 'help-raised',
      title: rows.length === 1 ? `A help request waits more than ${minutes} min` : `${rows.length} help requests wait more than ${minutes} min`,
      body: rows.map((r) => r.text).join(' · '),
      href: '/support',
    });
    return rows.length;
  });
  // every minute: open screens refresh only when something was raised
  if (raised > 0) ctx.emit('support.changed');
  return raised;
}

/** A member's support in numbers: helped, asked, mentoring and mentored pairs (counted, never stored). */
export async function summary(ctx: Ctx, memberId: string): Promise<SupportSummary> {
  const helped = (await repo.helpedCounts(ctx.db, [memberId])).get(memberId) ?? 0;
  return { helped, asked: await repo.askedCount(ctx.db, memberId), ...(await repo.pairCounts(ctx.db, memberId)) };
}

export const settings = async (ctx: Ctx): Promise<SupportSettings> => ({ raiseAfterMinutes: await raiseAfter(ctx) });

export async function saveSettings(ctx: Ctx, input: SupportSettings): Promise<SupportSettings> {
  return commit(ctx, 'support.changed', async (trx) => {
    await repo.putSettings(trx, input.raiseAfterMinutes);
    return input;
  });
}
