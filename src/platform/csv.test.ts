import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectSeparator, readCsv } from './csv.js';
import { writeCsv } from './csv-writer.js';

const cellsOf = (text: string) => {
  const read = readCsv(text);
  assert.ok(read.ok, JSON.stringify(read));
  return [read.table.header, ...read.table.rows].map((r) => r.cells);
};

describe('readCsv', () => {
  const cases: [string, string[][]][] = [
    ['a;b;c', [['a', 'b', 'c']]],
    ['"a;b";"say ""hi""";c', [['a;b', 'say "hi"', 'c']]],
    ['1.1, Styrning , Bevaras', [['1.1', 'Styrning', 'Bevaras']]],
    [' "quoted, with comma" ,x', [['quoted, with comma', 'x']]],
    ['5" screen;x', [['5" screen', 'x']]],
    ['a;;', [['a', '', '']]],
    ['\uFEFFkod;rubrik\r\n1;Styrning\r\n', [['kod', 'rubrik'], ['1', 'Styrning']]],
    ['konto\tbelopp\n3010\t-5', [['konto', 'belopp'], ['3010', '-5']]],
  ];
  for (const [text, expected] of cases) {
    test(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => assert.deepEqual(cellsOf(text), expected));
  }

  test('a quoted cell with a line break, as Excel saves it, is one cell; rows keep the line they start on', () => {
    // Excel ends records with CRLF and writes a line break in a cell as LF.
    const read = readCsv('kod;rubrik;gallring\r\n\r\n1.1;"Styrning\noch ledning";Bevaras\r\n   \r\n1.2;Ekonomi;"Gallras\nefter 10 år"\r\n1.3;Personal;Bevaras\r\n');
    assert.ok(read.ok);
    assert.deepEqual(read.table.header, { line: 1, cells: ['kod', 'rubrik', 'gallring'] });
    assert.deepEqual(read.table.rows, [
      { line: 3, cells: ['1.1', 'Styrning\noch ledning', 'Bevaras'] },
      { line: 6, cells: ['1.2', 'Ekonomi', 'Gallras\nefter 10 år'] },
      { line: 8, cells: ['1.3', 'Personal', 'Bevaras'] },
    ]);
  });

  test('an empty file has a header without cells', () => {
    const read = readCsv('\n  \n');
    assert.ok(read.ok);
    assert.deepEqual(read.table, { separator: ';', header: { line: 0, cells: [] }, rows: [] });
  });

  test('a quote that is never closed is refused with its line, in Swedish and English', () => {
    const read = readCsv('kod;rubrik\n1;ok\n2;"öppen\n3;x\n');
    assert.equal(read.ok, false);
    if (read.ok) return;
    assert.ok(read.line >= 3, String(read.line));
    assert.match(read.reason.sv, /citattecken/);
    assert.match(read.reason.en, /quote/);
  });

  test('the separator is the one the header holds most of', () => {
    assert.equal(detectSeparator('\n\nkod,rubrik,"a;b"\n'), ',');
    assert.equal(detectSeparator('kod;rubrik;gallring'), ';');
    assert.equal(detectSeparator('konto\tbelopp'), '\t');
    assert.equal(detectSeparator('en kolumn'), ';');
  });

  test('whatever the writer writes, the reader reads back (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'å', ' ', ';', ',', '"', '\n', '\r\n', 'x', '1') }).map((s) => s.trim());
    // The writer guards formulas and the reader trims; a row of only empty cells is a blank line.
    const row = fc.array(cell, { minLength: 2, maxLength: 4 }).filter((r) => r.some((c) => c !== '') && !r.some((c) => /^[=+\-@\t\r]/.test(c)));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (rows) => {
        const width = Math.max(...rows.map((r) => r.length));
        const header = Array.from({ length: width }, (_, i) => `k${i}`);
        const read = readCsv(writeCsv([header, ...rows]).toString('utf8'));
        assert.ok(read.ok);
        assert.deepEqual(read.table.rows.map((r) => r.cells), rows);
      }),
    );
  });
});
