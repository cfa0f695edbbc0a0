import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allocateCost, type AllocationKey, type AllocationParty } from './allocation.js';
import { DomainError } from './domain-error.js';
import { apportionByWeights, type AmountUnit } from './largest-remainder.js';

const MUNICIPALITIES = ['Arjeplog', 'Arvidsjaur', 'Boden', 'Gällivare', 'Haparanda', 'Jokkmokk', 'Kalix', 'Kiruna',
  'Luleå', 'Pajala', 'Piteå', 'Älvsbyn', 'Överkalix', 'Övertorneå'];
const members: AllocationParty[] = MUNICIPALITIES.map((id) => ({ id }));
const amounts = (shares: { amount: number }[]): number[] => shares.map((share) => share.amount);

describe('allocateCost: equal (samverkansavtal 8.1)', () => {
  const cases: [number, AmountUnit, number, number[]][] = [
    [1_065_400, 100, 14, Array(14).fill(76_100)],
    [1_127_000, 100, 14, Array(14).fill(80_500)],
    [1_000_000, 100, 14, [...Array(4).fill(71_500), ...Array(10).fill(71_400)]],
    [100, 1, 3, [34, 33, 33]],
    [200, 100, 3, [100, 100, 0]],
    [-100, 1, 3, [-34, -33, -33]],
    [0, 100, 3, [0, 0, 0]],
  ];
  for (const [total, unit, count, expected] of cases) {
    it(`${total} kr among ${count} in units of ${unit}`, () => {
      const shares = allocateCost({ total, unit, parties: members.slice(0, count), key: { kind: 'equal' } });
      assert.deepEqual(amounts(shares), expected);
    });
  }
});

