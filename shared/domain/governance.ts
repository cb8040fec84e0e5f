/**
 * Counting a co-op's votes: one owner, one vote. Pure, so that the rules live once and are
 * property-tested; the main process feeds it the frozen voter list's size and the ballots.
 *
 * - Quorum: the share of eligible owners who voted (an abstention counts as having voted).
 * - A decision passes by its threshold over yes and no (a block counts as a no, and under
 *   consensus any block stops it): simple majority, more yes than no; two thirds, yes at least
 *   two thirds of yes + no; consensus, no block and more yes than no.
 * - A poll is won by the option with most votes (plurality); a tie at the top is a tie.
 * - An election to N seats is counted by approval voting: each voter approves any number of
 *   candidates, and the N with most approvals are elected. A tie for the last seat elects those
 *   above it only, and says so.
 */

export const PROPOSAL_KINDS = ['decision', 'poll', 'election', 'rules'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const THRESHOLDS = ['majority', 'two-thirds', 'consensus'] as const;
export type Threshold = (typeof THRESHOLDS)[number];
export const DECISION_CHOICES = ['yes', 'no', 'abstain', 'block'] as const;
export type DecisionChoice = (typeof DECISION_CHOICES)[number];

export const THRESHOLD_WORDS: Record<Threshold, string> = {
  majority: 'a simple majority',
  'two-thirds': 'two thirds',
  consensus: 'consensus (no blocks)',
};
export const KIND_WORDS: Record<ProposalKind, string> = {
  decision: 'Decision',
  poll: 'Poll',
  election: 'Election',
  rules: 'Change to the rules',
};

/** A threshold is raised one step by a guardian's referral; consensus is the highest. */
export const HIGHER_THRESHOLD: Record<Threshold, Threshold> = { majority: 'two-thirds', 'two-thirds': 'consensus', consensus: 'consensus' };
export const thresholdRank = (t: Threshold) => THRESHOLDS.indexOf(t);

export type Outcome = 'passed' | 'rejected' | 'blocked' | 'no-quorum' | 'decided' | 'tie';

export interface CountInput {
  kind: ProposalKind;
  threshold: Threshold;
  quorumPct: number;
  /** How many owners were eligible when voting opened. */
  eligible: number;
  /** An election's seats. */
  seats: number;
  /** A poll's or an election's options (a decision's are yes / no / abstain / block). */
  options: readonly string[];
  /** Each ballot's choices: a decision's one word, a poll's or an election's option ids. */
  ballots: readonly (readonly string[])[];
}

export interface Count {
  eligible: number;
  voted: number;
  quorumMet: boolean;
  /** Votes per choice: yes/no/abstain/block for a decision, per option otherwise, in the given order. */
  counts: { choice: string; votes: number }[];
  outcome: Outcome;
  /** The winning option of a poll, the elected of an election (in order of approvals). */
  winners: string[];
}

/** Whether `voted` of `eligible` reaches a quorum of `pct` per cent (integers: no rounding at the edge). */
export const quorumReached = (voted: number, eligible: number, pct: number) => eligible > 0 && voted * 100 >= pct * eligible;

export function countVotes(input: CountInput): Count {
  const choices = input.kind === 'decision' || input.kind === 'rules' ? [...DECISION_CHOICES] : [...input.options];
  const tally = new Map(choices.map((c) => [c, 0]));
  for (const ballot of input.ballots) for (const c of new Set(ballot)) if (tally.has(c)) tally.set(c, tally.get(c)! + 1);
  const counts = choices.map((choice) => ({ choice, votes: tally.get(choice)! }));
  const voted = input.ballots.length;
  const quorumMet = quorumReached(voted, input.eligible, input.quorumPct);
  const base = { eligible: input.eligible, voted, quorumMet, counts };
  if (!quorumMet) return { ...base, outcome: 'no-quorum', winners: [] };
  if (input.kind === 'decision' || input.kind === 'rules') return { ...base, outcome: decide(input.threshold, tally), winners: [] };
  const ranked = counts.filter((c) => c.votes > 0).sort((a, b) => b.votes - a.votes || choices.indexOf(a.choice) - choices.indexOf(b.choice));
  const seats = input.kind === 'poll' ? 1 : Math.max(1, input.seats);
  if (ranked.length <= seats) return { ...base, outcome: ranked.length > 0 ? 'decided' : 'tie', winners: ranked.map((c) => c.choice) };
  const last = ranked[seats - 1]!.votes;
  if (ranked[seats]!.votes < last) return { ...base, outcome: 'decided', winners: ranked.slice(0, seats).map((c) => c.choice) };
  return { ...base, outcome: 'tie', winners: ranked.filter((c) => c.votes > last).map((c) => c.choice) };
}

function decide(threshold: Threshold, tally: Map<string, number>): Outcome {
  const yes = tally.get('yes')!;
  const blocks = tally.get('block')!;
  const against = tally.get('no')! + blocks;
  if (threshold === 'consensus') return blocks > 0 ? 'blocked' : yes > against ? 'passed' : 'rejected';
  if (threshold === 'two-thirds') return yes > 0 && 3 * yes >= 2 * (yes + against) ? 'passed' : 'rejected';
  return yes > against ? 'passed' : 'rejected';
}

export const OUTCOME_WORDS: Record<Outcome, string> = {
  passed: 'Passed',
  rejected: 'Not passed',
  blocked: 'Blocked',
  'no-quorum': 'No quorum',
  decided: 'Decided',
  tie: 'A tie',
};

/** A count in words, for the register and the news of a result: "4 of 5 voted: 3 yes, 1 no" or "…: elected Ana Ribeiro, Ben Okafor". */
export function countInWords(kind: ProposalKind, result: Count & { labels: Record<string, string> }): string {
  const turnout = `${result.voted} of ${result.eligible} voted`;
  if (result.outcome === 'no-quorum') return `${turnout}: short of the quorum`;
  if (kind === 'decision' || kind === 'rules')
    return `${turnout}: ${result.counts
      .filter((c) => c.votes > 0 || c.choice === 'yes' || c.choice === 'no')
      .map((c) => `${c.votes} ${c.choice}`)
      .join(', ')}`;
  const winners = result.winners.map((w) => result.labels[w]).join(', ');
  if (kind === 'election') return `${turnout}: elected ${winners || 'nobody'}${result.outcome === 'tie' ? ' (a tie for the last seat)' : ''}`;
  return `${turnout}: ${result.outcome === 'tie' ? 'a tie' : `chosen ${winners}`}`;
}
