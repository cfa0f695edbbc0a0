import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import type { AmountUnit } from './largest-remainder.js';
import { carryOver, indexAmount, indexEqualShare } from './pkv.js';

describe('indexAmount (samverkansavtal 8.1)', () => {
  // 5.8 % is an assumed October reading: any PKV from 5.72 % to 5.84 % turns the seed's
  // 76 100 kr into its 80 500 kr.
  const cases: [number, number, AmountUnit, number, string][] = [
    [76_100, 5.8, 100, 80_500, '80513.8'],
    [1_065_400, 5.8, 100, 1_127_200, '1127193.2'],
    [74_600, 2, 100, 76_100, '76092'],
    [100_000, 2.5, 1, 102_500, '102500'],
    [1_000, 0.05, 1, 1_001, '1000.5'],
    [50, 1, 100, 100, '50.5'],
    [150, 0, 100, 200, '150'],
    [149, 0, 100, 100, '149'],
    [10_000, -1.5, 1, 9_850, '9850'],
    [0, 5, 100, 0, '0'],
  ];
  for (const [amount, pkvPercent, unit, expected, exact] of cases) {
    it(`${amount} kr + ${pkvPercent} % in units of ${unit} → ${expected} kr`, () => {
      const result = indexAmount({ amount, pkvPercent, unit });
      assert.equal(result.amount, expected);
      assert.deepEqual(result.steps[0], { kind: 'start', amount });
      assert.equal(result.steps[1]?.kind === 'apply-index' ? result.steps[1].exact : undefined, exact);
      assert.deepEqual(result.steps[2], { kind: 'round', unit, amount: expected });
    });
  }
  // The seed gives 76 100 kr per municipality for 2022 and 80 500 for 2023 but not the reading.
  // 80 500 in hundreds means 80 450 ≤ 76 100 · (1 + p) < 80 550, i.e. p from 5.72 % to 5.84 %.
  const seedReadings: [number, AmountUnit, number][] = [
    [5.71, 100, 80_400], [5.72, 100, 80_500], [5.84, 100, 80_500], [5.85, 100, 80_600], [5.8, 1, 80_514],
  ];
  for (const [pkvPercent, unit, expected] of seedReadings) {
    it(`seed 76 100 kr + ${pkvPercent} % in units of ${unit} → ${expected} kr`, () => {
      assert.equal(indexAmount({ amount: 76_100, pkvPercent, unit }).amount, expected);
    });
  }
  it('writes the factor exactly', () => {
    const step = indexAmount({ amount: 76_100, pkvPercent: 5.8, unit: 100 }).steps[1];
    assert.deepEqual(step, { kind: 'apply-index', pkvPercent: 5.8, factor: '1.058', exact: '80513.8' });
  });
  const refusals: [string, () => unknown][] = [
    ['PKV with three decimals', () => indexAmount({ amount: 100, pkvPercent: 5.555, unit: 1 })],
    ['PKV of -100 %', () => indexAmount({ amount: 100, pkvPercent: -100, unit: 1 })],
    ['a negative amount', () => indexAmount({ amount: -1, pkvPercent: 2, unit: 1 })],
    ['a fractional amount', () => indexAmount({ amount: 1.5, pkvPercent: 2, unit: 1 })],
    ['an unknown unit', () => indexAmount({ amount: 100, pkvPercent: 2, unit: 10 as AmountUnit })],
  ];
  for (const [name, run] of refusals) it(`refuses ${name}`, () => assert.throws(run, DomainError));
  it('rounds to the nearest unit of the exact amount (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: -500, max: 2000 }), fc.constantFrom<AmountUnit>(1, 100),
      (amount, basisPoints, unit) => {
        const { amount: indexed } = indexAmount({ amount, pkvPercent: basisPoints / 100, unit });
        assert.equal(indexed % unit, 0);
        // |indexed − amount·(1 + bp/10 000)| ≤ unit/2, in integers: multiply by 20 000
        const error = BigInt(indexed) * 20_000n - BigInt(amount) * BigInt(10_000 + basisPoints) * 2n;
        assert.ok((error < 0n ? -error : error) <= BigInt(unit) * 10_000n);
      }));
  });
});

describe('indexEqualShare', () => {
  it('reproduces the seed: 76 100 per municipality in 2022 → 80 500 and 1 127 000 for 14 in 2023', () => {
    const result = indexEqualShare({ sharePerMember: 76_100, members: 14, pkvPercent: 5.8, unit: 100 });
    assert.equal(result.sharePerMember, 80_500);
    assert.equal(result.amount, 1_127_000);
    assert.deepEqual(result.steps.at(-1), { kind: 'multiply', members: 14, amount: 1_127_000 });
  });
  it('refuses zero members', () => {
    assert.throws(() => indexEqualShare({ sharePerMember: 76_100, members: 0, pkvPercent: 5.8, unit: 100 }), DomainError);
  });
});

describe('carryOver', () => {
  const cases: [number, number, number, string][] = [
    [2_002_600, 1_894_287, 108_313, 'surplus'],
    [5_471_584, 5_527_542, -55_958, 'deficit'],
    [5_034_600, 5_034_600, 0, 'balanced'],
    [0, 254_150, -254_150, 'deficit'],
  ];
  for (const [budget, outcome, amount, kind] of cases) {
    it(`budget ${budget}, outcome ${outcome} → ${kind} ${amount}`, () => assert.deepEqual(carryOver({ budget, outcome }), { amount, kind }));
  }
  it('refuses fractional kronor', () => assert.throws(() => carryOver({ budget: 1.5, outcome: 0 }), DomainError));
});
