import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { presidingChair } from './index.js';

interface Input {
  servingIds: string[];
  chairId: string | null;
  viceChairId: string | null;
  electedId: string | null;
  bornOn: Record<string, string | null>;
}
const base: Input = { servingIds: ['anna', 'bo', 'cilla', 'dan'], chairId: 'cilla', viceChairId: 'bo', electedId: null, bornOn: { anna: '1950-01-01', bo: '1960-06-30', cilla: '1975-03-03', dan: null } };

const table: [string, Partial<Input>, { personId: string; basis: string } | null][] = [
  ['reglemente 14 § — the chair presides when serving', {}, { personId: 'cilla', basis: 'chair' }],
  ['reglemente 16 § — the vice chair when the chair is absent or disqualified', { servingIds: ['anna', 'bo', 'dan'] }, { personId: 'bo', basis: 'vice_chair' }],
  ['reglemente 16 § — the eldest when neither chair nor vice chair serves', { servingIds: ['anna', 'dan'] }, { personId: 'anna', basis: 'eldest' }],
  ['reglemente 16 § — a member elected to chair presides before the eldest', { servingIds: ['anna', 'dan'], electedId: 'dan' }, { personId: 'dan', basis: 'elected' }],
  ['reglemente 16 § — an elected chair who no longer serves does not preside', { servingIds: ['anna'], electedId: 'dan' }, { personId: 'anna', basis: 'eldest' }],
  ['reglemente 16 § — no known age: no one, until one is elected', { servingIds: ['dan'] }, null],
  ['reglemente 16 § — two born the same day cannot be told apart', { servingIds: ['x', 'y'], bornOn: { x: '1950-01-01', y: '1950-01-01' } }, null],
];

describe('presidingChair (reglemente 16 §)', () => {
  for (const [name, override, expected] of table) {
    it(name, () => assert.deepEqual(presidingChair({ ...base, ...override }), expected));
  }
});
