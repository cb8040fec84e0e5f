import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countVotes, DECISION_CHOICES, quorumReached, THRESHOLDS } from '../../shared/domain/governance';

/** Counting, as properties: quorum, thresholds, blocks, polls and approval elections. */

const decisionBallots = fc.array(fc.constantFrom(...DECISION_CHOICES).map((c) => [c]));

describe('counting a decision', () => {
  it('quorum is reached exactly when voted / eligible ≥ quorum %, abstentions included', () => {
    fc.assert(
      fc.property(decisionBallots, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 100 }), (ballots, extra, pct) => {
        const eligible = ballots.length + extra;
        const c = countVotes({ kind: 'decision', threshold: 'majority', quorumPct: pct, eligible, seats: 1, options: [], ballots });
        expect(c.quorumMet).toBe(eligible > 0 && ballots.length / eligible >= pct / 100 - 1e-12);
        if (!c.quorumMet) expect(c.outcome).toBe('no-quorum');
      }),
    );
  });

  it('every ballot is counted once, and the counts sum to the ballots', () => {
    fc.assert(
      fc.property(decisionBallots, (ballots) => {
        const c = countVotes({ kind: 'decision', threshold: 'majority', quorumPct: 1, eligible: Math.max(1, ballots.length), seats: 1, options: [], ballots });
        expect(c.counts.reduce((s, x) => s + x.votes, 0)).toBe(ballots.length);
        expect(c.voted).toBe(ballots.length);
      }),
    );
  });

  it('thresholds: majority needs more yes than no and blocks; two thirds needs 2/3 of yes + no; consensus fails on any block; a higher threshold never passes what a lower refuses', () => {
    fc.assert(
      fc.property(
        decisionBallots.filter((b) => b.length > 0),
        (ballots) => {
          const n = (w: string) => ballots.filter((b) => b[0] === w).length;
          const [yes, no, block] = [n('yes'), n('no'), n('block')];
          const out = Object.fromEntries(
            THRESHOLDS.map((threshold) => [
              threshold,
              countVotes({ kind: 'decision', threshold, quorumPct: 1, eligible: ballots.length, seats: 1, options: [], ballots }).outcome,
            ]),
          );
          expect(out.majority === 'passed').toBe(yes > no + block);
          expect(out['two-thirds'] === 'passed').toBe(yes > 0 && yes / (yes + no + block) >= 2 / 3);
          expect(out.consensus).toBe(block > 0 ? 'blocked' : yes > no ? 'passed' : 'rejected');
          if (out['two-thirds'] === 'passed') expect(out.majority === 'passed' || yes * 2 === yes + no + block).toBe(true);
          if (out.consensus === 'passed') expect(out.majority).toBe('passed');
        },
      ),
    );
  });

  it('two thirds at the edge: 2 yes to 1 no passes, 3 to 2 does not', () => {
    const count = (yes: number, no: number) =>
      countVotes({
        kind: 'rules',
        threshold: 'two-thirds',
        quorumPct: 50,
        eligible: yes + no,
        seats: 1,
        options: [],
        ballots: [...Array(yes).fill(['yes']), ...Array(no).fill(['no'])],
      }).outcome;
    expect(count(2, 1)).toBe('passed');
    expect(count(3, 2)).toBe('rejected');
    expect(quorumReached(1, 2, 50)).toBe(true);
    expect(quorumReached(0, 0, 1)).toBe(false);
  });
});

describe('counting polls and elections', () => {
  const options = ['a', 'b', 'c', 'd'];
  const approvals = fc.array(fc.subarray(options, { minLength: 1 }));

  it('an election by approval elects the seats with most approvals; a tie for the last seat elects only those above it', () => {
    fc.assert(
      fc.property(
        approvals.filter((b) => b.length > 0),
        fc.integer({ min: 1, max: 3 }),
        (ballots, seats) => {
          const c = countVotes({ kind: 'election', threshold: 'majority', quorumPct: 1, eligible: ballots.length, seats, options, ballots });
          const votes = new Map(c.counts.map((x) => [x.choice, x.votes]));
          expect(c.winners.length).toBeLessThanOrEqual(seats);
          // nobody left out has more approvals than someone elected
          for (const w of c.winners) for (const o of options) if (!c.winners.includes(o)) expect(votes.get(o)!).toBeLessThanOrEqual(votes.get(w)!);
          const rest = options.filter((o) => !c.winners.includes(o) && votes.get(o)! > 0);
          const top = Math.max(0, ...rest.map((o) => votes.get(o)!));
          // a tie: more candidates share the next count than there are seats left; otherwise the seats are filled or nobody else was approved
          if (c.outcome === 'tie') expect(rest.filter((o) => votes.get(o) === top).length).toBeGreaterThan(seats - c.winners.length);
          else expect(c.winners.length === seats || rest.length === 0).toBe(true);
          expect(c.winners.every((w) => votes.get(w)! > 0)).toBe(true);
        },
      ),
    );
  });

  it('a poll is won by the most votes; equal tops are a tie', () => {
    const poll = (ballots: string[][]) =>
      countVotes({ kind: 'poll', threshold: 'majority', quorumPct: 1, eligible: ballots.length, seats: 1, options, ballots });
    expect(poll([['a'], ['b'], ['a']])).toMatchObject({ outcome: 'decided', winners: ['a'] });
    expect(poll([['a'], ['b']])).toMatchObject({ outcome: 'tie', winners: [] });
    // a choice that is not an option is not counted
    expect(poll([['a'], ['zzz']]).counts.reduce((s, x) => s + x.votes, 0)).toBe(1);
  });
});
