import type { Kysely } from 'kysely';
import type { Gaps, Match, Matches, MarketRow, MemberRef } from '@shared/contract/network.contract';
import { MIN_MATCH, type MatchFacts, matchReason, matchScore, tagMatch } from '@shared/domain/network';
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
  const canon = canonical(await repo.aliasMap(db));
  const tags = await repo.tagsOf(db, memberId);
  const of = (kind: 'offers' | 'needs') => [...new Set(tags.filter((t) => t.kind === kind).map((t) => canon(t.tag)))];
  const audience = audienceOf(actor);
  const context = await rankingContext(ctx, db, memberId);
  const side = async ({ mine, other }: Side) => {
    const vocabulary = await repo.vocabulary(db, other);
    const wanted = mine.map((tag) => ({ tag, close: closeTags(tag, vocabulary, canon) }));
    const written = [...new Set(wanted.flatMap((w) => [...w.close.keys()]))];
    const rows = await repo.holders(db, other, written, audience, memberId);
    const facts = await context.factsFor([...new Set(rows.map((r) => r.id))]);
    return wanted.map(({ tag, close }) => {
      // score everyone, then put into words only the few shown (a common tag has a thousand holders)
      const best = new Map<string, { score: number; facts: MatchFacts; row: (typeof rows)[number] }>();
      for (const r of rows) {
        const match = close.get(r.tag);
        if (match === undefined) continue;
        const f: MatchFacts = { match, mine: tag, theirs: canon(r.tag), verb: other, ...facts(r.id, r.updated_at) };
        const score = matchScore(f);
        const previous = best.get(r.id);
        if (!previous || previous.score < score) best.set(r.id, { score, facts: f, row: r });
      }
      const ranked = [...best.values()]
        .sort((a, b) => b.score - a.score || byName.compare(a.row.name, b.row.name))
        .slice(0, PER_TAG)
        .map(({ score, facts: f, row: r }): Match => ({
          member: { id: r.id, name: r.name, businessName: r.business_name },
          need: other === 'offers' ? tag : f.theirs,
          offer: other === 'offers' ? f.theirs : tag,
          score,
          reason: matchReason(f),
          inToday: f.inToday,
        }));
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
 * A popular tag has thousands of holders: their facts are read a few hundred ids at a time, so no
 * statement has more parameters than the database takes.
 */
async function inChunks(ids: readonly string[], read: (part: string[]) => Promise<Map<string, number>>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) for (const [k, v] of await read(ids.slice(i, i + 500))) out.set(k, v);
  return out;
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
      const seen = await inChunks(ids, (part) => lastSeen(db, part));
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
  const canon = canonical(await repo.aliasMap(db));
  const vocabulary = await repo.vocabulary(db, 'offers');
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
