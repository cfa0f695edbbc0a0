import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../test/support/app.js';
import { meetings } from '../meetings/meetings.tables.js';
import { protocolExtracts, protocolParagraphs, protocols } from './protocols.tables.js';
import { fileBlobs } from '../../platform/db/file-blobs.tables.js';
import { mailLog } from '../../platform/mail/mail.tables.js';
import type { Principal } from '../../platform/auth/policy.js';
import { startSmtp } from '../../../test/support/smtp.js';
import { buildLiveMeeting, recordStart, textOf, type LiveFixture, type Town } from '../../../test/support/live-meeting-fixtures.js';

const NOW = new Date('2026-03-30T08:00:00Z');

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}

describe('protokollsutdrag: certified extract of one paragraph, e-mailed', () => {
  let t: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let secretary: Principal;
  let member: Principal;
  let finalParagraph = '';
  let draftParagraph = '';
  const db = () => t.services.database.db;

  async function buildProtocol(final: boolean): Promise<string> {
    const [meeting] = await db().insert(meetings).values({ bodyId: org.body.id, startsAt: new Date('2026-03-20T09:00:00Z'), place: 'Stadshuset', status: 'closed' }).returning();
    const [protocol] = await db().insert(protocols).values({ meetingId: meeting?.id ?? '', status: 'locked', secretaryName: 'Sara Sekreterare', canonicalSha256: 'AB'.repeat(32) }).returning();
    const [paragraph] = await db()
      .insert(protocolParagraphs)
      .values({ protocolId: protocol?.id ?? '', position: 1, number: 21, year: 2026, heading: 'Revidering reglemente', caseNumber: 'TN 2026/12', decision: '1. Nämnden antar förslaget till reglemente.', recipients: ['Testby kommun'] })
      .returning();
    if (final) await db().update(protocols).set({ status: 'final', finalAt: NOW }).where(eq(protocols.id, protocol?.id ?? ''));
    return paragraph?.id ?? '';
  }

  let org: Awaited<ReturnType<typeof buildCommittee>>;
  before(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ clock: () => NOW, config: { smtpUrl: smtp.url } });
    org = await buildCommittee(t.services);
    const s = await buildUser(t.services, { organisationId: org.committee.id, roles: ['secretary'] });
    secretary = { userId: s.id, email: s.email, name: 'Sara Sekreterare', grants: [{ organisationId: org.committee.id, role: 'secretary' }] };
    const m = await buildUser(t.services, { organisationId: org.committee.id, roles: ['member'] });
    member = { userId: m.id, email: m.email, name: 'Ledamot', grants: [{ organisationId: org.committee.id, role: 'member' }] };
    finalParagraph = await buildProtocol(true);
    draftParagraph = await buildProtocol(false);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  test('an extract of a final protocol is a PDF/A of the one paragraph, certified by the secretary', async () => {
    const extract = await t.services.extracts.createExtract(secretary, finalParagraph);
    const [row] = await db().select().from(protocolExtracts).where(eq(protocolExtracts.id, extract.id));
    assert.equal(row?.certifiedBy, 'Sara Sekreterare');
    assert.equal(row?.pdfSha256, extract.pdfSha256);
    const [blob] = await db().select().from(fileBlobs).where(eq(fileBlobs.sha256, extract.pdfSha256));
    assert.ok(blob);
    assert.equal(blob.content.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(blob.content.toString('latin1'), /pdfaid:part>2</, 'PDF/A-2');
    const text = await pdfText(blob.content);
    assert.match(text, /Protokollsutdrag § 21 Revidering reglemente/);
    assert.match(text, /Nämnden antar förslaget till reglemente/);
    assert.match(text, /Utdragsbestyrkande/);
    assert.match(text, /Sara Sekreterare, nämndsekreterare, 2026-03-30/);
  });

  test('the extract form offers the member municipalities by their registrars; a chosen one and a typed address are sent to', async () => {
    const registrar = await buildUser(t.services, { organisationId: org.municipality.id, roles: ['registrar'] });
    const client = new TestClient(t.app);
    await client.signIn(secretary.email);
    // A paragraph of its own: the delivery log of the shared one is asserted whole below.
    const paragraphId = await buildProtocol(true);
    const [row] = await db().select({ meetingId: protocols.meetingId }).from(protocolParagraphs).innerJoin(protocols, eq(protocols.id, protocolParagraphs.protocolId)).where(eq(protocolParagraphs.id, paragraphId));
    const base = `/moten/${row?.meetingId ?? ''}/protokoll/paragraf/${paragraphId}/utdrag`;
    const page = await client.get(base);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`${org.municipality.name} – registrator Test ${registrar.email}`), 'the municipality is offered by its registrar');
    assert.ok(page.body.includes(`name="to" value="${registrar.email}"`));
    // The filter box is in the page but hidden: list-filter.js shows it; without JavaScript the full list works.
    assert.match(page.body, /<div class="field" data-list-filter="extract-recipients" hidden><label for="filter-extract-recipients">Filtrera mottagarna<\/label>/);
    assert.match(page.body, /<script src="\/static\/list-filter\.js" defer><\/script>/);
    assert.match(page.body, /<div id="extract-recipients"><fieldset/);
    assert.doesNotMatch(page.body, /id="filter-extract-recipients" name=/, 'the filter is never sent with the form');
    const script = await client.get('/static/list-filter.js');
    assert.equal(script.statusCode, 200);
    assert.match(String(script.headers['content-type']), /^application\/javascript/);
    const external = 'extern-mottagare@example.se';
    const sent = await client.post(`${base}/skicka`, { to: [registrar.email], recipients: external });
    assert.equal(sent.statusCode, 302);
    const logged = (await t.services.extracts.deliveryLog(secretary, paragraphId)).map((r) => r.recipient);
    assert.ok(logged.includes(registrar.email.toLowerCase()) && logged.includes(external), logged.join(', '));
  });

  test('no extract from a protocol that is not final, and only the secretary makes them', async () => {
    await assert.rejects(t.services.extracts.createExtract(secretary, draftParagraph), { code: 'CONFLICT' });
    await assert.rejects(t.services.extracts.createExtract(member, finalParagraph), { code: 'FORBIDDEN' });
  });

  test('the extract is mailed with the PDF to each recipient; the mail log is the delivery log; a failure can be retried', async () => {
    smtp.refuse.add('nere@example.se');
    const before = smtp.received.length;
    const result = await t.services.extracts.sendExtract(secretary, finalParagraph, ['kommunen@example.se', ' Registrator@Example.se ', 'nere@example.se']);
    assert.equal(result.sent, 2);
    assert.equal(result.failed, 1);
    const mails = smtp.received.slice(before);
    assert.deepEqual(mails.flatMap((m) => m.to).sort(), ['kommunen@example.se', 'registrator@example.se']);
    for (const mail of mails) {
      const raw = mail.raw.replace(/\r\n/g, '\n');
      const part = raw.slice(raw.indexOf('Content-Type: application/pdf'));
      assert.match(part, /filename=protokollsutdrag-2026-03-20-paragraf-21\.pdf/);
      const base64 = part.slice(part.indexOf('\n\n') + 2).split('\n--')[0] ?? '';
      assert.equal(Buffer.from(base64.replace(/\s+/g, ''), 'base64').subarray(0, 5).toString('latin1'), '%PDF-');
    }
    let log = await t.services.extracts.deliveryLog(secretary, finalParagraph);
    assert.deepEqual(log.map((l) => `${l.recipient}:${l.status}`).sort(), ['kommunen@example.se:sent', 'nere@example.se:failed', 'registrator@example.se:sent']);
    assert.ok((await db().select().from(mailLog).where(eq(mailLog.kind, 'extract'))).length >= 3);

    smtp.refuse.clear();
    const retried = await t.services.extracts.retryFailed(secretary, finalParagraph);
    assert.equal(retried.sent, 1);
    assert.deepEqual(smtp.received.at(-1)?.to, ['nere@example.se']);
    log = await t.services.extracts.deliveryLog(secretary, finalParagraph);
    assert.equal(log.filter((l) => l.recipient === 'nere@example.se').length, 2);
    assert.equal((await t.services.extracts.retryFailed(secretary, finalParagraph)).sent, 0, 'nothing left to retry');
  });
});

