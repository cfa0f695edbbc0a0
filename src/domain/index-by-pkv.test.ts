import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import { indexByPkv } from './index-by-pkv.js';

describe('indexByPkv (samverkansavtal 8.1)', () => {
  // The seed gives 76 100 kr per municipality for 2022 and 80 500 for 2023 but not the reading.
  // 80 500 in hundreds means 80 450 ≤ 76 100 · (1 + p) < 80 550, i.e. p from 5.72 % to 5.84 %.
  const cases: [number, number, 1 | 100 | 1000 | undefined, number][] = [
    [76_100, 5.72, 100, 80_500],
    [76_100, 5.8, 100, 80_500],
    [76_100, 5.84, 100, 80_500],
    [76_100, 5.71, 100, 80_400],
    [76_100, 5.85, 100, 80_600],
    [76_100, 5.8, undefined, 80_514],
    [76_100, 5.8, 1000, 81_000],
    [1_065_400, 5.8, 1000, 1_127_000],
    [1_065_400, 5.8, 100, 1_127_200],
    [74_500, 0, 1000, 75_000],
    [74_499, 0, 1000, 74_000],
    [10_000, -1.5, 1, 9_850],
    [0, 3, 1000, 0],
  ];
  for (const [amount, pkvPercent, roundTo, expected] of cases) {
    it(`${amount} kr + ${pkvPercent} % rounded to ${roundTo ?? 1} → ${expected}`, () => {
      assert.equal(indexByPkv({ amount, pkvPercent, roundTo }), expected);
    });
  }
  it('14 × the indexed share is the seed\'s 2023 budget 1 127 000', () => {
    assert.equal(14 * indexByPkv({ amount: 1_065_400 / 14, pkvPercent: 5.8, roundTo: 100 }), 1_127_000);
  });
  const refusals: [string, () => unknown][] = [
    ['a negative amount', () => indexByPkv({ amount: -1, pkvPercent: 2 })],
    ['PKV with three decimals', () => indexByPkv({ amount: 100, pkvPercent: 1.234 })],
    ['an unknown rounding', () => indexByPkv({ amount: 100, pkvPercent: 1, roundTo: 10 as 1 })],
  ];
  for (const [name, run] of refusals) it(`refuses ${name}`, () => assert.throws(run, DomainError));
  it('rounds to within half a unit of the exact amount (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: -500, max: 2000 }), fc.constantFrom<1 | 100 | 1000>(1, 100, 1000),
      (amount, basisPoints, roundTo) => {
        const indexed = indexByPkv({ amount, pkvPercent: basisPoints / 100, roundTo });
        assert.equal(indexed % roundTo, 0);
        const error = BigInt(indexed) * 20_000n - BigInt(amount) * BigInt(10_000 + basisPoints) * 2n;
        assert.ok((error < 0n ? -error : error) <= BigInt(roundTo) * 10_000n);
      }));
  });
});
