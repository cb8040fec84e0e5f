import { describe, expect, it } from 'vitest';
import { bidFields } from '@shared/contract/bids.contract';
import {
  BID_STAGES,
  type BidStage,
  type Candidate,
  DECIDED_STAGES,
  moveProblem,
  nextStages,
  OPEN_STAGES,
  revenuePart,
  STAGE_LABELS,
  submissionProblems,
  suggestTeam,
  TEAM_SETTLED_STAGES,
  type TeamState,
  winRate,
  WON_STAGES,
} from '@shared/domain/bids';

const team = (shares: [number, number][], extra: Partial<TeamState> = {}): TeamState => ({
  leadName: 'Ana',
  goDecided: true,
  members: shares.map(([w, r], i) => ({ name: ['Ana', 'Ben', 'Chiara'][i], status: 'accepted' as const, workShare: w, revenueShare: r })),
  ...extra,
});

/** A member who could join a bid: named, numbered, with what they offer. */
const c = (name: string, number: number, offers: string[], pastPartners: string[] = []): Candidate => ({ memberId: name, name, number, offers, pastPartners });

describe('shares', () => {
  it('must total exactly 100 % for work and for revenue, and says what is missing', () => {
    expect(
      submissionProblems(
        team([
          [6000, 6000],
          [4000, 4000],
        ]),
      ),
    ).toEqual([]);
    expect(
      submissionProblems(
        team([
          [3333, 3333],
          [3333, 3333],
          [3334, 3334],
        ]),
      ),
    ).toEqual([]);
    expect(
      submissionProblems(
        team([
          [6000, 5000],
          [3000, 5000],
        ]),
      ),
    ).toEqual(['Work shares total 90 %: 10 % is not given to anyone.']);
    expect(
      submissionProblems(
        team([
          [6000, 6000],
          [4001, 4000],
        ]),
      ),
    ).toEqual(['Work shares total 100.01 %: 0.01 % too much.']);
  });

  it('needs a lead, someone who accepted, and every invitation answered', () => {
    expect(submissionProblems({ leadName: null, goDecided: true, members: [] })).toEqual([
      'Nobody has accepted a place on the team yet.',
      'Choose a lead member.',
    ]);
    const waiting = team([[10000, 10000]]);
    expect(submissionProblems({ ...waiting, members: [...waiting.members, { name: 'Ben', status: 'invited', workShare: 0, revenueShare: 0 }] })).toEqual([
      'Waiting for Ben to accept or decline.',
    ]);
    // a declined member's (zero) share is not counted, and does not block
    expect(submissionProblems({ ...waiting, members: [...waiting.members, { name: 'Ben', status: 'declined', workShare: 0, revenueShare: 0 }] })).toEqual([]);
  });

  it('revenue parts are rounded down so no money is invented', () => {
    expect(revenuePart(100_000, 3333) + revenuePart(100_000, 3333) + revenuePart(100_000, 3334)).toBe(100_000);
    expect(revenuePart(1001, 5000)).toBe(500);
    expect(winRate(0, 0)).toBeNull();
    expect(winRate(1, 3)).toBe(0.25);
  });

  it('the contract accepts percentages with two decimals at most, none negative', () => {
    expect(bidFields.safeParse({ title: 'x', estimatedValue: -1 }).success).toBe(false);
    expect(
      bidFields.parse({
        title: 'x',
        skills: [
          { tag: ' Web  Design ', days: 2 },
          { tag: 'web design', days: 3 },
        ],
      }).skills,
    ).toEqual([{ tag: 'web design', days: 5 }]);
  });
});

describe('stage moves', () => {
  const ok = team([[10000, 10000]]);
  it('follows the pipeline forwards, and backwards only while the bid is put together', () => {
    expect(moveProblem('idea', 'forming', ok)).toBeNull();
    expect(moveProblem('forming', 'idea', ok)).toBeNull();
    expect(moveProblem('preparing', 'forming', ok)).toBeNull();
    expect(moveProblem('submitted', 'won', ok)).toBeNull();
    expect(moveProblem('won', 'delivering', ok)).toBeNull();
    expect(moveProblem('delivering', 'completed', ok)).toBeNull();
    expect(moveProblem('withdrawn', 'idea', ok)).toBeNull();
    expect(moveProblem('submitted', 'preparing', ok)).toMatch(/cannot move/);
    expect(moveProblem('lost', 'won', ok)).toBe('A bid at “Lost” cannot move to “Won”.');
    expect(moveProblem('completed', 'delivering', ok)).toBe('A completed bid stays completed: it cannot move back.');
    expect(moveProblem('idea', 'idea', ok)).toBe('The bid is already at “Idea”.');
  });

  it('needs a go decision before preparing, and a complete team before submitting', () => {
    expect(moveProblem('forming', 'preparing', { ...ok, goDecided: false })).toMatch(/go/);
    expect(moveProblem('preparing', 'submitted', team([[9000, 9000]]))).toBe(
      'Not ready to submit: Work shares total 90 %: 10 % is not given to anyone. Revenue shares total 90 %: 10 % is not given to anyone.',
    );
  });
});