/**
 * KL 5:67 — the protocol records the votes (and in an open vote how each member voted) and the
 * reservations; a protokollsutdrag of the paragraph must say the same, or it does not "agree with
 * the protocol" as its certification claims.
 */
describe('KL 5:67: the extract of a paragraph holds its vote, each member’s vote and the reservations', () => {
  let t: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let now = new Date('2022-12-14T10:00:00Z');
  let f: LiveFixture;
  let paragraphId = '';
  const db = () => t.services.database.db;

  async function post(to: string, form: Record<string, string> = {}) {
    const response = await f.secretary.post(to, form);
    assert.equal(response.statusCode, 302, `${to}: ${textOf(response.body).slice(0, 400)}`);
  }

  // How each member votes on the plan: Dalby and Ekby vote no; Dalby reserves with a reason.
  const ballots: [town: Town, choice: 'yes' | 'no' | 'abstain', printed: string][] = [
    ['Arvidsby', 'yes', 'Ja'],
    ['Bergby', 'yes', 'Ja'],
    ['Dalby', 'no', 'Nej'],
    ['Ekby', 'no', 'Nej'],
    ['Testby kommun', 'abstain', 'Avstår'],
  ];

  before(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ clock: () => now, config: { smtpUrl: smtp.url } });
    f = await buildLiveMeeting(t);
    await post(`${f.base}/oppna`);
    await recordStart(f);
    await post(`${f.base}/bifall`, { itemId: f.items.economy, alternative: 'proposal' });
    await post(`${f.base}/notera`, { itemId: f.items.info });
    await post(`${f.base}/yrkande`, { itemId: f.items.plan, personId: f.member.Dalby, kind: 'reject', text: 'verksamhetsplanen' });
    const [motion] = await t.services.database.query<{ id: string }>(sql`select id from motions where item_id = ${f.items.plan}`);
    const form = Object.fromEntries(ballots.map(([town, choice]) => [`ballot-${f.member[town]}`, choice]));
    await post(`${f.base}/votering`, { itemId: f.items.plan, yes: 'proposal', no: `motion:${motion?.id ?? ''}`, ...form });
    await post(`${f.base}/reservation`, { itemId: f.items.plan, personId: f.member.Dalby });
    const [reservation] = await t.services.database.query<{ id: string }>(sql`select id from reservations where item_id = ${f.items.plan}`);
    await post(`${f.base}/reservation/motivering`, { reservationId: reservation?.id ?? '', reason: 'Planen saknar finansiering' });
    now = new Date('2022-12-14T11:30:00Z');
    await post(`${f.base}/avsluta`);
    const protocolId = await t.services.protocols.createDraft(f.secretaryPrincipal, f.meetingId);
    await t.services.protocols.lock(f.secretaryPrincipal, protocolId);
    await db().update(protocols).set({ status: 'final', finalAt: now }).where(eq(protocols.id, protocolId));
    const doc = await t.services.protocols.load(protocolId);
    paragraphId = doc.paragraphs.find((p) => p.heading === 'Verksamhetsplan 2023')?.id ?? '';
    assert.ok(paragraphId);
    // Final means frozen: the extract reads the snapshot, not the tables changed afterwards.
    await t.services.extracts.createExtract(f.secretaryPrincipal, paragraphId);
    await t.services.database.query(sql`update people set name = 'Omdöpt Efteråt' where id = ${f.member.Dalby}`);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  async function extractPdfText(): Promise<string> {
    const extract = await t.services.extracts.createExtract(f.secretaryPrincipal, paragraphId);
    return (await pdfText(extract.bytes)).replace(/\s+/g, ' ');
  }

  test('the vote: what yes and no stood for, the counts and the outcome', async () => {
    const text = await extractPdfText();
    assert.match(text, /Omröstning/);
    assert.match(text, /Ja-röst för .*Nej-röst för .*Dalby/);
    assert.match(text, /Resultat: 2 ja, 2 nej, 1 avstår\./);
    // Issue 18: the typed motion in the words of minutes, and no sentence ends in "..".
    assert.match(text, /Yrkanden • Ledamot Dalby yrkar avslag på verksamhetsplanen\./);
    assert.doesNotMatch(text, /\.\./);
  });

  for (const [town, , printed] of ballots) {
    test(`open vote: Ledamot ${town} (${town}) voted ${printed}`, async () => {
      const text = await extractPdfText();
      assert.match(text, new RegExp(`Ledamot ${town} \\(${town}\\): ${printed}`));
    });
  }

  test('the reservation with its reason, as the frozen protocol holds it', async () => {
    const text = await extractPdfText();
    assert.match(text, /Reservationer • Ledamot Dalby reserverar sig mot beslutet: Planen saknar finansiering/);
    assert.doesNotMatch(text, /Omdöpt Efteråt/);
  });

  test('the e-mailed extract carries the same vote and reservation', async () => {
    const before = smtp.received.length;
    const result = await t.services.extracts.sendExtract(f.secretaryPrincipal, paragraphId, ['kommunen@example.se']);
    assert.equal(result.sent, 1);
    const raw = (smtp.received[before]?.raw ?? '').replace(/\r\n/g, '\n');
    const part = raw.slice(raw.indexOf('Content-Type: application/pdf'));
    const base64 = part.slice(part.indexOf('\n\n') + 2).split('\n--')[0] ?? '';
    const text = (await pdfText(Buffer.from(base64.replace(/\s+/g, ''), 'base64'))).replace(/\s+/g, ' ');
    assert.match(text, /Ledamot Dalby \(Dalby\): Nej/);
    assert.match(text, /Ledamot Dalby reserverar sig mot beslutet: Planen saknar finansiering/);
  });
});
