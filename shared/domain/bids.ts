/**
 * Joint bids: the rules both sides use. Stages and the moves between them, shares that must
 * total exactly 100 %, and ranking members by how well their offered skills cover a bid's needs.
 */

export const BID_STAGES = ['idea', 'forming', 'preparing', 'submitted', 'won', 'lost', 'withdrawn', 'delivering', 'completed'] as const;
export type BidStage = (typeof BID_STAGES)[number];

export const STAGE_LABELS: Record<BidStage, string> = {
  idea: 'Idea',
  forming: 'Forming team',
  preparing: 'Preparing bid',
  submitted: 'Submitted',
  won: 'Won',
  lost: 'Lost',
  withdrawn: 'Withdrawn',
  delivering: 'Delivering',
  completed: 'Completed',
};

/** Where a bid may go from each stage. Backwards only while the bid is still being put together. */
const NEXT: Record<BidStage, readonly BidStage[]> = {
  idea: ['forming', 'withdrawn'],
  forming: ['preparing', 'idea', 'withdrawn'],
  preparing: ['submitted', 'forming', 'withdrawn'],
  submitted: ['won', 'lost', 'withdrawn'],
  won: ['delivering'],
  lost: [],
  withdrawn: ['idea'],
  delivering: ['completed'],
  completed: [],
};

/** Stages still being worked on before the client decides: their deadlines matter. */
export const OPEN_STAGES: readonly BidStage[] = ['idea', 'forming', 'preparing'];
/** Stages that count as a win for the outcome figures. */
export const WON_STAGES: readonly BidStage[] = ['won', 'delivering', 'completed'];
/** The client has decided (or the team gave up): the outcome can be recorded. */
export const DECIDED_STAGES: readonly BidStage[] = ['won', 'lost', 'withdrawn', 'delivering', 'completed'];
/** From submission on, the team is settled: nobody joins, leaves or changes shares. */
export const TEAM_SETTLED_STAGES: readonly BidStage[] = ['submitted', ...DECIDED_STAGES];

export const nextStages = (from: BidStage): readonly BidStage[] => NEXT[from];

/** Shares are whole basis points: 10,000 is 100 %, so 33.33 % + 33.33 % + 33.34 % is exact. */
export const FULL_SHARE = 10_000;

/** Invited by the team, or offered to join (requested); then accepted or declined. */
export type PlaceStatus = 'invited' | 'requested' | 'accepted' | 'declined';

export interface ShareHolder {
  name: string;
  status: PlaceStatus;
  workShare: number;
  revenueShare: number;
}

export interface TeamState {
  leadName: string | null;
  members: readonly ShareHolder[];
  goDecided: boolean;
}

export const percent = (bp: number) => `${(bp / 100).toLocaleString('en', { maximumFractionDigits: 2 })} %`;

/**
 * What stops a bid from being submitted, in words a team can act on: unanswered invitations,
 * no lead, and work and revenue shares of the accepted team that do not total exactly 100 %.
 */
export function submissionProblems(team: TeamState): string[] {
  const problems: string[] = [];
  const accepted = team.members.filter((m) => m.status === 'accepted');
  const waiting = team.members.filter((m) => m.status === 'invited');
  if (accepted.length === 0) problems.push('Nobody has accepted a place on the team yet.');
  if (!team.leadName) problems.push('Choose a lead member.');
  if (waiting.length > 0) problems.push(`Waiting for ${waiting.map((m) => m.name).join(', ')} to accept or decline.`);
  for (const [key, label] of [
    ['workShare', 'Work'],
    ['revenueShare', 'Revenue'],
  ] as const) {
    const total = accepted.reduce((sum, m) => sum + m[key], 0);
    if (accepted.length > 0 && total !== FULL_SHARE) {
      const gap = FULL_SHARE - total;
      problems.push(`${label} shares total ${percent(total)}: ${gap > 0 ? `${percent(gap)} is not given to anyone` : `${percent(-gap)} too much`}.`);
    }
  }
  return problems;
}