describe('skill matching', () => {
  const needed = [
    { tag: 'web design', days: 10 },
    { tag: 'copywriting', days: 4 },
    { tag: 'photography', days: 0 },
    { tag: 'video', days: 2 },
  ];

  it('ranks by the days of work covered, then past partnerships, then member number', () => {
    const s = suggestTeam(needed, [
      c('Ben', 2, ['copywriting']),
      c('Ana', 1, ['web design']),
      c('Chiara', 3, ['copywriting', 'photography']),
      c('Dev', 4, ['copywriting'], ['Ana']),
      c('Eve', 5, ['knitting']),
    ]);
    expect(s.ranked.map((r) => r.name)).toEqual(['Ana', 'Chiara', 'Dev', 'Ben']);
    expect(s.ranked.find((r) => r.name === 'Dev')!.reason).toBe('offers copywriting; has bid with Ana before');
    expect(s.ranked[0].coverage).toBeCloseTo(10 / 17);
    // greedy cover: Ana (web design), then Chiara (copywriting + photography); video is a gap
    expect(s.suggested).toEqual(['Ana', 'Chiara']);
    expect(s.gaps).toEqual(['video']);
  });

  it('does not suggest anyone for a skill the team already brings, nor count it as a gap', () => {
    const s = suggestTeam(needed, [c('Ben', 2, ['copywriting']), c('Chiara', 3, ['photography'])], ['photography', 'video']);
    expect(s.suggested).toEqual(['Ben']);
    expect(s.ranked.map((r) => r.name)).toEqual(['Ben', 'Chiara']);
    expect(s.gaps).toEqual(['web design']);
  });

  it('with nobody offering anything, everything is a gap', () => {
    expect(suggestTeam(needed, [])).toEqual({ ranked: [], suggested: [], gaps: ['web design', 'copywriting', 'photography', 'video'] });
  });
});

