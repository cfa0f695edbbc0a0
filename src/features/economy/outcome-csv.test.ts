import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCsvAmount, parseOutcomeCsv } from './outcome-csv.js';

describe('outcome CSV', () => {
  it('reads account;cost centre;amount with amounts signed as in the ledger', () => {
    const csv = parseOutcomeCsv(Buffer.from('Konto;Kostnadsställe;Belopp\n3010;100;-1 065 400,00\n5410;;12 345,5\n\n6110;200;"1 000"\n', 'utf8'));
    assert.equal(csv.layout, 'accounts');
    assert.deepEqual(csv.errors, []);
    assert.deepEqual(csv.rows.map((r) => [r.account, r.costCentre, r.amountOre, r.lines]), [['3010', '100', -106_540_000, [2]], ['5410', '', 1_234_550, [3]], ['6110', '200', 100_000, [5]]]);
  });
  it('reads cost object;income;cost, keeping income negative as the ledger does', () => {
    const csv = parseOutcomeCsv(Buffer.from('kostnadsobjekt,intäkter,kostnader\r\nGF,1065400,976 750\r\nEU,0,5\r\n', 'utf8'));
    assert.equal(csv.layout, 'cost-objects');
    assert.deepEqual(csv.rows.map((r) => [r.costObjectCode, r.kind, r.amountOre]), [['GF', 'income', -106_540_000], ['GF', 'cost', 97_675_000], ['EU', 'cost', 500]]);
  });
  it('reads Windows-1252 and tab-separated files', () => {
    const csv = parseOutcomeCsv(Buffer.from('kostnadsställe\tkonto\tbelopp\nÅre\t4010\t-7\n', 'latin1'));
    assert.equal(csv.encoding, 'windows-1252');
    assert.deepEqual(csv.rows.map((r) => [r.account, r.costCentre, r.amountOre]), [['4010', 'Åre', -700]]);
  });
  it('names the lines it cannot read', () => {
    const csv = parseOutcomeCsv(Buffer.from('konto;belopp\n3010;abc\nkassa;5\n5410;1\n'));
    assert.deepEqual(csv.errors.map((e) => e.line), [2, 3]);
    assert.match(csv.errors[0]?.reason.en ?? '', /"abc" is not an amount/);
    assert.deepEqual(parseOutcomeCsv(Buffer.from('a;b\n1;2\n')).errors.map((e) => e.line), [1]);
  });
  it('reads Swedish amounts', () => {
    const cases: [string, number | null][] = [['1 781 236', 178_123_600], ['-55 958', -5_595_800], ['1781235.60', 178_123_560], ['−12', -1200], ['12 kr', 1200], ['1,234', null], ['x', null], ['', 0]];
    for (const [text, ore] of cases) assert.equal(parseCsvAmount(text), ore, text);
  });
});
