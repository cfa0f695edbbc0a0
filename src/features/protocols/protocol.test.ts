import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { useTestApp } from '../../../test/support/test-app-hooks.js';
import { agendaItems, meetings } from '../meetings/meetings.tables.js';
import { people } from '../organisation/organisation.tables.js';
import { protocolParagraphs, protocols } from './protocols.tables.js';
import { buildLiveMeeting, recordStart, textOf, TOWNS, type LiveFixture } from '../../../test/support/live-meeting-fixtures.js';
import { protocolDigest, type ProtocolDocument } from './protocol.model.js';

/** Matches a refusal by its Swedish message, or a database error by its own message (drizzle wraps it in `cause`). */
function says(pattern: RegExp) {
  return (error: unknown): boolean => {
    const e = error as { userMessage?: { sv: string }; message?: string; cause?: { message?: string } };
    const text = [e.userMessage?.sv, e.message, e.cause?.message].filter(Boolean).join(' | ');
    assert.match(text, pattern);
    return true;
  };
}

describe('protocol: draft, editing, locking with § numbers, finality', () => {
  let now = new Date('2022-12-14T10:00:00Z');

  const t = useTestApp({ clock: () => now });

  async function post(f: LiveFixture, path: string, form: Record<string, string> = {}) {
    const response = await f.secretary.post(path, form);
    assert.equal(response.statusCode, 302, `${path}: ${textOf(response.body).slice(0, 600)}`);
    return response;
  }

  /** The fixture's meeting, handled: § economy by acclamation, info noted, plan by an open vote with a reservation; the election left pending. */
  async function handledMeeting(): Promise<LiveFixture> {
    now = new Date('2022-12-14T10:00:00Z');
    const f = await buildLiveMeeting(t);
    await t.services.database.db.update(agendaItems).set({ isSecret: true, recipients: ['Samtliga medlemskommuner'] }).where(eq(agendaItems.id, f.items.plan));
    await t.services.database.db.update(agendaItems).set({ summary: 'Samordnare redovisar utfall per sista oktober.' }).where(eq(agendaItems.id, f.items.economy));
    await post(f, `${f.base}/oppna`);
    await recordStart(f);
    await post(f, `${f.base}/bifall`, { itemId: f.items.economy, alternative: 'proposal' });
    await post(f, `${f.base}/notera`, { itemId: f.items.info });
    await post(f, `${f.base}/yrkande`, { itemId: f.items.plan, personId: f.member.Dalby, kind: 'reject', text: 'E-nämnden beslutar att avslå förslaget.' });
    const db = t.services.database.db;
    const [motion] = await db.execute(sql`select id from motions where item_id = ${f.items.plan}`).then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    const choice = { Arvidsby: 'yes', Bergby: 'yes', Dalby: 'no', Ekby: 'no', 'Testby kommun': 'yes' } as const;
    const ballots = Object.fromEntries(TOWNS.map((town) => [`ballot-${f.member[town]}`, choice[town]]));
    await post(f, `${f.base}/votering`, { itemId: f.items.plan, yes: 'proposal', no: `motion:${motion?.id ?? ''}`, ...ballots });
    await post(f, `${f.base}/reservation`, { itemId: f.items.plan, personId: f.member.Dalby });
    await post(f, `${f.base}/anteckning`, { itemId: f.items.plan, protocolNotes: 'Ordföranden ställer proposition på förslagen.' });
    now = new Date('2022-12-14T11:30:00Z');
    await post(f, `${f.base}/avsluta`);
    return f;
  }

  async function bodyOf(meetingId: string): Promise<string> {
    const [row] = await t.services.database.db.select({ bodyId: meetings.bodyId }).from(meetings).where(eq(meetings.id, meetingId));
    return row?.bodyId ?? '';
  }

  /** A closed meeting of the body with `count` decided items. */
  async function closedMeeting(bodyId: string, startsAt: string, count: number): Promise<string> {
    const db = t.services.database.db;
    const [meeting] = await db.insert(meetings).values({ bodyId, startsAt: new Date(startsAt), place: 'Distans', status: 'closed' }).returning();
    if (!meeting) throw new Error('no meeting');
    for (let i = 1; i <= count; i += 1) {
      await db.insert(agendaItems).values({ meetingId: meeting.id, position: i, heading: `Ärende ${i}`, status: 'decided', decisionText: `Beslut ${i}.` });
    }
    return meeting.id;
  }

  test('OSL 5:5 — a secret document in the beslutsunderlag is named by its public registry entry, never its content', async () => {
    const f = await handledMeeting();
    await t.services.database.query(sql`
      update documents set secrecy = 'secret', secrecy_provision = 'OSL 21 kap. 7 §', secrecy_marked_on = '2022-12-01',
             public_description = 'Underlag till verksamhetsplan (sekretess)', description = 'Hemlig kalkyl PLANTERAD'
      where id in (select document_id from agenda_item_documents where item_id = ${f.items.plan})`);
    const protocolId = await t.services.protocols.createDraft(f.secretaryPrincipal, f.meetingId);
    const doc = await t.services.protocols.load(protocolId);
    assert.deepEqual(doc.paragraphs[2]?.decisionBasis, [{ hid: '2022.14', text: 'Underlag till verksamhetsplan (sekretess)' }]);
    assert.doesNotMatch(JSON.stringify(doc), /PLANTERAD/);
  });

  test('KL 5:66–67 — the draft holds a paragraph per handled item with the meeting record; edits, lock with § 19–21 and the digest', async () => {
    const f = await handledMeeting();
    const service = t.services.protocols;
    const page = await f.secretary.get(`/moten/${f.meetingId}/protokoll`);
    assert.match(textOf(page.body), /Skapa protokollsutkast/);
    await post(f, `/moten/${f.meetingId}/protokoll`);
    await assert.rejects(service.createDraft(f.secretaryPrincipal, f.meetingId), says(/redan ett protokoll/));

    const [row] = await t.services.database.db.select().from(protocols).where(eq(protocols.meetingId, f.meetingId));
    assert.ok(row);
    let doc = await service.load(row.id);
    assert.deepEqual(doc.paragraphs.map((p) => [p.number, p.heading]), [
      [null, 'Ekonomisk rapport, utfall per sista oktober'],
      [null, 'Information om aktuella och pågående aktiviteter'],
      [null, 'Verksamhetsplan 2023'],
    ]);
    assert.equal(doc.chair, 'Ledamot Arvidsby');
    assert.equal(doc.justeringDate, '2022-12-20');
    assert.deepEqual([doc.meetingDate, doc.startTime, doc.endTime], ['2022-12-14', '09:00', '12:30']);
    assert.equal(doc.served.length, 5);
    assert.deepEqual(doc.served[0], { name: 'Ledamot Arvidsby', municipality: 'Arvidsby', role: 'member', position: 'chair', servingFor: null, paragraphIds: doc.paragraphs.map((p) => p.id) });
    const plan = doc.paragraphs[2];
    assert.ok(plan);
    assert.equal(plan.caseNumber, '2022/23-1.2.1.3');
    assert.equal(plan.decision, 'E-nämnden beslutar att anta verksamhetsplan 2023.');
    assert.deepEqual(plan.decisionBasis, [{ hid: '2022.14', text: 'Verksamhetsplan 2023' }]);
    assert.deepEqual(plan.recipients, ['Samtliga medlemskommuner']);
    assert.equal(plan.handling, 'Ordföranden ställer proposition på förslagen.');
    assert.ok(plan.secrecyProvision);
    assert.deepEqual(plan.record.motions, [{ by: 'Ledamot Dalby', text: 'E-nämnden beslutar att avslå förslaget.', kind: 'reject' }]);
    assert.deepEqual([plan.record.votes[0]?.yes, plan.record.votes[0]?.no, plan.record.votes[0]?.ballots.length], [3, 2, 5]);
    assert.deepEqual(plan.record.votes[0]?.ballots.find((b) => b.name === 'Ledamot Dalby'), { name: 'Ledamot Dalby', municipality: 'Dalby', choice: 'no' });
    assert.deepEqual(plan.record.reservations, [{ name: 'Ledamot Dalby', reason: null }]);
    assert.equal(doc.paragraphs[0]?.summary, 'Samordnare redovisar utfall per sista oktober.');

    // Editing a text of a paragraph and of the header.
    const economy = doc.paragraphs[0];
    assert.ok(economy);
    await post(f, `/moten/${f.meetingId}/protokoll/paragraf/${economy.id}`, {
      heading: economy.heading,
      decision: 'e-nämnden beslutar att godkänna redovisningen och lägga rapporten till handlingarna.',
      summary: economy.summary,
      handling: 'Ordföranden föreslår att godkänna redovisningen och finner att e-nämnden bifaller förslaget.',
      recipients: 'Luleå kommun\n\nBodens kommun',
    });
    // Issue 18: the adjuster is chosen among those present; someone who was not there is refused.
    const [away] = await t.services.database.db.insert(people).values({ name: 'Frånvarande Fia' }).returning();
    const absentAdjuster = await f.secretary.post(`/moten/${f.meetingId}/protokoll/andra`, { otherPresent: '', justeringPlace: 'Digital justering', justeringDate: '2022-12-20', chairPersonId: f.member.Arvidsby, adjusterPersonId: away?.id ?? '', secretaryName: 'Sekreteraren' });
    assert.equal(absentAdjuster.statusCode, 400);
    assert.match(textOf(absentAdjuster.body), /Justeraren ska vara en av de närvarande vid sammanträdet/);
    await post(f, `/moten/${f.meetingId}/protokoll/andra`, { otherPresent: 'Samordnare', justeringPlace: 'Digital justering', justeringDate: '2022-12-20', chairPersonId: f.member.Arvidsby, adjusterPersonId: f.member.Bergby, secretaryName: 'Sekreteraren' });
    doc = await service.load(row.id);
    assert.deepEqual(doc.paragraphs[0]?.recipients, ['Luleå kommun', 'Bodens kommun']);
    assert.match(doc.paragraphs[0]?.handling ?? '', /finner att e-nämnden bifaller/);
    assert.deepEqual([doc.adjuster, doc.justeringPlace, doc.secretary, doc.otherPresent], ['Ledamot Bergby', 'Digital justering', 'Sekreteraren', 'Samordnare']);

    // History: § 1–18 were used before this meeting, in another system.
    await post(f, `/moten/${f.meetingId}/protokoll/paragrafnummer`, { lastNumber: '18' });
    await post(f, `/moten/${f.meetingId}/protokoll/las`);
    doc = await service.load(row.id);
    assert.deepEqual(doc.paragraphs.map((p) => p.number), [19, 20, 21]);
    const [locked] = await t.services.database.db.select().from(protocols).where(eq(protocols.id, row.id));
    assert.equal(locked?.status, 'locked');
    assert.ok(locked?.lockedAt);
    assert.equal(locked?.canonicalSha256, protocolDigest(doc));

    // Locked: no more edits, with a clear message.
    const refused = await f.secretary.post(`/moten/${f.meetingId}/protokoll/paragraf/${economy.id}`, { heading: 'Annan rubrik', decision: '', summary: '', handling: '', recipients: '' });
    assert.equal(refused.statusCode, 409);
    assert.match(textOf(refused.body), /låst för justering och kan inte längre ändras/);
    await assert.rejects(service.updateHeader(f.secretaryPrincipal, row.id, { otherPresent: 'x', justeringPlace: '', justeringDate: '', chairPersonId: '', adjusterPersonId: '', secretaryName: 'x' }), says(/låst/));
    await assert.rejects(service.lock(f.secretaryPrincipal, row.id), says(/låst/));

    // The page, laid out like the seed; the JSON for a member without the right to read secrets is the public version.
    const html = textOf((await f.secretary.get(`/moten/${f.meetingId}/protokoll`)).body);
    for (const part of ['§ 19', '§ 21', 'Ärendenr 2022/23-1.2.1.3', 'Testnämndens beslut', 'Sammanfattning av ärendet', 'Sammanträdet', 'Beslutsunderlag', 'Verksamhetsplan 2023, Hid: 2022.14', 'Beslutet skickas till', 'Ledamot Dalby, Dalby: nej', 'Ledamot Dalby reserverar sig']) {
      assert.ok(html.includes(part), `page lacks "${part}"`);
    }
    const json = await f.outsider.get(`/moten/${f.meetingId}/protokoll.json`);
    assert.equal(json.statusCode, 200);
    const publicDoc = JSON.parse(json.body) as ProtocolDocument;
    assert.equal(publicDoc.paragraphs[2]?.decision, '');
    assert.equal(publicDoc.paragraphs[2]?.number, 21);
    const api = await f.secretary.get(`/api/v1/protocols/${row.id}`);
    assert.equal((JSON.parse(api.body) as ProtocolDocument).paragraphs[2]?.decision, 'E-nämnden beslutar att anta verksamhetsplan 2023.');
    const meetingPage = await f.secretary.get(`/moten/${f.meetingId}`);
    assert.match(meetingPage.body, new RegExp(`href="/moten/${f.meetingId}/protokoll"`));
  });

  test('a protocol is written only for a closed meeting', async () => {
    const f = await buildLiveMeeting(t);
    await assert.rejects(t.services.protocols.createDraft(f.secretaryPrincipal, f.meetingId), says(/avslutat/));
  });

  test('§ numbers run through the calendar year per body (Swedish time) and restart at 1 at New Year', async () => {
    const f = await buildLiveMeeting(t);
    const bodyId = await bodyOf(f.meetingId);
    const service = t.services.protocols;
    const lockMeeting = async (meetingId: string) => {
      const id = await service.createDraft(f.secretaryPrincipal, meetingId);
      await service.lock(f.secretaryPrincipal, id);
      return (await service.load(id)).paragraphs.map((p) => p.number);
    };
    assert.deepEqual(await lockMeeting(await closedMeeting(bodyId, '2023-02-01T09:00:00+01:00', 2)), [1, 2]);
    assert.deepEqual(await lockMeeting(await closedMeeting(bodyId, '2023-05-01T09:00:00+02:00', 3)), [3, 4, 5]);
    // 2023-12-31 23:30 UTC is 00:30 on New Year's Day in Sweden: the 2024 series.
    assert.deepEqual(await lockMeeting(await closedMeeting(bodyId, '2023-12-31T23:30:00Z', 2)), [1, 2]);
    assert.deepEqual(await lockMeeting(await closedMeeting(bodyId, '2024-02-01T09:00:00+01:00', 1)), [3]);
    // Another body has its own series.
    const other = await buildLiveMeeting(t);
    assert.deepEqual(await (async () => { const id = await service.createDraft(other.secretaryPrincipal, await closedMeeting(await bodyOf(other.meetingId), '2023-06-01T09:00:00+02:00', 1)); await service.lock(other.secretaryPrincipal, id); return (await service.load(id)).paragraphs.map((p) => p.number); })(), [1]);
    // The counter cannot be set below a number already used.
    const draft = await service.createDraft(f.secretaryPrincipal, await closedMeeting(bodyId, '2023-09-01T09:00:00+02:00', 1));
    await assert.rejects(service.setCounterBefore(f.secretaryPrincipal, draft, { lastNumber: '2' }), says(/§ 5 är redan använd/));
  });

  test('concurrent locks of two protocols of one body take distinct, gapless numbers', async () => {
    const f = await buildLiveMeeting(t);
    const bodyId = await bodyOf(f.meetingId);
    const service = t.services.protocols;
    await service.setParagraphCounter(bodyId, 2025, 10);
    const a = await service.createDraft(f.secretaryPrincipal, await closedMeeting(bodyId, '2025-03-01T09:00:00+01:00', 3));
    const b = await service.createDraft(f.secretaryPrincipal, await closedMeeting(bodyId, '2025-04-01T09:00:00+02:00', 4));
    // Locked at the same moment: the later meeting's lock is refused while the earlier one is still a
    // draft in its view (§ numbers follow meeting order) and then succeeds; either way no gap, no twice.
    const results = await Promise.allSettled([service.lock(f.secretaryPrincipal, a), service.lock(f.secretaryPrincipal, b)]);
    assert.equal(results[0].status, 'fulfilled', 'the earlier meeting always locks');
    if (results[1].status === 'rejected') {
      assert.match(String((results[1].reason as { userMessage?: { sv: string } }).userMessage?.sv), /2025-03-01 är inte låst än/);
      await service.lock(f.secretaryPrincipal, b);
    }
    const numbers = [...(await service.load(a)).paragraphs, ...(await service.load(b)).paragraphs].map((p) => p.number ?? 0).sort((x, y) => x - y);
    assert.deepEqual(numbers, [11, 12, 13, 14, 15, 16, 17]);
    for (const id of [a, b]) {
      const [row] = await t.services.database.db.select().from(protocols).where(eq(protocols.id, id));
      assert.equal(row?.canonicalSha256, protocolDigest(await service.load(id)));
    }
  });

  test('KL 5:69 — a final protocol and its paragraphs cannot be changed or removed, whatever the SQL', async () => {
    const f = await buildLiveMeeting(t);
    const service = t.services.protocols;
    const id = await service.createDraft(f.secretaryPrincipal, await closedMeeting(await bodyOf(f.meetingId), '2026-03-01T09:00:00+01:00', 2));
    await service.lock(f.secretaryPrincipal, id);
    const db = t.services.database.db;
    await db.execute(sql`update protocols set status = 'final' where id = ${id}`);
    await assert.rejects(db.execute(sql`update protocols set other_present = 'ändrat' where id = ${id}`), says(/final/));
    await assert.rejects(db.execute(sql`update protocols set status = 'draft' where id = ${id}`), says(/final/));
    await assert.rejects(db.execute(sql`delete from protocols where id = ${id}`), says(/final/));
    await assert.rejects(db.execute(sql`update protocol_paragraphs set heading = 'ändrat' where protocol_id = ${id}`), says(/final/));
    await assert.rejects(db.execute(sql`update protocol_paragraphs set number = null where protocol_id = ${id}`), says(/final/));
    await assert.rejects(db.execute(sql`delete from protocol_paragraphs where protocol_id = ${id}`), says(/final/));
    const paragraphs = await db.select().from(protocolParagraphs).where(eq(protocolParagraphs.protocolId, id));
    assert.deepEqual(paragraphs.map((p) => p.heading), ['Ärende 1', 'Ärende 2']);
    await assert.rejects(service.updateParagraph(f.secretaryPrincipal, paragraphs[0]?.id ?? '', { heading: 'x', decision: '', summary: '', handling: '', recipients: '' }), says(/låst/));
  });

  test('issue 17 — § numbers follow the meetings’ order within the year: an earlier meeting’s draft is locked first', async () => {
    now = new Date('2022-12-14T10:00:00Z');
    const f = await buildLiveMeeting(t);
    await post(f, `${f.base}/oppna`);
    await recordStart(f);
    await post(f, `${f.base}/bifall`, { itemId: f.items.economy, alternative: 'proposal' });
    await post(f, `${f.base}/bifall`, { itemId: f.items.plan, alternative: 'proposal' });
    await post(f, `${f.base}/notera`, { itemId: f.items.info });
    await post(f, `${f.base}/avsluta`);
    const december = await t.services.protocols.createDraft(f.secretaryPrincipal, f.meetingId);
    const db = t.services.database.db;
    const [meeting] = await db.select().from(meetings).where(eq(meetings.id, f.meetingId));
    const [june] = await db.insert(meetings).values({ bodyId: meeting?.bodyId ?? '', startsAt: new Date('2022-06-22T09:00:00+02:00'), place: 'Distans', status: 'closed' }).returning();
    const [juneProtocol] = await db.insert(protocols).values({ meetingId: june?.id ?? '', status: 'draft', secretaryName: 'Sekreteraren' }).returning();
    await assert.rejects(t.services.protocols.lock(f.secretaryPrincipal, december), says(/sammanträdet 2022-06-22 är inte låst än/));
    const [still] = await db.select().from(protocols).where(eq(protocols.id, december));
    assert.equal(still?.status, 'draft', 'nothing was numbered');
    await t.services.protocols.lock(f.secretaryPrincipal, juneProtocol?.id ?? '');
    const { numbers } = await t.services.protocols.lock(f.secretaryPrincipal, december);
    assert.deepEqual(numbers, [1, 2, 3]);
  });
});
