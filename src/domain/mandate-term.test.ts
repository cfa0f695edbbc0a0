import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTermCurrent } from './mandate-term.js';

const cases: [string, string | null, string, boolean][] = [
  ['2023-01-01', '2026-12-31', '2023-01-01', true],
  ['2023-01-01', '2026-12-31', '2026-12-31', true],
  ['2023-01-01', '2026-12-31', '2027-01-01', false],
  ['2023-01-01', '2026-12-31', '2022-12-31', false],
  ['2023-01-01', null, '2099-06-01', true],
  ['2019-01-01', '2022-12-31', '2022-12-14', true],
];
for (const [from, to, today, expected] of cases) {
  test(`term ${from}–${to ?? ''} on ${today}: ${expected ? 'current' : 'not current'}`, () => {
    assert.equal(isTermCurrent({ termFrom: from, termTo: to }, today), expected);
  });
}
