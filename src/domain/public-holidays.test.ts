import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from './domain-error.js';
import { swedishPublicHolidays } from './public-holidays.js';

// Lag (1989:253) 1 §; Easter Sundays from the church calendar: 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28.
describe('swedishPublicHolidays', () => {
  const years: [number, string[]][] = [
    [2024, ['2024-01-01', '2024-01-06', '2024-03-29', '2024-03-31', '2024-04-01', '2024-05-01', '2024-05-09', '2024-05-19', '2024-06-06', '2024-06-22', '2024-11-02', '2024-12-25', '2024-12-26']],
    [2025, ['2025-01-01', '2025-01-06', '2025-04-18', '2025-04-20', '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-06', '2025-06-08', '2025-06-21', '2025-11-01', '2025-12-25', '2025-12-26']],
    [2026, ['2026-01-01', '2026-01-06', '2026-04-03', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-24', '2026-06-06', '2026-06-20', '2026-10-31', '2026-12-25', '2026-12-26']],
    [2027, ['2027-01-01', '2027-01-06', '2027-03-26', '2027-03-28', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-16', '2027-06-06', '2027-06-26', '2027-11-06', '2027-12-25', '2027-12-26']],
  ];
  for (const [year, expected] of years) {
    it(`${year}: the thirteen named holidays in date order`, () => assert.deepEqual(swedishPublicHolidays(year), expected));
  }
  it('leaves out midsommarafton, julafton and nyårsafton (days treated as holidays only for deadlines)', () => {
    const days = swedishPublicHolidays(2026);
    for (const eve of ['2026-06-19', '2026-12-24', '2026-12-31']) assert.ok(!days.includes(eve), eve);
  });
  it('refuses a year before the 2005 rules', () => {
    assert.throws(() => swedishPublicHolidays(2004), DomainError);
  });
});
