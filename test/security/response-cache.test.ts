/**
 * Public answers kept in memory (src/platform/http/response-cache.ts), through a real listening
 * server (an injected request never meets the server, so it never meets this cache): the second
 * anonymous read is answered from memory; a change, a second on the clock, a session, a one-time
 * message or another language each get a page built anew.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../support/app.js';
import { meetings } from '../../src/features/meetings/meetings.tables.js';
import { recordAudit, SYSTEM_ACTOR } from '../../src/platform/audit/audit.js';
import { MAX_AGE_MS } from '../../src/platform/http/response-cache.js';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/platform/http/app.js';
import { KANSLI } from '../../src/routes.js';

describe('public answers kept in memory', () => {
  let t: TestContext;
  let base = '';
  let now = new Date('2026-12-01T09:00:00Z');
  let committee: Awaited<ReturnType<typeof buildCommittee>>;

  // The process's clock stands still unless a test moves it: two reads are never a second apart by chance on a busy machine.
  let monotonic = 0;
  let app: FastifyInstance;

  before(async () => {
    t = await createTestApp({ clock: () => now });
    app = buildApp({ ...t.services, monotonicClock: () => monotonic }, KANSLI);
    committee = await buildCommittee(t.services);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await app.close();
    await t.close();
  });

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetch(base + path, { method, headers, redirect: 'manual' });

  /** A meeting of the public body, recorded as a change (every change writes an audit entry). */
  async function addMeeting(place: string) {
    await t.services.database.db.transaction(async (tx) => {
      const [row] = await tx.insert(meetings).values({ bodyId: committee.body.id, startsAt: new Date('2026-12-20T12:00:00Z'), place }).returning();
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'meeting.create', entity: 'meeting', entityId: row?.id, organisationId: committee.committee.id }, now);
    });
  }

  test('the server the cache makes keeps Fastify\'s timeouts: idle connections live 72 s, not Node\'s 5 s', () => {
    // A client or proxy reusing a connection after 5 s of quiet met a socket the server had just closed.
    assert.equal(app.server.keepAliveTimeout, 72_000);
    assert.equal(app.server.requestTimeout, 0);
  });

  test('the second anonymous read of a public page is answered from memory, with the same bytes and validators', async () => {
    const first = await get('/sammantraden');
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('x-kansli-cache'), null, 'the first read is built');
    const body = await first.text();
    const again = await get('/sammantraden');
    assert.equal(again.headers.get('x-kansli-cache'), 'HIT');
    assert.equal(await again.text(), body);
    for (const name of ['etag', 'last-modified', 'cache-control', 'vary', 'content-type', 'content-security-policy', 'x-content-type-options']) {
      assert.equal(again.headers.get(name), first.headers.get(name), name);
    }
    assert.equal(again.headers.get('set-cookie'), null);
  });

  test('a matching If-None-Match is answered 304 from memory; HEAD gets the headers only', async () => {
    const first = await get('/sammantraden');
    await first.text();
    const etag = first.headers.get('etag') ?? '';
    const notModified = await get('/sammantraden', { 'if-none-match': etag });
    assert.equal(notModified.status, 304);
    assert.equal(await notModified.text(), '');
    const head = await get('/sammantraden', {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('x-kansli-cache'), 'HIT');
    assert.equal(await head.text(), '');
  });

  test('a change is on the very next read', async () => {
    await (await get('/sammantraden')).text();
    assert.equal((await get('/sammantraden')).headers.get('x-kansli-cache'), 'HIT');
    await addMeeting('Stadshuset, sal Ny');
    const after = await get('/sammantraden');
    assert.equal(after.headers.get('x-kansli-cache'), null);
    assert.match(await after.text(), /Stadshuset, sal Ny/);
  });

  test('a second later on the clock the page is built anew (a page may depend on the time)', async () => {
    await (await get('/sammantraden')).text();
    assert.equal((await get('/sammantraden')).headers.get('x-kansli-cache'), 'HIT');
    now = new Date(now.getTime() + MAX_AGE_MS);
    assert.equal((await get('/sammantraden')).headers.get('x-kansli-cache'), null);
  });

  test('a second later on the process\'s own clock the page is built anew, even if the services\' clock stands still', async () => {
    await (await get('/sammantraden')).text();
    assert.equal((await get('/sammantraden')).headers.get('x-kansli-cache'), 'HIT');
    monotonic += MAX_AGE_MS;
    assert.equal((await get('/sammantraden')).headers.get('x-kansli-cache'), null);
  });

  test('a signed-in user never gets the kept public page, and their own page is never kept', async () => {
    // With no user yet, `/` sends the visitor to set the installation up.
    const user = await buildUser(t.services, { organisationId: committee.committee.id, roles: ['secretary'] });
    await (await get('/')).text();
    const anonymous = await get('/');
    assert.equal(anonymous.headers.get('x-kansli-cache'), 'HIT');
    assert.doesNotMatch(await anonymous.text(), /Välkommen/);
    const client = new TestClient(app);
    await client.signIn(user.email);
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    // Signing in is a change (an audit entry): the public page is kept again first.
    await (await get('/')).text();
    assert.equal((await get('/')).headers.get('x-kansli-cache'), 'HIT');
    for (let i = 0; i < 2; i++) {
      const own = await get('/', { cookie });
      assert.equal(own.headers.get('x-kansli-cache'), null);
      assert.match(await own.text(), /Välkommen/);
    }
  });

  test('a one-time message, an Authorization header and a language choice go past the cache', async () => {
    await (await get('/sammantraden')).text();
    assert.equal((await get('/sammantraden')).headers.get('x-kansli-cache'), 'HIT');
    assert.equal((await get('/sammantraden', { cookie: 'kansli_flash=Sparat' })).headers.get('x-kansli-cache'), null);
    assert.equal((await get('/sammantraden', { authorization: 'Bearer x' })).headers.get('x-kansli-cache'), null);
    assert.equal((await get('/sammantraden?lang=en')).headers.get('x-kansli-cache'), null);
  });

  test('each language is kept on its own: the language cookie and Accept-Language are part of the key', async () => {
    const swedish = await (await get('/sammantraden', { 'accept-language': 'sv' })).text();
    await (await get('/sammantraden', { cookie: 'kansli_lang=en' })).text();
    const english = await get('/sammantraden', { cookie: 'kansli_lang=en' });
    assert.equal(english.headers.get('x-kansli-cache'), 'HIT');
    const text = await english.text();
    assert.notEqual(text, swedish);
    assert.match(text, /lang="en"/);
    await (await get('/sammantraden', { 'accept-language': 'en-GB,en' })).text();
    const byHeader = await get('/sammantraden', { 'accept-language': 'en-GB,en' });
    assert.equal(byHeader.headers.get('x-kansli-cache'), 'HIT');
    assert.match(await byHeader.text(), /lang="en"/);
    const swedishAgain = await get('/sammantraden', { 'accept-language': 'sv' });
    assert.equal(await swedishAgain.text(), swedish);
  });

  test('a page with a form (the sign-in page) is never kept', async () => {
    for (let i = 0; i < 2; i++) {
      const page = await get('/logga-in');
      assert.equal(page.headers.get('x-kansli-cache'), null);
      assert.ok(page.headers.get('set-cookie'), 'the form sets its CSRF cookie');
      await page.text();
    }
  });
});
