/**
 * `kansli import sie FILE --dry-run --json`: one JSON object, exit 0 when the whole file could be
 * read, 2 (with the line and the reason) when it could not. The command runs in this process
 * (its output captured); one smoke test runs it as a real process through bin/kansli.js.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runKansli } from '../../test/support/cli.js';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin', 'kansli.js');
const samples = path.resolve(root, 'test/fixtures/standards/sie');
const dir = mkdtempSync(path.join(os.tmpdir(), 'kansli-sie-'));

const commandEnv = () => ({ KANSLI_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '', LOG_LEVEL: 'warn' });

/** The command in this process, with its environment given and its output captured. */
const kansli = (args: string[]) => runKansli(args, { env: commandEnv() });

/** The command as a real process: what `npx kansli` runs. */
function spawnKansli(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...commandEnv() }, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, text: string, encoding: BufferEncoding = 'utf8'): string {
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(text, encoding));
  return file;
}

describe('kansli import sie', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const name of ['SIEPort__SIE4-sample.SE', 'jsisie__BL0001_typ4.SE']) {
    test(`--dry-run --json reads ${name}: counts as in the file's own lines`, async () => {
      const file = path.join(samples, name);
      const lines = readFileSync(file).toString('latin1').split(/\r?\n/);
      const expected = {
        vouchers: lines.filter((l) => /^\s*#VER\s/.test(l)).length,
        transactions: lines.filter((l) => /^\s*#TRANS\s/.test(l)).length,
        accounts: new Set(lines.map((l) => /^\s*#KONTO\s+(\S+)/.exec(l)?.[1]).filter(Boolean)).size,
      };
      const result = await kansli(['import', 'sie', file, '--dry-run', '--json']);
      assert.equal(result.status, 0, result.stderr);
      const lines2 = result.stdout.trim().split('\n');
      assert.equal(lines2.length, 1, 'one JSON object');
      const report = JSON.parse(lines2[0] ?? '{}') as Record<string, unknown>;
      assert.equal(report.encoding, 'cp437');
      assert.deepEqual({ vouchers: report.vouchers, transactions: report.transactions, accounts: report.accounts }, expected);
      assert.deepEqual(report.unbalancedVouchers, []);
    });
  }

  test('as a real process (bin/kansli.js): the same report and exit status', () => {
    const file = path.join(samples, 'SIEPort__SIE4-sample.SE');
    const result = spawnKansli(['import', 'sie', file, '--dry-run', '--json']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { encoding: string }).encoding, 'cp437');
  });

  test('an unbalanced voucher is listed by series and number; the file was read, so exit 0', async () => {
    const file = write('obalans.se', '#FORMAT PC8\n#KONTO 3010 "Intäkter"\n#VER B 1 20220101 "Fel"\n{\n#TRANS 3010 {} -100\n#TRANS 5410 {} 90\n}\n#VER B 2 20220102\n{\n#TRANS 3010 {} -1\n#TRANS 5410 {} 1\n}\n', 'latin1');
    const result = await kansli(['import', 'sie', file, '--dry-run', '--json']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { encoding: string; unbalancedVouchers: { series: string; number: string }[]; vouchers: number; transactions: number; accounts: number };
    assert.equal(report.encoding, 'iso-8859-15');
    assert.deepEqual(report.unbalancedVouchers.map((v) => ({ series: v.series, number: v.number })), [{ series: 'B', number: '1' }]);
    assert.deepEqual([report.vouchers, report.transactions, report.accounts], [2, 4, 1]);
  });

  test('a file that cannot be read whole exits 2 with the line and the reason', async () => {
    const file = write('trasig.se', '#FLAGGA 0\n#VER A 1 20220101\n{\n#TRANS 3010 {} 12,50\n}\n');
    const result = await kansli(['import', 'sie', file, '--dry-run', '--json']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /line 4: the amount "12,50" is not a number/);
    assert.equal((JSON.parse(result.stdout) as { readable: boolean }).readable, false);
  });

  test('wrong usage exits 2: no file, a file that does not exist, importing without --year and --email', async () => {
    assert.equal((await kansli(['import', 'sie'])).status, 2);
    assert.equal((await kansli(['import', 'sie', path.join(dir, 'saknas.se'), '--dry-run'])).status, 2);
    const file = write('ok.se', '#FLAGGA 0\n');
    const result = await kansli(['import', 'sie', file]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--year/);
  });

  test('importing as an unknown user is refused before anything is saved', async () => {
    const file = write('ok2.se', '#FLAGGA 0\n#RAR 0 20220101 20221231\n');
    const result = await kansli(['import', 'sie', file, '--year', '2022', '--email', 'ingen@example.se']);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /ingen@example\.se/);
  });
});
