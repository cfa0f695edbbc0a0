import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import { drawElectionLottery, electionResult, type ElectionResult } from './index.js';

const table: [string, Record<string, number>, number, ElectionResult][] = [
  ['KL 5:55 — the most votes win one place', { Anna: 5, Bertil: 3, Cecilia: 1 }, 1, { elected: ['Anna'], lottery: null }],
  ['KL 5:55 — two places, most votes first', { Anna: 2, Bertil: 6, Cecilia: 4 }, 2, { elected: ['Bertil', 'Cecilia'], lottery: null }],
  ['KL 5:56 — a tie for the only place goes to lot', { Anna: 4, Bertil: 4 }, 1, { elected: [], lottery: { among: ['Anna', 'Bertil'], places: 1 } }],
  ['KL 5:56 — a tie for the last place: the leader is elected, the lot decides one place', { Anna: 6, Bertil: 3, Cecilia: 3, David: 1 }, 2, { elected: ['Anna'], lottery: { among: ['Bertil', 'Cecilia'], places: 1 } }],
  ['KL 5:56 — three tie across the last two places', { Anna: 6, Bertil: 3, Cecilia: 3, David: 3 }, 3, { elected: ['Anna'], lottery: { among: ['Bertil', 'Cecilia', 'David'], places: 2 } }],
  ['KL 5:55 — a tie that fits within the places needs no lot', { Anna: 3, Bertil: 3, Cecilia: 1 }, 2, { elected: ['Anna', 'Bertil'], lottery: null }],
  ['KL 5:55 — no more candidates than places: all are elected', { Anna: 0, Bertil: 2 }, 3, { elected: ['Bertil', 'Anna'], lottery: null }],
  ['KL 5:56 — everyone at zero for one place goes to lot', { Anna: 0, Bertil: 0, Cecilia: 0 }, 1, { elected: [], lottery: { among: ['Anna', 'Bertil', 'Cecilia'], places: 1 } }],
];

const isVoteError = (error: unknown): boolean => error instanceof DomainError && error.code === 'INVALID_VOTE';

describe('electionResult (KL 5 kap. 55–56 §§)', () => {
  for (const [name, votes, places, expected] of table) {
    it(`${name}`, () => assert.deepEqual(electionResult({ votes, places }), expected));
  }
  it('KL 5:55 — refuses places below 1, fractional places, no candidates and impossible counts', () => {
    assert.throws(() => electionResult({ votes: { Anna: 1 }, places: 0 }), DomainError);
    assert.throws(() => electionResult({ votes: { Anna: 1 }, places: -1 }), isVoteError);
    assert.throws(() => electionResult({ votes: { Anna: 1 }, places: 1.5 }), isVoteError);
    assert.throws(() => electionResult({ votes: {}, places: 1 }), isVoteError);
    assert.throws(() => electionResult({ votes: { Anna: -1 }, places: 1 }), isVoteError);
    assert.throws(() => electionResult({ votes: { Anna: 1.5 }, places: 1 }), isVoteError);
    assert.throws(() => electionResult({ votes: { ' ': 1 }, places: 1 }), isVoteError);
  });
  it('KL 5:55–56 — elected and the lot\'s places fill exactly the places (or every candidate) (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''), fc.nat(20), { minKeys: 1, maxKeys: 12 }), fc.integer({ min: 1, max: 6 }), (votes, places) => {
        const result = electionResult({ votes, places });
        const filled = result.elected.length + (result.lottery?.places ?? 0);
        assert.equal(filled, Math.min(places, Object.keys(votes).length));
        const lowestElected = Math.min(...result.elected.map((name) => votes[name] ?? 0));
        for (const name of result.lottery?.among ?? []) assert.ok((votes[name] ?? 0) < lowestElected || result.elected.length === 0);
        if (result.lottery) assert.ok(result.lottery.among.length > result.lottery.places);
      }),
    );
  });
});

describe('drawElectionLottery (KL 5:56)', () => {
  it('KL 5:56 — draws the lot\'s places without drawing anyone twice', () => {
    assert.deepEqual(drawElectionLottery({ among: ['Bertil', 'Cecilia', 'David'], places: 2 }, () => 0), ['Bertil', 'Cecilia']);
    assert.deepEqual(drawElectionLottery({ among: ['Bertil', 'Cecilia', 'David'], places: 2 }, () => 0.99), ['David', 'Cecilia']);
  });
  it('KL 5:56 — refuses a random number outside [0, 1) and more places than candidates', () => {
    assert.throws(() => drawElectionLottery({ among: ['A', 'B'], places: 1 }, () => 1), DomainError);
    assert.throws(() => drawElectionLottery({ among: ['A', 'B'], places: 3 }, () => 0), isVoteError);
  });
  const candidates = ['Anna', 'Bertil', 'Cecilia', 'David'];
  const draws: [number, string][] = [[0, 'Anna'], [0.2499, 'Anna'], [0.25, 'Bertil'], [0.5, 'Cecilia'], [0.75, 'David'], [0.999999, 'David']];
  for (const [draw, expected] of draws) {
    it(`KL 5:56 — one place, draw ${draw} picks ${expected}`, () => assert.deepEqual(drawElectionLottery({ among: candidates, places: 1 }, () => draw), [expected]));
  }
  it('KL 5:56 — refuses every draw outside [0, 1) and a lot without candidates', () => {
    for (const draw of [1, -0.1, Number.NaN, 2]) assert.throws(() => drawElectionLottery({ among: candidates, places: 1 }, () => draw), DomainError);
    assert.throws(() => drawElectionLottery({ among: [], places: 1 }, () => 0.5), isVoteError);
  });
  it('KL 5:56 — draws any kind of candidate, here the two sides of a yes/no election', () => {
    const yes = { text: 'Anna' };
    const no = { text: 'Bertil' };
    assert.deepEqual(drawElectionLottery({ among: [yes, no], places: 1 }, () => 0.7), [no]);
  });
  it('KL 5:56 — always draws `places` different candidates among those tied (property)', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 20 }).chain((names) => fc.tuple(
      fc.constant(names), fc.integer({ min: 1, max: names.length }), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 20, maxLength: 20 }))),
    ([names, places, randoms]) => {
      let next = 0;
      const drawn = drawElectionLottery({ among: names, places }, () => randoms[next++] ?? 0);
      assert.equal(drawn.length, places);
      assert.equal(new Set(drawn).size, places);
      assert.ok(drawn.every((name) => names.includes(name)));
    }));
  });
});
