import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, compareDates, formatIsoDate } from './calendar-date.js';
import { endOfStatutoryPeriod } from './statutory-period.js';
import { isNonWorkingDayForDeadlines } from './swedish-holidays.js';

describe('endOfStatutoryPeriod (lag 1930:173)', () => {
  const cases: [string, string, string][] = [
    ['2023-06-23', '2023-06-26', 'midsommarafton → Monday after midsommardagen'],
    ['2022-12-24', '2022-12-27', 'julafton on Saturday → Tuesday after annandag jul'],
    ['2023-12-24', '2023-12-27', 'julafton on Sunday → Wednesday'],
    ['2024-12-31', '2025-01-02', 'nyårsafton → day after nyårsdagen'],
    ['2023-12-30', '2024-01-02', 'Saturday before nyårsafton'],
    ['2023-04-07', '2023-04-11', 'långfredagen → Tuesday after annandag påsk'],
    ['2023-05-18', '2023-05-19', 'Kristi himmelsfärdsdag → the Friday'],
    ['2023-01-06', '2023-01-09', 'trettondedag jul on Friday → Monday'],
    ['2023-11-04', '2023-11-06', 'alla helgons dag → Monday'],
    ['2023-06-06', '2023-06-07', 'nationaldagen on Tuesday → Wednesday'],
    ['2023-03-15', '2023-03-15', 'an ordinary Wednesday stays'],
    ['2022-12-30', '2022-12-30', 'the Friday before nyårsafton stays'],
    ['2023-01-05', '2023-01-05', 'trettondagsafton stays'],
  ];
  for (const [lastDay, expected, why] of cases) {
    it(`${lastDay} → ${expected} (${why})`, () => assert.equal(endOfStatutoryPeriod(lastDay), expected));
  }
  it('ends on the first working day on or after the last day (property)', () => {
    const dateArb = fc
      .record({ year: fc.integer({ min: 2005, max: 2200 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
      .map(formatIsoDate);
    fc.assert(fc.property(dateArb, (lastDay) => {
      const end = endOfStatutoryPeriod(lastDay);
      assert.ok(compareDates(end, lastDay) >= 0);
      assert.equal(isNonWorkingDayForDeadlines(end), false);
      for (let day = lastDay; compareDates(day, end) < 0; day = addDays(day, 1)) {
        assert.equal(isNonWorkingDayForDeadlines(day), true, day);
      }
      assert.equal(endOfStatutoryPeriod(end), end);
    }));
  });
});
