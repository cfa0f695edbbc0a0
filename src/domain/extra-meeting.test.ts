import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import { isExtraMeetingRequired } from './extra-meeting.js';

describe('isExtraMeetingRequired (KL 6:23, reglemente 9 §)', () => {
  const cases: [number, number, boolean][] = [
    [14, 5, true],
    [14, 4, false],
    [14, 14, true],
    [14, 0, false],
    [15, 5, true],
    [15, 4, false],
    [12, 4, true],
    [12, 3, false],
    [3, 1, true],
    [1, 1, true],
    [1, 0, false],
    [2, 1, true],
  ];
  for (const [seats, requesting, required] of cases) {
    it(`KL 6:23 — ${requesting} of ${seats} members ask → ${required ? 'meeting required' : 'not required'}`, () => {
      assert.equal(isExtraMeetingRequired({ requesting, seats }), required);
    });
  }
  it('KL 6:23 — refuses impossible counts', () => {
    for (const input of [{ requesting: 15, seats: 14 }, { requesting: 1, seats: 0 }, { requesting: -1, seats: 14 }, { requesting: 4.5, seats: 14 }]) {
      assert.throws(() => isExtraMeetingRequired(input), DomainError);
    }
  });
  it('KL 6:23 — required exactly when at least a third ask (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 300 }).chain((seats) => fc.tuple(fc.constant(seats), fc.integer({ min: 0, max: seats }))),
      ([seats, requesting]) => assert.equal(isExtraMeetingRequired({ requesting, seats }), requesting >= seats / 3)));
  });
});
