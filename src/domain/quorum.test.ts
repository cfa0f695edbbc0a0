import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import { committeeSeats, quorumStatus } from './quorum.js';

const cases: [number, number, boolean, number][] = [
  [14, 8, true, 8],
  [14, 7, false, 8],
  [14, 14, true, 8],
  [14, 0, false, 8],
  [15, 8, true, 8],
  [15, 7, false, 8],
  [1, 1, true, 1],
  [1, 0, false, 1],
  [2, 1, false, 2],
  [3, 2, true, 2],
  [4, 2, false, 3],
  [4, 3, true, 3],
];
const impossible = [
  { seats: 14, present: 15 }, { seats: 0, present: 0 }, { seats: 14, present: -1 }, { seats: 14.5, present: 3 },
  { seats: 14, present: 7.5 }, { seats: Number.NaN, present: 1 },
];
const isAttendanceError = (error: unknown): boolean => error instanceof DomainError && error.code === 'INVALID_ATTENDANCE';

describe('quorumStatus (KL 6:27)', () => {
  for (const [seats, present, quorate, required] of cases) {
    it(`KL 6:27 — ${present} of ${seats} → ${quorate ? 'quorate' : 'not quorate'}, ${required} required`, () => {
      assert.deepEqual(quorumStatus({ seats, present }), { quorate, required, present });
    });
  }
  it('KL 6:27 — refuses impossible attendance', () => {
    for (const input of impossible) assert.throws(() => quorumStatus(input), isAttendanceError);
  });
  it('KL 6:27 — quorate exactly when present is more than half the seats (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }).chain((seats) => fc.tuple(fc.constant(seats), fc.integer({ min: 0, max: seats }))),
      ([seats, present]) => {
        const result = quorumStatus({ seats, present });
        assert.equal(result.quorate, present > seats / 2);
        assert.ok(result.required > seats / 2 && result.required - 1 <= seats / 2);
      }));
  });
});

describe('committeeSeats (KL 6:27, reglemente 13 §)', () => {
  const table: [string, { configured: number | null; memberMunicipalities: number; filled: number }, number][] = [
    ['reglemente 13 § — one seat per member municipality, a vacancy included', { configured: null, memberMunicipalities: 14, filled: 13 }, 14],
    ['reglemente 13 § — every seat filled', { configured: null, memberMunicipalities: 14, filled: 14 }, 14],
    ['reglemente 13 § — the configured number wins', { configured: 15, memberMunicipalities: 14, filled: 13 }, 15],
    ['KL 6:27 — never fewer seats than members holding a mandate', { configured: 12, memberMunicipalities: 14, filled: 13 }, 13],
  ];
  for (const [name, input, seats] of table) {
    it(`${name}: ${seats}`, () => assert.equal(committeeSeats(input), seats));
  }
  it('KL 6:27 — with one vacancy 7 of 14 is not quorate, where 7 of the 13 filled seats would have been', () => {
    const seats = committeeSeats({ configured: null, memberMunicipalities: 14, filled: 13 });
    assert.equal(quorumStatus({ seats, present: 7 }).quorate, false);
    assert.equal(quorumStatus({ seats: 13, present: 7 }).quorate, true);
  });
  it('KL 6:27 — refuses a configured number below 1', () => {
    assert.throws(() => committeeSeats({ configured: 0, memberMunicipalities: 14, filled: 0 }), isAttendanceError);
  });
});
