import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { useTestApp } from '../../../test/support/test-app-hooks.js';
import { sessions, users } from './auth.tables.js';
import { generateTotp } from './auth.service.js';

const SETUP = { committeeName: 'Testnämnden', committeeSlug: 'testnamnden', name: 'Ada Admin', email: 'ada@example.se', password: 'ett långt lösenord här' };

describe('first run and setup', () => {
  const t = useTestApp();

  test('an empty installation sends every page to setup, and setup creates the first administrator', async () => {
    const client = new TestClient(t.app);
    const start = await client.get('/organisation');
    assert.equal(start.statusCode, 302);
    assert.equal(start.headers.location, '/installera');
    assert.equal((await client.get('/healthz')).statusCode, 200, 'health answers before setup');

    const bad = await client.post('/installera', { ...SETUP, password: 'kort' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /minst 12 tecken/);
    assert.match(bad.body, /value="ada@example.se"/, 'typed values are kept');

    const done = await client.post('/installera', SETUP);
    assert.equal(done.statusCode, 302);
    assert.equal(done.headers.location, '/organisation');
    const page = await client.get('/organisation');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Testnämnden/);
    const [user] = await t.services.database.db.select().from(users).where(eq(users.email, 'ada@example.se'));
    assert.match(user?.passwordHash ?? '', /^\$argon2id\$/);

    const again = await new TestClient(t.app).post('/installera', { ...SETUP, email: 'eve@example.se' });
    assert.equal(again.statusCode, 409, 'setup is refused once a user exists');
    assert.equal((await new TestClient(t.app).get('/installera')).headers.location, '/');
  });
});

