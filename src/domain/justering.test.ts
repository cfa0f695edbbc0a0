import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from './domain-error.js';
import { isJusteringLate, justeringDeadline } from './justering.js';

describe('justeringDeadline (KL 5:69)', () => {
  const cases: [string, string, string][] = [
    ['2022-12-14', '2022-12-28', 'the seed meeting: 14 days later is a Wednesday'],
    ['2023-06-09', '2023-06-26', '14 days later is midsommarafton'],
    ['2023-12-17', '2024-01-02', '14 days later is nyårsafton'],
    ['2023-03-24', '2023-04-11', '14 days later is långfredagen'],
    ['2023-03-03', '2023-03-17', 'an ordinary Friday'],
    ['2023-10-12', '2023-10-26', 'a Thursday'],
    ['2023-12-22', '2024-01-05', 'trettondagsafton is a working day'],
    ['2023-01-07', '2023-01-23', 'lag (1930:173): 14 days later is a Saturday'],
    ['2023-01-08', '2023-01-23', 'lag (1930:173): 14 days later is a Sunday'],
    ['2023-12-10', '2023-12-27', 'lag (1930:173): julafton, juldagen and annandag jul'],
    ['2024-02-15', '2024-02-29', 'a leap day'],
  ];
  for (const [meeting, expected, why] of cases) {
    it(`KL 5:69 — meeting ${meeting} → ${expected} (${why})`, () => assert.equal(justeringDeadline({ meetingDate: meeting }), expected));
  }
  it('KL 5:69 — refuses a meeting date that is not an ISO date', () => {
    assert.throws(() => justeringDeadline({ meetingDate: '2022-13-01' }), DomainError);
  });
});

describe('isJusteringLate (KL 5:69)', () => {
  const cases: [string, string, boolean][] = [
    ['2022-12-14', '2022-12-14', false],
    ['2022-12-14', '2022-12-19', false],
    ['2022-12-14', '2022-12-28', false],
    ['2022-12-14', '2022-12-29', true],
    ['2023-06-09', '2023-06-26', false],
    ['2023-06-09', '2023-06-27', true],
  ];
  for (const [meetingDate, justeringDate, late] of cases) {
    it(`KL 5:69 — meeting ${meetingDate}, justering ${justeringDate} → late ${String(late)}`, () => {
      assert.equal(isJusteringLate({ meetingDate, justeringDate }), late);
    });
  }
  it('KL 5:69 — refuses a justering before the meeting', () => {
    assert.throws(() => isJusteringLate({ meetingDate: '2022-12-14', justeringDate: '2022-12-13' }), DomainError);
  });
});
