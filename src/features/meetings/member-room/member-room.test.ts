import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, ne, sql } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, TestClient, type TestContext } from '../../../../test/support/app.js';
import { users } from '../../auth/auth.tables.js';
import { agendaItemDocuments, agendaItems, meetings, memberReports } from '../meetings.tables.js';
import { mandates, organisations, people } from '../../organisation/organisation.tables.js';
import { mailLog } from '../../../platform/mail/mail.tables.js';
import { DomainError } from '../../../platform/errors.js';
import type { Principal, Role } from '../../../platform/auth/policy.js';
import { substitutesToCall } from './member-room.service.js';

const CODES = 'kod;rubrik;gallring\n1.2.1.3;Verksamhetsplanering;Bevaras\n';
const PROPOSAL = 'Norrbottens e-nämnd beslutar\n1. att godkänna verksamhetsplanen för 2027,\n2. att uppdra åt samordnaren att följa upp\nmålen per tertial.';
const SECRET_NOTE = 'Min hemliga tanke om punkt 1 – zq7';

/** An .eml body as text: quoted-printable soft breaks joined and escapes decoded. */
function readEml(file: string): string {
  const raw = readFileSync(file, 'utf8').replace(/=\r?\n/g, '');
  return Buffer.from(raw.replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
}

describe('members’ meeting room', () => {
  let t: TestContext;
  let outbox: string;
  const ids = { meeting: '', item1: '', item2: '', publicFile: '', secretFile: '', secretDoc: '', publicDoc: '' };
  const who: Record<string, { client: TestClient; personId: string | null; userId: string; email: string | null; name: string }> = {};

  /** A person with a user account linked to it (users.person_id), signed in. */
  async function member(key: string, o: { name: string; email: string | null; organisationId: string; role: Role; link?: boolean }) {
    const db = t.services.database.db;
    const [person] = await db.insert(people).values({ name: o.name, email: o.email, organisationId: o.organisationId }).returning();
    if (!person) throw new Error('no person');
    const user = await buildUser(t.services, { organisationId: o.organisationId, roles: [o.role] });
    if (o.link !== false) await db.update(users).set({ personId: person.id }).where(eq(users.id, user.id));
    const client = new TestClient(t.app);
    await client.signIn(user.email);
    who[key] = { client, personId: person.id, userId: user.id, email: o.email, name: o.name };
    return person.id;
  }

  const page = async (key: string, url: string) => {
    const client = who[key]?.client;
    if (!client) throw new Error(key);
    return client.get(url);
  };
  const post = async (key: string, url: string, form: Record<string, string> = {}) => {
    const client = who[key]?.client;
    if (!client) throw new Error(key);
    return client.post(url, form);
  };
  const flashOf = (key: string) => decodeURIComponent(who[key]?.client.cookies.get('kansli_flash') ?? '');
  /** The mails to substitutes (the secretaries' task mail, 'task.absence', is tested in tasks-mail.test.ts). */
  const absenceMails = () => t.services.database.db.select().from(mailLog).where(and(eq(mailLog.meetingId, ids.meeting), ne(mailLog.kind, 'task.absence')));

  before(async () => {
    outbox = mkdtempSync(path.join(tmpdir(), 'kansli-room-'));
    t = await createTestApp({ config: { outboxDir: outbox }, clock: () => new Date('2026-03-02T09:00:00Z') });
    const db = t.services.database.db;
    const { committee, municipality, body } = await buildCommittee(t.services, { name: 'Rumsnämnden' });
    const [other] = await db.insert(organisations).values({ kind: 'municipality', name: 'Andraby kommun', slug: `andraby-${process.pid}`, committeeId: committee.id }).returning();
    if (!other) throw new Error('no municipality');
    const elsewhere = await buildCommittee(t.services, { name: 'Grannämnden' });

    const mandate = (personId: string, municipalityId: string, role: 'member' | 'substitute', bodyId = body.id) =>
      db.insert(mandates).values({ personId, bodyId, municipalityId, role, termFrom: '2023-01-01', termTo: '2026-12-31' });
    await mandate(await member('memberA', { name: 'Anna Ledamot', email: 'anna@testby.se', organisationId: committee.id, role: 'member' }), municipality.id, 'member');
    await mandate(await member('subA', { name: 'Axel Ersättare', email: 'axel@testby.se', organisationId: committee.id, role: 'substitute' }), municipality.id, 'substitute');
    await mandate(await member('memberB', { name: 'Bo Ledamot', email: 'bo@andraby.se', organisationId: committee.id, role: 'member' }), other.id, 'member');
    await mandate(await member('subB', { name: 'Berit Utanpost', email: null, organisationId: committee.id, role: 'substitute' }), other.id, 'substitute');
    await mandate(await member('outsider', { name: 'Olle Granne', email: 'olle@granne.se', organisationId: elsewhere.committee.id, role: 'member' }), elsewhere.municipality.id, 'member', elsewhere.body.id);
    await member('unlinked', { name: 'Ulla Okopplad', email: null, organisationId: committee.id, role: 'member', link: false });
    await member('secretary', { name: 'Sara Sekreterare', email: null, organisationId: committee.id, role: 'secretary' });

    const secretary: Principal = { userId: who.secretary?.userId ?? '', email: 's@example.se', name: 'S', grants: [{ organisationId: committee.id, role: 'secretary' }] };
    await t.services.registry.importCodes(secretary, committee.slug, CODES);
    const caseRow = await t.services.registry.createCase(secretary, committee.slug, { title: 'Verksamhetsplan 2027', classificationCode: '1.2.1.3' });
    const doc = (description: string, secrecy: 'public' | 'secret', text: string) =>
      t.services.registry.registerDocument(
        secretary,
        { caseId: caseRow.id, direction: 'drawn_up', documentDate: '2026-02-20', description, secrecy, securityClass: 'Öppen', ...(secrecy === 'secret' ? { secrecyProvision: 'OSL 18:8', publicDescription: 'Säkerhetsbilaga (sekretess)' } : {}) },
        { filename: `${description}.txt`, bytes: Buffer.from(text) },
      );
    const publicDoc = await doc('Verksamhetsplan 2027', 'public', 'Planen i sin helhet');
    const secretDoc = await doc('Sårbarhetsanalys servrar', 'secret', 'Brandväggens svaga punkter');
    const fileOf = async (id: string) => (await t.services.registry.getDocument(secretary, id)).document.files[0]?.id ?? '';
    Object.assign(ids, { publicDoc: publicDoc.id, secretDoc: secretDoc.id, publicFile: await fileOf(publicDoc.id), secretFile: await fileOf(secretDoc.id) });

    const [meeting] = await db.insert(meetings).values({ bodyId: body.id, startsAt: new Date('2026-03-10T12:00:00Z'), endsAt: new Date('2026-03-10T15:00:00Z'), place: 'Kommunhuset, sal A' }).returning();
    if (!meeting) throw new Error('no meeting');
    const [item1, item2] = await db
      .insert(agendaItems)
      .values([
        { meetingId: meeting.id, position: 1, caseId: caseRow.id, heading: 'Verksamhetsplan 2027', proposal: PROPOSAL, recipients: ['Samtliga medlemskommuner'] },
        { meetingId: meeting.id, position: 2, kind: 'information', heading: 'Information om ekonomi och verksamhet' },
      ])
      .returning();
    if (!item1 || !item2) throw new Error('no items');
    await db.insert(agendaItemDocuments).values([
      { itemId: item1.id, documentId: publicDoc.id, position: 1 },
      { itemId: item1.id, documentId: secretDoc.id, position: 2 },
    ]);
    Object.assign(ids, { meeting: meeting.id, item1: item1.id, item2: item2.id });
  });
  after(async () => {
    await t.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  test('a member sees the meeting, its items with numbered points kept and its decision basis', async () => {
    const list = await page('memberA', '/mina-moten');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Testnämnden/);
    assert.match(list.body, /tisdag 10 mars 2026/);
    assert.match(list.body, /kl\. 13\.00–16\.00/);
    assert.match(list.body, /Kommunhuset, sal A/);
    assert.match(list.body, /Ledamot för Testby kommun/);
    assert.match(list.body, new RegExp(`href="/mina-moten/${ids.meeting}"`));

    const room = await page('memberA', `/mina-moten/${ids.meeting}`);
    assert.equal(room.statusCode, 200);
    assert.match(room.body, /<li value="1">att godkänna verksamhetsplanen för 2027,<\/li>/);
    assert.match(room.body, /<li value="2">att uppdra åt samordnaren att följa upp målen per tertial\.<\/li>/);
    assert.match(room.body, /Ärende 2026\/1-1\.2\.1\.3/);
    assert.match(room.body, /Samtliga medlemskommuner/);
    assert.match(room.body, new RegExp(`href="/handlingar/${ids.publicDoc}"`));
    assert.match(room.body, new RegExp(`href="/filer/${ids.publicFile}"`));
    assert.match(room.body, /← Mina möten/, 'a way back');
    const english = await page('memberA', `/mina-moten/${ids.meeting}?lang=en`);
    assert.match(english.body, /Proposed decision/);
    assert.match(english.body, /Tuesday 10 March 2026|Tuesday, 10 March 2026/);
    await page('memberA', `/mina-moten/${ids.meeting}?lang=sv`);
  });

  test('a secret document shows only as its entry, and its file cannot be downloaded by a member without a second factor', async () => {
    const room = await page('memberA', `/mina-moten/${ids.meeting}`);
    assert.match(room.body, /Säkerhetsbilaga \(sekretess\)/);
    // Issue 18: the member called to the meeting reads it after a second factor (secret-paper.test.ts).
    assert.match(room.body, new RegExp(`href="/mina-moten/${ids.meeting}/handling/${ids.secretDoc}"`));
    assert.doesNotMatch(room.body, /Sårbarhetsanalys/, 'the secret description stays secret');
    assert.doesNotMatch(room.body, new RegExp(ids.secretFile));
    assert.doesNotMatch(room.body, new RegExp(`/handlingar/${ids.secretDoc}`));
    const file = await page('memberA', `/filer/${ids.secretFile}`);
    assert.equal(file.statusCode, 403);
    assert.doesNotMatch(file.body, /Brandväggens/);
    assert.equal((await page('secretary', `/filer/${ids.secretFile}`)).body, 'Brandväggens svaga punkter', 'the secretary may read it');
  });

  test('a member of another body does not see the meeting, and cannot report on it', async () => {
    const outsiderList = await page('outsider', '/mina-moten');
    assert.match(outsiderList.body, /Du har inga kommande sammanträden/);
    assert.doesNotMatch(outsiderList.body, new RegExp(ids.meeting));
    const room = await page('outsider', `/mina-moten/${ids.meeting}`);
    assert.equal(room.statusCode, 404);
    assert.doesNotMatch(room.body, /Verksamhetsplan/);
    assert.match(room.body, /href="\/mina-moten"/, 'the way back leads to the own list');
    assert.equal((await post('outsider', `/mina-moten/${ids.meeting}/franvaro`, { note: 'x' })).statusCode, 404);
    assert.equal((await post('outsider', `/mina-moten/${ids.meeting}/punkter/${ids.item1}/jav`, {})).statusCode, 404);
    assert.equal((await t.services.database.db.select().from(memberReports)).length, 0);
  });

  test('a user without a linked person gets an explanation; the secretary has no room', async () => {
    const list = await page('unlinked', '/mina-moten');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Ditt konto är inte kopplat till någon person/);
    assert.equal((await page('unlinked', `/mina-moten/${ids.meeting}`)).statusCode, 404);
    assert.equal((await page('secretary', `/mina-moten/${ids.meeting}`)).statusCode, 403);
  });

  test('absence calls exactly the substitute of the same municipality: queued at once, then shown as sent', async () => {
    const response = await post('memberA', `/mina-moten/${ids.meeting}/franvaro`, { note: 'Sjuk' });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `/mina-moten/${ids.meeting}#absence-h`);
    assert.equal(flashOf('memberA'), 'Frånvaron är anmäld. E-post till ersättaren Axel Ersättare skickas nu.', 'Andraby’s substitute is not called');

    // The answer does not wait for the mail server: the call is in the queue.
    assert.deepEqual((await absenceMails()).map((m) => [m.kind, m.recipient, m.status]), [['absence', 'axel@testby.se', 'queued']]);
    const waiting = await page('memberA', `/mina-moten/${ids.meeting}`);
    assert.match(waiting.body, /E-post till ersättaren Axel Ersättare: väntar på att skickas\./);
    assert.match(waiting.body, new RegExp(`<meta http-equiv="refresh" content="3; url=/mina-moten/${ids.meeting}"`), 'the page looks again while the call waits (an address without #, which would only scroll)');

    await t.services.mailer.drain();
    const mails = await absenceMails();
    assert.deepEqual(mails.map((m) => [m.kind, m.recipient, m.status]), [['absence', 'axel@testby.se', 'outbox']]);
    assert.equal(mails[0]?.subject, 'Du kallas att tjänstgöra: Testnämnden 2026-03-10');
    const text = readEml(mails[0]?.outboxFile ?? '');
    assert.match(text, /Anna Ledamot, ledamot för Testby kommun, har anmält förhinder/);
    assert.match(text, /Tid: kl\. 13\.00–16\.00/);
    assert.match(text, /Plats: Kommunhuset, sal A/);
    assert.doesNotMatch(text, /Sjuk/, 'the member’s own message goes to the secretary only');

    const room = await page('memberA', `/mina-moten/${ids.meeting}`);
    assert.match(room.body, /Du har anmält frånvaro/);
    assert.match(room.body, /E-post till ersättaren Axel Ersättare: skickad måndag 2 mars 2026 10\.00\./);
    assert.doesNotMatch(room.body, /http-equiv="refresh"/, 'nothing waits any more');
    assert.match((await page('memberA', '/mina-moten')).body, /Du har anmält frånvaro/);
    assert.match((await page('subA', `/mina-moten/${ids.meeting}`)).body, /Du är inkallad att tjänstgöra för Anna Ledamot \(Testby kommun\), som har anmält frånvaro\./);

    // Sent twice (a double tap): recorded once, mailed once.
    await post('memberA', `/mina-moten/${ids.meeting}/franvaro`, { note: 'Sjuk' });
    assert.match(flashOf('memberA'), /Frånvaron var redan anmäld/);
    assert.equal((await absenceMails()).length, 1);
  });

  test('a call that is being retried shows when; one that failed for good can be sent again by the member', async () => {
    const db = t.services.database.db;
    const [call] = await absenceMails();
    assert.ok(call);
    // The mail server refused the first attempt: the queue tries again later (mailer.test.ts tests the delays).
    await db.update(mailLog).set({ status: 'queued', error: '550 mailbox unavailable', nextAttemptAt: new Date('2026-03-02T09:05:00Z') }).where(eq(mailLog.id, call.id));
    assert.match((await page('memberA', `/mina-moten/${ids.meeting}`)).body, /class="warning">E-post till ersättaren Axel Ersättare: kunde inte skickas än, nytt försök måndag 2 mars 2026 10\.05\./);
    // Every attempt refused: failed, and the member may send it again.
    await db.update(mailLog).set({ status: 'failed', nextAttemptAt: null }).where(eq(mailLog.id, call.id));
    const failed = await page('memberA', `/mina-moten/${ids.meeting}`);
    assert.match(failed.body, /E-post till ersättaren Axel Ersättare: kunde inte skickas\. Skicka igen, eller kontakta sekreteraren\./);
    assert.match(failed.body, new RegExp(`action="/mina-moten/${ids.meeting}/franvaro/skicka-igen"`));
    assert.match((await page('secretary', '/')).body, /Axel Ersättare \(e-post kunde inte skickas – kontakta ersättaren\)/, 'the secretary’s start page shows it too');

    await post('memberA', `/mina-moten/${ids.meeting}/franvaro/skicka-igen`);
    assert.equal(flashOf('memberA'), 'E-post till ersättaren Axel Ersättare skickas igen.');
    assert.deepEqual((await absenceMails()).map((m) => m.status).sort(), ['failed', 'queued']);
    // Nothing failed any more (the new call is the newest): a second press sends nothing.
    await post('memberA', `/mina-moten/${ids.meeting}/franvaro/skicka-igen`);
    assert.equal(flashOf('memberA'), 'Det fanns ingen misslyckad e-post att skicka igen.');
    assert.equal((await absenceMails()).length, 2);
    await t.services.mailer.drain();
    assert.match((await page('memberA', `/mina-moten/${ids.meeting}`)).body, /E-post till ersättaren Axel Ersättare: skickad /);
    assert.match((await page('secretary', '/')).body, /Axel Ersättare \(e-post skickad 2026-03-02 10\.00\)/);
  });

  test('a substitute reporting absence notifies nobody; a substitute without e-mail gives a clear warning', async () => {
    await post('subA', `/mina-moten/${ids.meeting}/franvaro`, {});
    assert.match(flashOf('subA'), /^Frånvaron är anmäld\.$/);
    assert.equal((await absenceMails()).length, 2);

    await post('memberB', `/mina-moten/${ids.meeting}/franvaro`, {});
    assert.match(flashOf('memberB'), /Ersättaren Berit Utanpost saknar e-postadress och har inte meddelats – kontakta sekreteraren\./);
    assert.match((await page('memberB', `/mina-moten/${ids.meeting}`)).body, /class="warning">Ersättaren Berit Utanpost saknar e-postadress/);
    assert.equal((await absenceMails()).length, 2);
    const rows = await t.services.database.db.select().from(memberReports).where(eq(memberReports.type, 'absence'));
    assert.deepEqual(rows.map((r) => r.personId).sort(), [who.memberA?.personId, who.subA?.personId, who.memberB?.personId].sort());
  });

  test('withdrawing the absence removes it and tells the called substitute', async () => {
    await post('memberB', `/mina-moten/${ids.meeting}/franvaro/aterkalla`);
    assert.match(flashOf('memberB'), /Frånvaroanmälan är återkallad/);
    const left = await t.services.database.db.select().from(memberReports).where(eq(memberReports.personId, who.memberB?.personId ?? ''));
    assert.equal(left.length, 0);
    await post('memberA', `/mina-moten/${ids.meeting}/franvaro/aterkalla`);
    assert.match(flashOf('memberA'), /Ersättaren Axel Ersättare får e-post om att du kommer/);
    const withdrawn = (await absenceMails()).filter((m) => m.kind === 'absence-withdrawn');
    assert.deepEqual(withdrawn.map((m) => m.status), ['queued'], 'the withdrawal goes through the queue too');
    assert.deepEqual(withdrawn.map((m) => m.recipient), ['axel@testby.se']);
    assert.doesNotMatch((await page('subA', `/mina-moten/${ids.meeting}`)).body, /Du är inkallad/);
  });

  test('jäv on an item is recorded with its note and shown to the secretary’s live screen', async () => {
    const response = await post('memberA', `/mina-moten/${ids.meeting}/punkter/${ids.item1}/jav`, { note: 'Min make är leverantör' });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `/mina-moten/${ids.meeting}#punkt-1`);
    const [row] = await t.services.database.db.select().from(memberReports).where(and(eq(memberReports.type, 'jav'), eq(memberReports.personId, who.memberA?.personId ?? '')));
    assert.equal(row?.itemId, ids.item1);
    assert.equal(row?.note, 'Min make är leverantör');
    assert.match((await page('memberA', `/mina-moten/${ids.meeting}`)).body, /Du har anmält jäv i den här punkten/);

    const principalOf = async (key: string) => (await t.services.auth.resolveSession(who[key]?.client.cookies.get('kansli_session')))?.principal ?? null;
    const reports = await t.services.memberRoom.listReports(await principalOf('secretary'), ids.meeting);
    const jav = reports.find((r) => r.type === 'jav');
    assert.deepEqual([jav?.personName, jav?.municipalityName, jav?.itemPosition, jav?.note], ['Anna Ledamot', 'Testby kommun', 1, 'Min make är leverantör']);
    await assert.rejects(t.services.memberRoom.listReports(await principalOf('memberA'), ids.meeting), (e: unknown) => e instanceof DomainError && e.code === 'FORBIDDEN');
  });

  test('private notes are seen by their author only – not by another member, not by the secretary, on no route', async () => {
    const saved = await post('memberA', `/mina-moten/${ids.meeting}/punkter/${ids.item1}/anteckning`, { text: SECRET_NOTE });
    assert.equal(saved.statusCode, 302);
    assert.match((await page('memberA', `/mina-moten/${ids.meeting}`)).body, new RegExp(SECRET_NOTE));
    const audit = await t.services.database.query<{ n: number }>(sql`select count(*)::int as n from audit_log where after::text like ${'%zq7%'}`);
    assert.equal(audit[0]?.n, 0, 'the audit log records that a note changed, not what it says');

    const candidates = [ids.meeting, ids.item1, ids.item2, who.memberA?.personId ?? '', who.memberA?.userId ?? ''];
    for (const reader of ['memberB', 'subA', 'secretary']) {
      for (const route of t.app.kansliRoutes.filter((r) => r.method === 'GET')) {
        for (const id of route.url.includes(':') ? candidates : ['']) {
          const url = route.url.replace(/:\w+/g, id).replace(/\*$/, '');
          const response = await page(reader, url);
          assert.doesNotMatch(response.body, /zq7/, `${reader} must not see the note at ${url}`);
        }
      }
    }
  });

  test('after the meeting has opened, absence and jäv are refused with a clear message; notes still work', async () => {
    await t.services.database.db.update(meetings).set({ status: 'open' }).where(eq(meetings.id, ids.meeting));
    const before = (await t.services.database.db.select().from(memberReports)).length;
    const absence = await post('memberB', `/mina-moten/${ids.meeting}/franvaro`, { note: 'Försenad' });
    assert.equal(absence.statusCode, 409);
    assert.match(absence.body, /Sammanträdet har börjat – meddela sekreteraren direkt\./);
    assert.match(absence.body, /Det du skrev: Försenad/, 'what was typed is given back');
    const withdraw = await post('memberA', `/mina-moten/${ids.meeting}/punkter/${ids.item1}/jav/aterkalla`);
    assert.equal(withdraw.statusCode, 409);
    assert.equal((await t.services.database.db.select().from(memberReports)).length, before);
    const room = await page('memberA', `/mina-moten/${ids.meeting}`);
    assert.match(room.body, /Sammanträdet har börjat/);
    assert.doesNotMatch(room.body, /Anmäl frånvaro/);
    assert.equal((await post('memberA', `/mina-moten/${ids.meeting}/punkter/${ids.item2}/anteckning`, { text: 'Fråga om prognosen' })).statusCode, 302);
  });

  test('substitutesToCall: only a member’s absence calls, and only substitutes of the same municipality', () => {
    const called = [
      { personId: 'a', role: 'member' as const, municipalityId: 'x' },
      { personId: 'b', role: 'substitute' as const, municipalityId: 'x' },
      { personId: 'c', role: 'substitute' as const, municipalityId: 'y' },
      { personId: 'd', role: 'member' as const, municipalityId: 'y' },
    ];
    assert.deepEqual(substitutesToCall(called, { personId: 'a', role: 'member', municipalityId: 'x' }).map((m) => m.personId), ['b']);
    assert.deepEqual(substitutesToCall(called, { personId: 'b', role: 'substitute', municipalityId: 'x' }), []);
    assert.deepEqual(substitutesToCall(called, { personId: 'e', role: 'official', municipalityId: 'x' }), []);
  });
});
