/**
 * The commands a user types. Every command runs here in the test's process on a test database
 * (cli/run.ts, output captured); a few smoke tests run the real processes once: `kansli --help`,
 * `kansli demo` on a folder, the server on that folder (a second process is refused), `kansli
 * audit verify` after it stopped, and a wrong setting stopping the server.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createPostgresDatabase, createTestDatabase, TEST_DB_KIND } from './support/db.js';
import { runKansli } from './support/cli.js';
import { freePort, serverEntry } from './support/server.js';
import type { Database } from '../src/platform/db/database.js';
import { people } from '../src/features/organisation/organisation.tables.js';
import { users } from '../src/features/auth/auth.tables.js';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'kansli.js');

/** `kansli …` as a real process (bin/kansli.js), as a user runs it. */
function spawnKansli(env: Record<string, string>, args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, input, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

describe('the command line, in this process', () => {
  let database: Database;
  const work = mkdtempSync(path.join(os.tmpdir(), 'kansli-cli-'));
  const env = { KANSLI_DATA_DIR: path.join(work, 'data') };
  const kansli = (args: string[], options: { env?: Record<string, string>; input?: string } = {}) => runKansli(args, { database, env: { ...env, ...options.env }, ...(options.input === undefined ? {} : { input: options.input }) });

  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => {
    await database.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('kansli demo loads the committee once; a second run duplicates nothing', async () => {
    const first = await kansli(['demo']);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Demonämnden är inläst/);
    assert.match(first.stdout, /sekreterare@exempel\.se/);
    const second = await kansli(['demo']);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /fanns redan/);
  });

  test('user add takes the password from KANSLI_PASSWORD or standard input; bad input exits non-zero', async () => {
    const password = { KANSLI_PASSWORD: 'ett långt lösenord 1' };
    const fromEnv = await kansli(['user', 'add', '--email', 'Ny.Ekonom@Example.se', '--name', 'Nina Ny', '--role', 'economist', '--org', 'norrbottens-e-namnd'], { env: password });
    assert.equal(fromEnv.status, 0, fromEnv.stderr);
    assert.match(fromEnv.stdout, /Användaren Ny\.Ekonom@Example\.se är skapad .* med rollen economist i Norrbottens e-nämnd/);
    const fromStdin = await kansli(['user', 'add', '--email', 'registrator2@example.se', '--name', 'Rut Reg', '--role', 'registrar', '--org', 'pitea'], { input: 'ett annat långt lösenord\n' });
    assert.equal(fromStdin.status, 0, fromStdin.stderr);
    const noPassword = await kansli(['user', 'add', '--email', 'utan@example.se', '--name', 'Utan Lösen', '--role', 'registrar']);
    assert.equal(noPassword.status, 2);
    assert.match(noPassword.stderr, /KANSLI_PASSWORD/);
    const badRole = await kansli(['user', 'add', '--email', 'x@example.se', '--name', 'X', '--role', 'kung'], { env: password });
    assert.equal(badRole.status, 2);
    assert.match(badRole.stderr, /Okänd roll kung/);
    const noOrganisation = await kansli(['user', 'add', '--email', 'x@example.se', '--name', 'X', '--role', 'registrar', '--org', 'atlantis'], { env: password });
    assert.equal(noOrganisation.status, 2);
    assert.match(noOrganisation.stderr, /Organisationen atlantis finns inte/);
    const duplicate = await kansli(['user', 'add', '--email', 'ny.ekonom@example.se', '--name', 'Dubblett', '--role', 'economist'], { env: password });
    assert.equal(duplicate.status, 1);
    assert.match(duplicate.stderr, /finns redan en användare/);
  });

  test('user link and unlink tie an account to a person and back', async () => {
    const [person] = await database.db.select({ id: people.id }).from(people).limit(1);
    assert.ok(person);
    const linked = await kansli(['user', 'link', '--email', 'registrator2@example.se', '--person', person.id]);
    assert.equal(linked.status, 0, linked.stderr);
    const personOf = async () => (await database.db.select({ personId: users.personId }).from(users).where(eq(users.email, 'registrator2@example.se')))[0]?.personId;
    assert.equal(await personOf(), person.id);
    const badId = await kansli(['user', 'link', '--email', 'registrator2@example.se', '--person', 'nisse']);
    assert.equal(badId.status, 2);
    const unlinked = await kansli(['user', 'unlink', '--email', 'registrator2@example.se']);
    assert.equal(unlinked.status, 0, unlinked.stderr);
    assert.equal(await personOf(), null);
    const nobody = await kansli(['user', 'unlink', '--email', 'ingen@example.se']);
    assert.equal(nobody.status, 2);
    assert.match(nobody.stderr, /Ingen användare med e-postadressen ingen@example\.se/);
  });

  test('token create prints a token; audit verify finds the chain whole', async () => {
    const token = await kansli(['token', 'create', '--email', 'sekreterare@exempel.se', '--label', 'Rapporter']);
    assert.equal(token.status, 0, token.stderr);
    assert.match(token.stdout.trim(), /^ksl_[\w-]{40,}$/);
    const unknown = await kansli(['token', 'create', '--email', 'ingen@example.se']);
    assert.equal(unknown.status, 2);
    const audit = await kansli(['audit', 'verify']);
    assert.equal(audit.status, 0, audit.stderr);
    assert.match(audit.stdout, /Granskningsloggen är hel: \d+ poster/);
  });

  test('backup writes the whole database; restore reads it into an empty installation', async () => {
    const file = path.join(work, 'kopia.jsonl.gz');
    const backup = await kansli(['backup', file]);
    assert.equal(backup.status, 0, backup.stderr);
    const written = /(\d+) rader i (\d+) tabeller/.exec(backup.stdout);
    assert.ok(written && Number(written[1]) > 0, backup.stdout);
    assert.equal((await kansli(['backup'])).status, 2);
    const empty = await createTestDatabase();
    try {
      const restore = await runKansli(['restore', file], { database: empty, env });
      assert.equal(restore.status, 0, restore.stderr);
      assert.match(restore.stdout, new RegExp(`Återställt från .*: ${written[1]} rader i ${written[2]} tabeller`));
      const refused = await runKansli(['restore', file], { database: empty, env });
      assert.equal(refused.status, 1, 'a second restore into a database with data is refused');
    } finally {
      await empty.close();
    }
  });

  test('cert create writes a self-signed seal once and refuses to overwrite it', async () => {
    const file = path.join(work, 'sigill.p12');
    const created = await kansli(['cert', 'create', '--out', file, '--name', 'Testnämndens e-sigill']);
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /E-sigillet ”Testnämndens e-sigill”/);
    assert.ok(existsSync(file));
    const again = await kansli(['cert', 'create', '--out', file]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /finns redan/);
  });

  test('archive export delivers a year as a package; wrong usage says what to give', async () => {
    const out = path.join(work, 'arkiv');
    const exported = await kansli(['archive', 'export', '--year', '2022', '--out', out]);
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stdout, /Leveransen .* är skriven till/);
    assert.ok(readdirSync(out).length > 0);
    const noYear = await kansli(['archive', 'export', '--out', out]);
    assert.equal(noYear.status, 2);
    assert.match(noYear.stderr, /Ange året/);
    const noPackage = await kansli(['archive', 'import']);
    assert.equal(noPackage.status, 2);
    assert.match(noPackage.stderr, /Ange paketet/);
  });

  test('reminders send and migrate report what they did', async () => {
    const reminders = await kansli(['reminders', 'send']);
    assert.equal(reminders.status, 0, reminders.stderr);
    assert.match(reminders.stdout, /^Påminnelser skickade: \d+ om justering, \d+ om anslag/);
    const migrate = await kansli(['migrate']);
    assert.equal(migrate.status, 0, migrate.stderr);
    assert.match(migrate.stdout, /Databasen är migrerad/);
  });

  test('--help prints the commands; an unknown command prints them and exits 2', async () => {
    const help = await kansli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Användning \/ usage: kansli <kommando>/);
    const unknown = await kansli(['flyga']);
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stdout, help.stdout);
  });

  test('a wrong setting is one line naming the variable, exit 2', async () => {
    const result = await runKansli(['audit', 'verify'], { env: { ...env, PORT: 'abc' } });
    assert.equal(result.status, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /PORT/);
  });
});

