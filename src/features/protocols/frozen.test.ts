/**
 * Issue 16, freeze and seal: the demo's final 2022-12-14 protocol is frozen at justering, and
 * nothing done to the live tables afterwards changes what anyone gets to see of it.
 */
import { after, before, describe, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { agendaItems, meetings, reservations } from '../meetings/meetings.tables.js';
import { people } from '../organisation/organisation.tables.js';
import { protocolParagraphs, protocols, protocolSignatures, protocolSnapshots } from './protocols.tables.js';
import { sha256Hex } from '../registry/file-storage.js';
import { DEMO_LOGIN_EMAILS, DEMO_PASSWORD } from '../demo/demo-data.js';
import { principalOf } from '../../../test/support/publication-fixtures.js';

/** The database's own refusal (a trigger's exception), which drizzle wraps as the cause. */
const refusedBy = (pattern: RegExp) => (e: unknown) => pattern.test(String((e as { cause?: unknown }).cause ?? e));

describe('a final protocol is frozen at justering', () => {
  let t: TestContext;
  let meetingId: string;
  let protocolId: string;
  let secretary: TestClient;
  const db = () => t.services.database.db;

  before(async () => {
    t = await createTestApp({ demo: true });
    const [row] = await db().select({ id: protocols.id, meetingId: protocols.meetingId }).from(protocols).where(eq(protocols.status, 'final'));
    assert.ok(row, 'the demo has a final protocol');
    meetingId = row.meetingId;
    protocolId = row.id;
    secretary = new TestClient(t.app);
    await secretary.signIn(DEMO_LOGIN_EMAILS.secretary, DEMO_PASSWORD);
  });
  after(() => t.close());

  /** Everything a reader gets of the final protocol, as bytes. */
  async function everything() {
    const anonymous = new TestClient(t.app);
    const publicPdf = await anonymous.get(`/moten/${meetingId}/protokoll.pdf`);
    const fullPdf = await secretary.get(`/moten/${meetingId}/protokoll.pdf?version=full`);
    const html = await secretary.get(`/moten/${meetingId}/protokoll`);
    const portal = await anonymous.get(`/sammantraden/${meetingId}/protokoll`);
    const json = await secretary.get(`/moten/${meetingId}/protokoll.json`);
    for (const res of [publicPdf, fullPdf, html, portal, json]) assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    return { publicPdf: publicPdf.rawPayload, fullPdf: fullPdf.rawPayload, html: html.body, portal: portal.body, json: json.body, etag: publicPdf.headers.etag };
  }

  test('the demo protocol went through justering into its snapshot: PAdES B-B, both files stored', async () => {
    const [snapshot] = await db().select().from(protocolSnapshots).where(eq(protocolSnapshots.protocolId, protocolId));
    assert.equal(snapshot?.origin, 'justering');
    assert.equal(snapshot?.sealLevel, 'PAdES-B-B');
    const [row] = await db().select().from(protocols).where(eq(protocols.id, protocolId));
    assert.equal(row?.sealedPdfSha256, snapshot?.fullPdfSha256);
    assert.equal(row?.publicPdfSha256, snapshot?.publicPdfSha256);
    assert.equal(snapshot?.documentSha256, row?.canonicalSha256);
  });

  test('the public PDF is the same bytes on every download, with its SHA-256 as ETag and 304 when held', async () => {
    const anonymous = new TestClient(t.app);
    const first = await anonymous.get(`/moten/${meetingId}/protokoll.pdf`);
    const second = await anonymous.get(`/moten/${meetingId}/protokoll.pdf`);
    assert.ok(first.rawPayload.equals(second.rawPayload));
    const sha = sha256Hex(first.rawPayload);
    assert.equal(first.headers.etag, `"${sha}"`);
    const held = await anonymous.get(`/moten/${meetingId}/protokoll.pdf`, { 'if-none-match': `"${sha}"` });
    assert.equal(held.statusCode, 304);
    assert.equal(held.rawPayload.length, 0);
    const [snapshot] = await db().select().from(protocolSnapshots).where(eq(protocolSnapshots.protocolId, protocolId));
    assert.equal(sha, snapshot?.publicPdfSha256);
  });

  test('/verifiera recognises the downloaded public PDF and the full one, and says which version each is', async () => {
    const { publicPdf, fullPdf } = await everything();
    const pub = await t.services.verify.verifyFile(publicPdf);
    assert.equal(pub.found && pub.match, 'public_pdf');
    const full = await t.services.verify.verifyFile(fullPdf);
    assert.equal(full.found && full.match, 'sealed_pdf');
    const page = await new TestClient(t.app).get(`/verifiera?sha256=${sha256Hex(publicPdf)}`);
    assert.match(page.body, /Offentlig version/);
    assert.match(page.body, /PAdES-B-B/);
    const fullPage = await new TestClient(t.app).get(`/verifiera?sha256=${sha256Hex(fullPdf)}`);
    assert.match(fullPage.body, /Fullständig version/);
  });

  test('renaming every person and editing mandates changes neither PDF, the HTML, the portal page nor the JSON', async () => {
    const before = await everything();
    const signerNames = (await t.services.verify.verifyFile(before.publicPdf)).found ? 'ok' : 'missing';
    await db().execute(sql`update people set name = 'Omdöpt ' || name`);
    await db().execute(sql`update mandates set term_to = term_from + 30, role = case when role = 'member' then 'substitute' else 'member' end`);
    await db().execute(sql`update organisations set name = name || ' (nytt namn)'`);
    await db().execute(sql`update bodies set name = name || ' (nytt namn)'`);
    const after = await everything();
    assert.ok(after.publicPdf.equals(before.publicPdf), 'public PDF');
    assert.ok(after.fullPdf.equals(before.fullPdf), 'full PDF');
    assert.equal(after.json, before.json);
    assert.equal(after.portal, before.portal);
    assert.doesNotMatch(after.html, /Omdöpt/);
    // The secretary's own page carries their (renamed) name in the layout: compare the protocol itself.
    const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    assert.equal(main(after.html), main(before.html));
    const verified = await t.services.verify.verifyFile(after.publicPdf);
    assert.ok(verified.found && verified.protocol.signatures.every((s) => !s.name.startsWith('Omdöpt')), signerNames);
  });

  test('a reservation added or its reason changed after justering is refused, by the service and by the database', async () => {
    const [item] = await db().select().from(agendaItems).where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.status, 'decided'))).limit(1);
    assert.ok(item);
    const [person] = await db().select().from(people).limit(1);
    await assert.rejects(db().insert(reservations).values({ itemId: item.id, personId: person?.id ?? '' }), refusedBy(/closed/));
    // A reservation announced at the meeting (planted with the triggers off): its reason is closed now.
    const planted = await db().transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      const [row] = await tx.insert(reservations).values({ itemId: item.id, personId: person?.id ?? '' }).returning();
      return row;
    });
    await assert.rejects(db().update(reservations).set({ reason: 'Skriven efter justeringen.' }).where(eq(reservations.id, planted?.id ?? '')), refusedBy(/closed/));
    const secretaryUser = await buildUser(t.services, { organisationId: (await committeeId()) ?? '', roles: ['secretary'] });
    const principal = await principalOf(t.services, secretaryUser.id);
    const closed = (e: Error & { code?: string }) => e.code === 'CONFLICT' && /stängs vid justeringen/.test((e as unknown as { userMessage: { sv: string } }).userMessage.sv);
    await assert.rejects(t.services.liveMeeting.reservationReason(principal, meetingId, { reservationId: planted?.id, reason: 'Skriven efter justeringen.' }), closed);
    await assert.rejects(t.services.liveMeeting.reserve(principal, meetingId, { itemId: item.id, personId: person?.id }), (e: Error & { code?: string }) => e.code === 'CONFLICT');
  });

  async function committeeId() {
    const [row] = await t.services.database.query<{ id: string }>(sql`select b.organisation_id as id from meetings m join bodies b on b.id = m.body_id where m.id = ${meetingId}`);
    return row?.id;
  }

  test('a paragraph signed at the meeting (omedelbar justering) cannot be edited afterwards', async () => {
    // Another meeting of the same body, closed, with a draft protocol whose one paragraph both signers adjusted at once.
    const [meeting] = await db().select().from(meetings).where(eq(meetings.id, meetingId));
    assert.ok(meeting);
    const [later] = await db().insert(meetings).values({ bodyId: meeting.bodyId, startsAt: new Date('2023-03-03T09:00:00Z'), place: 'Luleå', status: 'closed' }).returning();
    const [draft] = await db().insert(protocols).values({ meetingId: later?.id ?? '', status: 'draft', secretaryName: 'Sekreterare' }).returning();
    const [paragraph] = await db()
      .insert(protocolParagraphs)
      .values({ protocolId: draft?.id ?? '', position: 1, year: 2023, heading: 'Brådskande beslut', decision: 'Nämnden beslutar.', immediateJustering: true })
      .returning();
    const [signature] = await db().select().from(protocolSignatures).where(eq(protocolSignatures.protocolId, protocolId)).limit(1);
    await db()
      .insert(protocolSignatures)
      .values({ protocolId: draft?.id ?? '', paragraphId: paragraph?.id ?? null, userId: signature?.userId ?? '', role: 'chair', method: 'password', sha256: 'A'.repeat(64) });
    const principal = await principalOf(t.services, (await buildUser(t.services, { organisationId: (await committeeId()) ?? '', roles: ['secretary'] })).id);
    await assert.rejects(
      t.services.protocols.updateParagraph(principal, paragraph?.id ?? '', { heading: 'Annat', decision: 'Nämnden beslutar något annat.', summary: '', handling: '', recipients: '' }),
      (e: Error & { code?: string }) => e.code === 'CONFLICT',
    );
    await assert.rejects(db().update(protocolParagraphs).set({ decision: 'Ändrat i smyg.' }).where(eq(protocolParagraphs.id, paragraph?.id ?? '')), refusedBy(/signed/));
    // The § number may still be given when the protocol is locked.
    await db().update(protocolParagraphs).set({ number: 1 }).where(eq(protocolParagraphs.id, paragraph?.id ?? ''));
    await assert.rejects(db().update(protocolParagraphs).set({ number: 2 }).where(eq(protocolParagraphs.id, paragraph?.id ?? '')), refusedBy(/signed/));
  });

  test('a rättelse is a new sealed document shown with the protocol; the original bytes are unchanged', async () => {
    const before = await everything();
    const doc = (await t.services.protocols.frozen(protocolId)).document;
    const paragraph = doc.paragraphs.find((p) => !p.secrecyProvision);
    const form = { paragraphId: paragraph?.id ?? '', correction: 'Står "2 022", ska vara "2022".', reason: 'Skrivfel.' };
    const res = await secretary.post(`/moten/${meetingId}/protokoll/rattelse`, form);
    assert.equal(res.statusCode, 302, res.body.slice(0, 300));
    const bad = await secretary.post(`/moten/${meetingId}/protokoll/rattelse`, { paragraphId: '', correction: '', reason: '' });
    assert.equal(bad.statusCode, 400);
    const after = await everything();
    assert.ok(after.publicPdf.equals(before.publicPdf));
    assert.ok(after.fullPdf.equals(before.fullPdf));
    assert.match(after.html, /Rättelse 1/);
    assert.match(after.portal, /Skrivfel\./);
    const pdf = await new TestClient(t.app).get(`/moten/${meetingId}/protokoll/rattelse/1.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers.etag, `"${sha256Hex(pdf.rawPayload)}"`);
    // OParl publishes it as a file of the meeting, beside the unchanged results protocol.
    const oparlMeeting = await new TestClient(t.app).get(`/oparl/v1/meeting/${meetingId}`);
    assert.equal(oparlMeeting.statusCode, 200);
    const published = JSON.parse(oparlMeeting.body) as { auxiliaryFile?: { name: string; downloadUrl: string }[] };
    const file = published.auxiliaryFile?.find((f) => f.name.startsWith('Rättelse 1 '));
    assert.ok(file, oparlMeeting.body.slice(0, 400));
    const download = await new TestClient(t.app).get(new URL(file.downloadUrl).pathname);
    assert.equal(download.statusCode, 200);
    assert.ok(download.rawPayload.equals(pdf.rawPayload), 'OParl serves the same sealed bytes');
    if (spawnSync('pdfsig', ['-v']).status === 0) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'kansli-rattelse-'));
      try {
        writeFileSync(path.join(dir, 'r.pdf'), pdf.rawPayload);
        const out = spawnSync('pdfsig', [path.join(dir, 'r.pdf')], { encoding: 'utf8' });
        assert.match(out.stdout, /Signature is Valid/);
        assert.match(out.stdout, /ETSI\.CAdES\.detached/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  test('the snapshot itself can be neither changed nor removed', async () => {
    await assert.rejects(db().update(protocolSnapshots).set({ origin: 'backfill' }).where(eq(protocolSnapshots.protocolId, protocolId)), refusedBy(/append-only/));
    await assert.rejects(db().delete(protocolSnapshots).where(eq(protocolSnapshots.protocolId, protocolId)), refusedBy(/append-only/));
  });
});
