import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allocateCosts, type CostAllocationKey } from './allocate-costs.js';
import { DomainError } from './domain-error.js';

// Seed, § 19 attachment "Fördelning årskostnader 2022": 14 members, 76 100 kr each.
const MEMBERS = ['Arjeplog', 'Arvidsjaur', 'Boden', 'Gällivare', 'Haparanda', 'Jokkmokk', 'Kalix', 'Kiruna',
  'Luleå', 'Pajala', 'Piteå', 'Älvsbyn', 'Överkalix', 'Övertorneå'];
const members = (populations?: number[]) => MEMBERS.map((id, i) => ({ id, population: populations?.[i] ?? 1000 }));
const amounts = (shares: { amount: number }[]) => shares.map((share) => share.amount);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('allocateCosts: the seed and small tables (samverkansavtal 8.1–8.3)', () => {
  const cases: { name: string; total: number; populations?: number[]; count?: number; key: CostAllocationKey; roundTo?: 1 | 100; expected: number[] }[] = [
    { name: 'seed 2022 base funding: 1 065 400 = 14 × 76 100', total: 1_065_400, key: { kind: 'equal' }, roundTo: 100, expected: Array<number>(14).fill(76_100) },
    { name: 'seed 2023 base funding: 1 127 000 = 14 × 80 500', total: 1_127_000, key: { kind: 'equal' }, roundTo: 100, expected: Array<number>(14).fill(80_500) },
    { name: 'equal with a remainder: the first listed get the extra hundreds', total: 1_000_000, key: { kind: 'equal' }, roundTo: 100,
      expected: [...Array<number>(4).fill(71_500), ...Array<number>(10).fill(71_400)] },
    { name: 'equal in whole kronor, ties to the first', total: 100, count: 3, key: { kind: 'equal' }, expected: [34, 33, 33] },
    { name: 'by population', total: 1000, count: 3, populations: [1, 1, 2], key: { kind: 'population' }, expected: [250, 250, 500] },
    { name: 'by population, larger remainder first', total: 100, count: 2, populations: [1, 2], key: { kind: 'population' }, expected: [33, 67] },
    { name: 'mixed 50 %', total: 1400, count: 2, populations: [1, 3], key: { kind: 'mixed', flatPercent: 50 }, expected: [525, 875] },
    { name: 'mixed 100 % needs no population', total: 900, count: 3, populations: [0, 0, 0], key: { kind: 'mixed', flatPercent: 100 }, expected: [300, 300, 300] },
    { name: 'weights', total: 1000, count: 3, key: { kind: 'weights', weights: { Arjeplog: 1, Arvidsjaur: 1.5, Boden: 2.5 } }, expected: [200, 300, 500] },
    { name: 'weights in hundreds with a remainder', total: 1000, count: 3, roundTo: 100, key: { kind: 'weights', weights: { Arjeplog: 1, Arvidsjaur: 1, Boden: 1 } }, expected: [400, 300, 300] },
    { name: 'a zero total', total: 0, count: 2, key: { kind: 'equal' }, expected: [0, 0] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const shares = allocateCosts({ total: c.total, parties: members(c.populations).slice(0, c.count ?? 14), key: c.key, roundTo: c.roundTo });
      assert.deepEqual(amounts(shares), c.expected);
      assert.deepEqual(shares.map((share) => share.id), MEMBERS.slice(0, c.count ?? 14));
      assert.equal(sum(amounts(shares)), c.total);
    });
  }
  it('reproduces the seed\'s fixed shared-service amounts when they are given as weights', () => {
    const table = [4000, 9000, 36000, 23000, 13000, 7000, 21000, 29000, 97000, 8000, 53000, 11000, 5000, 6000];
    const weights = Object.fromEntries(MEMBERS.map((id, i) => [id, table[i] ?? 0]));
    assert.deepEqual(amounts(allocateCosts({ total: sum(table), parties: members(), key: { kind: 'weights', weights }, roundTo: 100 })), table);
  });
});

