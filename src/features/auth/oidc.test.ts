import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { LOA2, LOA3, startTestProvider, type TestProvider } from '../../../test/support/oidc-provider.js';
import { UserAgent } from '../../../test/support/user-agent.js';
import { oidcSessions, users } from './auth.tables.js';
import { meetings } from '../meetings/meetings.tables.js';
import { organisations, people } from '../organisation/organisation.tables.js';
import { protocolParagraphs, protocols, protocolSignatures } from '../protocols/protocols.tables.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { fileBlobs } from '../../platform/db/file-blobs.tables.js';
import { protocolDigest } from '../protocols/protocol.model.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A personnummer with a correct Luhn check digit, from its first eleven digits (YYYYMMDDNNN). */
function personnummer(eleven: string): string {
  const ten = eleven.slice(2);
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    let d = Number(ten[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${eleven}${(10 - (sum % 10)) % 10}`;
}

describe('OpenID Connect: sign-in, e-ID justering and logout against a real provider', () => {
  let t: TestContext;
  let op: TestProvider;
  let base = '';
  /** Kansli's clock, moved by tests; the provider keeps real time. */
  let offsetMs = 0;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kansli-oidc-'));
  const db = () => t.services.database.db;
  const pnr = { chair: personnummer('19800314123'), adjuster: personnummer('19751122456') };
  let org: Awaited<ReturnType<typeof buildCommittee>>;
  const person = { chair: '', adjuster: '' };
  let staff: { id: string; email: string };

  before(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    op = await startTestProvider({ kansliBase: base });
    t = await createTestApp({
      clock: () => new Date(Date.now() + offsetMs),
      config: {
        publicUrl: base,
        sealP12Path: path.join(dataDir, 'seal.p12'),
        sealPassphrase: 'test',
        oidc: { providers: [op.settings('staff'), op.settings('eid')], clockToleranceSeconds: 60 },
      },
    });
    await t.app.listen({ port, host: '127.0.0.1' });
    org = await buildCommittee(t.services);
    staff = await buildUser(t.services, { organisationId: org.committee.id, roles: ['secretary'], email: `handlaggare-${process.pid}@testby.se` });
    op.accounts.set('anna', { email: staff.email.toUpperCase(), name: 'Anna Handläggare' });
    op.accounts.set('okand', { email: 'ingen-sadan@testby.se' });
    for (const who of ['chair', 'adjuster'] as const) {
      const [p] = await db().insert(people).values({ name: who === 'chair' ? 'Ordf Örjan' : 'Justerare Jenny', organisationId: org.municipality.id, personalIdentityNumber: pnr[who] }).returning();
      if (!p) throw new Error('no person');
      person[who] = p.id;
      const user = await buildUser(t.services, { organisationId: org.committee.id, roles: [who === 'chair' ? 'chair' : 'member'] });
      await db().update(users).set({ personId: p.id }).where(eq(users.id, user.id));
      op.accounts.set(`${who}-eid`, { personnummer: pnr[who], acr: LOA3 });
    }
    op.accounts.set('stranger-eid', { personnummer: personnummer('19900101999'), acr: LOA3 });
  });

  after(async () => {
    await t.close();
    await op.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Starts at Kansli, logs in on the provider's page as `account`, and follows the way back. */
  async function signIn(agent: UserAgent, start: string, account: string) {
    const login = await agent.go(start.startsWith('http') ? start : `${base}${start}`);
    assert.equal(login.status, 200, login.body.slice(0, 300));
    const uid = /\/interaction\/([^/"]+)\/login/.exec(login.body)?.[1];
    assert.ok(uid, `the provider's login page: ${login.url}`);
    return agent.go(`${op.issuer}/interaction/${uid}/login`, { form: { login: account } });
  }

  const kansliSessions = (userId: string) => db().select().from(oidcSessions).where(eq(oidcSessions.userId, userId));

  test('the sign-in page offers each provider', async () => {
    const page = await new UserAgent().go(`${base}/logga-in`);
    assert.match(page.body, /Logga in med Testby kommuns inloggning/);
    assert.match(page.body, /Logga in med Test-e-legitimation/);
  });

  test('staff sign in at the municipality provider and are matched by e-mail (any case); acr and provider are kept with the session', async () => {
    const agent = new UserAgent();
    const page = await signIn(agent, '/logga-in/oidc/kommun?next=/konto', 'anna');
    assert.equal(page.status, 200, page.body.slice(0, 500));
    assert.equal(new URL(page.url).pathname, '/konto');
    assert.match(page.body, new RegExp(staff.email));
    const [row] = await kansliSessions(staff.id);
    assert.equal(row?.providerId, 'kommun');
    assert.equal(row?.acr, LOA2);
    assert.ok(row?.providerSessionId, 'the provider session id (sid) is kept');
  });

  test('an unknown identity gets a clear page and an audit entry, and no session', async () => {
    const agent = new UserAgent();
    const page = await signIn(agent, '/logga-in/oidc/kommun', 'okand');
    assert.equal(page.status, 403);
    assert.match(page.body, /inget konto i Kansli för den identiteten/);
    const entries = await db().select().from(auditLog).where(eq(auditLog.action, 'oidc.unknown_identity'));
    assert.ok(entries.some((e) => JSON.stringify(e.after).includes('ingen-sadan@testby.se')));
    assert.equal(agent.cookies(base).has('kansli_session'), false);
  });

  test('an e-ID unknown to Kansli is refused; the audit log keeps the birth date, never the whole personnummer', async () => {
    const page = await signIn(new UserAgent(), '/logga-in/oidc/eid', 'stranger-eid');
    assert.equal(page.status, 403);
    const entries = await db().select().from(auditLog).where(eq(auditLog.action, 'oidc.unknown_identity'));
    const text = JSON.stringify(entries.map((e) => e.after));
    assert.match(text, /19900101-\*\*\*\*/);
    assert.doesNotMatch(text, new RegExp(personnummer('19900101999')));
  });

  for (const [name, rewrite] of [
    ['a tampered ID token (payload changed, signature kept)', async (token: string) => {
      const [h, p, s] = token.split('.');
      const claims = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as Record<string, unknown>;
      return `${h}.${Buffer.from(JSON.stringify({ ...claims, email: 'annan@testby.se' })).toString('base64url')}.${s}`;
    }],
    ['an ID token with a wrong nonce', async (token: string) => op.sign({ ...op.decode(token), nonce: 'inte-den-vi-skickade' })],
    ['an expired ID token', async (token: string) => op.sign({ ...op.decode(token), iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })],
    ['an ID token from a wrong issuer', async (token: string) => op.sign({ ...op.decode(token), iss: 'http://127.0.0.1:1/annan-utfardare' })],
  ] as const) {
    test(`${name} is refused: no session`, async () => {
      op.rewriteIdToken = rewrite;
      try {
        const agent = new UserAgent();
        const before = (await kansliSessions(staff.id)).length;
        const page = await signIn(agent, '/logga-in/oidc/kommun', 'anna');
        assert.equal(page.status, 400);
        assert.match(page.body, /Inloggningen kunde inte kontrolleras/);
        assert.equal(agent.cookies(base).has('kansli_session'), false);
        assert.equal((await kansliSessions(staff.id)).length, before);
      } finally {
        op.rewriteIdToken = null;
      }
    });
  }

  test('clock skew within the tolerance (60 s) is accepted, beyond it refused', async () => {
    const expiringIn = (seconds: number) => async (token: string) => op.sign({ ...op.decode(token), exp: Math.floor(Date.now() / 1000) + seconds });
    try {
      // Our clock 40 s ahead of the provider's: its fresh token looks 30 s expired.
      offsetMs = 40_000;
      op.rewriteIdToken = expiringIn(10);
      const ok = await signIn(new UserAgent(), '/logga-in/oidc/kommun?next=/konto', 'anna');
      assert.equal(new URL(ok.url).pathname, '/konto');
      offsetMs = 120_000;
      const refused = await signIn(new UserAgent(), '/logga-in/oidc/kommun?next=/konto', 'anna');
      assert.equal(refused.status, 400);
    } finally {
      offsetMs = 0;
      op.rewriteIdToken = null;
    }
  });

  test('a callback whose state this browser did not start is refused', async () => {
    const agent = new UserAgent();
    const started = await agent.request(`${base}/logga-in/oidc/kommun`);
    const state = new URL(started.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const page = await new UserAgent().go(`${base}/logga-in/oidc/kommun/callback?code=x&state=${state}`);
    assert.equal(page.status, 400);
  });

  test('logout at the provider ends the Kansli session (back-channel), and signing out of Kansli goes to the provider', async () => {
    const agent = new UserAgent();
    await signIn(agent, '/logga-in/oidc/kommun?next=/konto', 'anna');
    assert.equal(new URL((await agent.go(`${base}/konto`)).url).pathname, '/konto');
    // Sign out at the provider (RP-initiated logout on its end-session page, confirmed).
    const [row] = (await kansliSessions(staff.id)).slice(-1);
    assert.ok(row);
    const confirm = await agent.go(`${op.issuer}/session/end?id_token_hint=${row.idToken}&client_id=kansli-kommun`);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.body)?.[1] ?? '';
    assert.ok(xsrf, confirm.body.slice(0, 500));
    await agent.go(`${op.issuer}/session/end/confirm`, { form: { xsrf, logout: 'yes' } });
    const afterwards = await agent.go(`${base}/konto`);
    assert.equal(new URL(afterwards.url).pathname, '/logga-in', 'the provider told Kansli over the back channel');
    assert.equal((await db().select().from(oidcSessions).where(eq(oidcSessions.tokenHash, row.tokenHash))).length, 0);
  });

  test('front-channel logout with the provider session id ends the session; a wrong issuer is refused', async () => {
    const agent = new UserAgent();
    await signIn(agent, '/logga-in/oidc/kommun?next=/konto', 'anna');
    const [row] = (await kansliSessions(staff.id)).slice(-1);
    assert.ok(row?.providerSessionId);
    const wrong = await agent.go(`${base}/logga-in/oidc/kommun/frontchannel-logout?iss=http://annan&sid=${row.providerSessionId}`);
    assert.equal(wrong.status, 400);
    assert.equal(new URL((await agent.go(`${base}/konto`)).url).pathname, '/konto');
    const ok = await new UserAgent().go(`${base}/logga-in/oidc/kommun/frontchannel-logout?iss=${encodeURIComponent(op.issuer)}&sid=${row.providerSessionId}`);
    assert.equal(ok.status, 200);
    assert.equal(new URL((await agent.go(`${base}/konto`)).url).pathname, '/logga-in');
  });

  test('signing out of Kansli sends the browser to the provider to end its session too', async () => {
    const agent = new UserAgent();
    await signIn(agent, '/logga-in/oidc/kommun?next=/konto', 'anna');
    const csrf = agent.cookies(base).get('kansli_csrf') ?? '';
    const response = await agent.request(`${base}/logga-ut`, { form: { _csrf: csrf } });
    assert.equal(response.status, 302);
    assert.ok(response.headers.get('location')?.startsWith(`${op.issuer}/session/end`));
  });

  test('the administrator registers a personnummer (shown masked, never again in full) and turns on e-ID justering; secrets are never shown', async () => {
    const admin = await buildUser(t.services, { organisationId: org.committee.id, roles: ['admin'] });
    const client = new TestClient(t.app);
    await client.signIn(admin.email);
    const [p] = await db().insert(people).values({ name: 'Ny Ledamot', organisationId: org.municipality.id }).returning();
    assert.ok(p);
    const wrong = await client.post(`/admin/e-legitimation/personer/${p.id}`, { personnummer: '19800314-1235' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /rätt kontrollsiffra/);
    const taken = await client.post(`/admin/e-legitimation/personer/${p.id}`, { personnummer: pnr.chair });
    assert.equal(taken.statusCode, 409);
    const number = personnummer('19661010333');
    assert.equal((await client.post(`/admin/e-legitimation/personer/${p.id}`, { personnummer: `${number.slice(0, 8)}-${number.slice(8)}` })).statusCode, 302);
    const [stored] = await db().select().from(people).where(eq(people.id, p.id));
    assert.equal(stored?.personalIdentityNumber, number);
    const page = await client.get('/admin/e-legitimation');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /19661010-\*\*\*\*/);
    assert.ok(!page.body.includes(number) && !page.body.includes(number.slice(8)), 'the full number is not shown again');
    assert.match(page.body, /Test-e-legitimation/);
    assert.ok(!page.body.includes('hemlighet-eid'), 'client secrets are never shown');
    assert.equal((await client.post(`/admin/e-legitimation/justering/${org.committee.id}`, { required: 'on' })).statusCode, 302);
    const [committee] = await db().select().from(organisations).where(eq(organisations.id, org.committee.id));
    assert.equal(committee?.settings.justeringAcr, LOA3);
    const forbidden = new TestClient(t.app);
    await forbidden.signIn(staff.email);
    assert.equal((await forbidden.get('/admin/e-legitimation')).statusCode, 403);
  });

  describe('justering with e-ID at LoA3', () => {
    async function lockedProtocol() {
      const meetingAt = new Date(Date.now() - 2 * 86_400_000);
      const [meeting] = await db().insert(meetings).values({ bodyId: org.body.id, startsAt: meetingAt, place: 'Stadshuset', status: 'closed', adjusterPersonId: person.adjuster }).returning();
      if (!meeting) throw new Error('no meeting');
      const [protocol] = await db().insert(protocols).values({ meetingId: meeting.id, status: 'locked', chairPersonId: person.chair, adjusterPersonId: person.adjuster, secretaryName: 'Sara Sekreterare', justeringPlace: 'Kansliet' }).returning();
      if (!protocol) throw new Error('no protocol');
      await db().insert(protocolParagraphs).values({ protocolId: protocol.id, position: 1, number: 19, year: meetingAt.getUTCFullYear(), heading: 'Revidering reglemente', decision: 'Nämnden antar förslaget.' });
      const digest = protocolDigest(await t.services.protocols.load(protocol.id));
      await db().update(protocols).set({ canonicalSha256: digest, lockedAt: new Date() }).where(eq(protocols.id, protocol.id));
      return { id: protocol.id, digest };
    }

    before(async () => {
      await db().update(organisations).set({ settings: { justeringAcr: LOA3 } }).where(eq(organisations.id, org.committee.id));
    });

    test('an e-ID sign-in matches the account by the personnummer of its person; the session keeps LoA3', async () => {
      const agent = new UserAgent();
      const page = await signIn(agent, '/logga-in/oidc/eid?next=/konto', 'chair-eid');
      assert.equal(new URL(page.url).pathname, '/konto', page.body.slice(0, 300));
      const [user] = await db().select().from(users).where(eq(users.personId, person.chair));
      const [row] = await kansliSessions(user?.id ?? '');
      assert.equal(row?.acr, LOA3);
      assert.equal(row?.providerId, 'eid');
    });

    test('chair and adjuster sign with a fresh e-ID sign-in; the record, the sealed PDF and /verifiera name the method, provider and time, never the personnummer', async () => {
      const protocol = await lockedProtocol();
      for (const who of ['chair', 'adjuster'] as const) {
        const agent = new UserAgent();
        await signIn(agent, '/logga-in/oidc/eid', `${who}-eid`);
        const page = await agent.go(`${base}/protokoll/${protocol.id}/justera`);
        assert.match(page.body, /Nämnden kräver att justeringen signeras med e-legitimation/);
        assert.doesNotMatch(page.body, /name="password"/, 'no password form when e-ID is required');
        const signed = await signIn(agent, `/protokoll/${protocol.id}/justera/e-id`, `${who}-eid`);
        assert.equal(new URL(signed.url).pathname, `/protokoll/${protocol.id}/justera`, signed.body.slice(0, 500));
      }
      const signatures = await db().select().from(protocolSignatures).where(eq(protocolSignatures.protocolId, protocol.id));
      assert.equal(signatures.length, 2);
      for (const s of signatures) {
        assert.equal(s.method, 'e-id');
        assert.equal(s.assuranceLevel, LOA3);
        assert.equal(s.assuranceProvider, 'Test-e-legitimation');
        assert.ok(s.authenticatedAt);
      }
      const [final] = await db().select().from(protocols).where(eq(protocols.id, protocol.id));
      assert.equal(final?.status, 'final');
      const [blob] = await db().select().from(fileBlobs).where(eq(fileBlobs.sha256, final?.sealedPdfSha256 ?? ''));
      assert.ok(blob);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(blob.content)), { mergePages: true });
      assert.match(text, /med e-legitimation via Test-e-legitimation \(tillitsnivå 3\)/);
      const verify = await new UserAgent().go(`${base}/verifiera?sha256=${protocol.digest}`);
      assert.match(verify.body, /e-legitimation via Test-e-legitimation, tillitsnivå 3, inloggning/);
      for (const body of [verify.body, text]) {
        assert.ok(!body.includes(pnr.chair.slice(2)) && !body.includes(pnr.adjuster.slice(2)), 'no personnummer');
      }
    });

    test('an e-ID sign-in below LoA3, or by another person, does not sign; a password is refused', async () => {
      const protocol = await lockedProtocol();
      const agent = new UserAgent();
      await signIn(agent, '/logga-in/oidc/eid', 'chair-eid');
      // The provider itself will not answer loa2 when loa3 is asked for; a token that says loa2 anyway is refused by Kansli.
      op.rewriteIdToken = async (token) => op.sign({ ...op.decode(token), acr: LOA2 });
      try {
        const low = await signIn(agent, `/protokoll/${protocol.id}/justera/e-id`, 'chair-eid');
        assert.equal(low.status, 403);
        assert.match(low.body, /för låg tillitsnivå/);
      } finally {
        op.rewriteIdToken = null;
      }
      // Someone else's e-ID in the same browser (a new session at the provider).
      agent.cookies(op.issuer).clear();
      const other = await signIn(agent, `/protokoll/${protocol.id}/justera/e-id`, 'adjuster-eid');
      assert.equal(other.status, 403);
      assert.match(other.body, /tillhör inte den som är inloggad/);
      const csrf = agent.cookies(base).get('kansli_csrf') ?? '';
      const password = await agent.go(`${base}/protokoll/${protocol.id}/justera`, { form: { _csrf: csrf, method: 'password', password: 'rätt häftig häst batteri' } });
      assert.equal(password.status, 400);
      assert.equal((await db().select().from(protocolSignatures).where(and(eq(protocolSignatures.protocolId, protocol.id)))).length, 0);
    });
  });
});
