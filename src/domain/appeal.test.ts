import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, dayOfWeek, daysBetween, formatIsoDate } from './calendar-date.js';
import { computeAppealPeriod, isPostingLate, latestPostingDate } from './appeal.js';
import { DomainError } from './domain-error.js';
import { isNonWorkingDayForDeadlines } from './swedish-holidays.js';

describe('computeAppealPeriod (KL 13:5)', () => {
  const cases: { postingDates: string[]; countsFrom: string; last: string; takeDown: string; why: string }[] = [
    { postingDates: ['2022-12-20', '2022-12-21', '2022-12-19'], countsFrom: '2022-12-21', last: '2023-01-11', takeDown: '2023-01-12', why: 'joint committee: from the last board' },
    { postingDates: ['2022-12-21'], countsFrom: '2022-12-21', last: '2023-01-11', takeDown: '2023-01-12', why: 'same weekday three weeks later' },
    { postingDates: ['2022-12-03'], countsFrom: '2022-12-03', last: '2022-12-27', takeDown: '2022-12-28', why: 'julafton on Saturday' },
    { postingDates: ['2023-12-10'], countsFrom: '2023-12-10', last: '2024-01-02', takeDown: '2024-01-03', why: 'nyårsafton on Sunday, then nyårsdagen' },
    { postingDates: ['2024-12-10'], countsFrom: '2024-12-10', last: '2025-01-02', takeDown: '2025-01-03', why: 'nyårsafton on Tuesday' },
    { postingDates: ['2023-06-02'], countsFrom: '2023-06-02', last: '2023-06-26', takeDown: '2023-06-27', why: 'midsommarafton' },
    { postingDates: ['2023-03-17'], countsFrom: '2023-03-17', last: '2023-04-11', takeDown: '2023-04-12', why: 'Easter' },
    { postingDates: ['2023-05-16'], countsFrom: '2023-05-16', last: '2023-06-07', takeDown: '2023-06-08', why: 'nationaldagen' },
    { postingDates: ['2022-12-16'], countsFrom: '2022-12-16', last: '2023-01-09', takeDown: '2023-01-10', why: 'trettondedag jul on Friday' },
    { postingDates: ['2023-03-04', '2023-03-01'], countsFrom: '2023-03-04', last: '2023-03-27', takeDown: '2023-03-28', why: 'posted on a Saturday: the period ends on a Saturday, moved to Monday' },
  ];
  for (const c of cases) {
    it(`${c.postingDates.join(', ')} → last day ${c.last} (${c.why})`, () => {
      const period = computeAppealPeriod({ postingDates: c.postingDates });
      assert.equal(period.countsFrom, c.countsFrom);
      assert.equal(period.lastDayToAppeal, c.last);
      assert.equal(period.earliestTakeDownDate, c.takeDown);
    });
  }
  it('refuses an empty list of postings and a bad date', () => {
    assert.throws(() => computeAppealPeriod({ postingDates: [] }), (error: unknown) => error instanceof DomainError && error.code === 'invalid-input');
    assert.throws(() => computeAppealPeriod({ postingDates: ['2022-12-20', '2022-13-01'] }), DomainError);
  });
  const dateArb = fc
    .record({ year: fc.integer({ min: 2005, max: 2200 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
    .map(formatIsoDate);
  it('counts three weeks from the latest posting, whatever the order (property)', () => {
    fc.assert(fc.property(fc.array(dateArb, { minLength: 1, maxLength: 14 }), (postingDates) => {
      const period = computeAppealPeriod({ postingDates });
      const reversed = computeAppealPeriod({ postingDates: [...postingDates].reverse() });
      assert.deepEqual(reversed, period);
      assert.ok(postingDates.every((date) => daysBetween(date, period.countsFrom) >= 0));
      assert.equal(dayOfWeek(period.nominalLastDay), dayOfWeek(period.countsFrom));
      assert.equal(daysBetween(period.countsFrom, period.nominalLastDay), 21);
      assert.ok(daysBetween(period.nominalLastDay, period.lastDayToAppeal) >= 0);
      assert.equal(isNonWorkingDayForDeadlines(period.lastDayToAppeal), false);
      assert.equal(period.earliestTakeDownDate, addDays(period.lastDayToAppeal, 1));
    }));
  });
});

describe('latestPostingDate and isPostingLate (KL 8:12)', () => {
  const deadlines: [string, string, string][] = [
    ['2022-12-19', '2022-12-21', 'Monday → Wednesday'],
    ['2023-06-21', '2023-06-26', 'second day is midsommarafton'],
    ['2023-03-16', '2023-03-20', 'second day is a Saturday'],
    ['2022-12-16', '2022-12-19', 'second day is a Sunday'],
    ['2022-12-22', '2022-12-27', 'second day is julafton'],
    ['2023-05-16', '2023-05-19', 'second day is Kristi himmelsfärdsdag'],
  ];
  for (const [justering, expected, why] of deadlines) {
    it(`justering ${justering} → post by ${expected} (${why})`, () => assert.equal(latestPostingDate(justering), expected));
  }
  const lateness: [string, string, boolean][] = [
    ['2022-12-19', '2022-12-19', false],
    ['2022-12-19', '2022-12-21', false],
    ['2022-12-19', '2022-12-22', true],
    ['2023-06-21', '2023-06-26', false],
    ['2023-06-21', '2023-06-27', true],
  ];
  for (const [justeringDate, postedOn, late] of lateness) {
    it(`justering ${justeringDate}, posted ${postedOn} → late ${String(late)}`, () => {
      assert.equal(isPostingLate({ justeringDate, postedOn }), late);
    });
  }
  it('refuses a posting before the justering it announces', () => {
    assert.throws(() => isPostingLate({ justeringDate: '2022-12-19', postedOn: '2022-12-18' }),
      (error: unknown) => error instanceof DomainError && error.code === 'dates-out-of-order');
  });
});