test('two setups at the same moment make exactly one first administrator', async () => {
  const t = await createTestApp();
  try {
    const results = await Promise.allSettled([
      t.services.auth.setup({ ...SETUP, committeeSlug: 'en' }),
      t.services.auth.setup({ ...SETUP, committeeSlug: 'tva', email: 'bob@example.se' }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    assert.equal((await t.services.database.db.select().from(users)).length, 1);
  } finally {
    await t.close();
  }
});

describe('sign-in, sessions and CSRF', () => {
  let t: TestContext;
  let email: string;
  before(async () => {
    t = await createTestApp({ config: { loginMaxAttempts: 3 } });
    const { committee } = await buildCommittee(t.services);
    ({ email } = await buildUser(t.services, { organisationId: committee.id, roles: ['secretary'] }));
  });
  after(() => t.close());

  test('a wrong password is refused in Swedish and keeps the e-mail', async () => {
    const response = await new TestClient(t.app).post('/logga-in', { email, password: 'fel lösenord helt' });
    assert.equal(response.statusCode, 401);
    assert.match(response.body, /Fel e-postadress eller lösenord/);
    assert.match(response.body, new RegExp(`value="${email}"`));
  });

  test('the session cookie is HttpOnly and SameSite=Lax, and sign-in rotates the session', async () => {
    const client = new TestClient(t.app);
    const first = await client.signIn(email);
    const cookie = first.cookies.find((c) => c.name === 'kansli_session');
    assert.ok(cookie?.httpOnly);
    assert.equal(cookie?.sameSite, 'Lax');
    assert.ok(!cookie?.secure, 'plain http: no Secure flag');
    const oldToken = client.cookies.get('kansli_session') ?? '';
    await client.signIn(email);
    const newToken = client.cookies.get('kansli_session') ?? '';
    assert.notEqual(newToken, oldToken);
    const stale = new TestClient(t.app);
    stale.cookies.set('kansli_session', oldToken);
    assert.equal((await stale.get('/konto')).statusCode, 302, 'the old session no longer works');
    assert.equal((await client.get('/konto')).statusCode, 200);
  });

  test('cookies are Secure behind HTTPS', async () => {
    const secure = await createTestApp({ config: { trustProxy: true }, database: t.database });
    try {
      const response = await secure.app.inject({ method: 'GET', url: '/logga-in', headers: { 'x-forwarded-proto': 'https' } });
      assert.ok(response.cookies.find((c) => c.name === 'kansli_csrf')?.secure);
    } finally {
      await secure.app.close();
    }
  });

  test('a form without the CSRF token is refused and changes nothing', async () => {
    const client = new TestClient(t.app);
    await client.signIn(email);
    const before = await t.services.database.db.select().from(sessions);
    const response = await client.post('/konto/logga-ut-overallt', {}, { csrf: null });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /Formuläret hade gått ut/);
    const afterRows = await t.services.database.db.select().from(sessions);
    assert.equal(afterRows.length, before.length);
    const forged = await client.post('/konto/logga-ut-overallt', {}, { csrf: 'x'.repeat(32) });
    assert.equal(forged.statusCode, 403);
  });

  test('sign out everywhere ends every session of the user', async () => {
    const a = new TestClient(t.app);
    const b = new TestClient(t.app);
    await a.signIn(email);
    await b.signIn(email);
    const response = await a.post('/konto/logga-ut-overallt');
    assert.equal(response.statusCode, 302);
    assert.equal((await b.get('/konto')).statusCode, 302);
    assert.equal((await a.get('/konto')).statusCode, 302);
  });

  test('sign-in is rate limited after repeated failures, also for the right password', async () => {
    const limited = await buildUser(t.services, { organisationId: (await buildCommittee(t.services)).committee.id, roles: ['member'] });
    const client = new TestClient(t.app);
    for (let i = 0; i < 3; i += 1) assert.equal((await client.post('/logga-in', { email: limited.email, password: 'fel lösenord igen' })).statusCode, 401);
    const blocked = await client.post('/logga-in', { email: limited.email, password: limited.password });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /För många misslyckade inloggningsförsök/);
  });

  test('after sign-in the user is sent to the page asked for, never to another site', async () => {
    const client = new TestClient(t.app);
    await client.get('/');
    const local = await client.post('/logga-in?next=%2Fpersoner', { email, password: 'rätt häftig häst batteri' });
    assert.equal(local.headers.location, '/personer');
    const other = await new TestClient(t.app).post('/logga-in?next=%2F%2Fevil.example', { email, password: 'rätt häftig häst batteri' });
    assert.equal(other.headers.location, '/');
  });
});

describe('two-step verification (TOTP)', () => {
  let now = new Date('2026-11-27T10:00:00Z');
  const t = useTestApp({ clock: () => now });

  test('a user turns TOTP on, and then needs a code to sign in', async () => {
    const { committee } = await buildCommittee(t.services);
    const user = await buildUser(t.services, { organisationId: committee.id, roles: ['chair'] });
    const client = new TestClient(t.app);
    await client.signIn(user.email);
    assert.equal((await client.post('/konto/tvastegs/starta', { password: 'fel lösenord här' })).statusCode, 401, 'enrolment needs the password');
    const enrol = await client.post('/konto/tvastegs/starta', { password: user.password });
    const secret = /<code class="secret">([A-Z2-7]+)<\/code>/.exec(enrol.body)?.[1];
    assert.ok(secret, 'the secret is shown');
    assert.equal((await client.post('/konto/tvastegs/bekrafta', { code: '000000' })).statusCode, 400);
    assert.equal((await client.post('/konto/tvastegs/bekrafta', { code: generateTotp(secret, now) })).statusCode, 302);

    const second = new TestClient(t.app);
    const step1 = await second.post('/logga-in', { email: user.email, password: user.password });
    assert.equal(step1.headers.location, '/logga-in/tvastegs?next=%2F');
    assert.equal((await second.get('/konto')).statusCode, 302, 'half signed in is not signed in');
    assert.equal((await second.post('/logga-in/tvastegs', { code: '123456' })).statusCode, 401);
    now = new Date(now.getTime() + 60_000);
    const step2 = await second.post('/logga-in/tvastegs', { code: generateTotp(secret, now) });
    assert.equal(step2.statusCode, 302);
    assert.equal((await second.get('/konto')).statusCode, 200);
  });
});

describe('personal API tokens', () => {
  const t = useTestApp();

  test('a token is shown once, works as Bearer without cookies or CSRF, and stops working when revoked', async () => {
    const { committee } = await buildCommittee(t.services);
    const user = await buildUser(t.services, { organisationId: committee.id, roles: ['coordinator'] });
    const client = new TestClient(t.app);
    await client.signIn(user.email);
    const created = await client.post('/konto/nycklar', { label: 'Rapportskript' });
    const token = /<code class="secret">(ksl_[\w-]+)<\/code>/.exec(created.body)?.[1];
    assert.ok(token);
    assert.equal(created.headers['cache-control'], 'no-store');
    assert.doesNotMatch((await client.get('/konto')).body, new RegExp(token), 'shown only once');

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().email, user.email);
    const wrong = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer ksl_nope' } });
    assert.equal(wrong.statusCode, 401);

    const id = /\/konto\/nycklar\/([0-9a-f-]{36})\/aterkalla/.exec((await client.get('/konto')).body)?.[1] ?? '';
    assert.equal((await client.post(`/konto/nycklar/${id}/aterkalla`)).statusCode, 302);
    const revoked = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(revoked.statusCode, 401);
  });

  test('the API answers 401 in JSON without a token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/organisations' });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().error.code, 'UNAUTHENTICATED');
  });
});
