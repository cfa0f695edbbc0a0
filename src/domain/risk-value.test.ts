import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from './domain-error.js';
import { RISK_CONSEQUENCE_SCALE, RISK_PROBABILITY_SCALE, riskValue } from './risk-value.js';

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
  ];
  for (const [probability, consequence, value, note] of cases) {
    it(`${probability} × ${consequence} = ${value} ${note}`, () => assert.equal(riskValue({ probability, consequence }), value));
  }
  const refused: [number, number][] = [[0, 1], [5, 1], [1, 0], [1, 5], [2.5, 2], [2, 1.5], [Number.NaN, 1], [1, Number.POSITIVE_INFINITY], [-1, 2]];
  for (const [probability, consequence] of refused) {
    it(`refuses ${probability} × ${consequence} with a Swedish and English message`, () => {
      assert.throws(
        () => riskValue({ probability, consequence }),
        (error: unknown) => error instanceof DomainError && error.code === 'invalid-risk-score' && /heltal 1–4/.test(error.userMessage.sv) && /whole number 1–4/.test(error.userMessage.en),
      );
    });
  }
  it('names the scales as the issue and the seed do', () => {
    assert.deepEqual(Object.values(RISK_PROBABILITY_SCALE), ['osannolik', 'mindre sannolik', 'sannolik', 'mycket sannolik']);
    assert.deepEqual(Object.values(RISK_CONSEQUENCE_SCALE), ['försumbar', 'lindrig', 'kännbar', 'allvarlig']);
  });
});
