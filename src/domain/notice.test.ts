import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from './domain-error.js';
import { isNoticeLate, noticeDeadline } from './notice.js';

describe('noticeDeadline (reglemente 10 §)', () => {
  const cases: [string, number, string][] = [
    ['2022-12-14', 5, '2022-12-09'],
    ['2023-03-03', 5, '2023-02-26'],
    ['2023-03-01', 5, '2023-02-24'],
    ['2024-03-01', 5, '2024-02-25'],
    ['2023-01-03', 5, '2022-12-29'],
    ['2023-06-26', 5, '2023-06-21'],
    ['2022-12-14', 0, '2022-12-14'],
    ['2022-12-14', 10, '2022-12-04'],
  ];
  for (const [meetingDate, noticeDays, expected] of cases) {
    it(`reglemente 10 § — ${noticeDays} days before ${meetingDate} is ${expected}`, () => {
      assert.equal(noticeDeadline({ meetingDate, noticeDays }), expected);
    });
  }
  it('reglemente 10 § — refuses a negative or fractional number of days', () => {
    assert.throws(() => noticeDeadline({ meetingDate: '2022-12-14', noticeDays: -1 }), DomainError);
    assert.throws(() => noticeDeadline({ meetingDate: '2022-12-14', noticeDays: 2.5 }), DomainError);
  });
});

describe('isNoticeLate (reglemente 10 §)', () => {
  const cases: [string, string, boolean][] = [
    ['2022-12-14', '2022-12-01', false],
    ['2022-12-14', '2022-12-09', false],
    ['2022-12-14', '2022-12-10', true],
    ['2022-12-14', '2022-12-14', true],
    ['2023-01-03', '2022-12-29', false],
    ['2023-01-03', '2022-12-30', true],
  ];
  for (const [meetingDate, sentOn, late] of cases) {
    it(`reglemente 10 § — meeting ${meetingDate}, sent ${sentOn} → late ${String(late)}`, () => {
      assert.equal(isNoticeLate({ meetingDate, noticeDays: 5, sentOn }), late);
    });
  }
});
