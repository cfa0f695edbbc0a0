import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, daysBetween, formatIsoDate } from './calendar-date.js';
import { appealPeriod, isPostingLate, noticePostingDeadline } from './appeal.js';
import { DomainError } from './domain-error.js';
import { isNonWorkingDayForDeadlines } from './swedish-holidays.js';

describe('appealPeriod: three weeks from the last board (KL 13:5)', () => {
  const cases: { postedOn: string[]; startsOn: string; lastDay: string; why: string }[] = [
    { postedOn: ['2022-12-20', '2022-12-21', '2022-12-19'], startsOn: '2022-12-21', lastDay: '2023-01-11', why: 'joint committee: from the last board' },
    { postedOn: ['2022-12-21'], startsOn: '2022-12-21', lastDay: '2023-01-11', why: 'same weekday three weeks later' },
    { postedOn: ['2022-12-03'], startsOn: '2022-12-03', lastDay: '2022-12-27', why: 'julafton on Saturday' },
    { postedOn: ['2023-12-10'], startsOn: '2023-12-10', lastDay: '2024-01-02', why: 'nyårsafton on Sunday, then nyårsdagen' },
    { postedOn: ['2024-12-10'], startsOn: '2024-12-10', lastDay: '2025-01-02', why: 'nyårsafton on Tuesday' },
    { postedOn: ['2023-06-02'], startsOn: '2023-06-02', lastDay: '2023-06-26', why: 'midsommarafton' },
    { postedOn: ['2023-03-17'], startsOn: '2023-03-17', lastDay: '2023-04-11', why: 'Easter' },
    { postedOn: ['2023-05-16'], startsOn: '2023-05-16', lastDay: '2023-06-07', why: 'nationaldagen' },
    { postedOn: ['2022-12-16'], startsOn: '2022-12-16', lastDay: '2023-01-09', why: 'trettondedag jul on Friday' },
    { postedOn: ['2023-03-04', '2023-03-01'], startsOn: '2023-03-04', lastDay: '2023-03-27', why: 'posted on a Saturday: the period ends on a Saturday, moved to Monday' },
  ];
  for (const c of cases) {
    it(`${c.postedOn.join(', ')} → last day ${c.lastDay} (${c.why})`, () => {
      assert.deepEqual(appealPeriod({ postedOn: c.postedOn }), { startsOn: c.startsOn, lastDay: c.lastDay });
    });
  }
  it('refuses a bad date', () => {
    assert.throws(() => appealPeriod({ postedOn: ['2022-12-20', '2022-13-01'] }), DomainError);
  });
  const dateArb = fc
    .record({ year: fc.integer({ min: 2005, max: 2200 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
    .map(formatIsoDate);
  it('counts three weeks from the latest posting, whatever the order (property)', () => {
    fc.assert(fc.property(fc.array(dateArb, { minLength: 1, maxLength: 14 }), (postedOn) => {
      const period = appealPeriod({ postedOn });
      const reversed = appealPeriod({ postedOn: [...postedOn].reverse() });
      assert.deepEqual(reversed, period);
      assert.ok(postedOn.includes(period.startsOn));
      assert.ok(postedOn.every((date) => daysBetween(date, period.startsOn) >= 0));
      assert.ok(daysBetween(period.startsOn, period.lastDay) >= 21);
      assert.equal(isNonWorkingDayForDeadlines(period.lastDay), false);
      // Only non-working days lie between the nominal last day (three weeks on) and the last day.
      for (let day = addDays(period.startsOn, 21); day < period.lastDay; day = addDays(day, 1)) assert.ok(isNonWorkingDayForDeadlines(day), day);
    }));
  });
});

describe('noticePostingDeadline and isPostingLate (KL 8:12)', () => {
  const deadlines: [string, string, string][] = [
    ['2022-12-19', '2022-12-21', 'Monday → Wednesday'],
    ['2023-06-21', '2023-06-26', 'second day is midsommarafton'],
    ['2023-03-16', '2023-03-20', 'second day is a Saturday'],
    ['2022-12-16', '2022-12-19', 'second day is a Sunday'],
    ['2022-12-22', '2022-12-27', 'second day is julafton'],
    ['2023-05-16', '2023-05-19', 'second day is Kristi himmelsfärdsdag'],
  ];
  for (const [justering, expected, why] of deadlines) {
    it(`justering ${justering} → post by ${expected} (${why})`, () => assert.equal(noticePostingDeadline({ justeredOn: justering }), expected));
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
      (error: unknown) => error instanceof DomainError && error.code === 'DATES_OUT_OF_ORDER');
  });
});

// Expected dates worked out by hand from the calendar (weekday and holiday of each day named).
describe('noticePostingDeadline (KL 8:12; lag 1930:173)', () => {
  const cases: { justeredOn: string; deadline: string; why: string }[] = [
    { justeredOn: '2022-12-19', deadline: '2022-12-21', why: 'seed: Monday → Wednesday' },
    { justeredOn: '2026-11-25', deadline: '2026-11-27', why: 'Wednesday → Friday' },
    { justeredOn: '2026-11-26', deadline: '2026-11-30', why: 'second day Saturday 28th → Monday' },
    { justeredOn: '2026-12-22', deadline: '2026-12-28', why: 'second day julafton (Thu), then juldagen, annandag jul, Sunday' },
    { justeredOn: '2026-12-29', deadline: '2027-01-04', why: 'second day nyårsafton (Thu), then nyårsdagen (Fri) and the weekend' },
    { justeredOn: '2027-03-24', deadline: '2027-03-30', why: 'second day långfredagen 2027-03-26, then Easter weekend and annandag påsk' },
    { justeredOn: '2026-06-17', deadline: '2026-06-22', why: 'second day midsommarafton 2026-06-19, then midsommardagen and Sunday' },
  ];
  for (const c of cases) {
    it(`justered ${c.justeredOn} → post by ${c.deadline} (${c.why})`, () => {
      assert.equal(noticePostingDeadline({ justeredOn: c.justeredOn }), c.deadline);
    });
  }
});

describe('appealPeriod (KL 13:5; lag 1930:173)', () => {
  const cases: { postedOn: string[]; startsOn: string; lastDay: string; why: string }[] = [
    { postedOn: ['2022-12-19'], startsOn: '2022-12-19', lastDay: '2023-01-09', why: 'seed protocol posted on the day of justering; Monday 9 January is a weekday' },
    { postedOn: ['2026-11-27'], startsOn: '2026-11-27', lastDay: '2026-12-18', why: 'Friday → Friday three weeks later' },
    { postedOn: ['2026-11-30', '2026-12-02', '2026-12-01'], startsOn: '2026-12-02', lastDay: '2026-12-23', why: 'postings on different days: from the latest (Wed 2 Dec)' },
    { postedOn: ['2026-12-02', '2026-12-03', '2026-12-02'], startsOn: '2026-12-03', lastDay: '2026-12-28', why: 'one late board moves the period into Christmas' },
    { postedOn: ['2026-12-03'], startsOn: '2026-12-03', lastDay: '2026-12-28', why: 'Christmas: 24th julafton (Thu), 25th juldagen, 26th annandag jul (Sat), 27th Sunday' },
    { postedOn: ['2026-12-10'], startsOn: '2026-12-10', lastDay: '2027-01-04', why: 'New Year: 31st nyårsafton (Thu), 1 Jan nyårsdagen (Fri), weekend' },
    { postedOn: ['2026-12-16'], startsOn: '2026-12-16', lastDay: '2027-01-07', why: 'trettondedag jul 2027-01-06 (Wed)' },
    { postedOn: ['2026-03-13'], startsOn: '2026-03-13', lastDay: '2026-04-07', why: 'Easter 2026: långfredagen 3 April, påskdagen 5th, annandag påsk 6th' },
    { postedOn: ['2027-03-05', '2027-03-01'], startsOn: '2027-03-05', lastDay: '2027-03-30', why: 'Easter 2027: långfredagen 26 March, annandag påsk 29th' },
    { postedOn: ['2026-05-29'], startsOn: '2026-05-29', lastDay: '2026-06-22', why: 'Midsummer 2026: midsommarafton Fri 19 June, midsommardagen Sat 20th, Sunday' },
    { postedOn: ['2026-04-23'], startsOn: '2026-04-23', lastDay: '2026-05-15', why: 'Kristi himmelsfärdsdag Thu 14 May 2026' },
    { postedOn: ['2026-05-16'], startsOn: '2026-05-16', lastDay: '2026-06-08', why: 'posted on a Saturday; nationaldagen Sat 6 June, then Sunday' },
    { postedOn: ['2026-10-10'], startsOn: '2026-10-10', lastDay: '2026-11-02', why: 'alla helgons dag Sat 31 October 2026, then Sunday' },
    { postedOn: ['2026-04-10'], startsOn: '2026-04-10', lastDay: '2026-05-04', why: 'första maj on a Friday 2026' },
  ];
  for (const c of cases) {
    it(`posted ${c.postedOn.join(', ')} → ${c.startsOn} … ${c.lastDay} (${c.why})`, () => {
      assert.deepEqual(appealPeriod({ postedOn: c.postedOn }), { startsOn: c.startsOn, lastDay: c.lastDay });
    });
  }
  it('refuses when no board has posted the notice', () => {
    assert.throws(() => appealPeriod({ postedOn: [] }), (error: unknown) => error instanceof DomainError && error.code === 'INVALID_INPUT');
  });
});
