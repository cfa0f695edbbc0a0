/**
 * Public answers are cacheable by a shared cache and carry validators; nothing that is private,
 * shows a form (a CSRF token) or sets a cookie is. Anonymous visitors get a CSRF cookie only from
 * a page with a form, and every unsafe request is still checked.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../support/app.js';
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '../../src/platform/http/http-cache.js';

describe('HTTP caching of public answers', () => {
  let t: TestContext;
  let board: string;
  let oparlBody: string;
  let committeeId: string;
  before(async () => {
    t = await createTestApp();
    const { committee, municipality } = await buildCommittee(t.services);
    committeeId = committee.id;
    board = `/anslagstavla/${municipality.slug}`;
    oparlBody = `/oparl/v1/body/${committee.id}`;
  });
  after(() => t.close());

  const pages: [string, () => string][] = [
    ['a notice board', () => board],
    ['its Atom feed', () => `${board}/atom.xml`],
    ['the OParl system', () => '/oparl/v1/system'],
    ['an OParl body', () => oparlBody],
  ];
  for (const [label, path] of pages) {
    test(`an anonymous GET of ${label} is cacheable, with no cookie`, async () => {
      const response = await t.app.inject({ method: 'GET', url: path() });
      assert.equal(response.statusCode, 200, response.body.slice(0, 300));
      assert.equal(response.headers['set-cookie'], undefined, 'no cookie on a public answer');
      assert.equal(response.headers['cache-control'], PUBLIC_CACHE_CONTROL);
      assert.match(String(response.headers.etag), /^"[\w-]+"$/);
      assert.ok(!Number.isNaN(Date.parse(String(response.headers['last-modified']))));
      assert.match(String(response.headers.vary), /Accept-Language/);
      // nginx (docs/nginx-kansli.conf) keeps the copy to the end of the second it was made in.
      const expires = Number(String(response.headers['x-accel-expires']).replace(/^@/, ''));
      assert.ok(Math.abs(expires - Date.now() / 1000) < 2, String(response.headers['x-accel-expires']));
    });
  }

  test('a matching If-None-Match gets 304 with no body; another tag gets the page', async () => {
    const first = await t.app.inject({ method: 'GET', url: board });
    const etag = String(first.headers.etag);
    const again = await t.app.inject({ method: 'GET', url: board, headers: { 'if-none-match': `W/"other", ${etag}` } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers.etag, etag);
    const other = await t.app.inject({ method: 'GET', url: board, headers: { 'if-none-match': '"not-this-one"' } });
    assert.equal(other.statusCode, 200);
    assert.equal(other.body, first.body);
  });

  test('If-Modified-Since answers 304 only when the page has not changed since', async () => {
    const first = await t.app.inject({ method: 'GET', url: board });
    const since = String(first.headers['last-modified']);
    assert.equal((await t.app.inject({ method: 'GET', url: board, headers: { 'if-modified-since': since } })).statusCode, 304);
    const before = new Date(Date.parse(since) - 60_000).toUTCString();
    assert.equal((await t.app.inject({ method: 'GET', url: board, headers: { 'if-modified-since': before } })).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: board, headers: { 'if-modified-since': 'not a date' } })).statusCode, 200);
  });

  test('the English page has its own tag', async () => {
    const sv = await t.app.inject({ method: 'GET', url: board });
    const en = await t.app.inject({ method: 'GET', url: board, headers: { 'accept-language': 'en' } });
    assert.notEqual(sv.headers.etag, en.headers.etag);
  });

  test('a page with a form mints the CSRF cookie and is never cached', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/logga-in' });
    assert.ok(response.cookies.some((c) => c.name === 'kansli_csrf' && c.value.length > 20), 'the sign-in form needs the cookie');
    assert.equal(response.headers['cache-control'], PRIVATE_CACHE_CONTROL);
    assert.equal(response.headers.etag, undefined);
    // With the cookie already there, the page still holds the visitor's token: not for others.
    const client = new TestClient(t.app);
    await client.ensureCsrf();
    const second = await client.get('/logga-in');
    assert.equal(second.headers['set-cookie'], undefined);
    assert.match(second.body, new RegExp(`name="_csrf" value="${client.cookies.get('kansli_csrf')}"`));
    assert.equal(second.headers['cache-control'], PRIVATE_CACHE_CONTROL);
  });

  test('unsafe requests are still checked: no cookie, no field, or a wrong token is refused', async () => {
    const bare = await t.app.inject({ method: 'POST', url: '/logga-in', payload: 'email=a%40b.se&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(bare.statusCode, 403);
    assert.equal(bare.headers['cache-control'], PRIVATE_CACHE_CONTROL);
    const client = new TestClient(t.app);
    assert.equal((await client.post('/logga-in', { email: 'a@b.se', password: 'x' }, { csrf: null })).statusCode, 403);
    assert.equal((await client.post('/logga-in', { email: 'a@b.se', password: 'x' }, { csrf: 'forged-token-forged-token-forged' })).statusCode, 403);
    assert.notEqual((await client.post('/logga-in', { email: 'a@b.se', password: 'x' })).statusCode, 403);
  });

  test('a signed-in visitor gets no cacheable answer, not even of a public page', async () => {
    const user = await buildUser(t.services, { organisationId: committeeId, roles: ['secretary'] });
    const client = new TestClient(t.app);
    await client.signIn(user.email, user.password);
    for (const url of [board, '/oparl/v1/system', '/']) {
      const response = await client.get(url);
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['cache-control'], PRIVATE_CACHE_CONTROL, url);
      assert.equal(response.headers.etag, undefined, url);
      assert.equal(response.headers['x-accel-expires'], undefined, url);
    }
  });

  test('health and a one-time message are never cached', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/healthz' })).headers['cache-control'], 'no-store');
    const flashed = await t.app.inject({ method: 'GET', url: board, headers: { cookie: 'kansli_flash=Sparat' } });
    assert.equal(flashed.headers['cache-control'], PRIVATE_CACHE_CONTROL);
    const language = await t.app.inject({ method: 'GET', url: `${board}?lang=en` });
    assert.equal(language.headers['cache-control'], PRIVATE_CACHE_CONTROL, 'sets the language cookie');
  });
});

describe('HTTP caching reads the injected clock', () => {
  let t: TestContext;
  let board: string;
  // Far from the real time, and not on a whole second: the headers must follow this clock.
  let now = new Date('2031-05-06T07:08:09.750Z');
  before(async () => {
    t = await createTestApp({ clock: () => now });
    const { municipality } = await buildCommittee(t.services);
    board = `/anslagstavla/${municipality.slug}`;
  });
  after(() => t.close());

  const second = (date: Date) => Math.floor(date.getTime() / 1000);

  test('Last-Modified and X-Accel-Expires are the clock\'s second; Last-Modified stays while the page is unchanged', async () => {
    const first = await t.app.inject({ method: 'GET', url: board });
    assert.equal(first.statusCode, 200);
    const madeAt = now;
    assert.equal(first.headers['x-accel-expires'], `@${second(madeAt)}`);
    assert.equal(first.headers['last-modified'], new Date(second(madeAt) * 1000).toUTCString());

    now = new Date(madeAt.getTime() + 7_000);
    const later = await t.app.inject({ method: 'GET', url: board });
    assert.equal(later.headers.etag, first.headers.etag, 'the same page');
    assert.equal(later.headers['x-accel-expires'], `@${second(now)}`, 'nginx keeps it to the end of the current second');
    assert.equal(later.headers['last-modified'], first.headers['last-modified'], 'unchanged since it was first answered');
    const revalidated = await t.app.inject({ method: 'GET', url: board, headers: { 'if-modified-since': String(first.headers['last-modified']) } });
    assert.equal(revalidated.statusCode, 304);
  });
});
