import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import { isQuorate } from './quorum.js';

describe('isQuorate (KL 6:27)', () => {
  const cases: [number, number, boolean, number][] = [
    [14, 8, true, 8],
    [14, 7, false, 8],
    [14, 14, true, 8],
    [14, 0, false, 8],
    [15, 8, true, 8],
    [15, 7, false, 8],
    [1, 1, true, 1],
    [2, 1, false, 2],
    [3, 2, true, 2],
    [4, 2, false, 3],
  ];
  for (const [seats, present, quorate, required] of cases) {
    it(`${present} of ${seats} → ${quorate ? 'quorate' : 'not quorate'}, ${required} required`, () => {
      assert.deepEqual(isQuorate({ seats, present }), { quorate, required, present });
    });
  }
  it('refuses impossible attendance', () => {
    for (const input of [{ seats: 14, present: 15 }, { seats: 0, present: 0 }, { seats: 14, present: -1 }, { seats: 14.5, present: 3 }]) {
      assert.throws(() => isQuorate(input), (error: unknown) => error instanceof DomainError && error.code === 'invalid-attendance');
    }
  });
  it('is quorate exactly when present is more than half the seats (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }).chain((seats) => fc.tuple(fc.constant(seats), fc.integer({ min: 0, max: seats }))),
      ([seats, present]) => {
        const result = isQuorate({ seats, present });
        assert.equal(result.quorate, present > seats / 2);
        assert.ok(result.required > seats / 2 && result.required - 1 <= seats / 2);
      }));
  });
});
