import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, compareDates, formatIsoDate } from './calendar-date.js';
import { DomainError } from './domain-error.js';
import { isReminderDue, reminderFrom } from './reminder.js';

describe('reminderFrom / isReminderDue: a reminder some days before a deadline', () => {
  const cases: { deadline: string; daysBefore: number; from: string }[] = [
    { deadline: '2022-12-28', daysBefore: 3, from: '2022-12-25' },
    { deadline: '2023-01-02', daysBefore: 3, from: '2022-12-30' },
    { deadline: '2022-12-21', daysBefore: 1, from: '2022-12-20' },
    { deadline: '2022-12-21', daysBefore: 0, from: '2022-12-21' },
    { deadline: '2024-03-01', daysBefore: 7, from: '2024-02-23' },
  ];
  for (const c of cases) {
    it(`${c.daysBefore} days before ${c.deadline} is ${c.from}`, () => {
      assert.equal(reminderFrom(c), c.from);
      assert.equal(isReminderDue({ ...c, today: addDays(c.from, -1) }), false, 'not the day before');
      assert.equal(isReminderDue({ ...c, today: c.from }), true, 'from that day');
      assert.equal(isReminderDue({ ...c, today: addDays(c.deadline, 5) }), true, 'still after the deadline');
    });
  }
  it('refuses a negative or fractional number of days', () => {
    assert.throws(() => reminderFrom({ deadline: '2022-12-21', daysBefore: -1 }), DomainError);
    assert.throws(() => isReminderDue({ today: '2022-12-21', deadline: '2022-12-21', daysBefore: 0.5 }), DomainError);
  });
  const dateArb = fc.record({ year: fc.integer({ min: 2005, max: 2200 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }).map(formatIsoDate);
  it('is due exactly from the reminder day on (property, seeded)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 60 }), fc.integer({ min: -100, max: 100 }), (deadline, daysBefore, offset) => {
        const today = addDays(deadline, offset);
        assert.equal(isReminderDue({ today, deadline, daysBefore }), offset >= -daysBefore);
        assert.ok(compareDates(reminderFrom({ deadline, daysBefore }), deadline) <= 0);
      }),
      { seed: 18, numRuns: 500 },
    );
  });
});
