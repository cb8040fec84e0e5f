import type { Kysely } from 'kysely';
import type { Gaps, Match, Matches, MarketRow, MemberRef } from '@shared/contract/network.contract';
import { MIN_MATCH, type MatchFacts, matchReason, matchScore, tagMatch, tagWords } from '@shared/domain/network';
import { type Actor, type Ctx } from '../../context';
import type { DB } from '../../db/schema';
import { notFound } from '../../errors';
import { requireSelf } from '../../permissions';
import { sharedBids } from '../bids';
import { lastSeen, presentIds } from '../presence';
import { audienceOf } from './network.policy';
import { memberRefs } from '../members';
import * as repo from './network.repository';

const DAY = 86_400_000;
/** Suppliers (or customers) shown per need (or offer). */
const PER_TAG = 5;
const byName = new Intl.Collator();

/** Tags read through the manager's merges: an alias counts as the tag it was merged into. */
const canonical = (aliases: Map<string, string>) => (tag: string) => aliases.get(tag) ?? tag;

/**
 * The written tags of `kind` that may be close to any of `wanted`: those containing one of their
 * words (found by the database instead of comparing each with the whole vocabulary), the same
 * tags, and every alias (an alias matches through the tag it stands for).
 */
async function vocabularyNear(db: Kysely<DB>, kind: 'offers' | 'needs', wanted: readonly string[], aliases: Map<string, string>): Promise<string[]> {
  if (wanted.length === 0) return [];
  const words = [...new Set(wanted.flatMap((t) => [...tagWords(t)]))];
  return repo.vocabulary(db, kind, { words, tags: [...wanted, ...aliases.keys()] });
}

/** The written tags (offers or needs) that match `wanted` well enough, each with how well. */
function closeTags(wanted: string, vocabulary: readonly string[], canon: (t: string) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const written of vocabulary) {
    const score = tagMatch(wanted, canon(written));
    if (score >= MIN_MATCH) out.set(written, score);
  }
  return out;
}

interface Side {
  /** The member's own tags of this kind, canonical. */
  mine: string[];
  /** The other kind: who holds it. */
  other: 'offers' | 'needs';
}

/**
 * For each of the member's needs the members who offer it, and for each offer those who need it,
 * ranked by `matchScore` with the reason in words. The desk asks for anyone; a member for themselves.
 */
export async function matches(ctx: Ctx, actor: Actor, memberId: string): Promise<Matches> {
  requireSelf(actor, memberId, 'You see the matches for your own needs and offers.');
  const db = ctx.db;
  if (!(await memberRefs(db, [memberId])).has(memberId)) throw notFound('The member');
  const aliases = await repo.aliasMap(db);
  const canon = canonical(aliases);
  const tags = await repo.tagsOf(db, memberId);
  const of = (kind: 'offers' | 'needs') => [...new Set(tags.filter((t) => t.kind === kind).map((t) => canon(t.tag)))];
  const audience = audienceOf(actor);
  const context = await rankingContext(ctx, db, memberId);
  const side = async ({ mine, other }: Side) => {
    const vocabulary = await vocabularyNear(db, other, mine, aliases);
    const wanted = mine.map((tag) => ({ tag, close: closeTags(tag, vocabulary, canon) }));
    const written = [...new Set(wanted.flatMap((w) => [...w.close.keys()]))];
    const rows = await repo.holders(db, other, written, audience, memberId);
    const factsOf = await context.factsFor([...new Set(rows.map((r) => r.id))]);
    const byTag = new Map<string, typeof rows>();
    for (const r of rows) (byTag.get(r.tag) ?? byTag.set(r.tag, []).get(r.tag)!).push(r);
    // score everyone (a common tag has a thousand holders), each by their closest tag
    const scored = wanted.map(({ tag, close }) => {
      const best = new Map<string, { id: string; score: number; facts: MatchFacts }>();
      for (const [written, match] of close) {
        for (const r of byTag.get(written) ?? []) {
          const f: MatchFacts = { match, mine: tag, theirs: canon(r.tag), verb: other, ...factsOf(r.id, r.updatedAt) };
          const score = matchScore(f);
          const previous = best.get(r.id);
          if (!previous || previous.score < score) best.set(r.id, { id: r.id, score, facts: f });
        }
      }
      // only those at or above the last shown score can be shown (ties go by name): the rest are never named
      const scores = [...best.values()].map((b) => b.score).sort((x, y) => y - x);
      const cut = scores[Math.min(PER_TAG, scores.length) - 1] ?? 0;
      return { tag, candidates: [...best.values()].filter((b) => b.score >= cut) };
    });
    const names = await memberRefs(
      db,
      scored.flatMap((s) => s.candidates.map((c) => c.id)),
    );
    return scored.map(({ tag, candidates }) => {
      const ranked = firstFew(candidates, PER_TAG, (a, b) => b.score - a.score || byName.compare(names.get(a.id)!.name, names.get(b.id)!.name)).map(
        ({ id, score, facts: f }): Match => ({
          member: names.get(id)!,
          need: other === 'offers' ? tag : f.theirs,
          offer: other === 'offers' ? f.theirs : tag,
          score,
          reason: matchReason(f),
          inToday: f.inToday,
        }),
      );
      return { tag, ranked };
    });
  };
  const [needs, offers] = await Promise.all([side({ mine: of('needs'), other: 'offers' }), side({ mine: of('offers'), other: 'needs' })]);
  return {
    memberId,
    needs: needs.map((n) => ({ tag: n.tag, suppliers: n.ranked })),
    offers: offers.map((o) => ({ tag: o.tag, customers: o.ranked })),
  };
}

