import { describe, expect, it } from 'vitest';
import { bidFields } from '@shared/contract/bids.contract';
import { type Candidate, moveProblem, revenuePart, submissionProblems, suggestTeam, type TeamState, winRate } from '@shared/domain/bids';

const team = (shares: [number, number][], extra: Partial<TeamState> = {}): TeamState => ({
  leadName: 'Ana',
  goDecided: true,
  members: shares.map(([w, r], i) => ({ name: ['Ana', 'Ben', 'Chiara'][i], status: 'accepted' as const, workShare: w, revenueShare: r })),
  ...extra,
});

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
  const c = (name: string, number: number, offers: string[], pastPartners: string[] = []): Candidate => ({
    memberId: name,
    name,
    number,
    offers,
    pastPartners,
  });
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
