/**
 * App servers keep no state of their own: two real server processes against one PostgreSQL
 * behave as one (sessions, sign-out everywhere, the audit chain under concurrent writes).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openPostgres, type Database } from '../src/platform/db/database.js';
import { verifyAuditChain } from '../src/platform/audit/audit.js';
import { createPostgresDatabase, TEST_DB_KIND } from './support/db.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const ADMIN = { name: 'Ada Admin', email: 'ada@example.se', password: 'rätt häftig häst batteri' };

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

interface AppServer {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** `npm start` as a real process: its own memory, sharing nothing with the other but the database. */
async function startServer(databaseUrl: string): Promise<AppServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const server = { url: `http://127.0.0.1:${port}`, child, output: () => output };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${server.url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server on port ${port} did not answer /healthz:\n${output}`);
}

async function stopServer(server: AppServer | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** A browser: one cookie jar (cookies do not depend on the port), forms carry the CSRF token. */
class Browser {
  readonly cookies = new Map<string, string>();

  async request(server: AppServer, url: string, form?: Record<string, string>): Promise<Response> {
    if (form && !this.cookies.has('kansli_csrf')) await this.request(server, '/healthz');
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    let body: string | undefined;
    if (form) {
      body = new URLSearchParams({ _csrf: this.cookies.get('kansli_csrf') ?? '', ...form }).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const response = await fetch(`${server.url}${url}`, { method: form ? 'POST' : 'GET', headers, body, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) this.keep(cookie);
    return response;
  }

  private keep(header: string): void {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
    const expires = attributes.find((a) => /^expires=/i.test(a));
    const gone = value === '' || attributes.some((a) => /^max-age=0$/i.test(a)) || (expires !== undefined && Date.parse(expires.slice(8)) < Date.now());
    if (gone) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }

  async signIn(server: AppServer): Promise<void> {
    const response = await this.request(server, '/logga-in', { email: ADMIN.email, password: ADMIN.password });
    assert.equal(response.status, 302, await response.text());
  }
}

describe('two app servers against one PostgreSQL behave as one', { skip: TEST_DB_KIND !== 'postgres' && 'needs PostgreSQL: set TEST_DATABASE_URL' }, () => {
  let created: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let database: Database;
  let a: AppServer;
  let b: AppServer;
  const admin = new Browser();

  before(async () => {
    created = await createPostgresDatabase();
    database = openPostgres(created.url, { max: 2 });
    [a, b] = await Promise.all([startServer(created.url), startServer(created.url)]);
  });

  after(async () => {
    await Promise.all([stopServer(a), stopServer(b)]);
    await database?.close();
    await created?.drop();
  });

  // The steps below build on each other, in order, like one user's visit.
  it('sets up on server A, and server B accepts the session', async () => {
    assert.equal((await admin.request(a, '/installera')).status, 200);
    const setup = await admin.request(a, '/installera', { committeeName: 'Tvåservernämnden', committeeSlug: 'tva', name: ADMIN.name, email: ADMIN.email, password: ADMIN.password });
    assert.equal(setup.status, 302, await setup.text());
    assert.ok(admin.cookies.has('kansli_session'), 'A set a session cookie');

    const account = await admin.request(b, '/konto');
    assert.equal(account.status, 200);
    assert.match(await account.text(), /Tvåservernämnden/);
    const stranger = await new Browser().request(b, '/konto');
    assert.equal(stranger.status, 302, 'without the session B sends to sign-in');
    assert.equal((await admin.request(b, '/installera')).status, 302, 'B knows the installation is set up');
  });

  it('keeps one linear audit chain under concurrent writes through both servers', async () => {
    const before = await verifyAuditChain(database.db);
    assert.equal(before.ok, true);
    const names = Array.from({ length: 20 }, (_, i) => `Parallell Person ${String(i).padStart(2, '0')}`);
    const responses = await Promise.all(names.map((name, i) => admin.request(i % 2 === 0 ? a : b, '/personer/ny', { name, title: `via ${i % 2 === 0 ? 'A' : 'B'}` })));
    for (const response of responses) {
      assert.equal(response.status, 302);
      assert.match(response.headers.get('location') ?? '', /^\/personer\/[0-9a-f-]{36}$/);
    }
    const stored = await database.query<{ name: string }>(sql`select name from people where name like 'Parallell Person %' order by name`);
    assert.deepEqual(stored.map((r) => r.name), names);
    const entries = await database.query<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'person.create'`);
    assert.equal(entries[0]?.n, names.length);
    assert.deepEqual(await verifyAuditChain(database.db), { ok: true, count: before.count + names.length });
  });

  it('signs out everywhere on B, which ends the sessions on A', async () => {
    const other = new Browser();
    await other.signIn(a);
    assert.equal((await other.request(a, '/konto')).status, 200);
    assert.equal((await admin.request(a, '/konto')).status, 200);

    const signOut = await admin.request(b, '/konto/logga-ut-overallt', {});
    assert.equal(signOut.status, 302);
    const onA = await other.request(a, '/konto');
    assert.equal(onA.status, 302);
    assert.match(onA.headers.get('location') ?? '', /^\/logga-in/);
    const [row] = await database.query<{ n: number }>(sql`select count(*)::int as n from sessions`);
    assert.equal(row?.n, 0);
  });
});