describe('the pipeline, whole', () => {
  const ok = team([[10000, 10000]]);
  // Every stage, where it may go, and what each name reads on the board.
  const pipeline: Record<BidStage, [string, BidStage[]]> = {
    idea: ['Idea', ['forming', 'withdrawn']],
    forming: ['Forming team', ['preparing', 'idea', 'withdrawn']],
    preparing: ['Preparing bid', ['submitted', 'forming', 'withdrawn']],
    submitted: ['Submitted', ['won', 'lost', 'withdrawn']],
    won: ['Won', ['delivering']],
    lost: ['Lost', []],
    withdrawn: ['Withdrawn', ['idea']],
    delivering: ['Delivering', ['completed']],
    completed: ['Completed', []],
  };
  it('every move from every stage is allowed or refused as the pipeline says', () => {
    for (const from of BID_STAGES) {
      expect(STAGE_LABELS[from]).toBe(pipeline[from][0]);
      expect(nextStages(from)).toEqual(pipeline[from][1]);
      for (const to of BID_STAGES) expect(moveProblem(from, to, ok) === null, `${from} → ${to}`).toBe(pipeline[from][1].includes(to));
    }
  });
  it('the stage groups the rest of the app counts by', () => {
    expect(OPEN_STAGES).toEqual(['idea', 'forming', 'preparing']);
    expect(WON_STAGES).toEqual(['won', 'delivering', 'completed']);
    expect(DECIDED_STAGES).toEqual(['won', 'lost', 'withdrawn', 'delivering', 'completed']);
    expect(TEAM_SETTLED_STAGES).toEqual(['submitted', 'won', 'lost', 'withdrawn', 'delivering', 'completed']);
  });
  it('a refused move says where the bid can go instead', () => {
    expect(moveProblem('idea', 'won', ok)).toBe('A bid at “Idea” cannot move to “Won”; it can go to “Forming team” or “Withdrawn”.');
    expect(moveProblem('won', 'lost', ok)).toBe('A bid at “Won” cannot move to “Lost”; it can go to “Delivering”.');
  });
  it('the go decision is needed only to move from forming to preparing', () => {
    const noGo = { ...ok, goDecided: false };
    expect(moveProblem('forming', 'preparing', noGo)).toBe('Record a “go” decision with the team before preparing the bid.');
    expect(moveProblem('preparing', 'forming', noGo)).toBeNull();
    expect(moveProblem('idea', 'forming', noGo)).toBeNull();
    expect(moveProblem('preparing', 'submitted', noGo)).toBeNull();
    expect(moveProblem('forming', 'withdrawn', { ...noGo, members: [] })).toBeNull();
  });
  it('only accepted places count towards the shares, and every waiting name is listed', () => {
    const base = team([[10000, 10000]]);
    const others = [
      { name: 'Ben', status: 'invited' as const, workShare: 0, revenueShare: 0 },
      { name: 'Chiara', status: 'invited' as const, workShare: 0, revenueShare: 0 },
      { name: 'Dev', status: 'declined' as const, workShare: 5000, revenueShare: 5000 },
      { name: 'Eve', status: 'requested' as const, workShare: 2500, revenueShare: 0 },
    ];
    expect(submissionProblems({ ...base, members: [...base.members, ...others] })).toEqual(['Waiting for Ben, Chiara to accept or decline.']);
  });
  it('win rate is won out of decided', () => {
    expect(winRate(2, 1)).toBeCloseTo(2 / 3);
    expect(winRate(3, 0)).toBe(1);
    expect(winRate(0, 4)).toBe(0);
  });
});

describe('skill matching, at its edges', () => {
  it('equal candidates are ranked by member number, and the first of equals is suggested', () => {
    const s = suggestTeam([{ tag: 'seo', days: 1 }], [c('Zed', 9, ['seo']), c('Ann', 3, ['seo']), c('Moe', 5, ['seo'])]);
    expect(s.ranked.map((r) => r.name)).toEqual(['Ann', 'Moe', 'Zed']);
    expect(s.suggested).toEqual(['Ann']);
    expect(s.ranked[0]).toEqual({ memberId: 'Ann', name: 'Ann', covers: ['seo'], coverage: 1, pastPartners: [], reason: 'offers seo' });
  });
  it('lists several skills and partners in the reason, and keeps the partners', () => {
    const s = suggestTeam(
      [
        { tag: 'seo', days: 1 },
        { tag: 'copywriting', days: 1 },
      ],
      [c('Ann', 3, ['seo', 'copywriting'], ['Ben', 'Chiara'])],
    );
    expect(s.ranked[0].reason).toBe('offers seo, copywriting; has bid with Ben, Chiara before');
    expect(s.ranked[0].pastPartners).toEqual(['Ben', 'Chiara']);
    expect(s.suggested).toEqual(['Ann']);
  });
  it('nobody is suggested twice, and a team of two covers two skills', () => {
    const s = suggestTeam(
      [
        { tag: 'seo', days: 5 },
        { tag: 'video', days: 1 },
      ],
      [c('Ann', 1, ['seo']), c('Ben', 2, ['seo', 'video'])],
    );
    expect(s.suggested).toEqual(['Ben']);
    const t = suggestTeam(
      [
        { tag: 'seo', days: 5 },
        { tag: 'video', days: 1 },
      ],
      [c('Ann', 1, ['seo']), c('Ben', 2, ['video'])],
    );
    expect(t.suggested).toEqual(['Ann', 'Ben']);
  });
  it('the ranking stops at the limit; with nothing needed nothing is covered', () => {
    const many = Array.from({ length: 30 }, (_, i) => c(`M${i}`, i, ['seo']));
    expect(suggestTeam([{ tag: 'seo', days: 1 }], many).ranked).toHaveLength(20);
    expect(suggestTeam([{ tag: 'seo', days: 1 }], many, [], 5).ranked.map((r) => r.name)).toEqual(['M0', 'M1', 'M2', 'M3', 'M4']);
    expect(suggestTeam([], many)).toEqual({ ranked: [], suggested: [], gaps: [] });
  });
});
