/**
 * `/verifiera` with rows inserted directly: a final protocol with its sealed PDF and public PDF
 * in file_blobs and two justering signatures, and a locked protocol that must not count.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { meetings } from '../meetings/meetings.tables.js';
import { people } from '../organisation/organisation.tables.js';
import { protocolParagraphs, protocols, protocolSignatures } from './protocols.tables.js';
import { databaseFileStorage, sha256Hex } from '../registry/file-storage.js';
import { createSealP12 } from './certificate.js';
import { renderProtocolPdf } from './protocol-pdf.js';
import { sampleProtocol } from './protocol-sample.js';
import { protocolDigest, publicVersion } from './protocol.model.js';
import { renderSealedProtocolPdf } from './seal.js';
import { normaliseSha256 } from './verify.service.js';
import { multipartBody } from '../../../test/support/multipart.js';

describe('/verifiera', () => {
  let t: TestContext;
  let client: TestClient;
  let sealed: Buffer;
  let publicPdf: Buffer;
  let lockedPdf: Buffer;
  let digest = '';

  before(async () => {
    t = await createTestApp({ clock: () => new Date('2022-12-20T09:00:00Z') });
    const { committee, body } = await buildCommittee(t.services, { name: 'Norrbottens e-nämnd' });
    const db = t.services.database.db;
    const doc = sampleProtocol(7);
    digest = protocolDigest(doc);
    sealed = await renderSealedProtocolPdf(doc, { p12: createSealP12({ name: 'Norrbottens e-nämnd', passphrase: '' }), passphrase: '' });
    publicPdf = await renderProtocolPdf(publicVersion(doc), { digest });
    lockedPdf = await renderProtocolPdf({ ...doc, status: 'locked' }, {});

    const [meeting, other] = await db
      .insert(meetings)
      .values([
        { bodyId: body.id, startsAt: new Date('2022-12-14T08:00:00Z'), place: 'Stadshuset, Luleå', status: 'closed' },
        { bodyId: body.id, startsAt: new Date('2023-03-03T08:00:00Z'), place: 'Stadshuset, Luleå', status: 'closed' },
      ])
      .returning();
    assert.ok(meeting && other);
    const sealedBlob = await databaseFileStorage.put(db, sealed);
    const publicBlob = await databaseFileStorage.put(db, publicPdf);
    const lockedBlob = await databaseFileStorage.put(db, lockedPdf);
    const [protocol] = await db
      .insert(protocols)
      .values({ meetingId: meeting.id, status: 'locked', canonicalSha256: digest, lockedAt: new Date('2022-12-15T10:00:00Z') })
      .returning();
    // A locked protocol (not final) whose PDF sits in file_blobs: it must not verify.
    await db.insert(protocols).values({ meetingId: other.id, status: 'locked', canonicalSha256: 'A'.repeat(64), sealedPdfSha256: lockedBlob.sha256 });
    assert.ok(protocol);
    await db.insert(protocolParagraphs).values(doc.paragraphs.map((p, i) => ({ protocolId: protocol.id, position: i + 1, number: p.number, year: 2022, heading: p.heading })));
    const [chair, adjuster] = await db
      .insert(people)
      .values([
        { name: 'Åsa Ordförande', organisationId: committee.id },
        { name: 'Per Justerare', organisationId: committee.id },
      ])
      .returning();
    assert.ok(chair && adjuster);
    const u1 = await buildUser(t.services, { organisationId: committee.id, roles: [] });
    const u2 = await buildUser(t.services, { organisationId: committee.id, roles: [] });
    await db.insert(protocolSignatures).values([
      { protocolId: protocol.id, personId: chair.id, userId: u1.id, role: 'chair', method: 'webauthn', sha256: digest, signedAt: new Date('2022-12-19T09:00:00Z') },
      { protocolId: protocol.id, personId: adjuster.id, userId: u2.id, role: 'adjuster', method: 'password', sha256: digest, signedAt: new Date('2022-12-19T10:00:00Z') },
    ]);
    // Final last: a final protocol's paragraphs cannot change (a database trigger).
    await db
      .update(protocols)
      .set({ status: 'final', finalAt: new Date('2022-12-19T10:05:00Z'), sealedPdfSha256: sealedBlob.sha256, publicPdfSha256: publicBlob.sha256 })
      .where(eq(protocols.id, protocol.id));
    client = new TestClient(t.app);
    await client.ensureCsrf();
  });
  after(() => t.close());

  async function upload(bytes: Buffer | undefined, sha256 = '') {
    const form = multipartBody({ _csrf: client.cookies.get('kansli_csrf') ?? '', sha256 }, bytes ? { name: 'protokoll.pdf', bytes, type: 'application/pdf' } : undefined);
    return t.app.inject({
      method: 'POST',
      url: '/verifiera',
      headers: { cookie: `kansli_csrf=${client.cookies.get('kansli_csrf') ?? ''}`, 'content-type': form.contentType },
      payload: form.payload,
    });
  }

  test('the form is open to anyone', async () => {
    const page = await new TestClient(t.app).get('/verifiera');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Kontrollera ett protokoll/);
    assert.match(page.body, /enctype="multipart\/form-data"/i);
  });

  test('the sealed PDF uploaded: unchanged, which protocol, signed by whom and when', async () => {
    const res = await upload(sealed);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Filen är oförändrad/);
    assert.match(res.body, /Testnämnden/);
    assert.match(res.body, /2022-12-14/);
    assert.match(res.body, /§§ 19–25/);
    assert.match(res.body, /Åsa Ordförande, ordförande – 2022-12-19 10:00/);
    assert.match(res.body, /Per Justerare, justerare – 2022-12-19 11:00/);
    assert.ok(res.body.includes(digest));
  });

  test('the public version uploaded is unchanged too', async () => {
    const res = await upload(publicPdf);
    assert.match(res.body, /Filen är oförändrad: den är exakt den offentliga versionen/);
  });

  test('a changed file, or the PDF of a protocol that is not final, is not found', async () => {
    const changed = Buffer.concat([sealed, Buffer.from('\n% ändrad\n')]);
    for (const bytes of [changed, lockedPdf]) {
      const res = await upload(bytes);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Ingen fastställd handling med detta kontrollvärde hittades\./);
      assert.ok(res.body.includes(sha256Hex(bytes).toUpperCase()));
    }
  });

  test('a pasted value: the printed digest in any case and form, or the SHA-256 of the PDF', async () => {
    for (const value of [digest, digest.toLowerCase(), `Signerat, SHA-256 ${digest}`, sha256Hex(sealed).toUpperCase()]) {
      const res = await upload(undefined, value);
      assert.equal(res.statusCode, 200, value);
      assert.match(res.body, /Åsa Ordförande/, value);
    }
    const byLink = await client.get(`/verifiera?sha256=${digest}`);
    assert.match(byLink.body, /Kontrollvärdet är det som justerarna signerade/);
    const unknown = await upload(undefined, 'b'.repeat(64));
    assert.match(unknown.body, /Ingen fastställd handling med detta kontrollvärde hittades\./);
    const locked = await upload(undefined, 'A'.repeat(64));
    assert.match(locked.body, /Ingen fastställd handling/);
  });

  test('a malformed value or an empty form is refused with a message', async () => {
    const bad = await upload(undefined, '8F40…');
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /64 tecken/);
    const empty = await upload(undefined);
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Välj en PDF-fil eller klistra in ett kontrollvärde/);
  });

  test('normaliseSha256', () => {
    assert.equal(normaliseSha256(`(Signerat, SHA-256 ${'AB'.repeat(32)})`), 'ab'.repeat(32));
    assert.equal(normaliseSha256('ab'.repeat(31)), null);
  });
});
