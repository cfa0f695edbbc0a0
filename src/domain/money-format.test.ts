import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from './domain-error.js';
import { formatKronor, parseKronor } from './money-format.js';

describe('formatKronor', () => {
  const cases: [number, string][] = [
    [1_781_236, '1 781 236'], [-55_958, '-55 958'], [0, '0'], [999, '999'], [1_000, '1 000'], [-1_000_000, '-1 000 000'],
    [5_471_584, '5 471 584'], [100, '100'], [-7, '-7'], [12_345, '12 345'], [Number.MAX_SAFE_INTEGER, '9 007 199 254 740 991'],
  ];
  for (const [amount, text] of cases) it(`${amount} → "${text}"`, () => assert.equal(formatKronor(amount), text));
  it('refuses fractions and non-numbers', () => {
    for (const amount of [1.5, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => formatKronor(amount), DomainError);
  });
});

describe('parseKronor', () => {
  const cases: [string, number][] = [
    ['1 781 236', 1_781_236], ['-55 958 kr', -55_958], ['183 848 SEK', 183_848], ['4 783SEK', 4_783], ['80 500kr', 80_500],
    ['1\u00a0065\u00a0400', 1_065_400], ['1\u202f065\u202f400', 1_065_400], ['\u2212254 150', -254_150], ['0', 0], ['4783', 4_783],
    ['  937 200  ', 937_200], ['-0', 0],
  ];
  for (const [text, amount] of cases) it(`"${text}" → ${amount}`, () => assert.equal(parseKronor(text), amount));
  for (const text of ['1 78 236', '12 3456', '', 'kr', '1,5', '1.000', '--5', '1 000 000 000 000 000 000', '1  000', 'tio']) {
    it(`refuses "${text}"`, () => assert.throws(() => parseKronor(text), (error: unknown) => error instanceof DomainError && error.code === 'INVALID_AMOUNT'));
  }
  it('reads back what it writes (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), (amount) => assert.equal(parseKronor(formatKronor(amount)), amount || 0)));
  });
});
