import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../domain/index.js';
import { heatMapGrid, heatMapPosition } from './heat-map.js';

describe('heat map placement (seed § 20, verksamhetsplan 2023, 3)', () => {
  const cases: [number, number, number, number, string][] = [
    // probability, consequence, row (0 = probability 4), column (0 = consequence 1), band
    [4, 1, 0, 0, 'medium'],
    [2, 2, 2, 1, 'medium'],
    [2, 3, 2, 2, 'medium'],
    [1, 1, 3, 0, 'low'],
    [1, 4, 3, 3, 'medium'],
    [4, 4, 0, 3, 'very-high'],
    [3, 3, 1, 2, 'high'],
  ];
  for (const [probability, consequence, row, column, band] of cases) {
    it(`${probability} × ${consequence} → row ${row}, column ${column}, ${band}`, () => {
      assert.deepEqual(heatMapPosition({ probability, consequence }), { row, column });
      const grid = heatMapGrid([{ number: 7, probability, consequence }]);
      const cell = grid[row]?.[column];
      assert.deepEqual(cell?.riskNumbers, [7]);
      assert.equal(cell?.band, band);
      assert.equal(cell?.value, probability * consequence);
      assert.equal(grid.flat().filter((c) => c.riskNumbers.length > 0).length, 1, 'in one cell only');
    });
  }
  it('places the seed register: two risks share 2 × 3', () => {
    const grid = heatMapGrid([
      { number: 1, probability: 4, consequence: 1 },
      { number: 2, probability: 2, consequence: 2 },
      { number: 3, probability: 2, consequence: 3 },
      { number: 4, probability: 2, consequence: 3 },
    ]);
    assert.deepEqual(grid[2]?.[2]?.riskNumbers, [3, 4]);
    assert.deepEqual(grid[0]?.[0]?.riskNumbers, [1]);
    assert.deepEqual(grid.map((row) => row.map((c) => c.value)), [[4, 8, 12, 16], [3, 6, 9, 12], [2, 4, 6, 8], [1, 2, 3, 4]]);
  });
  it('refuses a score outside 1–4', () => assert.throws(() => heatMapGrid([{ number: 1, probability: 5, consequence: 1 }]), DomainError));
});