describe('allocateCost: population, mixed, participants, fixed', () => {
  const parties = (populations: number[]): AllocationParty[] => populations.map((population, i) => ({ id: `p${i}`, population }));
  const cases: { name: string; total: number; unit: AmountUnit; populations: number[]; key: AllocationKey; participantIds?: string[]; expected: number[] }[] = [
    { name: 'by population, exact', total: 1000, unit: 1, populations: [1, 1, 2], key: { kind: 'population' }, expected: [250, 250, 500] },
    { name: 'by population, the larger remainder gets the krona', total: 100, unit: 1, populations: [1, 2], key: { kind: 'population' }, expected: [33, 67] },
    { name: 'by population in hundreds', total: 10_000, unit: 100, populations: [10, 20, 70], key: { kind: 'population' }, expected: [1000, 2000, 7000] },
    { name: 'a party with no inhabitants pays nothing', total: 900, unit: 1, populations: [0, 1, 2], key: { kind: 'population' }, expected: [0, 300, 600] },
    { name: 'mixed 50 %: half flat, half by population', total: 1400, unit: 1, populations: [1, 3], key: { kind: 'mixed', flatSharePercent: 50 }, expected: [525, 875] },
    { name: 'mixed 100 % is equal', total: 900, unit: 100, populations: [1, 2, 6], key: { kind: 'mixed', flatSharePercent: 100 }, expected: [300, 300, 300] },
    { name: 'mixed 100 % needs no population', total: 900, unit: 1, populations: [0, 0, 0], key: { kind: 'mixed', flatSharePercent: 100 }, expected: [300, 300, 300] },
    { name: 'mixed 0 % is by population', total: 900, unit: 100, populations: [1, 2, 6], key: { kind: 'mixed', flatSharePercent: 0 }, expected: [100, 200, 600] },
    { name: 'mixed 12.5 %', total: 8000, unit: 1, populations: [1, 3], key: { kind: 'mixed', flatSharePercent: 12.5 }, expected: [2250, 5750] },
    { name: 'projects: only participants pay, by population', total: 90_000, unit: 100, populations: [100, 200, 300], key: { kind: 'population' }, participantIds: ['p0', 'p2'], expected: [22_500, 0, 67_500] },
    { name: 'participants with equal split', total: 1000, unit: 1, populations: [1, 1, 1], key: { kind: 'equal' }, participantIds: ['p2', 'p1'], expected: [0, 500, 500] },
    { name: 'fixed amounts', total: 1000, unit: 100, populations: [0, 0], key: { kind: 'fixed', amounts: [{ partyId: 'p1', amount: 600 }, { partyId: 'p0', amount: 400 }] }, expected: [400, 600] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const shares = allocateCost({ total: c.total, unit: c.unit, parties: parties(c.populations), key: c.key, participantIds: c.participantIds });
      assert.deepEqual(amounts(shares), c.expected);
    });
  }
  it('accepts the seed 2022 per-municipality tables as fixed amounts', () => {
    const tables: [number, number[]][] = [
      [937_200, [40000, 46200, 85200, 66300, 52300, 43800, 63400, 75900, 174500, 45900, 110500, 49500, 41000, 42700]],
      [1_046_900, [48200, 54600, 92800, 75400, 60600, 52100, 72000, 83300, 178600, 54100, 117100, 57700, 49100, 51300]],
      [322_000, [4000, 9000, 36000, 23000, 13000, 7000, 21000, 29000, 97000, 8000, 53000, 11000, 5000, 6000]],
    ];
    for (const [total, table] of tables) {
      const key: AllocationKey = { kind: 'fixed', amounts: table.map((amount, i) => ({ partyId: MUNICIPALITIES[i] ?? '', amount })) };
      assert.deepEqual(amounts(allocateCost({ total, unit: 100, parties: members, key })), table);
    }
  });
  const refusals: { name: string; run: () => unknown; message?: RegExp }[] = [
    { name: 'nobody to split among', run: () => allocateCost({ total: 100, unit: 1, parties: [], key: { kind: 'equal' } }), message: /nobody/ },
    { name: 'a total that is not a whole number of units', run: () => allocateCost({ total: 1050, unit: 100, parties: members, key: { kind: 'equal' } }) },
    { name: 'a fractional total', run: () => allocateCost({ total: 10.5, unit: 1, parties: members, key: { kind: 'equal' } }) },
    { name: 'all populations zero', run: () => allocateCost({ total: 100, unit: 1, parties: parties([0, 0]), key: { kind: 'population' } }), message: /total population is zero/ },
    { name: 'all populations zero (mixed)', run: () => allocateCost({ total: 100, unit: 1, parties: parties([0, 0]), key: { kind: 'mixed', flatSharePercent: 40 } }), message: /total population is zero/ },
    { name: 'a missing population', run: () => allocateCost({ total: 100, unit: 1, parties: members, key: { kind: 'population' } }) },
    { name: 'a duplicate party', run: () => allocateCost({ total: 100, unit: 1, parties: [...members, { id: 'Boden' }], key: { kind: 'equal' } }) },
    { name: 'an unknown participant', run: () => allocateCost({ total: 100, unit: 1, parties: members, key: { kind: 'equal' }, participantIds: ['Stockholm'] }) },
    { name: 'no participants', run: () => allocateCost({ total: 100, unit: 1, parties: members, key: { kind: 'equal' }, participantIds: [] }) },
    { name: 'a flat share above 100 %', run: () => allocateCost({ total: 100, unit: 1, parties: parties([1, 2]), key: { kind: 'mixed', flatSharePercent: 101 } }) },
    { name: 'a flat share with three decimals', run: () => allocateCost({ total: 100, unit: 1, parties: parties([1, 2]), key: { kind: 'mixed', flatSharePercent: 33.333 } }) },
    { name: 'fixed amounts not summing to the total', run: () => allocateCost({ total: 1000, unit: 1, parties: parties([0, 0]), key: { kind: 'fixed', amounts: [{ partyId: 'p0', amount: 1 }, { partyId: 'p1', amount: 2 }] } }), message: /sum to 3 kr but the total is 1000 kr/ },
    { name: 'fixed amounts missing a party', run: () => allocateCost({ total: 1000, unit: 1, parties: parties([0, 0]), key: { kind: 'fixed', amounts: [{ partyId: 'p0', amount: 1000 }] } }) },
  ];
  for (const r of refusals) {
    it(`refuses ${r.name}`, () => assert.throws(r.run, (error: unknown) =>
      error instanceof DomainError && error.userMessage.sv.length > 0 && (r.message === undefined || r.message.test(error.message))));
  }
});

