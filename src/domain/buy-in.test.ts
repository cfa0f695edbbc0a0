import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { computeBuyIn } from './buy-in.js';
import { DomainError } from './domain-error.js';

// Populations 2022 of the demo (DEMO_MUNICIPALITIES): Älvsbyn, Boden, Gällivare, Luleå.
const PARTIES = [
  { id: 'alvsbyn', population: 8081 },
  { id: 'boden', population: 28080 },
  { id: 'gallivare', population: 17446 },
  { id: 'lulea', population: 79183 },
];

describe('computeBuyIn (samverkansavtal 8.3: buy in on the same terms)', () => {
  it('a joiner pays its population share; the others get back the difference', () => {
    const result = computeBuyIn({ total: 300_000, key: { kind: 'population' }, parties: PARTIES, participantIds: ['alvsbyn', 'boden', 'gallivare'], joiningIds: ['lulea'] });
    const byId = new Map(result.rows.map((r) => [r.partyId, r]));
    // 300 000 × 79 183 / 132 790 = 178 890.7…; Älvsbyn 300 000 × 8 081 / 132 790 = 18 256.64…
    assert.equal(byId.get('lulea')?.after, 178_891);
    assert.equal(byId.get('lulea')?.settlement, 178_891);
    assert.equal(byId.get('alvsbyn')?.after, 18_257); // .64 is among the two largest remainders
    // Before: 300 000 × 8 081 / 53 607 = 45 223.57…, the leftover kronor go to Gällivare (.77) and Boden (.66)
    assert.equal(byId.get('alvsbyn')?.before, 45_223);
    assert.equal(byId.get('alvsbyn')?.settlement, 45_223 - 18_257);
    assert.equal(result.buyInTotal, 178_891);
  });

  it('equal key: 3 → 4 parties of 120 000', () => {
    const result = computeBuyIn({ total: 120_000, key: { kind: 'equal' }, parties: PARTIES, participantIds: ['alvsbyn', 'boden', 'gallivare'], joiningIds: ['lulea'] });
    assert.deepEqual(result.rows.map((r) => [r.before, r.after, r.settlement]), [[40_000, 30_000, 10_000], [40_000, 30_000, 10_000], [40_000, 30_000, 10_000], [0, 30_000, 30_000]]);
  });

  it('refuses a joiner that already participates, or an unknown one', () => {
    assert.throws(() => computeBuyIn({ total: 10, key: { kind: 'equal' }, parties: PARTIES, participantIds: ['boden'], joiningIds: ['boden'] }), DomainError);
    assert.throws(() => computeBuyIn({ total: 10, key: { kind: 'equal' }, parties: PARTIES, participantIds: ['boden'], joiningIds: ['okänd'] }), DomainError);
  });

  it('amounts always sum to the total, and buy-ins equal refunds (property)', () => {
    const key = fc.oneof(
      fc.constant({ kind: 'equal' as const }),
      fc.constant({ kind: 'population' as const }),
      fc.integer({ min: 0, max: 100 }).map((flatSharePercent) => ({ kind: 'mixed' as const, flatSharePercent })),
    );
    const populations = fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 2, maxLength: 14 });
    fc.assert(
      fc.property(populations, fc.integer({ min: 0, max: 50_000_000 }), key, fc.integer({ min: 1, max: 13 }), (pops, total, k, split) => {
        const parties = pops.map((population, i) => ({ id: `m${i}`, population }));
        const cut = Math.min(split, parties.length - 1);
        const participantIds = parties.slice(0, cut).map((p) => p.id);
        const joiningIds = parties.slice(cut).map((p) => p.id);
        const result = computeBuyIn({ total, key: k, parties, participantIds, joiningIds });
        assert.equal(result.rows.reduce((s, r) => s + r.before, 0), total);
        assert.equal(result.rows.reduce((s, r) => s + r.after, 0), total);
        const refunds = result.rows.filter((r) => !r.joining).reduce((s, r) => s + r.settlement, 0);
        assert.equal(refunds, result.buyInTotal);
        assert.ok(result.rows.filter((r) => r.joining).every((r) => r.before === 0 && r.settlement === r.after));
      }),
      { numRuns: 300 },
    );
  });
});
