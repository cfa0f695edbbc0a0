import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dayOfWeek } from './calendar-date.js';
import { DomainError } from './domain-error.js';
import { easterSunday, findSwedishHoliday, isNonWorkingDayForDeadlines, listSwedishHolidays } from './swedish-holidays.js';

describe('easterSunday', () => {
  const cases: [number, string][] = [
    [1818, '1818-03-22'], [1943, '1943-04-25'], [2000, '2000-04-23'], [2005, '2005-03-27'], [2008, '2008-03-23'],
    [2011, '2011-04-24'], [2019, '2019-04-21'], [2022, '2022-04-17'], [2023, '2023-04-09'], [2024, '2024-03-31'],
    [2025, '2025-04-20'], [2026, '2026-04-05'], [2038, '2038-04-25'], [2285, '2285-03-22'],
  ];
  for (const [year, date] of cases) it(`${year}: ${date}`, () => assert.equal(easterSunday(year), date));
  it('is a Sunday between 22 March and 25 April (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
      const easter = easterSunday(year);
      assert.equal(dayOfWeek(easter), 7);
      const monthDay = easter.slice(5);
      assert.ok(monthDay >= '03-22' && monthDay <= '04-25', easter);
    }));
  });
});

describe('listSwedishHolidays', () => {
  it('lists 2023 in full', () => {
    assert.deepEqual(listSwedishHolidays(2023).map((h) => `${h.date} ${h.name} ${h.kind}`), [
      '2023-01-01 nyårsdagen public-holiday',
      '2023-01-06 trettondedag jul public-holiday',
      '2023-04-07 långfredagen public-holiday',
      '2023-04-09 påskdagen public-holiday',
      '2023-04-10 annandag påsk public-holiday',
      '2023-05-01 första maj public-holiday',
      '2023-05-18 Kristi himmelsfärdsdag public-holiday',
      '2023-05-28 pingstdagen public-holiday',
      '2023-06-06 Sveriges nationaldag public-holiday',
      '2023-06-23 midsommarafton treated-as-holiday',
      '2023-06-24 midsommardagen public-holiday',
      '2023-11-04 alla helgons dag public-holiday',
      '2023-12-24 julafton treated-as-holiday',
      '2023-12-25 juldagen public-holiday',
      '2023-12-26 annandag jul public-holiday',
      '2023-12-31 nyårsafton treated-as-holiday',
    ]);
  });
  const movable: [number, string, string][] = [
    [2022, 'långfredagen', '2022-04-15'], [2022, 'Kristi himmelsfärdsdag', '2022-05-26'], [2022, 'midsommarafton', '2022-06-24'],
    [2022, 'midsommardagen', '2022-06-25'], [2022, 'alla helgons dag', '2022-11-05'], [2024, 'annandag påsk', '2024-04-01'],
    [2024, 'Kristi himmelsfärdsdag', '2024-05-09'], [2024, 'pingstdagen', '2024-05-19'], [2024, 'midsommardagen', '2024-06-22'],
    [2024, 'alla helgons dag', '2024-11-02'], [2025, 'midsommarafton', '2025-06-20'], [2025, 'alla helgons dag', '2025-11-01'],
    [2025, 'Kristi himmelsfärdsdag', '2025-05-29'], [2026, 'midsommardagen', '2026-06-20'], [2026, 'alla helgons dag', '2026-10-31'],
    [2027, 'midsommardagen', '2027-06-26'], [2008, 'Kristi himmelsfärdsdag', '2008-05-01'],
  ];
  for (const [year, name, date] of movable) {
    it(`${year}: ${name} is ${date}`, () => assert.equal(listSwedishHolidays(year).find((h) => h.name === name)?.date, date));
  }
  it('puts midsommardagen and alla helgons dag on the right Saturdays (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 2005, max: 9999 }), (year) => {
      const holidays = listSwedishHolidays(year);
      const midsummer = holidays.find((h) => h.name === 'midsommardagen')?.date ?? '';
      const allSaints = holidays.find((h) => h.name === 'alla helgons dag')?.date ?? '';
      const eve = holidays.find((h) => h.name === 'midsommarafton')?.date ?? '';
      assert.equal(dayOfWeek(midsummer), 6);
      assert.ok(midsummer.slice(5) >= '06-20' && midsummer.slice(5) <= '06-26');
      assert.equal(dayOfWeek(allSaints), 6);
      assert.ok(allSaints.slice(5) >= '10-31' && allSaints.slice(5) <= '11-06');
      assert.equal(dayOfWeek(eve), 5);
      assert.equal(holidays.length, 16);
      assert.deepEqual([...holidays.map((h) => h.date)].sort(), holidays.map((h) => h.date));
    }));
  });
  // Lag (1989:253) 1 §: the thirteen named public holidays; Easter Sundays from the church
  // calendar: 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28.
  const publicHolidays: [number, string[]][] = [
    [2024, ['2024-01-01', '2024-01-06', '2024-03-29', '2024-03-31', '2024-04-01', '2024-05-01', '2024-05-09', '2024-05-19', '2024-06-06', '2024-06-22', '2024-11-02', '2024-12-25', '2024-12-26']],
    [2025, ['2025-01-01', '2025-01-06', '2025-04-18', '2025-04-20', '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-06', '2025-06-08', '2025-06-21', '2025-11-01', '2025-12-25', '2025-12-26']],
    [2026, ['2026-01-01', '2026-01-06', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-24', '2026-06-06', '2026-06-20', '2026-10-31', '2026-12-25', '2026-12-26']],
    [2027, ['2027-01-01', '2027-01-06', '2027-03-26', '2027-03-28', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-16', '2027-06-06', '2027-06-26', '2027-11-06', '2027-12-25', '2027-12-26']],
  ];
  for (const [year, expected] of publicHolidays) {
    it(`lag (1989:253) 1 § — ${year}: the thirteen public holidays in date order`, () => {
      assert.deepEqual(listSwedishHolidays(year).filter((h) => h.kind === 'public-holiday').map((h) => h.date), expected);
    });
  }
  it('lag (1930:173) 2 § — midsommarafton, julafton and nyårsafton are treated as holidays, not public holidays', () => {
    const eves = listSwedishHolidays(2026).filter((h) => h.kind === 'treated-as-holiday').map((h) => h.date);
    assert.deepEqual(eves, ['2026-06-19', '2026-12-24', '2026-12-31']);
  });
  it('refuses years before the 2005 rules', () => {
    assert.throws(() => listSwedishHolidays(2004), DomainError);
    assert.throws(() => listSwedishHolidays(2023.5), DomainError);
  });
});

describe('isNonWorkingDayForDeadlines', () => {
  const cases: [string, boolean, string][] = [
    ['2023-06-23', true, 'midsommarafton, a Friday'],
    ['2023-06-22', false, 'Thursday before midsummer'],
    ['2022-12-24', true, 'julafton'],
    ['2023-12-27', false, 'Wednesday after Christmas'],
    ['2024-12-31', true, 'nyårsafton on a Tuesday'],
    ['2023-04-07', true, 'långfredagen'],
    ['2023-04-11', false, 'Tuesday after Easter'],
    ['2023-05-18', true, 'Kristi himmelsfärdsdag'],
    ['2023-05-19', false, 'a klämdag is a working day'],
    ['2023-06-06', true, 'nationaldagen on a Tuesday'],
    ['2023-01-05', false, 'trettondagsafton is a working day'],
    ['2023-04-08', true, 'Saturday'],
    ['2023-04-09', true, 'Sunday'],
    ['2024-11-01', false, 'Friday before alla helgons dag'],
    ['2023-03-15', false, 'an ordinary Wednesday'],
    ['2024-05-01', true, 'första maj on a Wednesday'],
  ];
  for (const [date, expected, why] of cases) {
    it(`${date} (${why}) → ${String(expected)}`, () => assert.equal(isNonWorkingDayForDeadlines(date), expected));
  }
  it('names the holiday on a date', () => {
    assert.equal(findSwedishHoliday('2022-12-26')?.name, 'annandag jul');
    assert.equal(findSwedishHoliday('2022-12-27'), undefined);
  });
});