/** Why a bid may not move from one stage to another, or null when it may. */
export function moveProblem(from: BidStage, to: BidStage, team: TeamState): string | null {
  if (from === to) return `The bid is already at “${STAGE_LABELS[to]}”.`;
  if (!NEXT[from].includes(to)) {
    if (from === 'completed') return 'A completed bid stays completed: it cannot move back.';
    const allowed = NEXT[from].map((s) => `“${STAGE_LABELS[s]}”`).join(' or ');
    return `A bid at “${STAGE_LABELS[from]}” cannot move to “${STAGE_LABELS[to]}”${allowed ? `; it can go to ${allowed}` : ''}.`;
  }
  if (to === 'preparing' && from === 'forming' && !team.goDecided) return 'Record a “go” decision with the team before preparing the bid.';
  if (to === 'submitted') {
    const problems = submissionProblems(team);
    if (problems.length > 0) return `Not ready to submit: ${problems.join(' ')}`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Skill matching

export interface NeededSkill {
  tag: string;
  /** Days of work the bid needs in this skill; 0 when not estimated (counts as one). */
  days: number;
}

export interface Candidate {
  memberId: string;
  name: string;
  number: number;
  offers: readonly string[];
  /** Names of the people already on the team this member has bid with before. */
  pastPartners: readonly string[];
}

export interface RankedCandidate {
  memberId: string;
  name: string;
  covers: string[];
  /** Share of the needed work (by days) this member's skills cover, 0..1. */
  coverage: number;
  pastPartners: string[];
  reason: string;
}

export interface TeamSuggestion {
  ranked: RankedCandidate[];
  /** A small team that covers every skill somebody offers: greedy, the best cover first. */
  suggested: string[];
  /** Needed skills no candidate offers. */
  gaps: string[];
}

const weightOf = (s: NeededSkill) => Math.max(1, s.days);

function reasonFor(covers: readonly string[], partners: readonly string[]): string {
  const parts = [`offers ${covers.join(', ')}`];
  if (partners.length > 0) parts.push(`has bid with ${partners.join(', ')} before`);
  return parts.join('; ');
}

/**
 * Ranks candidates by the weight of needed work their offered skills cover (more days weigh
 * more), then by how many of the team they have bid with before, then by member number.
 * Tags are compared in their normalised form, so "Web Design" offered matches "web design" needed.
 * Skills the team already brings (`covered`) are neither gaps nor a reason to suggest someone.
 */
export function suggestTeam(needed: readonly NeededSkill[], candidates: readonly Candidate[], covered: readonly string[] = [], limit = 20): TeamSuggestion {
  const weights = new Map(needed.map((s) => [s.tag, weightOf(s)]));
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const scored = candidates
    .map((c) => {
      const covers = needed.filter((s) => c.offers.includes(s.tag)).map((s) => s.tag);
      const weight = covers.reduce((sum, t) => sum + (weights.get(t) ?? 0), 0);
      return { c, covers, weight };
    })
    .filter((x) => x.covers.length > 0)
    .sort((a, b) => b.weight - a.weight || b.c.pastPartners.length - a.c.pastPartners.length || a.c.number - b.c.number);

  const offered = new Set([...scored.flatMap((x) => x.covers), ...covered]);
  const gaps = needed.map((s) => s.tag).filter((t) => !offered.has(t));

  // Greedy cover: take whoever covers the most still-uncovered work, until nothing more is covered.
  const uncovered = new Set([...offered].filter((t) => !covered.includes(t)));
  const suggested: string[] = [];
  while (uncovered.size > 0) {
    let best: (typeof scored)[number] | null = null;
    let bestGain = 0;
    for (const x of scored) {
      if (suggested.includes(x.c.memberId)) continue;
      const gain = x.covers.reduce((sum, t) => sum + (uncovered.has(t) ? (weights.get(t) ?? 0) : 0), 0);
      if (gain > bestGain) {
        best = x;
        bestGain = gain;
      }
    }
    if (!best) break;
    suggested.push(best.c.memberId);
    for (const t of best.covers) uncovered.delete(t);
  }

  return {
    ranked: scored.slice(0, limit).map(({ c, covers, weight }) => ({
      memberId: c.memberId,
      name: c.name,
      covers,
      coverage: total === 0 ? 0 : weight / total,
      pastPartners: [...c.pastPartners],
      reason: reasonFor(covers, c.pastPartners),
    })),
    suggested,
    gaps,
  };
}

// ---------------------------------------------------------------------------------------------
// Outcomes

/** A member's part of a won bid's final value, in minor units (rounded down; no money is invented). */
export const revenuePart = (finalValue: number, revenueShareBp: number) => Math.floor((finalValue * revenueShareBp) / FULL_SHARE);

/** Won out of decided (won or lost); withdrawn bids are not decided by the client. */
export function winRate(won: number, lost: number): number | null {
  return won + lost === 0 ? null : won / (won + lost);
}