describe('the command line and the server as real processes (smoke tests)', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;

  before(async () => {
    if (TEST_DB_KIND === 'postgres') {
      const created = await createPostgresDatabase();
      env = { DATABASE_URL: created.url, KANSLI_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'kansli-cli-')) };
      cleanup = created.drop;
    } else {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'kansli-cli-'));
      env = { KANSLI_DATA_DIR: dir };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
  });
  after(() => cleanup());

  test('bin/kansli.js --help prints the commands and exits 0', () => {
    const result = spawnKansli(env, ['--help']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Användning \/ usage: kansli <kommando>/);
  });

  test('a wrong setting stops the server with one line naming the variable, exit code 2', () => {
    const result = spawnSync(process.execPath, serverEntry(), { cwd: root, env: { ...process.env, ...env, PORT: 'abc' }, encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /PORT/);
  });

  test('kansli demo fills the folder (or database) as a real process', () => {
    const demo = spawnKansli(env, ['demo']);
    assert.equal(demo.status, 0, demo.stderr);
    assert.match(demo.stdout, /sekreterare@exempel\.se/);
  });

  test('the server runs on the folder, a second process on it stops at once, and the demo works end to end', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = spawn(process.execPath, serverEntry(), { cwd: root, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: 'pipe' });
    try {
      await waitForHealth(url, server);
      const health = (await (await fetch(`${url}/healthz`)).json()) as { status: string; database: string };
      assert.deepEqual(health, { status: 'ok', database: TEST_DB_KIND });

      const token = spawnKansli(env, ['token', 'create', '--email', 'sekreterare@exempel.se']);
      if (TEST_DB_KIND === 'pglite') {
        assert.equal(token.status, 1, 'the CLI cannot open the folder while the server holds it');
        assert.match(token.stderr, /används redan av process \d+/);
      } else {
        assert.equal(token.status, 0, token.stderr);
        const api = await fetch(`${url}/api/v1/organisations`, { headers: { authorization: `Bearer ${token.stdout.trim()}` } });
        const body = (await api.json()) as { data: { slug: string; members: { slug: string; isHost: boolean }[] }[] };
        const demo = body.data.find((c) => c.slug === 'norrbottens-e-namnd');
        assert.equal(demo?.members.length, 14);
        assert.deepEqual(demo?.members.filter((m) => m.isHost).map((m) => m.slug), ['lulea']);
      }

      // Sign in as the secretary through the real forms and see the 14 municipalities.
      const login = await fetch(`${url}/logga-in`);
      const csrf = /kansli_csrf=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';
      const signIn = await fetch(`${url}/logga-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `kansli_csrf=${csrf}` },
        body: new URLSearchParams({ _csrf: csrf, email: 'sekreterare@exempel.se', password: 'kansli-demo-2026' }).toString(),
      });
      assert.equal(signIn.status, 302);
      const session = /kansli_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
      const page = await (await fetch(`${url}/organisation`, { headers: { cookie: `kansli_session=${session}; kansli_csrf=${csrf}` } })).text();
      assert.match(page, /Norrbottens e-nämnd/);
      assert.match(page, /Visar 14 av 14/);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  });

  test('kansli audit verify works once the server has stopped', () => {
    const audit = spawnKansli(env, ['audit', 'verify']);
    assert.equal(audit.status, 0, audit.stderr);
    assert.match(audit.stdout, /Granskningsloggen är hel: \d+ poster/);
  });
});
