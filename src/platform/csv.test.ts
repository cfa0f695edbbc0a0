import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { splitCsvLine } from './csv.js';

describe('splitCsvLine', () => {
  const cases: [string, string, string[]][] = [
    ['a;b;c', ';', ['a', 'b', 'c']],
    ['"a;b";"say ""hi""";c', ';', ['a;b', 'say "hi"', 'c']],
    ['1.1, Styrning , Bevaras', ',', ['1.1', 'Styrning', 'Bevaras']],
    [' "quoted, with comma" ,x', ',', ['quoted, with comma', 'x']],
    ['5" screen;x', ';', ['5" screen', 'x']],
    ['a;;', ';', ['a', '', '']],
    ['', ';', ['']],
  ];
  for (const [line, separator, expected] of cases) {
    test(`${JSON.stringify(line)} → ${JSON.stringify(expected)}`, () => assert.deepEqual(splitCsvLine(line, separator), expected));
  }
});