/**
 * The first `n` of `items` in `order`, without sorting them all: a common tag has a thousand
 * holders at a handful of scores, and ordering every tie by name cost more than the rest.
 */
function firstFew<T>(items: readonly T[], n: number, order: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === n && order(item, kept[n - 1]!) >= 0) continue;
    let at = kept.length;
    while (at > 0 && order(item, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, item);
    if (kept.length > n) kept.pop();
  }
  return kept;
}

/**
 * What ranking knows about candidates beyond the tags: who is in today, their dealings with this
 * member, when last seen. The member's own history (bids, referrals, trade, hours) is read once,
 * whoever the candidates are; only when each was last seen is read per candidate.
 */
async function rankingContext(ctx: Ctx, db: Kysely<DB>, memberId: string) {
  const now = ctx.now().getTime();
  const inToday = new Set(await presentIds(db, ctx.siteId));
  const [bids, dealings] = await Promise.all([sharedBids(db, memberId), repo.dealings(db, memberId)]);
  return {
    async factsFor(ids: string[]) {
      const seen = await lastSeen(db, ids);
      return (id: string, updatedAt: number) => {
        const active = Math.max(seen.get(id) ?? 0, updatedAt);
        return {
          inToday: inToday.has(id),
          together: (bids.get(id) ?? 0) + (dealings.get(id) ?? 0),
          daysSinceActive: active > 0 ? Math.max(0, Math.floor((now - active) / DAY)) : null,
        };
      };
    },
  };
}

/** Each tag the audience holds, its aliases folded into it: how many need and offer it, and its spellings as written. */
async function foldedTotals(db: Kysely<DB>, audience: { memberId: string | null }) {
  const canon = canonical(await repo.aliasMap(db));
  const totals = new Map<string, { needs: number; offers: number; written: string[] }>();
  for (const r of await repo.tagTotals(db, audience)) {
    const tag = canon(r.tag);
    const t = totals.get(tag) ?? totals.set(tag, { needs: 0, offers: 0, written: [] }).get(tag)!;
    t.needs += Number(r.needs);
    t.offers += Number(r.offers);
    t.written.push(r.tag);
  }
  return totals;
}

/** How many members a market row names per side; the counts say how many more there are. */
const NAMES_PER_ROW = 12;

/**
 * The marketplace: every tag (aliases folded into their tag) with who needs and who offers it,
 * the tags where both meet first; filtered by what was typed.
 */
