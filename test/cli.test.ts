/**
 * The commands a user types, run as real processes: `npm start`, `kansli demo`, `user add`,
 * `token create`, `audit verify`, on the database under test (a PGlite folder, or PostgreSQL).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createPostgresDatabase, TEST_DB_KIND } from './support/db.js';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'kansli.js');

function kansli(env: Record<string, string>, args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, input, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
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

describe('the command line and the server process', () => {
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

  test('a wrong setting stops the app with one line naming the variable, exit code 2', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { ...process.env, ...env, PORT: 'abc' }, encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    assert.match(result.stderr, /PORT/);
  });

  test('kansli demo loads the committee once; a second run duplicates nothing', () => {
    const first = kansli(env, ['demo']);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /sekreterare@exempel\.se/);
    const second = kansli(env, ['demo']);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /fanns redan/);
  });

  test('user add takes the password from KANSLI_PASSWORD or standard input; bad input exits non-zero', () => {
    const fromEnv = kansli({ ...env, KANSLI_PASSWORD: 'ett långt lösenord 1' }, ['user', 'add', '--email', 'Ny.Ekonom@Example.se', '--name', 'Nina Ny', '--role', 'economist', '--org', 'norrbottens-e-namnd']);
    assert.equal(fromEnv.status, 0, fromEnv.stderr);
    const fromStdin = kansli(env, ['user', 'add', '--email', 'registrator2@example.se', '--name', 'Rut Reg', '--role', 'registrar', '--org', 'pitea'], 'ett annat långt lösenord\n');
    assert.equal(fromStdin.status, 0, fromStdin.stderr);
    const badRole = kansli({ ...env, KANSLI_PASSWORD: 'ett långt lösenord 1' }, ['user', 'add', '--email', 'x@example.se', '--name', 'X', '--role', 'kung']);
    assert.equal(badRole.status, 2);
    assert.match(badRole.stderr, /Okänd roll kung/);
    const duplicate = kansli({ ...env, KANSLI_PASSWORD: 'ett långt lösenord 1' }, ['user', 'add', '--email', 'ny.ekonom@example.se', '--name', 'Dubblett', '--role', 'economist']);
    assert.equal(duplicate.status, 1);
    assert.match(duplicate.stderr, /finns redan en användare/);
  });

  test('the server runs on the folder, a second process on it stops at once, and the demo works end to end', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: 'pipe' });
    try {
      await waitForHealth(url, server);
      const health = (await (await fetch(`${url}/healthz`)).json()) as { status: string; database: string };
      assert.deepEqual(health, { status: 'ok', database: TEST_DB_KIND });

      if (TEST_DB_KIND === 'pglite') {
        const second = kansli(env, ['demo']);
        assert.equal(second.status, 1);
        assert.match(second.stderr, new RegExp(`används redan av process \\d+`));
      }

      const token = kansli(env, ['token', 'create', '--email', 'sekreterare@exempel.se']);
      if (TEST_DB_KIND === 'pglite') assert.equal(token.status, 1, 'the CLI cannot open the folder while the server holds it');
      else {
        assert.equal(token.status, 0, token.stderr);
        const apiToken = token.stdout.trim();
        const api = await fetch(`${url}/api/v1/organisations`, { headers: { authorization: `Bearer ${apiToken}` } });
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

  test('token create and audit verify work once the server has stopped', () => {
    const token = kansli(env, ['token', 'create', '--email', 'sekreterare@exempel.se', '--label', 'Rapporter']);
    assert.equal(token.status, 0, token.stderr);
    assert.match(token.stdout.trim(), /^ksl_[\w-]{40,}$/);
    const unknown = kansli(env, ['token', 'create', '--email', 'ingen@example.se']);
    assert.equal(unknown.status, 2);
    const audit = kansli(env, ['audit', 'verify']);
    assert.equal(audit.status, 0, audit.stderr);
    assert.match(audit.stdout, /Granskningsloggen är hel: \d+ poster/);
  });

  test('an unknown command prints the help and exits 2', () => {
    const result = kansli(env, ['flyga']);
    assert.equal(result.status, 2);
    assert.match(result.stdout, /Användning/);
  });
});
