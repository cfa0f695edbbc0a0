import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import { countOpenVote, countVoteBetweenProposals, decideByLottery, type OpenVoteChoice } from './voting.js';

function ballots(spec: string): { voterId: string; choice: OpenVoteChoice }[] {
  // 'y' yes, 'n' no, 'a' abstain; voter ids v0, v1, …; the chair is v0.
  const choices: Record<string, OpenVoteChoice> = { y: 'yes', n: 'no', a: 'abstain' };
  return [...spec].map((letter, index) => ({ voterId: `v${index}`, choice: choices[letter] ?? 'abstain' }));
}

describe('countOpenVote (KL 5:55, 4:24–25)', () => {
  const cases: [string, string, string, boolean][] = [
    ['yyyyynnn', 'yes', 'simple majority for yes', false],
    ['nyyynnnn', 'no', 'simple majority for no', false],
    ['yyyynnnn', 'yes', "tie: the chair's yes decides", true],
    ['nyyyynnn', 'no', "tie: the chair's no decides", true],
    ['ayyynnna', 'chair-must-vote', 'tie and the chair abstained', false],
    ['aaaa', 'chair-must-vote', 'nobody voted', false],
    ['ayaaaaaaaaa', 'yes', 'one yes against abstentions', false],
    ['ayyynnnnaa', 'no', 'abstentions do not count', false],
  ];
  for (const [spec, outcome, why, casting] of cases) {
    it(`${spec} → ${outcome} (${why})`, () => {
      const result = countOpenVote({ votes: ballots(spec), chairId: 'v0' });
      assert.equal(result.outcome, outcome);
      assert.equal(result.decidedByCastingVote, casting);
      assert.equal(result.yes, [...spec].filter((l) => l === 'y').length);
      assert.equal(result.no, [...spec].filter((l) => l === 'n').length);
      assert.equal(result.abstain, [...spec].filter((l) => l === 'a').length);
    });
  }
  it('asks the chair to vote on a tie when the chair is not among the voters', () => {
    assert.equal(countOpenVote({ votes: ballots('yn'), chairId: 'chair' }).outcome, 'chair-must-vote');
  });
  it('refuses a member voting twice', () => {
    assert.throws(() => countOpenVote({ votes: [...ballots('yn'), { voterId: 'v0', choice: 'no' }], chairId: 'v0' }), DomainError);
  });
  it('follows the majority whenever yes and no differ (property)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('y', 'n', 'a'), { maxLength: 30 }), (letters) => {
      const yes = letters.filter((l) => l === 'y').length;
      const no = letters.filter((l) => l === 'n').length;
      const result = countOpenVote({ votes: ballots(letters.join('')), chairId: 'v0' });
      if (yes > no) assert.equal(result.outcome, 'yes');
      if (no > yes) assert.equal(result.outcome, 'no');
      if (yes === no) assert.equal(result.decidedByCastingVote, letters[0] === 'y' || letters[0] === 'n');
    }));
  });
});

describe('countVoteBetweenProposals', () => {
  function vote(spec: string): { voterId: string; proposalId: string | null }[] {
    // one letter per voter: the proposal id, or '-' to abstain; the chair is v0
    return [...spec].map((letter, index) => ({ voterId: `v${index}`, proposalId: letter === '-' ? null : letter }));
  }
  const cases: [string, string[], string, string][] = [
    ['AAAAABBB', ['A', 'B'], 'decided:A:false', 'A has a majority'],
    ['AAABBB', ['A', 'B'], 'decided:A:true', "tie: the chair's vote for A decides"],
    ['BAABBA', ['A', 'B'], 'decided:B:true', "tie: the chair's vote for B decides"],
    ['-AAABBB', ['A', 'B'], 'chair-must-vote:A,B', 'tie and the chair abstained'],
    ['AAAABBBCC', ['A', 'B', 'C'], 'no-majority:A', 'plurality is not a majority'],
    ['AAAAABBCC', ['A', 'B', 'C'], 'decided:A:false', '5 of 9 is a majority'],
    ['AAABBB', ['A', 'B', 'C'], 'decided:A:true', 'tie between the only proposals voted for'],
    ['AAABBBC', ['A', 'B', 'C'], 'no-majority:A,B', 'tie at the top but a third proposal got votes'],
    ['AAABB-----', ['A', 'B'], 'decided:A:false', 'abstentions are not votes cast'],
    ['CAABB', ['A', 'B', 'C'], 'no-majority:A,B', "the chair's vote for C leaves no two-way tie"],
  ];
  for (const [spec, proposalIds, expected, why] of cases) {
    it(`${spec} → ${expected} (${why})`, () => {
      const { outcome, cast } = countVoteBetweenProposals({ votes: vote(spec), proposalIds, chairId: 'v0' });
      const text = outcome.kind === 'decided'
        ? `decided:${outcome.proposalId}:${String(outcome.byCastingVote)}`
        : `${outcome.kind}:${(outcome.kind === 'chair-must-vote' ? outcome.tiedProposalIds : outcome.leadingProposalIds).join(',')}`;
      assert.equal(text, expected);
      assert.equal(cast, [...spec].filter((l) => l !== '-').length);
    });
  }
  it('asks the chair to vote when the chair has not voted and two proposals tie', () => {
    const { outcome } = countVoteBetweenProposals({ votes: vote('AABB'), proposalIds: ['A', 'B'], chairId: 'chair' });
    assert.deepEqual(outcome, { kind: 'chair-must-vote', tiedProposalIds: ['A', 'B'] });
  });
  it('refuses fewer than two proposals, duplicates and unknown proposals', () => {
    assert.throws(() => countVoteBetweenProposals({ votes: vote('AA'), proposalIds: ['A'], chairId: 'v0' }), DomainError);
    assert.throws(() => countVoteBetweenProposals({ votes: vote('AA'), proposalIds: ['A', 'A'], chairId: 'v0' }), DomainError);
    assert.throws(() => countVoteBetweenProposals({ votes: vote('AZ'), proposalIds: ['A', 'B'], chairId: 'v0' }), DomainError);
  });
});

describe('decideByLottery (elections and appointments)', () => {
  const candidates = ['Anna', 'Bertil', 'Cecilia', 'David'];
  const cases: [number, string][] = [[0, 'Anna'], [0.2499, 'Anna'], [0.25, 'Bertil'], [0.5, 'Cecilia'], [0.75, 'David'], [0.999999, 'David']];
  for (const [draw, expected] of cases) {
    it(`draw ${draw} picks ${expected}`, () => assert.equal(decideByLottery(candidates, () => draw), expected));
  }
  it('refuses a draw outside [0, 1) and an empty list', () => {
    for (const draw of [1, -0.1, Number.NaN, 2]) assert.throws(() => decideByLottery(candidates, () => draw), DomainError);
    assert.throws(() => decideByLottery([], () => 0.5), DomainError);
  });
  it('always picks one of the candidates (property)', () => {
    fc.assert(fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 20 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      (names, draw) => assert.ok(names.includes(decideByLottery(names, () => draw)))));
  });
});
