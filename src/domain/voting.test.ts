import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import { decideTabling, decideVote, type VoteCount } from './voting.js';

/** The counts of a row of ballots, 'y' yes, 'n' no, 'a' abstain; the first letter is the chair's. */
function counted(spec: string): VoteCount {
  const letters = [...spec];
  const chair = letters[0];
  return {
    yes: letters.filter((l) => l === 'y').length,
    no: letters.filter((l) => l === 'n').length,
    abstain: letters.filter((l) => l === 'a').length,
    ...(chair === 'y' ? { chairVotedWith: 'yes' as const } : chair === 'n' ? { chairVotedWith: 'no' as const } : {}),
    kind: 'decision',
  };
}

describe('decideVote on a row of ballots, the chair voting first (KL 5:55, 4:24–25)', () => {
  const cases: [string, 'yes' | 'no' | 'chair-must-vote', string, boolean][] = [
    ['yyyyynnn', 'yes', 'simple majority for yes', false],
    ['nyyynnnn', 'no', 'simple majority for no', false],
    ['yyyynnnn', 'yes', "tie: the chair's yes decides", true],
    ['nyyyynnn', 'no', "tie: the chair's no decides", true],
    ['ayyynnna', 'chair-must-vote', 'tie and the chair abstained', false],
    ['aaaa', 'chair-must-vote', 'nobody voted', false],
    ['ayaaaaaaaaa', 'yes', 'one yes against abstentions', false],
    ['ayyynnnnaa', 'no', 'abstentions do not count', false],
  ];
  for (const [spec, outcome, why, tie] of cases) {
    it(`${spec} → ${outcome} (${why})`, () => {
      if (outcome === 'chair-must-vote') {
        assert.throws(() => decideVote(counted(spec)), (error: unknown) => error instanceof DomainError && error.code === 'INVALID_VOTE');
      } else {
        assert.deepEqual(decideVote(counted(spec)), { outcome, tie });
      }
    });
  }
  it('follows the majority whenever yes and no differ; a tie goes to the chair\'s vote or is refused (property)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('y', 'n', 'a'), { maxLength: 30 }), (letters) => {
      const yes = letters.filter((l) => l === 'y').length;
      const no = letters.filter((l) => l === 'n').length;
      const input = counted(letters.join(''));
      if (yes !== no) {
        assert.deepEqual(decideVote(input), { outcome: yes > no ? 'yes' : 'no', tie: false });
      } else if (letters[0] === 'y' || letters[0] === 'n') {
        assert.deepEqual(decideVote(input), { outcome: letters[0] === 'y' ? 'yes' : 'no', tie: true });
      } else {
        assert.throws(() => decideVote(input), DomainError);
      }
    }));
  });
});

describe('decideVote (KL 5:55–56 via 6:33, KL 4:24–25)', () => {
  const cases: [string, VoteCount, 'yes' | 'no' | 'lottery', boolean][] = [
    ['KL 5:55 — simple majority for yes', { yes: 8, no: 6, abstain: 0, kind: 'decision' }, 'yes', false],
    ['KL 5:55 — simple majority for no', { yes: 3, no: 9, abstain: 2, kind: 'decision' }, 'no', false],
    ['KL 5:55 — abstentions are not votes cast', { yes: 2, no: 1, abstain: 11, kind: 'decision' }, 'yes', false],
    ['KL 5:55 — one vote against abstentions decides', { yes: 0, no: 1, abstain: 13, kind: 'decision' }, 'no', false],
    ["KL 5:55 — majority decides even against the chair's vote", { yes: 8, no: 6, abstain: 0, chairVotedWith: 'no', kind: 'decision' }, 'yes', false],
    ["KL 5:55 — tie in a decision: the chair's yes decides", { yes: 7, no: 7, abstain: 0, chairVotedWith: 'yes', kind: 'decision' }, 'yes', true],
    ["KL 5:55 — tie in a decision: the chair's no decides", { yes: 6, no: 6, abstain: 2, chairVotedWith: 'no', kind: 'decision' }, 'no', true],
    ['KL 5:56 — tie in an election: lottery', { yes: 7, no: 7, abstain: 0, kind: 'election' }, 'lottery', true],
    ["KL 5:56 — tie in an election: lottery even when the chair voted", { yes: 5, no: 5, abstain: 4, chairVotedWith: 'yes', kind: 'election' }, 'lottery', true],
    ['KL 5:56 — nobody voted in an election: lottery', { yes: 0, no: 0, abstain: 14, kind: 'election' }, 'lottery', true],
    ['KL 5:55 — majority in an election decides', { yes: 8, no: 6, abstain: 0, kind: 'election' }, 'yes', false],
    ['KL 5:55 — minority in an election loses', { yes: 1, no: 2, abstain: 0, kind: 'election' }, 'no', false],
  ];
  for (const [name, input, outcome, tie] of cases) {
    it(name, () => assert.deepEqual(decideVote(input), { outcome, tie }));
  }
  const refused: [string, VoteCount][] = [
    ['KL 4:25 — tie in a decision without the chair voting: the chair must vote', { yes: 7, no: 7, abstain: 0, kind: 'decision' }],
    ['KL 4:25 — nobody voted in a decision: the chair must vote', { yes: 0, no: 0, abstain: 14, kind: 'decision' }],
    ['KL 4:24 — refuses a negative count', { yes: -1, no: 2, abstain: 0, kind: 'decision' }],
    ['KL 4:24 — refuses a fractional count', { yes: 1.5, no: 2, abstain: 0, kind: 'decision' }],
    ['KL 4:24 — refuses a fractional abstain count', { yes: 3, no: 2, abstain: 0.5, kind: 'decision' }],
    ["KL 4:24 — refuses a chair's yes that was not counted", { yes: 0, no: 2, abstain: 0, chairVotedWith: 'yes', kind: 'decision' }],
    ["KL 4:24 — refuses a chair's no that was not counted", { yes: 0, no: 0, abstain: 1, chairVotedWith: 'no', kind: 'decision' }],
  ];
  for (const [name, input] of refused) {
    it(name, () => assert.throws(() => decideVote(input), (error: unknown) => error instanceof DomainError && error.code === 'INVALID_VOTE'));
  }
  it('KL 4:25 — the refusal tells the user in Swedish that the chair must vote', () => {
    assert.throws(() => decideVote({ yes: 3, no: 3, abstain: 0, kind: 'decision' }),
      (error: unknown) => error instanceof DomainError && /ordföranden måste rösta/i.test(error.userMessage.sv));
  });
});

describe('decideTabling (KL 6:33)', () => {
  const cases: [number, number, boolean, string][] = [
    [8, 6, true, 'a majority tables the item'],
    [6, 8, false, 'a majority against: handled now'],
    [7, 7, false, 'a tie is not a majority: not tabled'],
    [0, 0, false, 'no votes cast: not tabled'],
    [1, 0, true, 'one vote against none tables'],
    [0, 1, false, 'one vote against tabling'],
  ];
  for (const [yes, no, tabled, why] of cases) {
    it(`KL 6:33 — ${yes} for, ${no} against → ${tabled ? 'tabled' : 'not tabled'} (${why})`, () => {
      assert.equal(decideTabling({ yes, no }), tabled);
    });
  }
  it('KL 6:33 — refuses negative and fractional counts', () => {
    for (const input of [{ yes: -1, no: 0 }, { yes: 0, no: -2 }, { yes: 2.5, no: 1 }]) assert.throws(() => decideTabling(input), DomainError);
  });
});
