import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TEST_PASSWORD, TestClient, type TestContext } from '../../../test/support/app.js';
import { buildPersonUsers, buildProtocol, signedInClient, type PersonUser } from '../../../test/support/factories.js';
import { roleAssignments, users, webauthnChallenges } from '../auth/auth.tables.js';
import { protocolParagraphs, protocols, protocolSignatures } from './protocols.tables.js';
import { fileBlobs } from '../../platform/db/file-blobs.tables.js';
import { generateTotp } from '../auth/totp.js';
import { protocolDigest } from './protocol.model.js';
import { paragraphDigest } from './justering.service.js';

// ---------------------------------------------------------------------------------------------
// A software authenticator: an ES256 key, "none" attestation, assertions signed like a passkey.

function cborHead(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 256) return Buffer.from([(major << 5) | 24, n]);
  if (n < 65536) return Buffer.from([(major << 5) | 25, n >> 8, n & 255]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

type Cbor = number | string | Buffer | Map<number | string, Cbor>;
function cbor(value: Cbor): Buffer {
  if (typeof value === 'number') return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  if (typeof value === 'string') return Buffer.concat([cborHead(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (Buffer.isBuffer(value)) return Buffer.concat([cborHead(2, value.length), value]);
  const parts = [cborHead(5, value.size)];
  for (const [k, v] of value) parts.push(cbor(k), cbor(v));
  return Buffer.concat(parts);
}

const b64url = (b: Buffer) => b.toString('base64url');
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest();

class SoftAuthenticator {
  readonly credentialId = randomBytes(16);
  private readonly key: KeyObject;
  private readonly publicJwk: { x: string; y: string };
  private counter = 0;

  constructor(readonly rpID: string, readonly origin: string) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.key = pair.privateKey;
    this.publicJwk = pair.publicKey.export({ format: 'jwk' }) as { x: string; y: string };
  }

  private clientData(type: string, challenge: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }));
  }

  create(options: { challenge: string }) {
    const cose = cbor(new Map<number, Cbor>([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(this.publicJwk.x, 'base64url')], [-3, Buffer.from(this.publicJwk.y, 'base64url')]]));
    const idLength = Buffer.from([0, this.credentialId.length]);
    const authData = Buffer.concat([sha(this.rpID), Buffer.from([0x45]), Buffer.alloc(4), Buffer.alloc(16), idLength, this.credentialId, cose]);
    const attestationObject = cbor(new Map<string, Cbor>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
    return {
      id: b64url(this.credentialId),
      rawId: b64url(this.credentialId),
      type: 'public-key',
      clientExtensionResults: {},
      response: { clientDataJSON: b64url(this.clientData('webauthn.create', options.challenge)), attestationObject: b64url(attestationObject), transports: ['internal'] },
    };
  }

  get(options: { challenge: string }) {
    this.counter += 1;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    const authData = Buffer.concat([sha(this.rpID), Buffer.from([0x05]), counter]);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge);
    const signature = cryptoSign('sha256', Buffer.concat([authData, sha(clientDataJSON)]), this.key);
    return {
      id: b64url(this.credentialId),
      rawId: b64url(this.credentialId),
      type: 'public-key',
      clientExtensionResults: {},
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(signature) },
    };
  }
}

// ---------------------------------------------------------------------------------------------

