import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, formatIsoDate } from './calendar-date.js';
import { DomainError } from './domain-error.js';
import { OPEN_LATE_LIMIT_DAYS, openingOutsideDay } from './meeting-opening.js';

describe('openingOutsideDay: opening before the meeting day or long after it needs a reason', () => {
  const cases: { meetingDate: string; today: string; lateLimitDays?: number; expected: 'early' | 'late' | null; why: string }[] = [
    { meetingDate: '2022-12-14', today: '2022-12-14', expected: null, why: 'on the day' },
    { meetingDate: '2022-12-14', today: '2022-12-13', expected: 'early', why: 'the day before' },
    { meetingDate: '2023-01-02', today: '2022-12-31', expected: 'early', why: 'across the year' },
    { meetingDate: '2022-12-14', today: '2022-12-21', expected: null, why: 'a week after: still recorded without a reason' },
    { meetingDate: '2022-12-14', today: '2022-12-22', expected: 'late', why: 'eight days after' },
    { meetingDate: '2022-12-14', today: '2023-06-01', expected: 'late', why: 'half a year after' },
    { meetingDate: '2022-12-14', today: '2022-12-15', lateLimitDays: 0, expected: 'late', why: 'limit 0: only the day itself' },
    { meetingDate: '2024-02-28', today: '2024-03-07', expected: 'late', why: 'leap day counted' },
  ];
  for (const c of cases) {
    it(`${c.meetingDate} opened ${c.today} → ${String(c.expected)} (${c.why})`, () => {
      assert.equal(openingOutsideDay(c), c.expected);
    });
  }
  it('refuses a negative or fractional limit', () => {
    assert.throws(() => openingOutsideDay({ meetingDate: '2022-12-14', today: '2022-12-14', lateLimitDays: -1 }), DomainError);
    assert.throws(() => openingOutsideDay({ meetingDate: '2022-12-14', today: '2022-12-14', lateLimitDays: 1.5 }), DomainError);
  });
  const dateArb = fc.record({ year: fc.integer({ min: 2005, max: 2200 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }).map(formatIsoDate);
  it('is null exactly from the meeting day to the limit after it (property, seeded)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 30 }), (meetingDate, offset, limit) => {
        const outside = openingOutsideDay({ meetingDate, today: addDays(meetingDate, offset), lateLimitDays: limit });
        assert.equal(outside, offset < 0 ? 'early' : offset > limit ? 'late' : null);
      }),
      { seed: 18, numRuns: 500 },
    );
  });
  it('defaults to a limit of a week', () => assert.equal(OPEN_LATE_LIMIT_DAYS, 7));
});
