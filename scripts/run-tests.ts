/**
 * `npm test`: every test that needs no browser, on PGlite, then again on PostgreSQL when
 * TEST_DATABASE_URL is set. One migrated template database per run; each test copies it. The test
 * files are bundled (scripts/build-tests.ts) and run a few to a process (`testProcesses`).
 * `npm test -- NAME …` runs the files whose path contains a NAME.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openPostgres } from '../src/platform/db/database.js';
import { makePgliteTemplate } from '../test/support/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { buildConfig } from '../src/platform/config/config.js';
import { DEFAULT_SEAL_NAME, writeSealP12 } from '../src/features/protocols/certificate.js';
import { buildTests, type TestEntry } from './build-tests.js';

const root = path.resolve(import.meta.dirname, '..');
// One folder per run, so that two runs at once (a developer and CI) do not share a template.
const work = path.join(root, '.kansli-test', String(process.pid));
const buildDir = path.join(work, 'build');

function findTests(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'node_modules' && name !== 'browser') findTests(full, out);
    } else if (/\.test\.tsx?$/.test(name)) out.push(path.relative(root, full));
  }
  return out;
}

const filter = process.argv.slice(2);
const all = [...findTests(path.join(root, 'src')), ...findTests(path.join(root, 'test'))].sort();
const files = filter.length ? all.filter((f) => filter.some((x) => f.includes(x))) : all;

/**
 * The slowest files (the reporter lists them after every run) start first: node --test starts the
 * files in the order given, two at a time, and a long file started last keeps one worker busy alone
 * at the end.
 */
const SLOWEST_FIRST = [
  'test/cli.test.ts',
  'test/reliability/crash.test.ts',
  'src/features/auth/policy-organisations.test.ts',
  'src/features/auth/policy.test.ts',
  'src/features/auth/policy-roles.test.ts',
  'src/features/meetings/member-room/member-room.test.ts',
  'src/features/archive/archive-export.test.ts',
  'test/backup.test.ts',
  'test/security/public-crawl.test.ts',
];

/**
 * The test processes: each of the slowest files alone, started first; the others five at a time
 * in one process, one file after the other in path order (a feature's files together), so that
 * loading the bundle and compiling PGlite's WebAssembly are paid once per group instead of once
 * per file (PGlite pass 10.3 → 7.5 min). Files in one process share its module state: a test file
 * restores what it changes (process.env.TZ in calendar.test.ts) and closes what it opens.
 * KANSLI_TEST_GROUP_SIZE=1 runs each file in a process of its own.
 */
const GROUP_SIZE = Math.max(1, Math.floor(Number(process.env.KANSLI_TEST_GROUP_SIZE ?? 5)) || 5);

function testProcesses(testFiles: readonly string[]): TestEntry[] {
  const alone = SLOWEST_FIRST.filter((f) => testFiles.includes(f)).map((f) => ({ out: f.replace(/\.tsx?$/, ''), files: [f] }));
  const rest = testFiles.filter((f) => !SLOWEST_FIRST.includes(f));
  const groups: TestEntry[] = [];
  for (let i = 0; i < rest.length; i += GROUP_SIZE) {
    const files = rest.slice(i, i + GROUP_SIZE);
    const place = path.dirname(files[0] ?? '').replaceAll('/', '-');
    groups.push({ out: `groups/${String(groups.length + 1).padStart(2, '0')}-${place}`, files });
  }
  return [...alone, ...groups];
}

async function runNodeTests(label: string, testFiles: string[], env: Record<string, string>): Promise<number> {
  const entries = testProcesses(testFiles);
  const outdir = path.join(buildDir, label.toLowerCase());
  const ms = await buildTests(root, entries, outdir);
  console.log(`\n=== ${label}: ${testFiles.length} test files in ${entries.length} ${entries.length === 1 ? 'process' : 'processes'} (bundled in ${(ms / 1000).toFixed(1)} s) ===`);
  // Each built file loads test/support/preload.ts first: every fast-check property with one fixed
  // seed (FC_SEED to try another), so the same run every time; no network.
  const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=./test/support/file-times-reporter.mjs', '--test-reporter-destination=stdout', '--test-concurrency=2', '--test-timeout=300000', ...entries.map((e) => path.join(outdir, `${e.out}.js`))], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

async function main(): Promise<number> {
  // node --test given no file runs every test file it finds, built or not: never that.
  if (files.length === 0) {
    console.error(`Ingen testfil matchar ${filter.join(', ')}. / No test file matches ${filter.join(', ')}.`);
    return 1;
  }
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const pgliteTemplate = path.join(work, 'pglite-template.tar');
  writeFileSync(pgliteTemplate, await makePgliteTemplate());

  const seal = path.join(work, 'seal.p12');
  writeSealP12(seal, { name: DEFAULT_SEAL_NAME, passphrase: buildConfig().sealPassphrase });
  // The migrated PGlite template serves the PostgreSQL pass too (a backup crosses from one to the other).
  const shared = { KANSLI_TEST_SEAL: seal, KANSLI_TEST_WORK: work, KANSLI_TEST_PGLITE_TEMPLATE: pgliteTemplate };

  let status = await runNodeTests('PGlite', files, { ...shared, KANSLI_TEST_DB: 'pglite' });

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `kansli_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const target = new URL(url);
    target.pathname = `/${template}`;
    const database = openPostgres(target.toString(), { max: 1 });
    await migrate(database);
    await database.close();
    // The domain is pure: its tests say nothing new on another database.
    const dbFiles = files.filter((f) => !f.startsWith('src/domain/'));
    const pgStatus = await runNodeTests('PostgreSQL', dbFiles, { ...shared, KANSLI_TEST_DB: 'postgres', KANSLI_TEST_PG_TEMPLATE: template });
    // The run's demo templates (test/support/db.ts, createDemoTestDatabase) go with it.
    const demos = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${template}\\_demo\\_%`]);
    for (const { datname } of demos.rows) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
    status = status || pgStatus;
  } else {
    console.log('\nTEST_DATABASE_URL is not set: the PostgreSQL pass is skipped.');
  }
  rmSync(work, { recursive: true, force: true });
  return status;
}

process.exit(await main());
