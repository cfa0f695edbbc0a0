import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from './domain-error.js';
import { goalStatus, indicatorStatus, tertialOfMonth, type GoalStatus, type IndicatorReading } from './goal-status.js';

// Verksamhetsplan 2023, 2.3: at least four meetings; attendance 100 %, at least 75 %;
// the preparation group 10 meetings, at least 8; at least 75 % of municipalities at each.
const meetings = (value: number | null): IndicatorReading => ({ value, kind: 'cumulative', target: 4, minimum: 4, maximum: null });
const attendance = (value: number | null): IndicatorReading => ({ value, kind: 'level', target: 100, minimum: 75, maximum: null });
const prep = (value: number | null): IndicatorReading => ({ value, kind: 'cumulative', target: 10, minimum: 8, maximum: null });
const range = (value: number): IndicatorReading => ({ value, kind: 'level', target: null, minimum: 8, maximum: 10 });

describe('indicatorStatus', () => {
  const cases: [string, IndicatorReading, number, GoalStatus | null][] = [
    ['4 meetings by the year end', meetings(4), 3, 'met'],
    ['3 meetings by the year end', meetings(3), 3, 'not_met'],
    ['2 meetings after tertial 1 (ahead of 4/3)', meetings(2), 1, 'on_track'],
    ['1 meeting after tertial 1 (below 1.33)', meetings(1), 1, 'at_risk'],
    ['3 meetings after tertial 2 (above 2.67)', meetings(3), 2, 'on_track'],
    ['2 meetings after tertial 2 (below 2.67)', meetings(2), 2, 'at_risk'],
    ['4 meetings already in tertial 2', meetings(4), 2, 'met'],
    ['no meetings measured', meetings(null), 2, null],
    ['attendance 100 % at the year end', attendance(100), 3, 'met'],
    ['attendance exactly 75 % at the year end', attendance(75), 3, 'met'],
    ['attendance 74.9 % at the year end', attendance(74.9), 3, 'not_met'],
    ['attendance 80 % in tertial 1', attendance(80), 1, 'on_track'],
    ['attendance 70 % in tertial 2', attendance(70), 2, 'at_risk'],
    ['8 preparation meetings by the year end (minimum, not the target 10)', prep(8), 3, 'met'],
    ['7 preparation meetings by the year end', prep(7), 3, 'not_met'],
    ['3 preparation meetings after tertial 1 (8/3 = 2.67)', prep(3), 1, 'on_track'],
    ['5 preparation meetings after tertial 2 (16/3 = 5.33)', prep(5), 2, 'at_risk'],
    ['a level above its maximum mid-year', range(11), 2, 'at_risk'],
    ['a level above its maximum at the year end', range(11), 3, 'not_met'],
    ['a count above its maximum mid-year', { value: 12, kind: 'cumulative', target: 10, minimum: 8, maximum: 10 }, 2, 'not_met'],
    ['a status judged by hand', { status: 'at_risk' }, 1, 'at_risk'],
  ];
  for (const [name, reading, tertial, expected] of cases) it(`${name} → ${String(expected)}`, () => assert.equal(indicatorStatus(reading, tertial), expected));
  it('refuses a tertial outside 1–3 and an indicator with no target', () => {
    assert.throws(() => indicatorStatus(meetings(1), 4), DomainError);
    assert.throws(() => indicatorStatus(meetings(1), 0), DomainError);
    assert.throws(() => indicatorStatus({ value: 1, kind: 'level', target: null, minimum: null, maximum: null }, 1), DomainError);
  });
});

describe('goalStatus: the worst of the goal\'s indicators', () => {
  const cases: [string, IndicatorReading[], number, GoalStatus | null][] = [
    ['all met', [meetings(4), attendance(90)], 3, 'met'],
    ['one not met hides nothing', [meetings(4), attendance(60)], 3, 'not_met'],
    ['on track and met', [meetings(4), attendance(90)], 2, 'on_track'],
    ['at risk beats on track', [meetings(3), attendance(70)], 2, 'at_risk'],
    ['unmeasured indicators are left out', [meetings(null), attendance(80)], 1, 'on_track'],
    ['nothing measured', [meetings(null)], 1, null],
    ['no indicators', [], 2, null],
    ['a hand status counts', [attendance(100), { status: 'not_met' }], 1, 'not_met'],
  ];
  for (const [name, readings, tertial, expected] of cases) it(`${name} → ${String(expected)}`, () => assert.equal(goalStatus({ tertial, readings }), expected));
});

describe('tertialOfMonth', () => {
  for (const [month, tertial] of [[1, 1], [4, 1], [5, 2], [8, 2], [9, 3], [12, 3]] as const) it(`${month} → ${tertial}`, () => assert.equal(tertialOfMonth(month), tertial));
  it('refuses 0 and 13', () => {
    assert.throws(() => tertialOfMonth(0), DomainError);
    assert.throws(() => tertialOfMonth(13), DomainError);
  });
});
