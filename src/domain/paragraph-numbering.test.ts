import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import { assignParagraphNumbers, nextParagraphNumbers } from './paragraph-numbering.js';

describe('nextParagraphNumbers', () => {
  const cases: [number, number, number[]][] = [
    [0, 3, [1, 2, 3]],
    [18, 7, [19, 20, 21, 22, 23, 24, 25]],
    [5, 0, []],
    [99, 1, [100]],
  ];
  for (const [lastNumberThisYear, count, expected] of cases) {
    it(`after § ${lastNumberThisYear}, ${count} items → ${expected.join(', ') || 'none'}`, () => {
      assert.deepEqual(nextParagraphNumbers({ lastNumberThisYear, count }), expected);
    });
  }
  it('refuses negative or fractional input', () => {
    assert.throws(() => nextParagraphNumbers({ lastNumberThisYear: -1, count: 1 }), DomainError);
    assert.throws(() => nextParagraphNumbers({ lastNumberThisYear: 0, count: 1.5 }), DomainError);
  });
});

describe('assignParagraphNumbers', () => {
  it('numbers the seed year so that the December meeting starts at § 19', () => {
    const result = assignParagraphNumbers({
      meetings: [
        { meetingId: 'dec', date: '2022-12-14', itemCount: 7 },
        { meetingId: 'mar', date: '2022-03-18', itemCount: 6 },
        { meetingId: 'oct', date: '2022-10-12', itemCount: 5 },
        { meetingId: 'jun', date: '2022-06-10', itemCount: 7 },
      ],
    });
    assert.deepEqual(result.map((m) => [m.meetingId, m.numbers[0], m.numbers.at(-1)]), [
      ['mar', 1, 6], ['jun', 7, 13], ['oct', 14, 18], ['dec', 19, 25],
    ]);
  });
  it('keeps the given order for meetings on the same day and continues after lastNumberBefore', () => {
    const result = assignParagraphNumbers({
      meetings: [
        { meetingId: 'b', date: '2023-03-03', itemCount: 2 },
        { meetingId: 'a', date: '2023-03-03', itemCount: 1 },
        { meetingId: 'empty', date: '2023-02-01', itemCount: 0 },
      ],
      lastNumberBefore: 4,
    });
    assert.deepEqual(result.map((m) => [m.meetingId, m.numbers]), [['empty', []], ['b', [5, 6]], ['a', [7]]]);
  });
  it('refuses meetings from two calendar years', () => {
    assert.throws(() => assignParagraphNumbers({
      meetings: [{ meetingId: 'a', date: '2022-12-14', itemCount: 1 }, { meetingId: 'b', date: '2023-03-03', itemCount: 1 }],
    }), DomainError);
  });
  it('gives 1..total without gaps across the year (property)', () => {
    const meetingArb = fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), itemCount: fc.integer({ min: 0, max: 15 }) });
    fc.assert(fc.property(fc.array(meetingArb, { maxLength: 10 }), (specs) => {
      const meetings = specs.map((s, i) => ({ meetingId: `m${i}`, date: `2023-${String(s.month).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`, itemCount: s.itemCount }));
      const result = assignParagraphNumbers({ meetings });
      const all = result.flatMap((m) => m.numbers);
      const total = specs.reduce((sum, s) => sum + s.itemCount, 0);
      assert.deepEqual(all, Array.from({ length: total }, (_, i) => i + 1));
      for (let i = 1; i < result.length; i += 1) assert.ok((result[i - 1]?.date ?? '') <= (result[i]?.date ?? ''));
    }));
  });
});
