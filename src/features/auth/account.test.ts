import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TEST_PASSWORD, TestClient, type TestContext } from '../../../test/support/app.js';
import { startSmtp } from '../../../test/support/smtp.js';
import { passwordResets, sessions, users } from './auth.tables.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { generateTotp } from './totp.js';

const NEW_PASSWORD = 'ett alldeles nytt lösenord';
const auditActions = async (t: TestContext, userId: string) =>
  (await t.services.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, userId)))).map((r) => r.action);

/** The link in a mail as nodemailer writes it (quoted-printable soft breaks undone). */
const linkIn = (raw: string) => /https:\/\/kansli\.example\.se\/logga-in\/nytt-losenord\/[A-Za-z0-9_-]{43}/.exec(raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='))?.[0];

describe('account life cycle (ASVS L2)', () => {
  let t: TestContext;
  let now = new Date('2026-11-27T10:00:00Z');
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let committeeId: string;
  before(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ clock: () => now, config: { smtpUrl: smtp.url, publicUrl: 'https://kansli.example.se', sessionIdleMinutes: 30 } });
    committeeId = (await buildCommittee(t.services)).committee.id;
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  test('change the password with the current one; the other sessions end, this one stays', async () => {
    const user = await buildUser(t.services, { organisationId: committeeId, roles: ['member'] });
    const here = new TestClient(t.app);
    const elsewhere = new TestClient(t.app);
    await here.signIn(user.email);
    await elsewhere.signIn(user.email);
    const wrong = await here.post('/konto/losenord', { current: 'inte mitt lösenord', password: NEW_PASSWORD, repeat: NEW_PASSWORD });
    assert.equal(wrong.statusCode, 401);
    const differ = await here.post('/konto/losenord', { current: TEST_PASSWORD, password: NEW_PASSWORD, repeat: `${NEW_PASSWORD}x` });
    assert.equal(differ.statusCode, 400);
    assert.match(differ.body, /Lösenorden är inte likadana/);
    assert.equal((await here.post('/konto/losenord', { current: TEST_PASSWORD, password: NEW_PASSWORD, repeat: NEW_PASSWORD })).statusCode, 302);
    assert.equal((await here.get('/konto')).statusCode, 200, 'this session stays');
    assert.equal((await elsewhere.get('/konto')).statusCode, 302, 'the other session ended');
    assert.equal((await new TestClient(t.app).post('/logga-in', { email: user.email, password: TEST_PASSWORD })).statusCode, 401);
    await new TestClient(t.app).signIn(user.email, NEW_PASSWORD);
    assert.ok((await auditActions(t, user.id)).includes('password.change'));
  });

  test('reset by a one-time e-mail link: hashed in the database, single use, expires', async () => {
    const user = await buildUser(t.services, { organisationId: committeeId, roles: ['member'] });
    const signedIn = new TestClient(t.app);
    await signedIn.signIn(user.email);
    const before = smtp.received.length;
    const asked = await new TestClient(t.app).post('/logga-in/glomt', { email: user.email });
    assert.equal(asked.statusCode, 200);
    assert.match(asked.body, /Om det finns ett konto med den adressen/);
    const unknown = await new TestClient(t.app).post('/logga-in/glomt', { email: 'ingen@example.se' });
    assert.equal(unknown.body.replace(/name="_csrf" value="[^"]+"/g, ''), asked.body.replace(/name="_csrf" value="[^"]+"/g, ''), 'the same answer for an unknown address');
    assert.equal(smtp.received.length, before + 1, 'one mail, to the account only');
    const mail = smtp.received.at(-1);
    assert.deepEqual(mail?.to, [user.email]);
    const link = linkIn(mail?.raw ?? '');
    assert.ok(link, 'the mail carries the link to the public address');
    const token = link.split('/').at(-1) ?? '';
    const rows = await t.services.database.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]?.tokenHash, token, 'only a hash of the token is stored');

    const path = new URL(link).pathname;
    const browser = new TestClient(t.app);
    const form = await browser.get(path);
    assert.equal(form.statusCode, 200);
    assert.equal(form.headers['referrer-policy'], 'no-referrer');
    assert.equal((await browser.post(path, { password: 'kort', repeat: 'kort' })).statusCode, 400);
    assert.equal((await browser.post(path, { password: NEW_PASSWORD, repeat: NEW_PASSWORD })).statusCode, 302);
    assert.equal((await signedIn.get('/konto')).statusCode, 302, 'every session ended with the reset');
    await new TestClient(t.app).signIn(user.email, NEW_PASSWORD);
    const reused = await browser.post(path, { password: `${NEW_PASSWORD}2`, repeat: `${NEW_PASSWORD}2` });
    assert.equal(reused.statusCode, 400, 'a link works once');
    assert.equal((await browser.get(path)).statusCode, 410);

    await new TestClient(t.app).post('/logga-in/glomt', { email: user.email });
    const late = new URL(linkIn(smtp.received.at(-1)?.raw ?? '') ?? 'https://x/').pathname;
    now = new Date(now.getTime() + 31 * 60_000);
    assert.equal((await new TestClient(t.app).post(late, { password: `${NEW_PASSWORD}3`, repeat: `${NEW_PASSWORD}3` })).statusCode, 400, 'an old link has expired');
    assert.deepEqual((await auditActions(t, user.id)).filter((a) => a.startsWith('password.')), ['password.reset_requested', 'password.reset', 'password.reset_requested']);
  });

  test('a session ends after 30 idle minutes, besides the absolute limit; use keeps it alive', async () => {
    const user = await buildUser(t.services, { organisationId: committeeId, roles: ['member'] });
    const client = new TestClient(t.app);
    await client.signIn(user.email);
    for (let i = 0; i < 3; i += 1) {
      now = new Date(now.getTime() + 25 * 60_000);
      assert.equal((await client.get('/konto')).statusCode, 200, 'used every 25 minutes: still signed in');
    }
    now = new Date(now.getTime() + 31 * 60_000);
    assert.equal((await client.get('/konto')).statusCode, 302, 'idle for 31 minutes: signed out');
    const left = await t.services.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    assert.equal(left.length, 0, 'the idle session is gone from the database');
  });

  test('TOTP: enrolment and re-enrolment need the password; the old app works until the new one is confirmed', async () => {
    const user = await buildUser(t.services, { organisationId: committeeId, roles: ['member'] });
    const client = new TestClient(t.app);
    await client.signIn(user.email);
    assert.equal((await client.post('/konto/tvastegs/starta', {})).statusCode, 401);
    const first = /<code class="secret">([A-Z2-7]+)<\/code>/.exec((await client.post('/konto/tvastegs/starta', { password: TEST_PASSWORD })).body)?.[1] ?? '';
    assert.equal((await client.post('/konto/tvastegs/bekrafta', { code: generateTotp(first, now) })).statusCode, 302);
    assert.equal((await client.post('/konto/tvastegs/starta', { password: 'fel lösenord här' })).statusCode, 401, 're-enrolment needs the password');
    const second = /<code class="secret">([A-Z2-7]+)<\/code>/.exec((await client.post('/konto/tvastegs/starta', { password: TEST_PASSWORD })).body)?.[1] ?? '';
    assert.notEqual(second, first);
    const [row] = await t.services.database.db.select().from(users).where(eq(users.id, user.id));
    assert.equal(row?.totpSecret, first, 'the working secret stays until the new one is confirmed');
    assert.equal(row?.totpEnabled, true);
    now = new Date(now.getTime() + 60_000);
    assert.equal((await client.post('/konto/tvastegs/bekrafta', { code: generateTotp(second, now) })).statusCode, 302);
    assert.equal((await client.post('/konto/tvastegs/stang', { password: TEST_PASSWORD })).statusCode, 302);
    const actions = await auditActions(t, user.id);
    for (const action of ['totp.enable', 'totp.replace', 'totp.disable']) assert.ok(actions.includes(action), action);
  });

  test('every sign-in, failed sign-in and sign-out is in the audit log', async () => {
    const user = await buildUser(t.services, { organisationId: committeeId, roles: ['member'] });
    const client = new TestClient(t.app);
    assert.equal((await client.post('/logga-in', { email: user.email, password: 'fel lösenord igen' })).statusCode, 401);
    await client.signIn(user.email);
    assert.equal((await client.post('/logga-ut')).statusCode, 302);
    const actions = await auditActions(t, user.id);
    assert.deepEqual(actions.filter((a) => a.startsWith('auth.')), ['auth.sign_in_failed', 'auth.sign_in', 'auth.sign_out']);
  });
});

