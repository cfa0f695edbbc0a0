/**
 * The SIE 4 reader: character sets, fields, vouchers, balance and line-numbered errors, and the
 * two real exports in shared/standards/sie (counts taken from the files' lines here, not from the parser).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { decodeCp437, decodeSie, detectSieEncoding, encodeCp437 } from './encoding.js';
import { splitSieFields } from './fields.js';
import { sieLedger } from './ledger.js';
import { parseSie, parseSieAmount } from './parse-sie.js';

const SAMPLES = path.resolve(import.meta.dirname, '../../../../test/fixtures/standards/sie');
const REAL_FILES = ['SIEPort__SIE4-sample.SE', 'jsisie__BL0001_typ4.SE'];

const SWEDISH = `#FLAGGA 0
#FORMAT PC8
#SIETYP 4
#FNAMN "Norrbottens e-nämnd"
#RAR 0 20220101 20221231
#KONTO 3010 "Intäkter från kommuner"
#KONTO 5410 "Förbrukningsinventarier"
#KONTO 1930 "Företagskonto"
#DIM 1 "Kostnadsställe"
#OBJEKT 1 "100" "Grundfinansiering"
#VER A 1 20220115 "Faktura Älvsbyn" 20220116
{
#TRANS 1930 {} 76100.00
#TRANS 3010 {1 "100"} -76100.00 20220115 "Grundfinansiering å Ö"
}
#VER A 2 20221030 "Inköp"
{
\t#TRANS\t5410\t{}\t1250.50
\t#TRANS\t1930\t{}\t-1250.50
}
`;

describe('SIE character sets: CP437 (PC8), ISO-8859-15 and UTF-8 all saying #FORMAT PC8', () => {
  it('decodes CP437 as the standard (and iconv) does', () => {
    const high = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
    const iconv = spawnSync('iconv', ['-f', 'CP437', '-t', 'UTF-8'], { input: high });
    if (iconv.status === 0) assert.equal(decodeCp437(high), iconv.stdout.toString('utf8'));
    assert.equal(decodeCp437(Uint8Array.from([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99])), 'åäöÅÄÖ');
  });
  const variants: [string, Uint8Array][] = [
    ['cp437', encodeCp437(SWEDISH)],
    ['iso-8859-15', new Uint8Array(Buffer.from(SWEDISH, 'latin1'))],
    ['utf-8', new Uint8Array(Buffer.from(SWEDISH, 'utf8'))],
  ];
  for (const [encoding, bytes] of variants) {
    it(`reads the same file in ${encoding}`, () => {
      assert.equal(detectSieEncoding(bytes), encoding);
      const file = parseSie(bytes);
      assert.equal(file.encoding, encoding);
      assert.deepEqual(file.errors, []);
      assert.equal(file.companyName, 'Norrbottens e-nämnd');
      assert.equal(file.accounts.get('5410'), 'Förbrukningsinventarier');
      assert.equal(file.vouchers[0]?.text, 'Faktura Älvsbyn');
      assert.equal(file.vouchers[0]?.transactions[1]?.text, 'Grundfinansiering å Ö');
    });
  }
  it('plain ASCII is ascii; a UTF-8 byte-order mark is dropped', () => {
    assert.equal(detectSieEncoding(Buffer.from('#FLAGGA 0\n')), 'ascii');
    assert.equal(decodeSie(Buffer.from('\ufeff#FLAGGA 0\n', 'utf8')).text, '#FLAGGA 0\n');
  });
});

describe('SIE fields', () => {
  const cases: [string, unknown[]][] = [
    ['#KONTO 1060 Hyresrätt', ['#KONTO', '1060', 'Hyresrätt']],
    ['#KONTO 1068 "Ack nedskrivn hyresrätt"', ['#KONTO', '1068', 'Ack nedskrivn hyresrätt']],
    ['#VER A 3 20210109 "Säg \\"hej\\"" 20210310', ['#VER', 'A', '3', '20210109', 'Säg "hej"', '20210310']],
    ['#TRANS 9999  { "1" "1100" "6" "1118"} 5367 20100122 "" ', ['#TRANS', '9999', ['1', '1100', '6', '1118'], '5367', '20100122', '']],
    ['#TRANS\t3010\t{1 "100"}\t-500', ['#TRANS', '3010', ['1', '100'], '-500']],
    ['#TRANS 1229 {} -133 20090731 "1820\\A012 Cykel"', ['#TRANS', '1229', [], '-133', '20090731', '1820\\A012 Cykel']],
  ];
  for (const [line, expected] of cases) {
    it(line, () => assert.deepEqual(splitSieFields(line).map((f) => (f.kind === 'list' ? f.items : f.value)), expected));
  }
  it('amounts are öre as integers', () => {
    const cases: [string, number][] = [['100', 10_000], ['-195.00', -19_500], ['20.88', 2088], ['0.5', 50], ['-0.05', -5], ['1330.120', 133_012], ['0', 0]];
    for (const [text, ore] of cases) assert.equal(parseSieAmount(text), ore, text);
    for (const bad of ['1,5', '1.234', 'abc', '', '-']) assert.throws(() => parseSieAmount(bad), bad);
  });
});

describe('SIE vouchers, balance and errors', () => {
  it('reads vouchers, transactions with object lists, and the year', () => {
    const file = parseSie(Buffer.from(SWEDISH, 'utf8'));
    assert.equal(file.vouchers.length, 2);
    assert.equal(file.transactionCount, 4);
    assert.deepEqual(file.vouchers[0]?.transactions[1]?.objects, [{ dimension: '1', code: '100' }]);
    assert.equal(file.vouchers[1]?.transactions[0]?.amountOre, 125_050);
    assert.equal(file.vouchers[1]?.transactions[0]?.date, '2022-10-30');
    assert.deepEqual(file.unbalancedVouchers, []);
    const ledger = sieLedger(file, { year: 2022 });
    assert.equal(ledger.periodTo, '2022-10-30');
    assert.deepEqual(ledger.rows.map((r) => [r.account, r.costCentre, r.amountOre, r.lines]), [['3010', '100', -7_610_000, [14]], ['5410', '', 125_050, [18]]]);
    assert.equal(sieLedger(file, { year: 2022, periodTo: '2022-10-29' }).rows.length, 1);
  });
  it('names every voucher that does not balance', () => {
    const text = '#VER A 1 20220101\n{\n#TRANS 3010 {} -100\n#TRANS 5410 {} 99.99\n}\n#VER B 7 20220102\n{\n#TRANS 3010 {} -1\n}\n#VER C 1 20220103\n{\n#TRANS 3010 {} -5\n#TRANS 5410 {} 5\n}\n';
    const file = parseSie(Buffer.from(text));
    assert.deepEqual(file.unbalancedVouchers.map((v) => [v.series, v.number, v.line, v.differenceOre]), [['A', '1', 1, -1], ['B', '7', 6, -100]]);
  });
  it('gives the line number and the reason of what cannot be read', () => {
    const text = ['#FLAGGA 0', '#RAR 0 20221301 20221231', '#VER A 1 20220101', '{', '#TRANS 3010 {} 12,50', '#TRANS 5410 {1} 5', '#VER A 2 20220102', '}', 'skräp', '#TRANS 3010 {} 1', '#KONTO 3010 "oavslutad', '}', '#VER A 3 20220105'].join('\n');
    const file = parseSie(Buffer.from(text));
    assert.deepEqual(file.errors.map((e) => e.line), [2, 5, 6, 7, 9, 10, 11, 12, 13]);
    assert.match(file.errors[0]?.reason.en ?? '', /20221301/);
    assert.match(file.errors[1]?.reason.sv ?? '', /12,50/);
    assert.match(file.errors[2]?.reason.en ?? '', /pairs/);
    assert.match(file.errors[5]?.reason.en ?? '', /outside a voucher/);
    assert.match(file.errors[6]?.reason.en ?? '', /quotation mark/);
    assert.match(file.errors[8]?.reason.en ?? '', /no \{ … \} block/);
  });
  it('without vouchers, the outcome is the #RES rows of the current year (result accounts only)', () => {
    const file = parseSie(Buffer.from('#RAR 0 20220101 20221231\n#RES 0 3010 -1000.00\n#RES -1 3010 -5\n#RES 0 5410 400\n#IB 0 1930 7\n'));
    const ledger = sieLedger(file, { year: 2022 });
    assert.equal(ledger.source, 'results');
    assert.equal(ledger.periodTo, '2022-12-31');
    assert.deepEqual(ledger.rows.map((r) => [r.account, r.amountOre]), [['3010', -100_000], ['5410', 40_000]]);
    assert.throws(() => sieLedger(file, { year: 2023 }), /not in 2023/);
  });
});

/** Counts taken straight from the file's lines (labels are ASCII in every character set). */
function countLines(bytes: Buffer) {
  const lines = bytes.toString('latin1').split(/\r?\n/);
  const accounts = new Set(lines.map((l) => /^\s*#KONTO\s+(\S+)/.exec(l)?.[1]).filter(Boolean));
  return {
    vouchers: lines.filter((l) => /^\s*#VER\s/.test(l)).length,
    transactions: lines.filter((l) => /^\s*#TRANS\s/.test(l)).length,
    accounts: accounts.size,
  };
}

describe('the two real SIE 4 exports', () => {
  for (const name of REAL_FILES) {
    it(`reads ${name} whole`, () => {
      const bytes = readFileSync(path.join(SAMPLES, name));
      const file = parseSie(bytes);
      assert.deepEqual(file.errors, []);
      assert.equal(file.encoding, 'cp437');
      const counted = countLines(bytes);
      assert.ok(counted.vouchers > 50 && counted.transactions > 300, 'the sample files hold many vouchers');
      assert.deepEqual({ vouchers: file.vouchers.length, transactions: file.transactionCount, accounts: file.accounts.size }, counted);
      assert.deepEqual(file.unbalancedVouchers, []);
    });
  }
  it('decodes the Swedish letters of the CP437 files', () => {
    const visma = parseSie(readFileSync(path.join(SAMPLES, REAL_FILES[0] ?? '')));
    assert.equal(visma.companyName, 'Övningsbolaget AB');
    assert.equal(visma.fiscalYears.find((y) => y.index === 0)?.start, '2021-01-01');
    const bl = parseSie(readFileSync(path.join(SAMPLES, REAL_FILES[1] ?? '')));
    assert.equal(bl.dimensions.get('1'), 'Kostnadsställe');
    assert.equal(bl.objects.get('1/10'), 'Östervåla');
  });
  it('a changed amount in a real file unbalances exactly that voucher', () => {
    const bytes = readFileSync(path.join(SAMPLES, REAL_FILES[0] ?? ''));
    const text = bytes.toString('latin1').replace('#TRANS 2641 {} 20.88', '#TRANS 2641 {} 20.89');
    const file = parseSie(Buffer.from(text, 'latin1'));
    assert.deepEqual(file.unbalancedVouchers.map((v) => [v.series, v.number, v.differenceOre]), [['A', '1', 1]]);
  });
});
