import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import { attendanceShare } from './attendance-share.js';

describe('attendanceShare (verksamhetsplan 2.3.2, ≥ 75 %)', () => {
  const cases: [number, number, number][] = [
    [14, 14, 100],
    [11, 14, 78.6],
    [10, 14, 71.4],
    [21, 28, 75],
    [0, 14, 0],
    [2, 3, 66.7],
    [1, 3, 33.3],
    [1, 8, 12.5],
    [1, 16, 6.3],
    [3, 16, 18.8],
    [1, 1, 100],
    [999, 1000, 99.9],
    [1999, 2000, 100],
  ];
  for (const [present, total, share] of cases) {
    it(`verksamhetsplan 2.3.2 — ${present} of ${total} → ${share} %`, () => assert.equal(attendanceShare({ present, total }), share));
  }
  it('verksamhetsplan 2.3.2 — 11 of 14 meets the 75 % goal, 10 of 14 does not', () => {
    assert.ok(attendanceShare({ present: 11, total: 14 }) >= 75);
    assert.ok(attendanceShare({ present: 10, total: 14 }) < 75);
  });
  it('verksamhetsplan 2.3.2 — refuses a total of 0 and impossible counts', () => {
    for (const input of [{ present: 0, total: 0 }, { present: 3, total: 2 }, { present: -1, total: 4 }, { present: 1.5, total: 4 }, { present: 1, total: 2.5 }]) {
      assert.throws(() => attendanceShare(input), (error: unknown) => error instanceof DomainError && error.code === 'INVALID_ATTENDANCE');
    }
  });
  it('verksamhetsplan 2.3.2 — one decimal, within 0.05 of the exact share (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }).chain((total) => fc.tuple(fc.integer({ min: 0, max: total }), fc.constant(total))),
      ([present, total]) => {
        const share = attendanceShare({ present, total });
        assert.ok(Math.abs(share - (present * 100) / total) <= 0.05 + 1e-9);
        assert.equal(Math.round(share * 10) / 10, share);
      }));
  });
});