describe('allocateCosts refuses bad input, naming the problem', () => {
  const two = members().slice(0, 2);
  const refusals: [string, () => unknown, RegExp][] = [
    ['a negative total', () => allocateCosts({ total: -100, parties: two, key: { kind: 'equal' } }), /0 or more/],
    ['a total that is not a multiple of roundTo', () => allocateCosts({ total: 150, parties: two, key: { kind: 'equal' }, roundTo: 100 }), /multiple of 100/],
    ['no parties', () => allocateCosts({ total: 100, parties: [], key: { kind: 'equal' } }), /no parties/],
    ['weights that do not cover every party', () => allocateCosts({ total: 100, parties: two, key: { kind: 'weights', weights: { Arjeplog: 1 } } }), /missing Arvidsjaur/],
    ['weights for an unknown party', () => allocateCosts({ total: 100, parties: two, key: { kind: 'weights', weights: { Arjeplog: 1, Arvidsjaur: 1, Boden: 1 } } }), /Boden/],
    ['a negative weight', () => allocateCosts({ total: 100, parties: two, key: { kind: 'weights', weights: { Arjeplog: 1, Arvidsjaur: -1 } } }), /weight of Arvidsjaur/],
    ['zero total population (population)', () => allocateCosts({ total: 100, parties: members([0, 0]).slice(0, 2), key: { kind: 'population' } }), /total population is zero/],
    ['zero total population (mixed)', () => allocateCosts({ total: 100, parties: members([0, 0]).slice(0, 2), key: { kind: 'mixed', flatPercent: 40 } }), /total population is zero/],
    ['a fractional total', () => allocateCosts({ total: 10.5, parties: two, key: { kind: 'equal' } }), /whole number/],
  ];
  for (const [name, run, message] of refusals) {
    it(name, () => assert.throws(run, (error: unknown) => error instanceof DomainError && message.test(error.message) && error.userMessage.sv.length > 0));
  }
});

const partiesArb = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 })
  .filter((populations) => populations.some((p) => p > 0))
  .map((populations) => populations.map((population, i) => ({ id: `m${i}`, population })));
const keyArb: fc.Arbitrary<CostAllocationKey> = fc.oneof(
  fc.constant<CostAllocationKey>({ kind: 'equal' }),
  fc.constant<CostAllocationKey>({ kind: 'population' }),
  fc.integer({ min: 0, max: 10_000 }).map((bp): CostAllocationKey => ({ kind: 'mixed', flatPercent: bp / 100 })),
);

/**
 * A key in which population weighs something. Mixed with a 100 % flat share is the equal key:
 * every exact share is the same, and the unit left over goes to the party listed first
 * (allocateCosts' documented tie rule), whatever its population. A property run found exactly
 * that ([0, 1] inhabitants, flat 100 %, 1 krona) and it is the rule, not a fault.
 */
const populationKeyArb = keyArb.filter((key) => key.kind === 'population' || (key.kind === 'mixed' && key.flatPercent < 100));

describe('allocateCosts properties', () => {
  it('every allocation sums exactly to its total, in units of roundTo', () => {
    fc.assert(fc.property(partiesArb, keyArb, fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom<1 | 100>(1, 100), (parties, key, units, roundTo) => {
      const total = units * roundTo;
      const shares = allocateCosts({ total, parties, key, roundTo });
      assert.equal(sum(amounts(shares)), total);
      assert.ok(shares.every((share) => share.amount % roundTo === 0 && share.amount >= 0));
    }));
  });
  it('weights also sum exactly to the total', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 15 }).filter((w) => w.some((x) => x > 0)), fc.integer({ min: 0, max: 1_000_000 }),
      (weightList, total) => {
        const parties = weightList.map((_, i) => ({ id: `m${i}`, population: 0 }));
        const weights = Object.fromEntries(weightList.map((w, i) => [`m${i}`, w]));
        assert.equal(sum(amounts(allocateCosts({ total, parties, key: { kind: 'weights', weights } }))), total);
      }));
  });
  it('is monotone in population: a party with more inhabitants never pays less (population, mixed)', () => {
    fc.assert(fc.property(partiesArb, populationKeyArb, fc.integer({ min: 0, max: 100_000 }), fc.constantFrom<1 | 100>(1, 100), (parties, key, units, roundTo) => {
      const shares = allocateCosts({ total: units * roundTo, parties, key, roundTo });
      parties.forEach((a, i) => parties.forEach((b, j) => {
        if (a.population > b.population) assert.ok((shares[i]?.amount ?? 0) >= (shares[j]?.amount ?? 0), `${a.id} pays less than ${b.id}`);
      }));
    }));
  });
  it('is monotone in population: a party whose population grows (others unchanged) never pays less', () => {
    fc.assert(fc.property(partiesArb, populationKeyArb, fc.nat(), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }),
      (parties, key, pick, growth, total) => {
        const index = pick % parties.length;
        const grown = parties.map((party, i) => (i === index ? { ...party, population: party.population + growth } : party));
        const before = allocateCosts({ total, parties, key })[index]?.amount ?? 0;
        const after = allocateCosts({ total, parties: grown, key })[index]?.amount ?? 0;
        assert.ok(after >= before, `${before} → ${after}`);
      }));
  });
});
