import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import { CONSEQUENCE_LABELS, PROBABILITY_LABELS, classifyRiskValue, computeRiskValue, isStatedRiskValueConsistent, suggestRiskDecision } from './risk.js';

describe('computeRiskValue', () => {
  // rows of the seed's internal control plan 2023: probability, consequence, stated value
  const seedRows: [number, number, number][] = [[4, 1, 4], [2, 2, 4], [2, 3, 6], [1, 1, 1], [2, 3, 6]];
  for (const [probability, consequence, value] of seedRows) {
    it(`${probability} × ${consequence} = ${value} (seed)`, () => assert.equal(computeRiskValue({ probability, consequence }), value));
  }
  const others: [number, number, number][] = [[4, 4, 16], [3, 4, 12], [3, 3, 9], [4, 2, 8], [1, 3, 3]];
  for (const [probability, consequence, value] of others) {
    it(`${probability} × ${consequence} = ${value}`, () => assert.equal(computeRiskValue({ probability, consequence }), value));
  }
  for (const [probability, consequence] of [[0, 1], [5, 1], [1, 0], [1, 5], [2.5, 2], [Number.NaN, 1]] as const) {
    it(`refuses ${probability} × ${consequence}`, () => {
      assert.throws(() => computeRiskValue({ probability, consequence }), (error: unknown) => error instanceof DomainError && error.code === 'invalid-risk-score');
    });
  }
  it('flags the seed GDPR row (1 × 2 stated as 3) and accepts a consistent row', () => {
    assert.equal(isStatedRiskValueConsistent({ probability: 1, consequence: 2, statedValue: 3 }), false);
    assert.equal(isStatedRiskValueConsistent({ probability: 2, consequence: 2, statedValue: 4 }), true);
  });
  it('has the seed labels', () => {
    assert.equal(PROBABILITY_LABELS[1], 'osannolik');
    assert.equal(PROBABILITY_LABELS[2], 'mindre sannolik');
    assert.deepEqual([CONSEQUENCE_LABELS[1], CONSEQUENCE_LABELS[2], CONSEQUENCE_LABELS[3]], ['försumbar', 'lindrig', 'kännbar']);
  });
});

describe('classifyRiskValue and suggestRiskDecision', () => {
  const cases: [number, string, string][] = [
    [1, 'low', 'risk-accepted'], [2, 'low', 'risk-accepted'], [3, 'low', 'risk-accepted'],
    [4, 'medium', 'risk-accepted'], [6, 'medium', 'follow-up-in-internal-control'],
    [8, 'high', 'follow-up-in-internal-control'], [9, 'high', 'follow-up-in-internal-control'],
    [12, 'very-high', 'follow-up-in-internal-control'], [16, 'very-high', 'follow-up-in-internal-control'],
  ];
  for (const [value, band, decision] of cases) {
    it(`${value} → ${band}, ${decision}`, () => {
      assert.equal(classifyRiskValue(value), band);
      assert.equal(suggestRiskDecision(value), decision);
    });
  }
  for (const value of [0, 17, 5.5, -4]) it(`refuses ${value}`, () => assert.throws(() => classifyRiskValue(value), DomainError));
  it('never ranks a larger value in a lower band (property)', () => {
    const order = ['low', 'medium', 'high', 'very-high'];
    const score = fc.integer({ min: 1, max: 4 });
    fc.assert(fc.property(score, score, score, score, (p1, c1, p2, c2) => {
      const a = computeRiskValue({ probability: p1, consequence: c1 });
      const b = computeRiskValue({ probability: p2, consequence: c2 });
      if (a <= b) assert.ok(order.indexOf(classifyRiskValue(a)) <= order.indexOf(classifyRiskValue(b)));
    }));
  });
});