export async function marketplace(ctx: Ctx, actor: Actor, f: { q: string; limit: number; offset: number }) {
  const db = ctx.db;
  const audience = audienceOf(actor);
  const totals = await foldedTotals(db, audience);
  const q = f.q.toLowerCase();
  const all = [...totals.entries()]
    .filter(([tag]) => !q || tag.includes(q))
    .sort(
      ([a, x], [b, y]) =>
        Number(y.needs > 0 && y.offers > 0) - Number(x.needs > 0 && x.offers > 0) || y.needs + y.offers - (x.needs + x.offers) || byName.compare(a, b),
    );
  const page = all.slice(f.offset, f.offset + f.limit);
  const population = await repo.memberCount(db);
  const side = (kind: 'needs' | 'offers', t: { needs: number; offers: number; written: string[] }) =>
    repo.firstHolders(db, { kind, spellings: t.written, audience, limit: NAMES_PER_ROW, held: t[kind], population });
  const rows: MarketRow[] = [];
  for (const [tag, t] of page) {
    const [needers, offerers] = [await side('needs', t), await side('offers', t)].map((holders) =>
      holders.map((h): MemberRef => ({ id: h.id, name: h.name, businessName: h.business_name })),
    );
    rows.push({ tag, needers, offerers, needCount: t.needs, offerCount: t.offers });
  }
  return { total: all.length, rows };
}

/** Needs no current member offers and offers nobody needs (all current members, listed or not: counts, not names). */
export async function gaps(ctx: Ctx): Promise<Gaps> {
  const totals = await foldedTotals(ctx.db, { memberId: null });
  const list = (pick: (t: { needs: number; offers: number }) => number, other: (t: { needs: number; offers: number }) => number) =>
    [...totals.entries()]
      .filter(([, t]) => pick(t) > 0 && other(t) === 0)
      .map(([tag, t]) => ({ tag, members: pick(t) }))
      .sort((a, b) => b.members - a.members || byName.compare(a.tag, b.tag));
  return {
    unmetNeeds: list(
      (t) => t.needs,
      (t) => t.offers,
    ),
    unneededOffers: list(
      (t) => t.offers,
      (t) => t.needs,
    ),
  };
}

/**
 * Current members (listed or not) who offer something close to any of `skills`, the manager's
 * merges read: each with their closest offer and how close (1 the same tag). The face other
 * features route by (a help request to who could help).
 */
export async function offerersOf(db: Kysely<DB>, skills: readonly string[]): Promise<Map<string, { offer: string; match: number }>> {
  if (skills.length === 0) return new Map();
  const aliases = await repo.aliasMap(db);
  const canon = canonical(aliases);
  const vocabulary = await vocabularyNear(db, 'offers', skills.map(canon), aliases);
  const close = new Map<string, number>();
  for (const skill of skills)
    for (const [written, score] of closeTags(canon(skill), vocabulary, canon)) close.set(written, Math.max(close.get(written) ?? 0, score));
  const out = new Map<string, { offer: string; match: number }>();
  for (const r of await repo.holders(db, 'offers', [...close.keys()], { memberId: null }, '')) {
    const match = close.get(r.tag)!;
    if ((out.get(r.id)?.match ?? 0) < match) out.set(r.id, { offer: canon(r.tag), match });
  }
  return out;
}

/**
 * The same reading of tags for skills held elsewhere (mentors', help requests'): each tag's
 * canonical spelling (aliases read), and how close `wanted` is to `held`, remembered for the
 * reader's lifetime (a board compares the same few tags thousands of times).
 */
export async function tagReader(db: Kysely<DB>): Promise<{ canon: (tag: string) => string; close: (wanted: string, held: string) => number }> {
  const canon = canonical(await repo.aliasMap(db));
  const seen = new Map<string, number>();
  return {
    canon,
    close(wanted, held) {
      const key = `${wanted}\u0000${held}`;
      let score = seen.get(key);
      if (score === undefined) seen.set(key, (score = tagMatch(canon(wanted), canon(held))));
      return score;
    },
  };
}
