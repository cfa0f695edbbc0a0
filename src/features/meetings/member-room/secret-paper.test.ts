import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { buildCommittee, buildUser, createTestApp, giveTotp, TestClient, type TestContext } from '../../../../test/support/app.js';
import { users } from '../../auth/auth.tables.js';
import { agendaItemDocuments, agendaItems, meetings, memberReports } from '../meetings.tables.js';
import { mandates, people } from '../../organisation/organisation.tables.js';
import { auditLog } from '../../../platform/audit/audit.tables.js';
import type { Principal, Role } from '../../../platform/auth/policy.js';
import { generateTotp } from '../../auth/totp.js';

/** Issue 18: a member or substitute called to the meeting reads its secret papers after a second factor. */
describe('members read their secret papers in the members’ room', () => {
  let t: TestContext;
  let now = new Date('2026-03-02T09:00:00Z');
  const ids = { meeting: '', item: '', secretDoc: '', secretFile: '', otherDoc: '' };
  type Key = 'member' | 'substitute' | 'jav' | 'plain' | 'outsider';
  const who = {} as Record<Key, { client: TestClient; userId: string; secret: string }>;
  const db = () => t.services.database.db;
  const CONTENT = 'Brandväggens svaga punkter – x9k';

  function code(key: Key): string {
    now = new Date(now.getTime() + 31_000);
    return generateTotp(who[key].secret, now);
  }

  const reads = (documentId: string) => db().select().from(auditLog).where(and(eq(auditLog.action, 'document.secret.read'), eq(auditLog.entityId, documentId)));
  const paperUrl = () => `/mina-moten/${ids.meeting}/handling/${ids.secretDoc}`;

  before(async () => {
    t = await createTestApp({ clock: () => now });
    const { committee, municipality, body } = await buildCommittee(t.services, { name: 'Sekretessnämnden' });
    const elsewhere = await buildCommittee(t.services, { name: 'Grannämnden' });
    async function person(key: Key, o: { organisationId: string; municipalityId: string; bodyId: string; role: Role; mandate: 'member' | 'substitute'; totp: boolean }) {
      const [p] = await db().insert(people).values({ name: `Person ${key}`, organisationId: o.organisationId }).returning();
      if (!p) throw new Error('no person');
      const user = await buildUser(t.services, { organisationId: o.organisationId, roles: [o.role] });
      await db().update(users).set({ personId: p.id }).where(eq(users.id, user.id));
      await db().insert(mandates).values({ personId: p.id, bodyId: o.bodyId, municipalityId: o.municipalityId, role: o.mandate, termFrom: '2023-01-01', termTo: '2026-12-31' });
      const secret = o.totp ? await giveTotp(t.services, user.id) : '';
      const client = new TestClient(t.app);
      who[key] = { client, userId: user.id, secret };
      const signedIn = await client.signIn(user.email);
      if (String(signedIn.headers.location).startsWith('/logga-in/tvastegs')) await client.post('/logga-in/tvastegs', { code: code(key) });
      return p.id;
    }
    const here = { organisationId: committee.id, municipalityId: municipality.id, bodyId: body.id };
    await person('member', { ...here, role: 'member', mandate: 'member', totp: true });
    await person('substitute', { ...here, role: 'substitute', mandate: 'substitute', totp: true });
    const javPerson = await person('jav', { ...here, role: 'member', mandate: 'member', totp: true });
    await person('plain', { ...here, role: 'member', mandate: 'member', totp: false });
    await person('outsider', { organisationId: elsewhere.committee.id, municipalityId: elsewhere.municipality.id, bodyId: elsewhere.body.id, role: 'member', mandate: 'member', totp: true });

    const secretary: Principal = { userId: (await buildUser(t.services, { organisationId: committee.id, roles: ['secretary'] })).id, email: 's@example.se', name: 'S', grants: [{ organisationId: committee.id, role: 'secretary' }] };
    await t.services.registry.importCodes(secretary, committee.slug, 'kod;rubrik;gallring\n1.1;Säkerhet;Bevaras\n');
    const caseRow = await t.services.registry.createCase(secretary, committee.slug, { title: 'Informationssäkerhet', classificationCode: '1.1' });
    const register = (description: string) =>
      t.services.registry.registerDocument(
        secretary,
        { caseId: caseRow.id, direction: 'drawn_up', documentDate: '2026-02-20', description, secrecy: 'secret', securityClass: 'Öppen', secrecyProvision: 'OSL 18:8', publicDescription: 'Säkerhetsbilaga (sekretess)' },
        { filename: 'analys.txt', bytes: Buffer.from(CONTENT) },
      );
    const doc = await register('Sårbarhetsanalys servrar');
    const notOnAgenda = await register('Annan hemlig handling');
    const fileId = (await t.services.registry.getDocument(secretary, doc.id)).document.files[0]?.id ?? '';
    const [meeting] = await db().insert(meetings).values({ bodyId: body.id, startsAt: new Date('2026-03-10T12:00:00Z'), place: 'Kommunhuset' }).returning();
    const [item] = await db().insert(agendaItems).values({ meetingId: meeting?.id ?? '', position: 1, caseId: caseRow.id, heading: 'Informationssäkerhet' }).returning();
    await db().insert(agendaItemDocuments).values({ itemId: item?.id ?? '', documentId: doc.id, position: 1 });
    Object.assign(ids, { meeting: meeting?.id ?? '', item: item?.id ?? '', secretDoc: doc.id, secretFile: fileId, otherDoc: notOnAgenda.id });
    await db().insert(memberReports).values({ meetingId: ids.meeting, personId: javPerson, type: 'jav', itemId: ids.item, createdAt: now });
  });
  after(() => t.close());

  test('a member reads the paper after a TOTP code; the read is audited in the committee', async () => {
    const room = await who.member.client.get(`/mina-moten/${ids.meeting}`);
    assert.match(room.body, new RegExp(`href="${paperUrl()}"`));
    assert.doesNotMatch(room.body, /Sekretessbelagd handling – kontakta sekreteraren/);
    const page = await who.member.client.get(paperUrl());
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /18 kap. 8 § offentlighets- och sekretesslagen \(2009:400\)/, 'the provision named in full');
    assert.doesNotMatch(page.body, /Brandväggens/, 'nothing of the content before the second factor');
    const before = (await reads(ids.secretDoc)).length;
    const read = await who.member.client.post(paperUrl(), { method: 'totp', code: code('member'), fileId: ids.secretFile });
    assert.equal(read.statusCode, 200, read.body.slice(0, 300));
    assert.equal(read.body, CONTENT);
    assert.match(String(read.headers['cache-control']), /no-store/);
    const entries = await reads(ids.secretDoc);
    assert.equal(entries.length, before + 1);
    assert.equal(entries.at(-1)?.actorUserId, who.member.userId);
  });

  test('a substitute called to the meeting reads it too', async () => {
    const read = await who.substitute.client.post(paperUrl(), { method: 'totp', code: code('substitute'), fileId: ids.secretFile });
    assert.equal(read.statusCode, 200);
    assert.equal(read.body, CONTENT);
  });

  test('without a second factor, or with a wrong or reused code, nothing is read and nothing is logged as read', async () => {
    const before = (await reads(ids.secretDoc)).length;
    const password = await who.member.client.post(paperUrl(), { fileId: ids.secretFile, password: 'x' });
    assert.equal(password.statusCode, 400);
    assert.match(password.body, /Lösenordet räcker inte/);
    const wrong = await who.member.client.post(paperUrl(), { method: 'totp', code: '000000', fileId: ids.secretFile });
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /Fel kod/);
    const used = code('member');
    assert.equal((await who.member.client.post(paperUrl(), { method: 'totp', code: used, fileId: ids.secretFile })).statusCode, 200);
    const again = await who.member.client.post(paperUrl(), { method: 'totp', code: used, fileId: ids.secretFile });
    assert.equal(again.statusCode, 401, 'a code is used once');
    for (const response of [password, wrong, again]) assert.doesNotMatch(response.body, /Brandväggens/);
    assert.equal((await reads(ids.secretDoc)).length, before + 1);
    const plain = await who.plain.client.get(paperUrl());
    assert.match(plain.body, /behöver du en passkey eller en autentiseringsapp/, 'told what is needed');
  });

  test('not entitled: a member with jäv on the item, another committee’s member, a paper not on the agenda', async () => {
    const room = await who.jav.client.get(`/mina-moten/${ids.meeting}`);
    assert.match(room.body, /Sekretessbelagd handling – kontakta sekreteraren/, 'the note stays for who may not read it');
    assert.doesNotMatch(room.body, new RegExp(`href="${paperUrl()}"`));
    const jav = await who.jav.client.post(paperUrl(), { method: 'totp', code: code('jav'), fileId: ids.secretFile });
    assert.equal(jav.statusCode, 403);
    assert.match(jav.body, /kontakta sekreteraren/);
    const outsider = await who.outsider.client.post(paperUrl(), { method: 'totp', code: code('outsider'), fileId: ids.secretFile });
    assert.equal(outsider.statusCode, 404);
    const notOnAgenda = await who.member.client.post(`/mina-moten/${ids.meeting}/handling/${ids.otherDoc}`, { method: 'totp', code: code('member'), fileId: ids.secretFile });
    assert.equal(notOnAgenda.statusCode, 404);
    for (const response of [jav, outsider, notOnAgenda]) assert.doesNotMatch(response.body, /Brandväggens/);
    assert.equal((await reads(ids.otherDoc)).length, 0);
  });
});
