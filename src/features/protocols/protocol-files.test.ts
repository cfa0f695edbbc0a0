import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { meetings } from '../meetings/meetings.tables.js';
import { protocolExtracts, protocols } from './protocols.tables.js';
import { fileBlobs } from '../../platform/db/file-blobs.tables.js';
import { mailLog } from '../../platform/mail/mail.tables.js';
import { extractText } from '../registry/files/text-extraction.js';
import { DEMO_LOGIN_EMAILS, DEMO_PASSWORD } from '../demo/demo-data.js';
import * as repo from './protocol.repository.js';

describe('protocol files: the protocol PDF and protokollsutdrag over HTTP', () => {
  let t: TestContext;
  let outbox: string;
  let meetingId = '';
  let paragraphId = '';

  before(async () => {
    outbox = mkdtempSync(path.join(tmpdir(), 'kansli-outbox-'));
    t = await createTestApp({ config: { outboxDir: outbox, smtpUrl: '' }, demo: true });
    const db = t.services.database.db;
    const [protocol] = await db.select().from(protocols).innerJoin(meetings, eq(meetings.id, protocols.meetingId)).where(eq(protocols.status, 'final'));
    assert.ok(protocol, 'the demo has a final protocol');
    meetingId = protocol.meetings.id;
    const doc = await t.services.protocols.load(protocol.protocols.id);
    const p19 = doc.paragraphs.find((p) => p.number === 19);
    assert.ok(p19 && !p19.secrecyProvision);
    paragraphId = p19.id;
    assert.ok(await repo.findParagraph(db, paragraphId));
  });
  after(async () => {
    await t.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  test('anyone gets the public PDF of a final protocol; the sealed original only with registry.readSecret', async () => {
    const anonymous = new TestClient(t.app);
    const response = await anonymous.get(`/moten/${meetingId}/protokoll.pdf`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.match(String(response.headers['content-disposition']), /^attachment; filename="protokoll-.*\.pdf"/);
    assert.equal(response.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const { text, ok } = await extractText({ kind: 'pdf', bytes: new Uint8Array(response.rawPayload) });
    assert.ok(ok);
    assert.match(text, /§ 19/);
    assert.match(text, /SHA-256/);

    const denied = await anonymous.get(`/moten/${meetingId}/protokoll.pdf?version=full`);
    assert.ok([401, 403].includes(denied.statusCode), String(denied.statusCode));

    const secretary = new TestClient(t.app);
    await secretary.signIn(DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
    const full = await secretary.get(`/moten/${meetingId}/protokoll.pdf?version=full`);
    assert.equal(full.statusCode, 200);
    const [row] = await t.services.database.db.select().from(protocols).where(eq(protocols.meetingId, meetingId));
    const [sealed] = await t.services.database.db.select().from(fileBlobs).where(eq(fileBlobs.sha256, row?.sealedPdfSha256 ?? ''));
    assert.ok(sealed && full.rawPayload.equals(sealed.content), 'the stored sealed PDF');
    assert.match(full.rawPayload.toString('latin1'), /\/ByteRange/);
  });

  test('the secretary creates and sends an extract; the member may not', async () => {
    const base = `/moten/${meetingId}/protokoll/paragraf/${paragraphId}/utdrag`;
    const secretary = new TestClient(t.app);
    await secretary.signIn(DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);

    const page = await secretary.get(`/moten/${meetingId}/protokoll`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Skapa protokollsutdrag/);
    assert.match(page.body, /Skicka utdrag/);

    const created = await secretary.post(base);
    assert.equal(created.statusCode, 302);
    const extracts = await t.services.database.db.select().from(protocolExtracts).where(eq(protocolExtracts.paragraphId, paragraphId));
    assert.equal(extracts.length, 1);
    const pdf = await secretary.get(`${base}.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');

    const bad = await secretary.post(`${base}/skicka`, { recipients: 'inte-en-adress' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Ange giltiga e-postadresser/);
    const empty = await secretary.post(`${base}/skicka`, { recipients: '' });
    assert.equal(empty.statusCode, 400);

    const sent = await secretary.post(`${base}/skicka`, { recipients: 'kommunen@example.se\nregistrator@example.se' });
    assert.equal(sent.statusCode, 302);
    const log = await t.services.database.db.select().from(mailLog).where(and(eq(mailLog.kind, 'extract'), eq(mailLog.meetingId, meetingId)));
    assert.deepEqual(log.map((l) => `${l.recipient}:${l.status}`).sort(), ['kommunen@example.se:outbox', 'registrator@example.se:outbox']);
    assert.ok(readdirSync(outbox).some((f) => f.endsWith('.eml')));
    const logPage = await secretary.get(base);
    assert.equal(logPage.statusCode, 200);
    assert.match(logPage.body, /kommunen@example\.se/);
    assert.match(logPage.body, /outbox/);

    const member = new TestClient(t.app);
    await member.signIn(DEMO_LOGIN_EMAILS.member, DEMO_PASSWORD);
    assert.equal((await member.post(base)).statusCode, 403);
    assert.equal((await member.post(`${base}/skicka`, { recipients: 'x@example.se' })).statusCode, 403);
    const memberPage = await member.get(`/moten/${meetingId}/protokoll`);
    assert.doesNotMatch(memberPage.body, /Skapa protokollsutdrag/);
  });
});
