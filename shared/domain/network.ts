/**
 * The business network's rules, in one place for both sides: how well a need and an offer match,
 * how a match is ranked (with the reason in words), where a referral may move, and how
 * balances follow from the ledger's movements.
 */

export const REFERRAL_STATUSES = ['passed', 'contacted', 'meeting', 'won', 'lost', 'no-answer'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export const CLOSED_REFERRAL: readonly ReferralStatus[] = ['won', 'lost', 'no-answer'];
export const REFERRAL_LABELS: Record<ReferralStatus, string> = {
  passed: 'Passed',
  contacted: 'Contacted',
  meeting: 'Meeting',
  won: 'Won',
  lost: 'Lost',
  'no-answer': 'No answer',
};
/** Open referrals move forward through these; any of them may close as won, lost or no answer. */
const PIPELINE: readonly ReferralStatus[] = ['passed', 'contacted', 'meeting'];

export const WARMTHS = ['cold', 'warm', 'hot'] as const;
export type Warmth = (typeof WARMTHS)[number];

export const INTRO_OUTCOMES = ['open', 'talking', 'working together', 'no fit'] as const;
export type IntroOutcome = (typeof INTRO_OUTCOMES)[number];

/** Why a referral may not move from `from` to `to` (null: it may). */
export function referralMoveProblem(from: ReferralStatus, to: ReferralStatus): string | null {
  if (from === to) return `The referral is already “${REFERRAL_LABELS[to]}”.`;
  if (CLOSED_REFERRAL.includes(from)) return `A referral marked “${REFERRAL_LABELS[from]}” is closed: it does not move back to “${REFERRAL_LABELS[to]}”.`;
  if (CLOSED_REFERRAL.includes(to)) return null;
  if (PIPELINE.indexOf(to) < PIPELINE.indexOf(from)) return `A referral moves forward: it is past “${REFERRAL_LABELS[to]}”.`;
  return null;
}

const STOP_WORDS = new Set(['and', 'of', 'the', 'for', 'a', 'an', 'to', 'in', 'with', '&']);
/** The words of a tag that count in matching (two tags that share none do not match). */
export const tagWords = (tag: string) => new Set(tag.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOP_WORDS.has(w)));
/**
 * A tag's words, remembered: matching compares each wanted tag with the whole vocabulary (a few
 * thousand tags) on every read, and splitting each again was a sixth of a member's matches.
 * Bounded: a vocabulary far larger than any co-op's is forgotten and read again.
 */
const wordsSeen = new Map<string, ReadonlySet<string>>();
function words(tag: string): ReadonlySet<string> {
  let found = wordsSeen.get(tag);
  if (!found) {
    if (wordsSeen.size >= 50_000) wordsSeen.clear();
    wordsSeen.set(tag, (found = tagWords(tag)));
  }
  return found;
}

/**
 * How well a need and an offer (both normalized tags) match: 1 when they are the same tag,
 * the share of words they have in common when they overlap ("web design" and "website and web
 * design": 0.5), 0 otherwise.
 */
export function tagMatch(need: string, offer: string): number {
  if (need === offer) return 1;
  const a = words(need);
  const b = words(offer);
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common += 1;
  return common / (a.size + b.size - common);
}

/** Partial matches below this are not shown: "design" alone does not make a logo designer a web designer. */
export const MIN_MATCH = 0.5;

export interface MatchFacts {
  /** How well their tag matches mine (`tagMatch`). */
  match: number;
  /** My need (or offer), and their offer (or need) that matches it. */
  mine: string;
  theirs: string;
  /** What they do with `theirs`. */
  verb: 'offers' | 'needs';
  inToday: boolean;
  /** Times these two worked together (bids, introductions, referrals, trade, exchanged hours). */
  together: number;
  /** Days since they were last in or changed their profile; null: never. */
  daysSinceActive: number | null;
}

/**
 * A match's score out of 100: the tags count most, then being in today (a quick word over
 * coffee), having worked together, and being active lately.
 */
export function matchScore(f: MatchFacts): number {
  const recency = f.daysSinceActive === null ? 0 : Math.max(0, 1 - f.daysSinceActive / 90);
  return Math.round(f.match * 60 + (f.inToday ? 15 : 0) + Math.min(f.together, 3) * 5 + recency * 10);
}

/** The score's reason in words: "offers bookkeeping · in today · worked with you twice · active 3 days ago". */
export function matchReason(f: MatchFacts): string {
  const parts = [f.match === 1 ? `${f.verb} ${f.theirs}` : `${f.verb} ${f.theirs} (close to ${f.mine})`];
  if (f.inToday) parts.push('in today');
  if (f.together > 0) parts.push(f.together === 1 ? 'worked with you before' : `worked with you ${f.together} times`);
  if (f.daysSinceActive !== null && !f.inToday) {
    const d = f.daysSinceActive;
    parts.push(d === 0 ? 'active today' : d === 1 ? 'active yesterday' : d <= 90 ? `active ${d} days ago` : 'not seen for a while');
  }
  return parts.join(' · ');
}

/** A movement of the ledger as the balances see it: something `from` gave `to`. */
export interface Movement {
  kind: 'referral' | 'won' | 'trade' | 'hours';
  from: string;
  to: string;
  /** Minor units for `won` and `trade`, minutes for `hours`, 1 for a referral passed. */
  amount: number;
}

export interface Balance {
  referralsGiven: number;
  referralsReceived: number;
  /** The value of won referrals this member gave ("givers gain") and received. */
  valueGiven: number;
  valueReceived: number;
  /** Trade inside the co-op: sold to and bought from other members. */
  sold: number;
  bought: number;
  minutesGiven: number;
  minutesReceived: number;
}

export const emptyBalance = (): Balance => ({
  referralsGiven: 0,
  referralsReceived: 0,
  valueGiven: 0,
  valueReceived: 0,
  sold: 0,
  bought: 0,
  minutesGiven: 0,
  minutesReceived: 0,
});

const SIDES: Record<Movement['kind'], [keyof Balance, keyof Balance]> = {
  referral: ['referralsGiven', 'referralsReceived'],
  won: ['valueGiven', 'valueReceived'],
  trade: ['sold', 'bought'],
  hours: ['minutesGiven', 'minutesReceived'],
};

/** Each member's balance, derived from the movements alone (the rule the database's sums follow). */
export function balancesOf(movements: Iterable<Movement>): Map<string, Balance> {
  const out = new Map<string, Balance>();
  const of = (id: string) => out.get(id) ?? out.set(id, emptyBalance()).get(id)!;
  for (const m of movements) {
    const [given, received] = SIDES[m.kind];
    of(m.from)[given] += m.amount;
    of(m.to)[received] += m.amount;
  }
  return out;
}

/** Hours balance in minutes: given minus received. */
export const hoursBalance = (b: Pick<Balance, 'minutesGiven' | 'minutesReceived'>) => b.minutesGiven - b.minutesReceived;

/** "2 h 30 min", "−1 h", "45 min". */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const m = Math.abs(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return sign + (h && rest ? `${h} h ${rest} min` : h ? `${h} h` : `${rest} min`);
}
