import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, compareDates, dayOfWeek, daysBetween, formatIsoDate, isIsoDate, latestDate, parseIsoDate } from './calendar-date.js';
import { DomainError } from './domain-error.js';

/** Independent oracle: the host's UTC calendar. */
function oracleAddDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
function oracleWeekday(date: string): number {
  const utcDay = new Date(`${date}T00:00:00Z`).getUTCDay();
  return utcDay === 0 ? 7 : utcDay;
}
const isoDateArb = fc
  .record({ year: fc.integer({ min: 1700, max: 9000 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(formatIsoDate);

describe('parseIsoDate', () => {
  const valid: [string, number, number, number][] = [
    ['2022-12-14', 2022, 12, 14],
    ['2024-02-29', 2024, 2, 29],
    ['2000-02-29', 2000, 2, 29],
    ['1583-01-01', 1583, 1, 1],
    ['9999-12-31', 9999, 12, 31],
    ['2023-04-30', 2023, 4, 30],
  ];
  for (const [text, year, month, day] of valid) {
    it(`reads ${text}`, () => {
      assert.deepEqual(parseIsoDate(text), { year, month, day });
      assert.equal(isIsoDate(text), true);
    });
  }
  const invalid = ['2023-02-29', '1900-02-29', '2022-13-01', '2022-00-10', '2022-04-31', '2022-1-01', '22-01-01',
    '1582-12-31', '10000-01-01', ' 2022-01-01', '2022-01-01T00:00', '', '2022/01/01', '2022-01-32'];
  for (const text of invalid) {
    it(`refuses "${text}"`, () => {
      assert.equal(isIsoDate(text), false);
      assert.throws(() => parseIsoDate(text), (error: unknown) => error instanceof DomainError && error.code === 'INVALID_DATE');
    });
  }
});

describe('addDays', () => {
  const cases: [string, number, string][] = [
    ['2022-12-31', 1, '2023-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2022-12-14', 21, '2023-01-04'],
    ['2000-03-01', -1, '2000-02-29'],
    ['1900-03-01', -1, '1900-02-28'],
    ['2022-01-01', 365, '2023-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2022-12-14', -14, '2022-11-30'],
    ['2022-12-14', 0, '2022-12-14'],
  ];
  for (const [from, days, expected] of cases) {
    it(`${from} ${days >= 0 ? '+' : ''}${days} = ${expected}`, () => assert.equal(addDays(from, days), expected));
  }
  it('refuses fractional days and leaving the supported range', () => {
    assert.throws(() => addDays('2022-01-01', 0.5), DomainError);
    assert.throws(() => addDays('9999-12-31', 1), DomainError);
  });
  it('agrees with the UTC calendar (property)', () => {
    fc.assert(fc.property(isoDateArb, fc.integer({ min: -20000, max: 20000 }), (date, days) => {
      assert.equal(addDays(date, days), oracleAddDays(date, days));
      assert.equal(daysBetween(date, addDays(date, days)), days);
    }));
  });
});

describe('dayOfWeek', () => {
  const cases: [string, number][] = [
    ['2022-12-14', 3], ['1970-01-01', 4], ['2000-01-01', 6], ['2023-01-01', 7],
    ['2024-02-29', 4], ['2038-01-19', 2], ['1900-01-01', 1], ['2023-06-23', 5],
  ];
  for (const [date, weekday] of cases) it(`${date} is ISO weekday ${weekday}`, () => assert.equal(dayOfWeek(date), weekday));
  it('agrees with the UTC calendar (property)', () => {
    fc.assert(fc.property(isoDateArb, (date) => assert.equal(dayOfWeek(date), oracleWeekday(date))));
  });
});

describe('compareDates and latestDate', () => {
  const cases: [string, string, number][] = [
    ['2022-12-14', '2022-12-15', -1], ['2023-01-01', '2022-12-31', 1], ['2022-12-14', '2022-12-14', 0], ['2021-12-31', '2022-01-01', -1],
  ];
  for (const [a, b, expected] of cases) it(`${a} vs ${b}`, () => assert.equal(compareDates(a, b), expected));
  it('is antisymmetric (property)', () => {
    fc.assert(fc.property(isoDateArb, isoDateArb, (a, b) => assert.equal(compareDates(a, b), -compareDates(b, a) || 0)));
  });
  it('finds the latest date and refuses an empty list', () => {
    assert.equal(latestDate(['2022-12-20', '2022-12-21', '2022-12-19']), '2022-12-21');
    assert.equal(latestDate(['2022-12-20']), '2022-12-20');
    assert.throws(() => latestDate([]), DomainError);
    assert.throws(() => latestDate(['2022-12-20', 'not a date']), DomainError);
  });
});
