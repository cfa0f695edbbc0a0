import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { buildCommittee, createTestApp, TestClient, type TestContext } from '../../../../test/support/app.js';
import { meetings } from '../meetings.tables.js';
import { mandates, people } from '../../organisation/organisation.tables.js';
import { auditLog } from '../../../platform/audit/audit.tables.js';
import { mailLog } from '../../../platform/mail/mail.tables.js';
import type { Principal } from '../../../platform/auth/policy.js';
import { startSmtp } from '../../../../test/support/smtp.js';
import { buildSignedInPrincipal, signedInAs } from '../../../../test/support/factories.js';

const CODES = 'kod;rubrik;gallring\n1.3.1.2;Reglemente;Bevaras\n';
const NOW = new Date('2026-03-01T09:00:00Z');
const PUBLIC_FILE = 'PUBLIK-FILMARKÖR reglementets text';
const INTERNAL_FILE = 'INTERN-FILMARKÖR arbetsutkast';
const SECRET_FILE = 'HEMLIG-FILMARKÖR säkerhetsbrister i nätet';
const SECRET_DESCRIPTION = 'HEMLIG-BESKRIVNING sårbarhetsrapport';

interface MimeLeaf {
  contentType: string;
  body: Buffer;
}

/** Just enough MIME to read what nodemailer writes: nested multiparts, base64 and quoted-printable. */
function mimeLeaves(raw: string): MimeLeaf[] {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const headers = new Map<string, string>();
  for (const line of text.slice(0, split).replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = text.slice(split + 2);
  const contentType = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (contentType.startsWith('multipart/') && boundary) {
    return body.split(`--${boundary}`).slice(1, -1).flatMap((part) => mimeLeaves(part.replace(/^\n/, '')));
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1')
        : Buffer.from(body);
  return [{ contentType, body: bytes }];
}

describe('notice (kallelse) by e-mail', () => {
  let t: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let secretary: TestClient;
  let member: TestClient;
  let planner: Principal;
  let org: Awaited<ReturnType<typeof buildCommittee>>;
  let secretHid = '';
  let caseId = '';
  const docIds: string[] = [];
  const outboxDir = mkdtempSync(path.join(tmpdir(), 'kansli-notice-'));
  const called = ['ledamot.a@example.se', 'ledamot.b@example.se', 'ersattare.a@example.se', 'ersattare.b@example.se'];

  const db = () => t.services.database.db;
  const buildMeeting = async (startsAt: string) => {
    const [row] = await db().insert(meetings).values({ bodyId: org.body.id, startsAt: new Date(startsAt), endsAt: new Date(new Date(startsAt).getTime() + 3 * 3600_000), place: 'Stadshuset, Luleå' }).returning();
    if (!row) throw new Error('no meeting');
    return row;
  };
  const addPerson = async (name: string, email: string | null, role: 'member' | 'substitute', termTo: string | null = null) => {
    const [person] = await db().insert(people).values({ name, email, organisationId: org.municipality.id }).returning();
    if (!person) throw new Error('no person');
    await db().insert(mandates).values({ personId: person.id, bodyId: org.body.id, municipalityId: org.municipality.id, role, termFrom: '2023-01-01', termTo });
  };
  const withAgenda = async (meetingId: string) => {
    await t.services.agenda.addItem(planner, meetingId, {
      kind: 'decision',
      caseId,
      heading: 'Revidering reglemente och samverkansavtal',
      proposal: '1. Nämnden väcker ärendet i fullmäktige.\n2. Nämnden rekommenderar fullmäktige att anta förslaget.',
      documentIds: docIds,
    });
    await t.services.agenda.addItem(planner, meetingId, { kind: 'information', heading: 'Information om ekonomi och verksamhet' });
  };
  const meetingRow = async (id: string) => (await db().select().from(meetings).where(eq(meetings.id, id)))[0];
  const logOf = async (meetingId: string) => db().select().from(mailLog).where(eq(mailLog.meetingId, meetingId));

  before(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ clock: () => NOW, config: { smtpUrl: smtp.url, publicUrl: 'https://kansli.example.se', outboxDir } });
    org = await buildCommittee(t.services);
    ({ principal: planner, client: secretary } = await buildSignedInPrincipal(t, { organisationId: org.committee.id, roles: ['secretary'], name: 'Sekreteraren' }));
    member = await signedInAs(t, org.committee.id, ['member']);

    await addPerson('Ledamot A', 'ledamot.a@example.se', 'member');
    await addPerson('Ledamot B', 'ledamot.b@example.se', 'member');
    await addPerson('Ersättare A', 'ersattare.a@example.se', 'substitute');
    await addPerson('Ersättare B', ' ersattare.b@example.se ', 'substitute');
    await addPerson('Utan Adress', null, 'substitute');
    await addPerson('Avgången Ledamot', 'avgangen@example.se', 'member', '2025-12-31');

    const { registry } = t.services;
    await registry.importCodes(planner, org.committee.slug, CODES);
    caseId = (await registry.createCase(planner, org.committee.slug, { title: 'Revidering reglemente och samverkansavtal', classificationCode: '1.3.1.2' })).id;
    const register = async (document: Record<string, string>, content: string) =>
      registry.registerDocument(planner, { caseId, direction: 'drawn_up', documentDate: '2026-02-20', ...document }, { filename: `${document.description?.slice(0, 10) ?? 'fil'}.txt`, bytes: Buffer.from(content) });
    docIds.push((await register({ description: 'Reglemente, förslag', secrecy: 'public' }, PUBLIC_FILE)).id);
    docIds.push((await register({ description: 'Arbetsutkast samverkansavtal', secrecy: 'internal' }, INTERNAL_FILE)).id);
    const secret = await register({ description: SECRET_DESCRIPTION, secrecy: 'secret', secrecyProvision: 'OSL 18 kap. 8 §' }, SECRET_FILE);
    docIds.push(secret.id);
    secretHid = `${secret.year}.${secret.number}`;
  });
  after(async () => {
    await t.close();
    await smtp.close();
    rmSync(outboxDir, { recursive: true, force: true });
  });

  test('the notice page lists who is called, the deadline, and who has no e-mail', async () => {
    const meeting = await buildMeeting('2026-03-20T09:00:00Z');
    const page = await secretary.get(`/moten/${meeting.id}/kallelse`);
    assert.equal(page.statusCode, 200);
    for (const name of ['Ledamot A', 'Ledamot B', 'Ersättare A', 'Ersättare B']) assert.match(page.body, new RegExp(`<th scope="row">${name}</th>`));
    assert.doesNotMatch(page.body, /Avgången Ledamot/, 'a mandate that has ended is not called');
    assert.match(page.body, /saknar e-postadress/);
    assert.match(page.body, /Utan Adress/);
    assert.match(page.body, /Skickas senast<\/dt><dd>2026-03-15/);
    assert.match(page.body, /Skickas kallelsen i dag är den i tid/);
    assert.match(page.body, /Skicka kallelse/);
    assert.doesNotMatch(page.body, /Ingen e-postserver/);
  });

  test('every member and substitute gets exactly one mail with the PDF and the non-secret files; nothing secret leaves', async () => {
    const meeting = await buildMeeting('2026-03-20T09:00:00Z');
    await withAgenda(meeting.id);
    const before = smtp.received.length;
    const response = await secretary.post(`/moten/${meeting.id}/kallelse`, {});
    assert.equal(response.statusCode, 302, response.body.slice(0, 2000));
    // The request only queued the mails; nothing has reached the server yet.
    assert.equal(smtp.received.length, before);
    assert.deepEqual((await logOf(meeting.id)).map((l) => l.status), ['queued', 'queued', 'queued', 'queued']);
    const queuedPage = await secretary.get(`/moten/${meeting.id}/kallelse`);
    assert.match(queuedPage.body, /Kallelsen skickas: 0 av 4 klara/);
    assert.match(queuedPage.body, /<meta http-equiv="refresh" content="3"/);
    assert.equal(await t.services.mailer.drain(), 4);
    const mails = smtp.received.slice(before);
    assert.deepEqual(mails.flatMap((m) => m.to).sort(), [...called].sort());

    for (const mail of mails) {
      const leaves = mimeLeaves(mail.raw);
      const text = leaves.find((l) => l.contentType.startsWith('text/plain') && !/name=/.test(l.contentType))?.body.toString('utf8') ?? '';
      assert.match(text, /Kallelse till Testnämnden 2026-03-20/);
      assert.match(text, /Tid: fredag 20 mars 2026 kl\. 10\.00–13\.00/);
      assert.match(text, /Plats: Stadshuset, Luleå/);
      assert.match(text, /1\. Revidering reglemente och samverkansavtal/);
      assert.match(text, /1\. Nämnden väcker ärendet i fullmäktige\.\n\s+2\. Nämnden rekommenderar/);
      assert.match(text, new RegExp(`Hid: ${secretHid.replace('.', '\\.')}, sekretessbelagd handling, kan läsas i Kansli`));
      assert.match(text, new RegExp(`https://kansli\\.example\\.se/moten/${meeting.id}`));
      const pdfs = leaves.filter((l) => l.contentType.startsWith('application/pdf'));
      assert.equal(pdfs.length, 1);
      assert.equal(pdfs[0]?.body.subarray(0, 5).toString('latin1'), '%PDF-');
      const all = leaves.map((l) => l.body.toString('utf8')).join('\n');
      assert.ok(all.includes(PUBLIC_FILE), 'the public document is attached');
      assert.ok(all.includes(INTERNAL_FILE), 'the internal document is attached');
      assert.ok(!all.includes(SECRET_FILE), 'the secret file is never attached');
      assert.ok(!all.includes('HEMLIG-BESKRIVNING') && !mail.raw.includes('HEMLIG-BESKRIVNING'), "the secret document's description is never sent");
      assert.ok(!pdfs[0]?.body.toString('latin1').includes('HEMLIG'), 'nor is it in the PDF');
    }
    assert.match(mails[0]?.raw ?? '', /^Subject: =\?UTF-8\?/m);

    const row = await meetingRow(meeting.id);
    assert.equal(row?.noticeSentAt?.toISOString(), NOW.toISOString());
    assert.equal(row?.noticeLateReason, null);
    const log = await logOf(meeting.id);
    assert.deepEqual(log.map((l) => l.status), ['sent', 'sent', 'sent', 'sent']);
    assert.deepEqual(log.map((l) => l.subject), Array(4).fill('Kallelse till Testnämnden 2026-03-20'));
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, 'meeting.notice.send'), eq(auditLog.entityId, meeting.id)));
    assert.equal(audit.length, 1);
    assert.deepEqual((audit[0]?.after as { queued: number }).queued, 4);

    const page = await secretary.get(`/moten/${meeting.id}/kallelse`);
    assert.match(page.body, /Kallelsen skickades till 4 av 4 mottagare/);
    assert.doesNotMatch(page.body, /http-equiv="refresh"/, 'done: the page stops refreshing');
    assert.match(page.body, /ledamot\.a@example\.se<\/th>/);
    assert.match(page.body, /Skickat/);
    assert.match(page.body, /Skicka igen/);
  });

  test('sending again needs a confirmation, reaches everyone once more, and is logged', async () => {
    const meeting = await buildMeeting('2026-03-21T09:00:00Z');
    await withAgenda(meeting.id);
    assert.equal((await secretary.post(`/moten/${meeting.id}/kallelse`, {})).statusCode, 302);
    await t.services.mailer.drain();
    const first = (await meetingRow(meeting.id))?.noticeSentAt?.toISOString();
    const before = smtp.received.length;
    const unconfirmed = await secretary.post(`/moten/${meeting.id}/kallelse`, {});
    assert.equal(unconfirmed.statusCode, 400);
    assert.match(unconfirmed.body, /Kryssa i att kallelsen ska skickas igen/);
    assert.equal(smtp.received.length, before);
    const again = await secretary.post(`/moten/${meeting.id}/kallelse`, { confirmResend: 'on' });
    assert.equal(again.statusCode, 302);
    await t.services.mailer.drain();
    assert.deepEqual(smtp.received.slice(before).flatMap((m) => m.to).sort(), [...called].sort());
    assert.equal((await meetingRow(meeting.id))?.noticeSentAt?.toISOString(), first, 'the first sending stays the date of notice');
    assert.equal((await logOf(meeting.id)).length, 8);
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, 'meeting.notice.resend'), eq(auditLog.entityId, meeting.id)));
    assert.equal(audit.length, 1);
  });

  test('a late notice without a reason is refused and nothing is sent; with a reason it goes and the reason is kept', async () => {
    const meeting = await buildMeeting('2026-03-04T09:00:00Z'); // deadline 2026-02-27, today 2026-03-01
    await withAgenda(meeting.id);
    const page = await secretary.get(`/moten/${meeting.id}/kallelse`);
    assert.match(page.body, /Kallelsen är sen: den skulle ha skickats senast 2026-02-27/);
    const before = smtp.received.length;
    const refused = await secretary.post(`/moten/${meeting.id}/kallelse`, { lateReason: '   ' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Kallelsen skickas för sent/);
    assert.match(refused.body, /Inget har skickats/);
    assert.equal(smtp.received.length, before);
    assert.equal((await meetingRow(meeting.id))?.noticeSentAt, null);
    assert.equal((await logOf(meeting.id)).length, 0);

    const sent = await secretary.post(`/moten/${meeting.id}/kallelse`, { lateReason: 'Extra sammanträde på begäran av en tredjedel av ledamöterna.' });
    assert.equal(sent.statusCode, 302);
    await t.services.mailer.drain();
    assert.equal(smtp.received.length, before + 4);
    const row = await meetingRow(meeting.id);
    assert.equal(row?.noticeLateReason, 'Extra sammanträde på begäran av en tredjedel av ledamöterna.');
    assert.ok(row?.noticeSentAt);
  });

  test('the PDF is served to readers of the meeting; the notice page only to planners', async () => {
    const meeting = await buildMeeting('2026-03-22T09:00:00Z');
    await withAgenda(meeting.id);
    const pdf = await member.get(`/moten/${meeting.id}/kallelse.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(String(pdf.headers['content-disposition']), /^inline; filename="Kallelse Testn_mnden 2026-03-22\.pdf"/);
    assert.equal(pdf.rawPayload.subarray(0, 8).toString('latin1'), '%PDF-1.7');
    assert.match(pdf.rawPayload.toString('latin1'), /pdfaid:part>2<|pdfaid:part="2"/);
    assert.equal((await member.get(`/moten/${meeting.id}/kallelse`)).statusCode, 403);
    assert.equal((await member.post(`/moten/${meeting.id}/kallelse`, {})).statusCode, 403);
    assert.equal((await logOf(meeting.id)).length, 0);
  });

  test('without an SMTP server the mails are .eml files in the outbox folder, and the page says so', async () => {
    const dir = path.join(outboxDir, 'utan-smtp');
    const local = await createTestApp({ clock: () => NOW, database: t.database, config: { smtpUrl: undefined, outboxDir: dir } });
    try {
      const meeting = await buildMeeting('2026-03-23T09:00:00Z');
      await withAgenda(meeting.id);
      const client = new TestClient(local.app);
      await client.signIn(planner.email);
      const before = await client.get(`/moten/${meeting.id}/kallelse`);
      assert.match(before.body, /Ingen e-postserver \(SMTP\) är inställd/);
      assert.ok(before.body.includes(dir));
      const smtpBefore = smtp.received.length;
      const sent = await client.post(`/moten/${meeting.id}/kallelse`, {});
      assert.equal(sent.statusCode, 302);
      await local.services.mailer.drain();
      assert.equal(smtp.received.length, smtpBefore, 'nothing went to a server');
      const files = readdirSync(dir);
      assert.equal(files.length, 4);
      const eml = files.map((f) => readFileSync(path.join(dir, f), 'utf8'));
      assert.deepEqual(eml.map((m) => /^To: (.*)$/m.exec(m)?.[1]).sort(), [...called].sort());
      assert.ok(eml.every((m) => mimeLeaves(m).some((l) => l.contentType.startsWith('application/pdf'))));
      const log = await logOf(meeting.id);
      assert.deepEqual(log.map((l) => l.status), ['outbox', 'outbox', 'outbox', 'outbox']);
      assert.ok(log.every((l) => l.outboxFile?.startsWith(dir)));
      const page = await client.get(`/moten/${meeting.id}/kallelse`);
      assert.match(page.body, /Kallelsen till 4 av 4 mottagare sparades i utkorgen/);
      assert.match(page.body, /I utkorgen/);
      assert.ok((await meetingRow(meeting.id))?.noticeSentAt);
    } finally {
      await local.close();
    }
  });
});
