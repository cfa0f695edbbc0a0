import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { readCsv } from './csv.js';
import { writeCsv } from './csv-writer.js';
import { neutraliseFormula } from './spreadsheet-safety.js';
import { addSafeRow } from './xlsx-cells.js';

describe('neutraliseFormula', () => {
  const guarded: [string, string][] = [
    ['=HYPERLINK("http://evil.example","Klicka")', `'=HYPERLINK("http://evil.example","Klicka")`],
    ['+SUM(A1:A9)', `'+SUM(A1:A9)`],
    ['-2+3+cmd|\' /C calc\'!A0', `'-2+3+cmd|' /C calc'!A0`],
    ['@SUM(1)', `'@SUM(1)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ];
  for (const [input, expected] of guarded) it(`guards ${JSON.stringify(input)}`, () => assert.equal(neutraliseFormula(input), expected));

  const kept = ['Luleå kommun', 'Ja (§ 24)', '-1 500', '+12,5', '-42', 'a=b', ' =1', ''];
  for (const input of kept) it(`keeps ${JSON.stringify(input)}`, () => assert.equal(neutraliseFormula(input), input));
});

describe('writeCsv', () => {
  it('writes UTF-8 with BOM, semicolons and CRLF, quotes what needs it and guards formulas', () => {
    const bytes = writeCsv([
      ['Organisation', 'Belopp', 'Not'],
      ['Luleå; norra', -1500, 'sa "hej"'],
      ['=1+1', null, 'rad\nbrytning'],
    ]);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    assert.equal(text, 'Organisation;Belopp;Not\r\n"Luleå; norra";-1500;"sa ""hej"""\r\n\'=1+1;;"rad\nbrytning"\r\n');
    // What the writer writes, the reader reads back, line break in a cell included.
    const read = readCsv(bytes.toString('utf8'));
    assert.ok(read.ok);
    assert.deepEqual([read.table.header, ...read.table.rows], [
      { line: 1, cells: ['Organisation', 'Belopp', 'Not'] },
      { line: 2, cells: ['Luleå; norra', '-1500', 'sa "hej"'] },
      { line: 3, cells: ["'=1+1", '', 'rad\nbrytning'] },
    ]);
  });
});

describe('addSafeRow', () => {
  it('guards text cells of an XLSX sheet and keeps numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Blad');
    addSafeRow(sheet, ['@SUM(1)', 1200, null, 'Kiruna']);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await workbook.xlsx.writeBuffer());
    const row = read.getWorksheet('Blad')?.getRow(1);
    assert.equal(row?.getCell(1).value, `'@SUM(1)`);
    assert.equal(row?.getCell(2).value, 1200);
    assert.equal(row?.getCell(4).value, 'Kiruna');
  });
});
