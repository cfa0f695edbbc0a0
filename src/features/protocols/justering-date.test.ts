/**
 * Issue 17: the final protocol prints the day it was adjusted (the Swedish date of the last
 * signature), not the justering date planned before locking. The planned date is left out of
 * what is signed (digest version 2), and a protocol locked with version 1 — which signed the
 * planned date — still becomes final and verifies exactly as before.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { buildJointCommittee, buildRoleUser, principalOf } from '../../../test/support/publication-fixtures.js';
import { buildPersonUser, buildProtocol } from '../../../test/support/factories.js';
import { sampleProtocol } from './protocol-sample.js';
import { protocols, protocolSignatures, protocolSnapshots } from './protocols.tables.js';
import { canonicalJson } from '../../platform/audit/audit.js';
import { generateTotp } from '../auth/totp.js';
import type { Principal } from '../../platform/auth/policy.js';
import { justeringRows, protocolDigest, type ProtocolDocument } from './protocol.model.js';

/** The text of a PDF as pdftotext lays it out, pages joined. */
function pdfText(pdf: Buffer): string {
  const out = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
  assert.equal(out.status, 0, `pdftotext: ${out.stderr}`);
  return out.stdout;
}

/** pdfsig's verdict on the seal of a PDF. */
function sealValid(pdf: Buffer): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), 'kansli-justeringsdag-sig-'));
  try {
    writeFileSync(path.join(dir, 'p.pdf'), pdf);
    const out = spawnSync('pdfsig', [path.join(dir, 'p.pdf')], { encoding: 'utf8' });
    return /Signature is Valid/.test(out.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The digest as it was computed before digest versions existed: the whole document but its status. */
function digestBeforeVersions(doc: ProtocolDocument): string {
  const { status: _status, ...content } = doc;
  return createHash('sha256').update(canonicalJson(content)).digest('hex').toUpperCase();
}

/** "2026-03-25" in Swedish time, computed independently of the code under test. */
const stockholmDay = (at: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

describe('the canonical form and the justering lines', () => {
  test('version 2 leaves the planned justering date out; version 1 is the digest as it always was', () => {
    const doc = sampleProtocol(3);
    const moved = { ...doc, justeringDate: '2022-12-23' };
    assert.equal(protocolDigest(moved, 2), protocolDigest(doc, 2));
    assert.notEqual(protocolDigest(moved, 1), protocolDigest(doc, 1));
    assert.equal(protocolDigest(doc, 1), digestBeforeVersions(doc));
    // The day adjusted is in neither version: it is only known after the signatures.
    assert.equal(protocolDigest({ ...doc, justeredOn: '2022-12-21' }, 1), protocolDigest(doc, 1));
    assert.equal(protocolDigest({ ...doc, justeredOn: '2022-12-21' }, 2), protocolDigest(doc, 2));
    // Anything else the signers see is still signed in version 2.
    assert.notEqual(protocolDigest({ ...doc, justeringPlace: 'Annan plats' }, 2), protocolDigest(doc, 2));
  });

  test('final: the place and the day adjusted; before: the plan, labelled as planned; an old final protocol as it printed', () => {
    const base = { justeringPlace: 'Kansliet', justeringDate: '2026-03-20' };
    assert.deepEqual(justeringRows({ ...base, status: 'locked' }), [{ label: 'justeringPlanned', value: 'Kansliet, 2026-03-20' }]);
    assert.deepEqual(justeringRows({ ...base, status: 'draft', justeringDate: null, justeringPlace: '' }), [{ label: 'justeringPlanned', value: '–' }]);
    assert.deepEqual(justeringRows({ ...base, status: 'final', justeredOn: '2026-03-25' }), [
      { label: 'justeringPlace', value: 'Kansliet' },
      { label: 'justeredOn', value: '2026-03-25' },
    ]);
    assert.deepEqual(justeringRows({ ...base, status: 'final', justeringPlace: '', justeredOn: '2026-03-25' }), [{ label: 'justeredOn', value: '2026-03-25' }]);
    assert.deepEqual(justeringRows({ ...base, status: 'final' }), [{ label: 'justering', value: 'Kansliet, 2026-03-20' }]);
  });
});

describe('a final protocol prints the day of its last signature as its justering date', () => {
  let t: TestContext;
  let now = new Date('2026-03-16T12:00:00Z');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kansli-justeringsdag-'));
  let org: Awaited<ReturnType<typeof buildJointCommittee>>;
  let secretary: Awaited<ReturnType<typeof buildRoleUser>>;
  const signer = {} as Record<'chair' | 'adjuster', { principal: Principal; personId: string; secret: string }>;
  const rp = { rpID: 'localhost', origin: 'http://localhost' };
  const db = () => t.services.database.db;
  const PLANNED = '2026-03-20';

  before(async () => {
    t = await createTestApp({ clock: () => now, config: { sealP12Path: path.join(dataDir, 'seal.p12'), sealPassphrase: 'test' } });
    org = await buildJointCommittee(t.services);
    secretary = await buildRoleUser(t.services, org.committee.id, 'secretary');
    for (const [who, role, name] of [['chair', 'chair', 'Ordförande Olsson'], ['adjuster', 'member', 'Justerare Jansson']] as const) {
      const user = await buildPersonUser(t.services, { committeeId: org.committee.id, municipalityId: org.members[0]?.id ?? null, name, role });
      signer[who] = { principal: await principalOf(t.services, user.id), personId: user.personId, secret: user.secret };
    }
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A closed meeting with a draft protocol whose justering is planned for PLANNED, locked by the secretary through the service. */
  async function lockedProtocol(meetingAt: string) {
    const { meeting, protocol: draft } = await buildProtocol(t.services, {
      bodyId: org.body.id,
      meetingAt: new Date(meetingAt),
      meeting: { noticeSentAt: new Date(meetingAt), adjusterPersonId: signer.adjuster.personId },
      protocol: { secretaryName: 'Sekreterare Svensson', justeringDate: PLANNED },
      chairPersonId: signer.chair.personId,
      adjusterPersonId: signer.adjuster.personId,
      paragraphs: [
        { heading: 'Verksamhetsplan', decision: 'Nämnden antar verksamhetsplanen.' },
        { heading: 'Information', decision: 'Informationen noteras.' },
      ],
    });
    const { sha256 } = await t.services.protocols.lock(secretary.principal, draft.id);
    return { meetingId: meeting.id, protocolId: draft.id, digest: sha256 };
  }

  async function sign(who: 'chair' | 'adjuster', protocol: { protocolId: string; digest: string }, at: Date) {
    now = at;
    return t.services.justering.sign(signer[who].principal, protocol.protocolId, { method: 'totp', code: generateTotp(signer[who].secret, at), sha256: protocol.digest }, rp);
  }

  const rowOf = async (id: string) => (await db().select().from(protocols).where(eq(protocols.id, id)))[0];
  const snapshotOf = async (id: string) => (await db().select().from(protocolSnapshots).where(eq(protocolSnapshots.protocolId, id)))[0];

  /** Both sealed PDFs as a reader downloads them: the full version (secretary) and the public one (anyone). */
  async function finalPdfs(meetingId: string) {
    const staff = new TestClient(t.app);
    await staff.signIn(secretary.email);
    const full = await staff.get(`/moten/${meetingId}/protokoll.pdf?version=full`);
    const pub = await new TestClient(t.app).get(`/moten/${meetingId}/protokoll.pdf`);
    for (const res of [full, pub]) assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    return { full: full.rawPayload, public: pub.rawPayload };
  }

  /** The header row "Justeringsdag <day>" as pdftotext lays it out, and no trace of the plan. */
  function assertPrintsDay(pdf: Buffer, day: string, digest: string) {
    const text = pdfText(pdf);
    assert.match(text, new RegExp(`Justeringsdag\\s+${day}`));
    assert.match(text, /Justeringens plats\s+Kansliet/);
    assert.ok(!text.includes(PLANNED), 'the planned date is not printed');
    assert.doesNotMatch(text, /Planerad justering/);
    assert.ok(text.includes(`Signerat, SHA-256 ${digest}`), 'the signed digest is printed');
  }

  test('planned 2026-03-20, signed 2026-03-23 and 2026-03-25 (00:30 Swedish time): the PDFs, the pages and OParl say 2026-03-25, and the signatures verify', async () => {
    const protocol = await lockedProtocol('2026-03-16T08:00:00Z');
    const locked = await rowOf(protocol.protocolId);
    assert.equal(locked?.digestVersion, 2, 'a new lock uses digest version 2');
    assert.equal(protocol.digest, protocolDigest(await t.services.protocols.load(protocol.protocolId), 2));

    const staff = new TestClient(t.app);
    await staff.signIn(secretary.email);
    await sign('chair', protocol, new Date('2026-03-23T10:00:00Z'));
    // Before it is final, the preview shows the plan, labelled as planned.
    const preview = await staff.get(`/moten/${protocol.meetingId}/protokoll.pdf?version=full`);
    assert.equal(preview.statusCode, 200, preview.body.slice(0, 300));
    assert.match(pdfText(preview.rawPayload), new RegExp(`Planerad justering\\s+Kansliet, ${PLANNED}`));
    const lockedPage = await staff.get(`/moten/${protocol.meetingId}/protokoll`);
    assert.match(lockedPage.body, new RegExp(`<dt>Planerad justering</dt><dd>Kansliet, ${PLANNED}</dd>`));

    // The adjuster signs last, just after midnight in Sweden (still the 24th in UTC).
    const last = new Date('2026-03-24T23:30:00Z');
    const day = stockholmDay(last);
    assert.equal(day, '2026-03-25');
    assert.deepEqual(await sign('adjuster', protocol, last), { role: 'adjuster', late: false, final: true, adjusted: false });

    const row = await rowOf(protocol.protocolId);
    const snapshot = await snapshotOf(protocol.protocolId);
    assert.equal(row?.status, 'final');
    assert.equal(snapshot?.digestVersion, 2);
    const document = snapshot?.document as ProtocolDocument;
    assert.equal(document.justeredOn, day);
    assert.equal(document.justeringDate, PLANNED, 'the plan is kept, not signed');
    // What was signed is what is frozen: the digest of the final document equals the signatures'.
    assert.equal(row?.canonicalSha256, protocol.digest);
    assert.equal(snapshot?.documentSha256, protocol.digest);
    assert.equal(protocolDigest(document, 2), protocol.digest);
    const signatures = await db().select().from(protocolSignatures).where(eq(protocolSignatures.protocolId, protocol.protocolId));
    assert.deepEqual(signatures.map((s) => s.sha256), [protocol.digest, protocol.digest]);

    const pdfs = await finalPdfs(protocol.meetingId);
    assertPrintsDay(pdfs.full, day, protocol.digest);
    assertPrintsDay(pdfs.public, day, protocol.digest);
    assert.ok(sealValid(pdfs.full), 'the full PDF’s seal is valid');
    assert.ok(sealValid(pdfs.public), 'the public PDF’s seal is valid');

    const verified = await t.services.verify.verifyValue(protocol.digest);
    assert.ok(verified.found && verified.match === 'canonical' && verified.protocol.protocolId === protocol.protocolId);
    assert.deepEqual(verified.protocol.signatures.map((s) => s.role).sort(), ['adjuster', 'chair']);
    const full = await t.services.verify.verifyFile(pdfs.full);
    assert.equal(full.found && full.match, 'sealed_pdf');
    const pub = await t.services.verify.verifyFile(pdfs.public);
    assert.equal(pub.found && pub.match, 'public_pdf');

    const page = await staff.get(`/moten/${protocol.meetingId}/protokoll`);
    assert.match(page.body, new RegExp(`<dt>Justeringsdag</dt><dd>${day}</dd>`));
    assert.doesNotMatch(page.body, /Planerad justering/);
    const portal = await new TestClient(t.app).get(`/sammantraden/${protocol.meetingId}/protokoll`);
    assert.equal(portal.statusCode, 200, portal.body.slice(0, 300));
    assert.match(portal.body, new RegExp(`<dt>Justeringsdag</dt><dd>${day}</dd>`));
    assert.ok(!portal.body.includes(PLANNED), 'the portal does not show the plan');
    const oparl = await new TestClient(t.app).get(`/oparl/v1/meeting/${protocol.meetingId}`);
    assert.equal(oparl.statusCode, 200, oparl.body.slice(0, 300));
    assert.equal((JSON.parse(oparl.body) as { resultsProtocol?: { date?: string } }).resultsProtocol?.date, day);
  });

  test('a protocol locked with digest version 1 (the planned date signed) still becomes final, prints the day adjusted and verifies', async () => {
    const protocol = await lockedProtocol('2026-04-06T07:00:00Z');
    // As locked before migration 0016: the digest of the whole document, the plan included.
    const doc = await t.services.protocols.load(protocol.protocolId);
    const v1 = protocolDigest(doc, 1);
    assert.equal(v1, digestBeforeVersions(doc));
    assert.notEqual(v1, protocol.digest);
    await db().update(protocols).set({ digestVersion: 1, canonicalSha256: v1 }).where(eq(protocols.id, protocol.protocolId));
    const old = { ...protocol, digest: v1 };

    // The digest the signers saw under version 2 is not the one signed now.
    now = new Date('2026-04-08T09:00:00Z');
    await assert.rejects(
      t.services.justering.sign(signer.chair.principal, protocol.protocolId, { method: 'totp', code: generateTotp(signer.chair.secret, now), sha256: protocol.digest }, rp),
      (e: Error & { code?: string }) => e.code === 'CONFLICT',
    );
    await sign('chair', old, new Date('2026-04-08T09:01:00Z'));
    const last = new Date('2026-04-09T13:00:00Z');
    assert.equal((await sign('adjuster', old, last)).final, true);

    const row = await rowOf(protocol.protocolId);
    const snapshot = await snapshotOf(protocol.protocolId);
    assert.equal(row?.digestVersion, 1);
    assert.equal(row?.canonicalSha256, v1);
    assert.equal(snapshot?.digestVersion, 1);
    assert.equal(snapshot?.documentSha256, v1);
    const document = snapshot?.document as ProtocolDocument;
    assert.equal(protocolDigest(document, 1), v1, 'the frozen document still has the digest signed under version 1');
    assert.equal(document.justeringDate, PLANNED);

    const pdfs = await finalPdfs(protocol.meetingId);
    assertPrintsDay(pdfs.full, stockholmDay(last), v1);
    assert.ok(sealValid(pdfs.full));
    const byValue = await t.services.verify.verifyValue(v1.toLowerCase());
    assert.ok(byValue.found && byValue.match === 'canonical' && byValue.protocol.protocolId === protocol.protocolId);
    assert.equal(byValue.found && byValue.protocol.canonicalSha256, v1);
    const byFile = await t.services.verify.verifyFile(pdfs.full);
    assert.equal(byFile.found && byFile.match, 'sealed_pdf');
    const byPublic = await t.services.verify.verifyFile(pdfs.public);
    assert.equal(byPublic.found && byPublic.match, 'public_pdf');
    const page = await new TestClient(t.app).get(`/verifiera?sha256=${v1}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(v1), 'the /verifiera page shows the signed value');
  });
});