describe('the sign-in limit under concurrency', () => {
  test('80 parallel wrong guesses against one account: no more than the limit reach the password check', async () => {
    const t = await createTestApp({ config: { loginMaxAttempts: 5 } });
    try {
      const { committee } = await buildCommittee(t.services);
      const user = await buildUser(t.services, { organisationId: committee.id, roles: ['member'] });
      const client = new TestClient(t.app);
      await client.get('/healthz');
      const guesses = await Promise.all(Array.from({ length: 80 }, (_, i) => client.post('/logga-in', { email: user.email, password: `gissning nummer ${i}` })));
      const checked = guesses.filter((r) => r.statusCode === 401).length;
      const limited = guesses.filter((r) => r.statusCode === 429).length;
      // On PostgreSQL a burst of 80 can outwait the pool (10 connections, 5 s) on a loaded machine: 503, never checked.
      const busy = guesses.filter((r) => r.statusCode === 503).length;
      assert.equal(checked + limited + busy, 80, `every answer is 401, 429 or 503: ${guesses.map((r) => r.statusCode).join(',')}`);
      assert.ok(limited >= 80 - 5 - busy);
      assert.ok(checked <= 5, `${checked} guesses were checked; the limit is 5`);
      assert.equal(checked, 5, 'the limit is used, not less');
      const failures = (await auditActions(t, user.id)).filter((a) => a === 'auth.sign_in_failed').length;
      assert.equal(failures, checked, 'each checked guess is in the audit log');
    } finally {
      await t.close();
    }
  });
});
