/**
 * The reverse-proxy example of docs/nginx-kansli.conf, exercised: Debian's nginx in front of two
 * real Kansli servers on one PostgreSQL. Public pages come from nginx's cache and show a change
 * within a second; signed-in pages and pages with a visitor's own secret never do.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openPostgres, type Database } from '../src/platform/db/database.js';
import { hashPassword } from '../src/features/auth/auth.service.js';
import { createPostgresDatabase, TEST_DB_KIND } from './support/db.js';
import { Browser, freePort, ROOT, startServer, stopServer, type AppServer } from './support/server.js';

const ADMIN = { name: 'Ada Proxyadmin', email: 'ada@example.se', password: 'rätt häftig häst batteri' };
const MEMBER = { name: 'Mats Proxyledamot', email: 'mats@example.se', password: 'en annan lång fras här' };
const SITE_CONFIG = path.join(ROOT, 'docs', 'nginx-kansli.conf');

function findNginx(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  return existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : undefined;
}

const NGINX = findNginx();
// In CI nginx is installed by .ci/run; a missing nginx there is a failure, not a skip.
const skip =
  TEST_DB_KIND !== 'postgres' ? 'needs PostgreSQL: set TEST_DATABASE_URL' : !NGINX && !process.env.CI ? 'nginx is not installed (apt-get install nginx); with CI=true this test fails instead' : false;

interface Proxy {
  url: string;
  cacheDir: string;
  child: ChildProcess;
  log: () => string;
}

/** The example's text with exactly one occurrence of `from` replaced, so that the test notices when the example changes shape. */
function replaceOnce(text: string, from: string, to: string): string {
  const parts = text.split(from);
  assert.equal(parts.length, 2, `docs/nginx-kansli.conf should contain "${from}" exactly once`);
  return parts.join(to);
}

