import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import { RISK_CONSEQUENCE_SCALE, RISK_PROBABILITY_SCALE, classifyRiskValue, riskValue } from './risk.js';

describe('riskValue (seed § 20, verksamhetsplan 2023, 3)', () => {
  const cases: [number, number, number, string][] = [
    [4, 1, 4, 'projekt följer inte plan (seed)'],
    [2, 2, 4, 'leverantörsavtal följs inte upp (seed)'],
    [2, 3, 6, 'reglemente inte fastställt (seed)'],
    [2, 3, 6, 'resursbrist, vakant samordnare (seed)'],
    [1, 1, 1, 'leasingavtal (seed § 20)'],
    [1, 2, 2, 'GDPR 1 × 2 (seed § 20 states 3)'],
    [2, 2, 4, 'informationsförvaltning (seed § 20)'],
    [4, 4, 16, 'the highest'],
    [3, 4, 12, ''],
    [4, 3, 12, ''],
    [3, 3, 9, ''],
    [4, 2, 8, ''],
    [1, 3, 3, ''],
  ];
  for (const [probability, consequence, value, note] of cases) {
    it(`${probability} × ${consequence} = ${value} ${note}`, () => assert.equal(riskValue({ probability, consequence }), value));
  }
  const refused: [number, number][] = [[0, 1], [5, 1], [1, 0], [1, 5], [2.5, 2], [2, 1.5], [Number.NaN, 1], [1, Number.POSITIVE_INFINITY], [-1, 2]];
  for (const [probability, consequence] of refused) {
    it(`refuses ${probability} × ${consequence} with a Swedish and English message`, () => {
      assert.throws(
        () => riskValue({ probability, consequence }),
        (error: unknown) => error instanceof DomainError && error.code === 'INVALID_RISK_SCORE' && /heltal 1–4/.test(error.userMessage.sv) && /whole number 1–4/.test(error.userMessage.en),
      );
    });
  }
  it('names the scales as the issue and the seed do', () => {
    assert.deepEqual(Object.values(RISK_PROBABILITY_SCALE), ['osannolik', 'mindre sannolik', 'sannolik', 'mycket sannolik']);
    assert.deepEqual(Object.values(RISK_CONSEQUENCE_SCALE), ['försumbar', 'lindrig', 'kännbar', 'allvarlig']);
  });
});

describe('classifyRiskValue (seed § 20: values up to 4 accepted, 6 followed up)', () => {
  const cases: [number, string][] = [
    [1, 'low'], [2, 'low'], [3, 'low'], [4, 'medium'], [6, 'medium'], [8, 'high'], [9, 'high'], [12, 'very-high'], [16, 'very-high'],
  ];
  for (const [value, band] of cases) it(`${value} → ${band}`, () => assert.equal(classifyRiskValue(value), band));
  for (const value of [0, 17, 5.5, -4]) it(`refuses ${value}`, () => assert.throws(() => classifyRiskValue(value), DomainError));
  it('never ranks a larger value in a lower band (property)', () => {
    const order = ['low', 'medium', 'high', 'very-high'];
    const score = fc.integer({ min: 1, max: 4 });
    fc.assert(fc.property(score, score, score, score, (p1, c1, p2, c2) => {
      const a = riskValue({ probability: p1, consequence: c1 });
      const b = riskValue({ probability: p2, consequence: c2 });
      if (a <= b) assert.ok(order.indexOf(classifyRiskValue(a)) <= order.indexOf(classifyRiskValue(b)));
    }));
  });
});
