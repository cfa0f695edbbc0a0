import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatCaseNumber, formatHandlingId, parseCaseNumber, parseHandlingId } from './case-number.js';
import { DomainError } from './domain-error.js';

describe('parseCaseNumber', () => {
  const valid: [string, number, number, string][] = [
    ['2022/20-2.4.0.2', 2022, 20, '2.4.0.2'],
    ['2022/21-1.3.2.2', 2022, 21, '1.3.2.2'],
    ['2022/1003-1.3.2.2', 2022, 1003, '1.3.2.2'],
    ['2023/1-1', 2023, 1, '1'],
    [' 2022/20-2.4.0.2 ', 2022, 20, '2.4.0.2'],
    ['2020/1539-10.12', 2020, 1539, '10.12'],
  ];
  for (const [text, year, runningNumber, classificationCode] of valid) {
    it(`reads "${text}"`, () => assert.deepEqual(parseCaseNumber(text), { year, runningNumber, classificationCode }));
  }
  const invalid = ['2022/0-1.2', '2022/020-1.2', '22/20-1.2', '2022-20-1.2', '2022/20', '2022/20-', '2022/20-1..2',
    '2022/20-1.2.', '2022/20-a.b', 'KLF 2020/1539', '', '2022/20-.1'];
  for (const text of invalid) {
    it(`refuses "${text}" with a message naming the form`, () => {
      assert.throws(() => parseCaseNumber(text), (error: unknown) =>
        error instanceof DomainError && error.code === 'INVALID_CASE_NUMBER' && error.userMessage.sv.includes('2022/20-2.4.0.2'));
    });
  }
  it('formats what it parses, and parses what it formats (property)', () => {
    const arb = fc.record({
      year: fc.integer({ min: 1000, max: 9999 }),
      runningNumber: fc.integer({ min: 1, max: 1_000_000 }),
      classificationCode: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.')),
    });
    fc.assert(fc.property(arb, (caseNumber) => assert.deepEqual(parseCaseNumber(formatCaseNumber(caseNumber)), { ...caseNumber })));
  });
  it('refuses to format parts that would not parse back', () => {
    assert.throws(() => formatCaseNumber({ year: 22, runningNumber: 1, classificationCode: '1' }), DomainError);
    assert.throws(() => formatCaseNumber({ year: 2022, runningNumber: 0, classificationCode: '1' }), DomainError);
    assert.throws(() => formatCaseNumber({ year: 2022, runningNumber: 1, classificationCode: '1.x' }), DomainError);
  });
});

describe('parseHandlingId (Hid)', () => {
  const valid: [string, number, number][] = [
    ['2022.14', 2022, 14], ['2021.83', 2021, 83], ['2022.5128', 2022, 5128], ['2022.2022.9', 2022, 9], ['2023.1', 2023, 1],
  ];
  for (const [text, year, number] of valid) it(`reads "${text}"`, () => assert.deepEqual(parseHandlingId(text), { year, number }));
  for (const text of ['2022.2021.9', '2022', '2022.0', '2022.014', 'abc', '2022.14.', '22.14', 'Hid: 2022.14']) {
    it(`refuses "${text}"`, () => assert.throws(() => parseHandlingId(text), (error: unknown) => error instanceof DomainError && error.code === 'INVALID_HANDLING_ID'));
  }
  it('writes the canonical form', () => {
    assert.equal(formatHandlingId({ year: 2022, number: 14 }), '2022.14');
    assert.equal(formatHandlingId(parseHandlingId('2022.2022.9')), '2022.9');
    assert.throws(() => formatHandlingId({ year: 2022, number: 0 }), DomainError);
  });
});