/** Debian's nginx with the example as its site, in a folder of its own, in the foreground. */
async function startNginx(nginx: string, upstreams: [AppServer, AppServer]): Promise<Proxy> {
  const work = mkdtempSync(path.join(tmpdir(), 'kansli-nginx-'));
  // Run as root, nginx's workers drop to an unprivileged user, which must reach the cache folder.
  chmodSync(work, 0o755);
  const port = await freePort();
  let site = readFileSync(SITE_CONFIG, 'utf8');
  site = replaceOnce(site, 'server 127.0.0.1:3001 ', `server ${new URL(upstreams[0].url).host} `);
  site = replaceOnce(site, 'server 127.0.0.1:3002 ', `server ${new URL(upstreams[1].url).host} `);
  site = replaceOnce(site, 'listen 80;', `listen 127.0.0.1:${port};`);
  site = replaceOnce(site, 'proxy_cache_path /var/cache/nginx/kansli ', `proxy_cache_path ${work}/cache `);
  writeFileSync(path.join(work, 'kansli.conf'), site);
  const temp = path.join(work, 'temp');
  mkdirSync(temp);
  chmodSync(temp, 0o777);
  const main = `daemon off;
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/error.log notice;
events { worker_connections 256; }
http {
  log_format cache '$request_uri $upstream_cache_status $upstream_status $upstream_addr';
  access_log ${work}/access.log cache;
  client_body_temp_path ${temp}/body; proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi; uwsgi_temp_path ${temp}/uwsgi; scgi_temp_path ${temp}/scgi;
  include ${work}/kansli.conf;
}
`;
  writeFileSync(path.join(work, 'nginx.conf'), main);
  const child = spawn(nginx, ['-p', work, '-c', path.join(work, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const log = () => stderr + (existsSync(path.join(work, 'error.log')) ? readFileSync(path.join(work, 'error.log'), 'utf8') : '');
  const proxy = { url: `http://127.0.0.1:${port}`, cacheDir: path.join(work, 'cache'), child, log };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${log()}`);
    if (await fetch(`${proxy.url}/healthz`).then((r) => r.ok, () => false)) return proxy;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`nginx did not answer on port ${port}:\n${log()}`);
}

async function stopNginx(proxy: Proxy | undefined): Promise<void> {
  if (!proxy) return;
  if (proxy.child.exitCode === null && proxy.child.signalCode === null) {
    const exited = once(proxy.child, 'exit');
    proxy.child.kill('SIGTERM'); // fast shutdown: the master stops its workers
    await exited;
  }
  rmSync(path.dirname(proxy.cacheDir), { recursive: true, force: true });
}

/** Every file nginx has stored, as text (headers and body). */
function cachedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => readFileSync(file, 'latin1'));
}

const cacheStatus = (response: Response) => response.headers.get('x-cache-status');

describe('nginx as a caching reverse proxy in front of two servers (docs/nginx-kansli.conf)', { skip }, () => {
  let created: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let database: Database;
  let a: AppServer;
  let b: AppServer;
  let proxy: Proxy;
  let site: AppServer; // the proxy, as the test's browsers see it
  const admin = new Browser();
  const member = new Browser();
  let bodyId = '';
  let meetingId = '';

  const accessLog = () => readFileSync(path.join(path.dirname(proxy.cacheDir), 'access.log'), 'utf8').split('\n');
  /** An anonymous visitor's GET through the proxy: no cookie at all. */
  const anonymous = (url: string, headers: Record<string, string> = {}) => fetch(`${proxy.url}${url}`, { headers, redirect: 'manual' });

  before(async () => {
    assert.ok(NGINX, 'nginx must be installed when CI is set (.ci/run installs it)');
    created = await createPostgresDatabase();
    database = openPostgres(created.url, { max: 2 });
    const env = { DATABASE_URL: created.url, KANSLI_TRUST_PROXY: 'true' };
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
    proxy = await startNginx(NGINX, [a, b]);
    site = { url: proxy.url, child: proxy.child, output: proxy.log };

    const setup = await admin.request(site, '/installera', { committeeName: 'Proxynämnden', committeeSlug: 'proxy', name: ADMIN.name, email: ADMIN.email, password: ADMIN.password });
    assert.equal(setup.status, 302, await setup.text());
    const [committee] = await database.query<{ id: string }>(sql`select id from organisations where kind = 'committee'`);
    const [user] = await database.query<{ id: string }>(sql`select id from users where lower(email) = ${ADMIN.email}`);
    await database.query(sql`insert into role_assignments (user_id, organisation_id, role) values (${user?.id}, ${committee?.id}, 'secretary')`);
    const [body] = await database.query<{ id: string }>(sql`
      insert into bodies (organisation_id, kind, name, slug) values (${committee?.id}, 'committee', 'Proxynämnden', 'proxy-organ') returning id`);
    bodyId = body?.id ?? '';
    const [meeting] = await database.query<{ id: string }>(sql`
      insert into meetings (body_id, starts_at, place, status) values (${bodyId}, '2031-03-12T09:00:00+01:00', 'Stora salen', 'planned') returning id`);
    meetingId = meeting?.id ?? '';
    const [memberUser] = await database.query<{ id: string }>(sql`
      insert into users (email, name, password_hash) values (${MEMBER.email}, ${MEMBER.name}, ${await hashPassword(MEMBER.password)}) returning id`);
    await database.query(sql`insert into role_assignments (user_id, organisation_id, role) values (${memberUser?.id}, ${committee?.id}, 'member')`);
    await member.signIn(site, MEMBER.email, MEMBER.password);
  });

  after(async () => {
    await stopNginx(proxy);
    await Promise.all([stopServer(a), stopServer(b)]);
    await database?.close();
    await created?.drop();
  });

  it('answers a public page from the cache: the second request is a HIT, in each language', async () => {
    // nginx keeps a copy to the end of the second it got it in, so a pair of requests that
    // straddles a second's end sees a revalidation instead; a few pairs find a HIT.
    for (const language of ['sv', 'en']) {
      let hit: { first: string; second: string } | undefined;
      const statuses: string[] = [];
      for (let pair = 0; pair < 20 && !hit; pair += 1) {
        const first = await anonymous('/sammantraden', { 'accept-language': language });
        assert.equal(first.status, 200);
        assert.equal(first.headers.get('set-cookie'), null);
        assert.equal(first.headers.get('x-accel-expires'), null, 'nginx keeps its own header to itself');
        const firstBody = await first.text();
        const second = await anonymous('/sammantraden', { 'accept-language': language });
        const secondBody = await second.text();
        statuses.push(`${cacheStatus(first)}→${cacheStatus(second)}`);
        assert.notEqual(cacheStatus(second), 'MISS', 'the first answer was stored');
        if (cacheStatus(second) === 'HIT') hit = { first: firstBody, second: secondBody };
      }
      assert.ok(hit, `a HIT within 20 pairs (${statuses.join(', ')})`);
      assert.equal(hit.second, hit.first);
      assert.match(hit.second, language === 'sv' ? /<html lang="sv/ : /<html lang="en/, 'each language its own copy');
    }
  });

  it('revalidates an unchanged page with its ETag on either server: a 304 with no body (REVALIDATED)', async () => {
    const seen: string[] = [];
    const bodies = new Set<string>();
    const deadline = Date.now() + 10_000;
    while (!seen.includes('REVALIDATED') && Date.now() < deadline) {
      const response = await anonymous('/sammantraden');
      seen.push(cacheStatus(response) ?? 'none');
      bodies.add(await response.text());
    }
    assert.ok(seen.includes('REVALIDATED'), `statuses seen: ${[...new Set(seen)].join(', ')}`);
    assert.equal(bodies.size, 1, 'the same page all along');
    // The log says which server answered what: both servers served the page, and a revalidation was a 304.
    // nginx writes a request's line after its answer has gone out, so the test may read it first.
    let lines: string[] = [];
    for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
      lines = accessLog().filter((l) => l.startsWith('/sammantraden '));
      if (lines.some((l) => / REVALIDATED 304 /.test(l))) break;
    }
    assert.ok(lines.some((l) => / REVALIDATED 304 /.test(l)), lines.join('\n'));
    for (const server of [a, b]) assert.ok(lines.some((l) => l.endsWith(new URL(server.url).host)), `${server.url} answered too`);
  });

  it('shows a change on the public page within a second, whichever server made it', async () => {
    const place = `Proxyrummet ${randomBytes(4).toString('hex')}`;
    const before = await anonymous('/sammantraden');
    assert.doesNotMatch(await before.text(), new RegExp(place));
    const created = await admin.request(site, '/moten/nytt', { bodyId, kind: 'meeting', date: '2031-05-20', startTime: '13:00', endTime: '', place });
    assert.equal(created.status, 302, await created.text());
    const changedBy = performance.now(); // the change is committed before the redirect is sent
    const polls: { startedAfter: number; shows: boolean; status: string }[] = [];
    for (;;) {
      const startedAfter = performance.now() - changedBy;
      const response = await anonymous('/sammantraden');
      polls.push({ startedAfter, shows: (await response.text()).includes(place), status: cacheStatus(response) ?? 'none' });
      if (startedAfter >= 1000) break;
    }
    const late = polls.filter((p) => p.startedAfter >= 1000);
    assert.ok(late.length > 0 && late.every((p) => p.shows), `a request a second after the change shows it: ${JSON.stringify(polls.slice(-3))}`);
    const firstShown = polls.findIndex((p) => p.shows);
    assert.ok(polls.slice(firstShown).every((p) => p.shows), 'once shown, never the old copy again');
  });

  it('never caches a signed-in page: BYPASS every time, and each user sees only their own', async () => {
    for (let i = 0; i < 3; i += 1) {
      const own = await admin.request(site, '/');
      assert.equal(own.status, 200);
      assert.equal(cacheStatus(own), 'BYPASS');
      assert.match(own.headers.get('cache-control') ?? '', /private|no-store/);
      assert.match(await own.text(), new RegExp(ADMIN.name));

      const theirs = await member.request(site, '/');
      assert.equal(cacheStatus(theirs), 'BYPASS');
      const page = await theirs.text();
      assert.match(page, new RegExp(MEMBER.name));
      assert.doesNotMatch(page, new RegExp(ADMIN.name), 'the second user never sees the first one’s page');

      // The same address for the public is the portal, cached on its own, without any user in it.
      const portal = await anonymous('/');
      assert.equal(portal.status, 200);
      const text = await portal.text();
      assert.doesNotMatch(text, new RegExp(`${ADMIN.name}|${MEMBER.name}`));
    }
    const meeting = await member.request(site, `/moten/${meetingId}`);
    assert.equal(meeting.status, 200);
    assert.equal(cacheStatus(meeting), 'BYPASS');
    assert.match(await meeting.text(), /Stora salen/);
    const stranger = await anonymous(`/moten/${meetingId}`);
    assert.equal(stranger.status, 302, 'the members’ page is never handed to a visitor who is not signed in');
  });

  it('never caches a page with a visitor’s secret: each sign-in form has its own CSRF token, never a HIT', async () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 4; i += 1) {
      const form = await anonymous('/logga-in');
      assert.equal(form.status, 200);
      assert.notEqual(cacheStatus(form), 'HIT');
      const cookie = form.headers.getSetCookie().find((c) => c.startsWith('kansli_csrf='));
      assert.ok(cookie, 'each visitor gets a CSRF cookie');
      const token = cookie.slice('kansli_csrf='.length).split(';')[0] ?? '';
      assert.match(await form.text(), new RegExp(`name="_csrf" value="${token}"`));
      tokens.add(token);
    }
    assert.equal(tokens.size, 4, 'four visitors, four tokens');

    // An API token or a one-time message: past the cache both ways, even on a public page.
    assert.equal(cacheStatus(await anonymous('/sammantraden', { authorization: 'Bearer not-a-real-token' })), 'BYPASS');
    assert.equal(cacheStatus(await anonymous('/sammantraden', { cookie: 'kansli_flash=Sparat' })), 'BYPASS');

    // What nginx stored: public pages only, nothing with a user's name, a session or a CSRF token.
    const stored = cachedFiles(proxy.cacheDir);
    assert.ok(stored.length > 0, 'public pages were stored');
    for (const file of stored) {
      assert.doesNotMatch(file, new RegExp(`${ADMIN.name}|${MEMBER.name}|Set-Cookie|kansli_session|name="_csrf"`, 'i'));
      for (const token of tokens) assert.ok(!file.includes(token));
    }
  });
});