describe('allocation properties', () => {
  const inputArb = fc.record({
    unit: fc.constantFrom<AmountUnit>(1, 100),
    units: fc.integer({ min: 0, max: 100_000_000 }),
    populations: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }).filter((p) => p.some((x) => x > 0)),
    percent: fc.integer({ min: 0, max: 100 }),
  });
  it('sums exactly to the total, each share within one unit of its exact share (mixed key)', () => {
    fc.assert(fc.property(inputArb, ({ unit, units, populations, percent }) => {
      const total = units * unit;
      const parties = populations.map((population, i) => ({ id: `p${i}`, population }));
      const shares = allocateCost({ total, unit, parties, key: { kind: 'mixed', flatSharePercent: percent } });
      assert.equal(shares.reduce((sum, s) => sum + s.amount, 0), total);
      // exact share_i = total · (p·P + (100 − p)·n·pop_i) / (100·n·P)
      const n = BigInt(populations.length);
      const P = populations.reduce((sum, x) => sum + BigInt(x), 0n);
      const denominator = 100n * n * P;
      shares.forEach((share, i) => {
        assert.equal(share.amount % unit, 0);
        const exactTimesDenominator = BigInt(total) * (BigInt(percent) * P + BigInt(100 - percent) * n * BigInt(populations[i] ?? 0));
        const error = BigInt(share.amount) * denominator - exactTimesDenominator;
        assert.ok((error < 0n ? -error : error) < BigInt(unit) * denominator);
      });
    }));
  });
  it('gives each party the same share in any order, unless its remainder ties (population key)', () => {
    const arb = inputArb.chain((input) => fc.tuple(fc.constant(input),
      fc.shuffledSubarray(input.populations.map((_, i) => i), { minLength: input.populations.length, maxLength: input.populations.length })));
    fc.assert(fc.property(arb, ([{ unit, units, populations }, order]) => {
      const parties = populations.map((population, i) => ({ id: `p${i}`, population }));
      const total = units * unit;
      const straight = allocateCost({ total, unit, parties, key: { kind: 'population' } });
      const permuted = allocateCost({ total, unit, parties: order.map((i) => parties[i] as AllocationParty), key: { kind: 'population' } });
      const W = populations.reduce((sum, x) => sum + BigInt(x), 0n);
      const remainders = populations.map((x) => (BigInt(units) * BigInt(x)) % W);
      straight.forEach((share, i) => {
        const other = permuted.find((s) => s.partyId === share.partyId)?.amount ?? Number.NaN;
        assert.ok(Math.abs(other - share.amount) <= unit);
        const tied = remainders.filter((r) => r === remainders[i]).length > 1;
        if (!tied) assert.equal(other, share.amount);
      });
    }));
  });
  const partiesArb = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 })
    .filter((populations) => populations.some((p) => p > 0))
    .map((populations) => populations.map((population, i): AllocationParty => ({ id: `m${i}`, population })));
  /**
   * A key in which population weighs something. Mixed with a 100 % flat share is the equal key:
   * every exact share is the same and the unit left over goes to the party listed first, whatever
   * its population (a property run found [0, 1] inhabitants, flat 100 %, 1 krona): the rule, not a fault.
   */
  const populationKeyArb: fc.Arbitrary<AllocationKey> = fc.oneof(
    fc.constant<AllocationKey>({ kind: 'population' }),
    fc.integer({ min: 0, max: 9_999 }).map((bp): AllocationKey => ({ kind: 'mixed', flatSharePercent: bp / 100 })),
  );
  it('is monotone in population: a party with more inhabitants never pays less (population, mixed)', () => {
    fc.assert(fc.property(partiesArb, populationKeyArb, fc.integer({ min: 0, max: 100_000 }), fc.constantFrom<AmountUnit>(1, 100), (parties, key, units, unit) => {
      const shares = allocateCost({ total: units * unit, unit, parties, key });
      parties.forEach((a, i) => parties.forEach((b, j) => {
        if ((a.population ?? 0) > (b.population ?? 0)) assert.ok((shares[i]?.amount ?? 0) >= (shares[j]?.amount ?? 0), `${a.id} pays less than ${b.id}`);
      }));
    }));
  });
  it('is monotone in population: a party whose population grows (others unchanged) never pays less', () => {
    fc.assert(fc.property(partiesArb, populationKeyArb, fc.nat(), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }),
      (parties, key, pick, growth, total) => {
        const index = pick % parties.length;
        const grown = parties.map((party, i) => (i === index ? { ...party, population: (party.population ?? 0) + growth } : party));
        const before = allocateCost({ total, unit: 1, parties, key })[index]?.amount ?? 0;
        const after = allocateCost({ total, unit: 1, parties: grown, key })[index]?.amount ?? 0;
        assert.ok(after >= before, `${before} → ${after}`);
      }));
  });
  it('apportionByWeights gives ties to the party listed first', () => {
    const shares = apportionByWeights({ total: 2, unit: 1, weights: ['a', 'b', 'c'].map((partyId) => ({ partyId, weight: 1n })) });
    assert.deepEqual(amounts(shares), [1, 1, 0]);
  });
});
