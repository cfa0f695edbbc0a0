import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../support/app.js';
import { sessions } from '../../src/features/auth/auth.tables.js';
import { multipartBody } from '../support/multipart.js';

describe('CSRF on every unsafe request, multipart included', () => {
  let t: TestContext;
  let client: TestClient;
  let userId: string;
  before(async () => {
    t = await createTestApp();
    const { committee } = await buildCommittee(t.services);
    const user = await buildUser(t.services, { organisationId: committee.id, roles: ['member'] });
    userId = user.id;
    client = new TestClient(t.app);
    await client.signIn(user.email);
  });
  after(() => t.close());

  const liveSessions = async () => (await t.services.database.db.select().from(sessions).where(eq(sessions.userId, userId))).length;
  const send = (url: string, body: ReturnType<typeof multipartBody>) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': body.contentType }, payload: body.payload });

  test('a multipart POST without the token to a route that takes no file is refused and changes nothing', async () => {
    const before = await liveSessions();
    for (const body of [multipartBody({}), multipartBody({ note: 'x' }, { name: 'x.txt', bytes: 'hej', type: 'text/plain' }), multipartBody({ _csrf: 'x'.repeat(32) })]) {
      const response = await send('/konto/logga-ut-overallt', body);
      assert.equal(response.statusCode, 403, response.body.slice(0, 200));
      assert.match(response.body, /Formuläret hade gått ut/);
    }
    assert.equal(await liveSessions(), before, 'no session was ended');
    const signOut = await send('/logga-ut', multipartBody({}));
    assert.equal(signOut.statusCode, 403);
    assert.equal(await liveSessions(), before);
  });

  test('the same multipart POST with the token (first field, or the header) is accepted', async () => {
    const token = client.cookies.get('kansli_csrf') ?? '';
    const response = await send('/konto/sprak', multipartBody({ _csrf: token, locale: 'en' }));
    assert.equal(response.statusCode, 302, response.body.slice(0, 300));
    const header = await t.app.inject({
      method: 'POST',
      url: '/konto/sprak',
      headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': multipartBody({}).contentType, 'x-csrf-token': token },
      payload: multipartBody({ locale: 'sv' }).payload,
    });
    assert.equal(header.statusCode, 302);
  });
});

describe('next= after sign-in', () => {
  test('only a local path is followed; //, /\\t/, backslashes and schemes go to the start page', async () => {
    const t = await createTestApp();
    try {
      const { committee } = await buildCommittee(t.services);
      const user = await buildUser(t.services, { organisationId: committee.id, roles: ['member'] });
      const cases: [string, string][] = [
        ['/personer', '/personer'],
        ['//evil.example', '/'],
        ['/\t/evil.example', '/'],
        ['/\\evil.example', '/'],
        ['/..//evil.example', '/'],
        ['https://evil.example', '/'],
        ['javascript:alert(1)', '/'],
      ];
      for (const [next, expected] of cases) {
        const response = await new TestClient(t.app).post(`/logga-in?next=${encodeURIComponent(next)}`, { email: user.email, password: user.password });
        assert.equal(response.headers.location, expected, JSON.stringify(next));
      }
    } finally {
      await t.close();
    }
  });
});