describe('justering: signing the protocol with the signer’s own passkey or TOTP', () => {
  let t: TestContext;
  let now = new Date('2026-03-25T10:00:00Z');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kansli-justering-'));
  let org: Awaited<ReturnType<typeof buildCommittee>>;
  let signer: Record<'chair' | 'adjuster' | 'other', PersonUser>;
  const db = () => t.services.database.db;

  const client = (who: keyof typeof signer): Promise<TestClient> => signedInClient(t.app, signer[who].email, () => code(who as 'chair' | 'adjuster'));

  /** A meeting and its protocol, inserted directly; locked ones get the digest of what load() builds. */
  async function signableProtocol(options: { meetingAt: string; status: 'draft' | 'locked'; immediate?: boolean }) {
    const locked = options.status === 'locked';
    const {
      protocol,
      paragraphs: [paragraph],
    } = await buildProtocol(t.services, {
      bodyId: org.body.id,
      meetingAt: new Date(options.meetingAt),
      meeting: { adjusterPersonId: signer.adjuster.personId },
      protocol: { status: options.status },
      chairPersonId: signer.chair.personId,
      adjusterPersonId: signer.adjuster.personId,
      paragraphs: [
        { number: locked ? 19 : null, heading: 'Revidering reglemente', decision: '1. Nämnden antar förslaget.', immediateJustering: options.immediate ?? false },
        { number: locked ? 20 : null, heading: 'Information', decision: 'Informationen noteras.' },
      ],
    });
    let digest = '';
    if (options.status === 'locked') {
      digest = protocolDigest(await t.services.protocols.load(protocol.id));
      await db().update(protocols).set({ canonicalSha256: digest, lockedAt: now }).where(eq(protocols.id, protocol.id));
    }
    return { id: protocol.id, paragraphId: paragraph?.id ?? '', digest };
  }

  /** A fresh code (the clock moves on half a minute: a code is accepted once only). */
  function code(who: 'chair' | 'adjuster' | 'other'): string {
    now = new Date(now.getTime() + 31_000);
    return generateTotp(signer[who].secret, now);
  }
  const totp = (who: 'chair' | 'adjuster' | 'other', protocol: { digest: string }, extra: Record<string, string> = {}) => ({ method: 'totp', code: code(who), sha256: protocol.digest, ...extra });

  const signaturesOf = (protocolId: string) => db().select().from(protocolSignatures).where(eq(protocolSignatures.protocolId, protocolId));
  const protocolOf = async (protocolId: string) => (await db().select().from(protocols).where(eq(protocols.id, protocolId)))[0];

  before(async () => {
    t = await createTestApp({ clock: () => now, config: { sealP12Path: path.join(dataDir, 'seal.p12'), sealPassphrase: 'test' } });
    org = await buildCommittee(t.services);
    signer = await buildPersonUsers(
      t.services,
      { committeeId: org.committee.id, municipalityId: org.municipality.id },
      { chair: { name: 'Ordf Örjan', role: 'chair' }, adjuster: { name: 'Justerare Jenny', role: 'member' }, other: { name: 'Annan Anna', role: 'member', totp: false } },
    );
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('someone who is neither chair nor adjuster gets 403 with a clear message', async () => {
    const protocol = await signableProtocol({ meetingAt: '2026-03-20T09:00:00Z', status: 'locked' });
    const other = await client('other');
    const page = await other.get(`/protokoll/${protocol.id}/justera`);
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /Bara protokollets ordförande och den utsedda justeraren/);
    const post = await other.post(`/protokoll/${protocol.id}/justera`, totp('other', protocol));
    assert.equal(post.statusCode, 403);
    assert.equal((await signaturesOf(protocol.id)).length, 0);
  });

  test('an unlocked protocol cannot be signed', async () => {
    const protocol = await signableProtocol({ meetingAt: '2026-03-20T09:00:00Z', status: 'draft' });
    const chair = await client('chair');
    const response = await chair.post(`/protokoll/${protocol.id}/justera`, totp('chair', protocol));
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /inte låst för justering/);
    assert.equal((await signaturesOf(protocol.id)).length, 0);
  });

  test('the password alone does not sign (issue 15): refused with a clear message, nothing recorded', async () => {
    const protocol = await signableProtocol({ meetingAt: '2026-03-20T09:00:00Z', status: 'locked' });
    const chair = await client('chair');
    const forms: Record<string, string>[] = [{ method: 'password', password: TEST_PASSWORD }, { password: TEST_PASSWORD }, { method: 'webauthn', password: TEST_PASSWORD }];
    for (const form of forms) {
      const response = await chair.post(`/protokoll/${protocol.id}/justera`, form);
      assert.equal(response.statusCode, 400, JSON.stringify(form));
      assert.match(response.body, /Lösenordet räcker inte för att justera/);
    }
    assert.equal((await signaturesOf(protocol.id)).length, 0);
  });

  test('a signer with neither passkey nor TOTP is told what is needed and where to register it', async () => {
    const protocol = await signableProtocol({ meetingAt: '2026-03-20T09:00:00Z', status: 'locked' });
    await db().update(users).set({ totpEnabled: false }).where(eq(users.id, signer.adjuster.id));
    try {
      const page = await (await client('adjuster')).get(`/protokoll/${protocol.id}/justera`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /behöver du en andra faktor som du själv har registrerat/);
      assert.match(page.body, /href="\/konto\/passkey\?next=/);
      assert.match(page.body, /href="\/konto#tvastegs"/);
      assert.doesNotMatch(page.body, /name="password"/, 'no password form to sign with');
    } finally {
      await db().update(users).set({ totpEnabled: true }).where(eq(users.id, signer.adjuster.id));
    }
  });

  test('TOTP signing by the chair, then the adjuster, makes the protocol final with a sealed PDF; the method is recorded', async () => {
    const protocol = await signableProtocol({ meetingAt: '2026-03-20T09:00:00Z', status: 'locked' });
    const chair = await client('chair');
    const page = await chair.get(`/protokoll/${protocol.id}/justera`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`data-digest="${protocol.digest}"`));
    assert.match(page.body, /Justeras senast<\/dt><dd>2026-04-07/, "14 days, past Easter (långfredag, annandag påsk)");
    assert.match(page.body, /Justeras protokollet i dag sker det i tid/);
    assert.match(page.body, /name="method" value="totp"/);

    const wrong = await chair.post(`/protokoll/${protocol.id}/justera`, { method: 'totp', code: '000000', sha256: protocol.digest });
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /Fel kod/);
    const stale = await chair.post(`/protokoll/${protocol.id}/justera`, totp('chair', { digest: 'A'.repeat(64) }));
    assert.equal(stale.statusCode, 409, 'a digest other than the protocol’s is refused');

    const form = totp('chair', protocol);
    const first = await chair.post(`/protokoll/${protocol.id}/justera`, form);
    assert.equal(first.statusCode, 302, first.body.slice(0, 1000));
    assert.equal((await protocolOf(protocol.id))?.status, 'locked');
    const twice = await chair.post(`/protokoll/${protocol.id}/justera`, totp('chair', protocol));
    assert.equal(twice.statusCode, 409, 'the same signer cannot sign twice');

    const adjuster = await client('adjuster');
    const second = await adjuster.post(`/protokoll/${protocol.id}/justera`, { ...form, code: code('adjuster') });
    assert.equal(second.statusCode, 302, second.body.slice(0, 1000));
    const row = await protocolOf(protocol.id);
    assert.equal(row?.status, 'final');
    assert.equal(row?.finalAt?.toISOString(), now.toISOString());
    assert.ok(row?.sealedPdfSha256, 'the sealed PDF is stored');
    const [blob] = await db().select().from(fileBlobs).where(eq(fileBlobs.sha256, row.sealedPdfSha256));
    assert.equal(blob?.content.subarray(0, 5).toString('latin1'), '%PDF-');
    const signatures = await signaturesOf(protocol.id);
    assert.deepEqual(signatures.map((s) => [s.role, s.method, s.sha256, s.late]).sort(), [
      ['adjuster', 'totp', protocol.digest, false],
      ['chair', 'totp', protocol.digest, false],
    ]);
    const after = await adjuster.get(`/protokoll/${protocol.id}/justera`);
    assert.match(after.body, /Protokollet är justerat och kan inte längre ändras/);
    assert.match(after.body, /Signerat av [^<]+ \(engångskod \(TOTP\)\)/);
    const verified = await new TestClient(t.app).get(`/verifiera?sha256=${protocol.digest}`);
    assert.match(verified.body, /signerat med engångskod från autentiseringsapp \(TOTP\)/, '/verifiera states the method used');
    assert.doesNotMatch(verified.body, /lösenord och engångskod/);
  });

  test('a TOTP code is accepted once: the same code cannot sign a second time', async () => {
    const one = await signableProtocol({ meetingAt: '2026-03-20T09:00:00Z', status: 'locked' });
    const two = await signableProtocol({ meetingAt: '2026-03-20T09:00:00Z', status: 'locked' });
    const chair = await client('chair');
    const used = code('chair');
    assert.equal((await chair.post(`/protokoll/${one.id}/justera`, { method: 'totp', code: used, sha256: one.digest })).statusCode, 302);
    const again = await chair.post(`/protokoll/${two.id}/justera`, { method: 'totp', code: used, sha256: two.digest });
    assert.equal(again.statusCode, 401);
    assert.equal((await signaturesOf(two.id)).length, 0);
  });

  test('changes to the signer’s account in the 30 days before the signature are shown on the justering record', async () => {
    const protocol = await signableProtocol({ meetingAt: '2026-03-20T09:00:00Z', status: 'locked' });
    const admin = await buildUser(t.services, { organisationId: org.committee.id, roles: ['admin'] });
    const adminPrincipal = { userId: admin.id, email: admin.email, name: 'Admin', grants: [{ organisationId: org.committee.id, role: 'admin' as const }] };
    await t.services.admin.addGrant(adminPrincipal, signer.adjuster.id, { organisationId: org.municipality.id, role: 'registrar' });
    const chair = await client('chair');
    assert.equal((await chair.post(`/protokoll/${protocol.id}/justera`, totp('chair', protocol))).statusCode, 302);
    const adjuster = await client('adjuster');
    assert.equal((await adjuster.post(`/protokoll/${protocol.id}/justera`, totp('adjuster', protocol))).statusCode, 302);
    const record = await chair.get(`/protokoll/${protocol.id}/justera`);
    assert.match(record.body, new RegExp(`en roll gavs \\(av ${admin.email.replace(/\./g, '\\.')}\\)`), 'the role given by an administrator is shown');
    await db().delete(roleAssignments).where(and(eq(roleAssignments.userId, signer.adjuster.id), eq(roleAssignments.role, 'registrar')));
  });

  test('a signature after the deadline is recorded as late', async () => {
    const protocol = await signableProtocol({ meetingAt: '2026-02-02T09:00:00Z', status: 'locked' });
    const chair = await client('chair');
    const page = await chair.get(`/protokoll/${protocol.id}/justera`);
    assert.match(page.body, /Fristen har gått ut/);
    const response = await chair.post(`/protokoll/${protocol.id}/justera`, totp('chair', protocol));
    assert.equal(response.statusCode, 302);
    const [signature] = await signaturesOf(protocol.id);
    assert.equal(signature?.late, true);
  });

  test('immediate justering of one paragraph: both sign it, the paragraph gets adjusted_at', async () => {
    const protocol = await signableProtocol({ meetingAt: '2026-03-24T09:00:00Z', status: 'draft', immediate: true });
    for (const who of ['chair', 'adjuster'] as const) {
      const c = await client(who);
      const [paragraph] = await db().select().from(protocolParagraphs).where(eq(protocolParagraphs.id, protocol.paragraphId));
      const digest = paragraph ? paragraphDigest(paragraph) : '';
      const response = await c.post(`/protokoll/${protocol.id}/justera`, totp(who, { digest }, { paragraphId: protocol.paragraphId }));
      assert.equal(response.statusCode, 302, response.body.slice(0, 1000));
    }
    const [paragraph] = await db().select().from(protocolParagraphs).where(eq(protocolParagraphs.id, protocol.paragraphId));
    assert.equal(paragraph?.adjustedAt?.toISOString(), now.toISOString());
    const signatures = await signaturesOf(protocol.id);
    assert.deepEqual(signatures.map((s) => s.paragraphId), [protocol.paragraphId, protocol.paragraphId]);
    assert.equal((await protocolOf(protocol.id))?.status, 'draft', 'the protocol itself is not adjusted');
  });

  test('WebAuthn: register a passkey, sign with it (challenge bound to the digest), one-time challenges', async () => {
    const protocol = await signableProtocol({ meetingAt: '2026-03-20T09:00:00Z', status: 'locked' });
    const chair = await client('chair');
    const authenticator = new SoftAuthenticator('localhost', 'http://localhost:80');

    const regOptions = (await chair.post('/konto/passkey/registrera/alternativ')).json<{ challenge: string; rp: { id: string } }>();
    assert.equal(regOptions.rp.id, 'localhost');
    const credential = JSON.stringify(authenticator.create(regOptions));
    const noPassword = await chair.post('/konto/passkey/registrera', { credential, label: 'Testnyckel', password: 'inte mitt lösenord' });
    assert.equal(noPassword.statusCode, 401, 'registering a passkey needs the password');
    const registered = await chair.post('/konto/passkey/registrera', { credential, label: 'Testnyckel', password: TEST_PASSWORD, next: `/protokoll/${protocol.id}/justera` });
    assert.equal(registered.statusCode, 302, registered.body.slice(0, 1000));
    assert.equal(registered.headers.location, `/protokoll/${protocol.id}/justera`);

    const page = await chair.get(`/protokoll/${protocol.id}/justera`);
    assert.match(page.body, /data-webauthn-sign=/);
    assert.match(page.body, /webauthn-sign\.js/);
    const password = await chair.post(`/protokoll/${protocol.id}/justera`, { method: 'password', password: TEST_PASSWORD });
    assert.equal(password.statusCode, 400, 'never the password');

    const options = (await chair.post(`/protokoll/${protocol.id}/justera/passkey`)).json<{ challenge: string }>();
    const challenge = Buffer.from(options.challenge, 'base64url');
    assert.equal(challenge.subarray(0, 32).toString('hex').toUpperCase(), protocol.digest, 'the challenge carries the digest');
    assert.equal(challenge.length, 48, '… and a 16-byte nonce');

    const forged = authenticator.get({ challenge: b64url(Buffer.concat([Buffer.alloc(32), randomBytes(16)])) });
    const refused = await chair.post(`/protokoll/${protocol.id}/justera`, { method: 'passkey', assertion: JSON.stringify(forged) });
    assert.equal(refused.statusCode, 401, 'a challenge never issued is refused');

    const assertion = JSON.stringify(authenticator.get(options));
    const signed = await chair.post(`/protokoll/${protocol.id}/justera`, { method: 'passkey', assertion });
    assert.equal(signed.statusCode, 302, signed.body.slice(0, 1000));
    const [signature] = await signaturesOf(protocol.id);
    assert.equal(signature?.method, 'passkey');
    assert.equal(signature?.credentialId, b64url(authenticator.credentialId));
    assert.equal(signature?.sha256, protocol.digest);
    const left = await db().select().from(webauthnChallenges).where(and(eq(webauthnChallenges.challenge, options.challenge)));
    assert.equal(left.length, 0, 'the challenge is used up');

    const adjuster = await client('adjuster');
    assert.equal((await adjuster.post(`/protokoll/${protocol.id}/justera`, totp('adjuster', protocol))).statusCode, 302);
    assert.equal((await protocolOf(protocol.id))?.status, 'final');
    const page2 = await chair.get('/konto/passkey');
    const passkeyId = /\/konto\/passkey\/([0-9a-f-]{36})\/ta-bort/.exec(page2.body)?.[1] ?? '';
    assert.equal((await chair.post(`/konto/passkey/${passkeyId}/ta-bort`, { password: 'fel lösenord här' })).statusCode, 401, 'removal needs the password');
    assert.equal((await chair.post(`/konto/passkey/${passkeyId}/ta-bort`, { password: TEST_PASSWORD })).statusCode, 302);
    assert.match((await chair.get('/konto/passkey')).body, /Du har ingen passkey registrerad/);
    now = new Date(now.getTime() + 1000);
  });
});
