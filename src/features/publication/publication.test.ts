import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { TestClient } from '../../../test/support/app.js';
import { useTestApp } from '../../../test/support/test-app-hooks.js';
import { notices } from './publication.tables.js';
import { auditLog } from '../../platform/audit/audit.tables.js';
import { buildFinalProtocol, buildJointCommittee, buildRoleUser } from '../../../test/support/publication-fixtures.js';
import { buildNovemberProtocol } from '../../../test/support/november-protocol.js';

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** The clock of the app under test; each test sets it. Wednesday 2026-11-25 10:00 Swedish time. */
let now = new Date('2026-11-25T09:00:00Z');
const at = (iso: string) => {
  now = new Date(iso);
};

describe('publication: notices on every member municipality’s board', () => {
  const t = useTestApp({ clock: () => now });

  test('justering creates one notice per member municipality, posted at once by default', async () => {
    const org = await buildJointCommittee(t.services);
    const justerAt = new Date('2026-11-25T13:00:00Z');
    at('2026-11-25T14:00:00Z');
    const { protocolId, meetingId } = await buildFinalProtocol(t.services, { committeeId: org.committee.id, bodyId: org.body.id, municipalityId: org.members[0]?.id ?? '', meetingAt: new Date('2026-11-18T12:00:00Z'), justerAt });
    const rows = await t.database.db.select().from(notices).where(eq(notices.protocolId, protocolId));
    assert.deepEqual(rows.map((r) => r.organisationId).sort(), org.members.map((m) => m.id).sort());
    assert.ok(rows.every((r) => r.postedOn === '2026-11-25' && r.postingMethod === 'automatic'));
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'publication.createNotices'));
    assert.ok(audit.some((a) => a.entityId === protocolId));

    const secretary = await buildRoleUser(t.services, org.committee.id, 'secretary');
    const status = await t.services.publication.protocolStatus(secretary.principal, protocolId);
    // Posted Wed 2026-11-25 on every board: three weeks → Wed 2026-12-16, a weekday.
    assert.deepEqual(status.status?.appeal, { startsOn: '2026-11-25', lastDay: '2026-12-16', takeDownOn: '2026-12-17' });
    assert.ok(status.rows.every((r) => !r.late));

    const client = new TestClient(t.app);
    for (const m of org.members) {
      const page = await client.get(`/anslagstavla/${m.slug}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Aktuella anslag/);
      assert.match(page.body, /2026-12-16/);
      assert.match(page.body, new RegExp(`/sammantraden/${meetingId}/protokoll`));
      assert.match(page.body, /Kommunledningsförvaltningen, Alby kommun/);
      assert.match(page.body, /laglighetsprövning/);
    }
  });

  test('KL 8:9, 8:12, 13:5 — an unconfirmed board: the notice is posted by hand, no appeal period until the registrar records it, and the page does not call itself official', async () => {
    const org = await buildJointCommittee(t.services, { officialBoards: false });
    at('2026-11-25T14:00:00Z');
    const { protocolId } = await buildNovemberProtocol(t.services, org);
    const rows = await t.database.db.select().from(notices).where(eq(notices.protocolId, protocolId));
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => r.postingMethod === 'manual' && r.postedOn === null), 'nothing counts as posted on an unconfirmed board');
    const secretary = await buildRoleUser(t.services, org.committee.id, 'secretary');
    assert.equal((await t.services.publication.protocolStatus(secretary.principal, protocolId)).status?.appeal, null);
    const client = new TestClient(t.app);
    const first = org.members[0];
    const page = textOf((await client.get(`/anslagstavla/${first?.slug ?? ''}`)).body);
    assert.doesNotMatch(page, /Det här är den officiella digitala anslagstavlan/);
    assert.match(page, /har inte bekräftat den som sin officiella anslagstavla/);

    // The municipality confirms (who and when); then the page calls itself official.
    await t.services.publication.confirmOfficialBoard(secretary.principal, first?.slug ?? '', { kind: 'kansli', confirmedBy: 'Kommunstyrelsen, beslut 2026-11-30 § 12', confirmedOn: '2026-11-30' });
    const confirmed = textOf((await client.get(`/anslagstavla/${first?.slug ?? ''}`)).body);
    assert.match(confirmed, /Det här är den officiella digitala anslagstavlan/);
    assert.match(confirmed, /Bekräftad som kommunens anslagstavla av Kommunstyrelsen, beslut 2026-11-30 § 12 den 2026-11-30/);
    await assert.rejects(
      t.services.publication.confirmOfficialBoard(secretary.principal, first?.slug ?? '', { kind: 'embedded', confirmedBy: 'KS', confirmedOn: '2026-11-30' }),
      (error: unknown) => error instanceof Error && /inbäddad/.test(JSON.stringify(error)),
    );
  });

  test('a preparation group’s protocol gets no notices', async () => {
    const org = await buildJointCommittee(t.services);
    at('2026-11-25T14:00:00Z');
    const { protocolId } = await buildNovemberProtocol(t.services, org, { bodyId: org.group.id });
    assert.equal((await t.database.db.select().from(notices).where(eq(notices.protocolId, protocolId))).length, 0);
  });

  test('manual posting: registrars record their own municipality, the period counts from the last posting', async () => {
    const org = await buildJointCommittee(t.services, { publication: { noticePosting: 'manual' } });
    const [alby, bredby, cedby] = org.members;
    if (!alby || !bredby || !cedby) throw new Error('members');
    at('2026-11-25T14:00:00Z');
    const { protocolId } = await buildNovemberProtocol(t.services, org, { municipalityId: alby.id });
    const rows = await t.database.db.select().from(notices).where(eq(notices.protocolId, protocolId));
    const noticeOf = (id: string) => rows.find((r) => r.organisationId === id)?.id ?? '';
    assert.ok(rows.every((r) => r.postedOn === null && r.postingMethod === 'manual'));

    const anonymous = new TestClient(t.app);
    assert.match((await anonymous.get(`/anslagstavla/${alby.slug}`)).body, /inga aktuella anslag/);

    const registrar = await buildRoleUser(t.services, alby.id, 'registrar');
    const client = new TestClient(t.app);
    await client.signIn(registrar.email);
    const queue = await client.get('/anslag');
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /Alby kommun/);
    assert.doesNotMatch(queue.body, /Registrera anslag<span class="visually-hidden"> Bredby/);

    // Before the justering: refused with a message at the field.
    const early = await client.post(`/anslag/${noticeOf(alby.id)}/anslagen`, { [`postedOn-${noticeOf(alby.id)}`]: '2026-11-24', next: '/anslag' });
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /före justeringen 2026-11-25/);
    // Another municipality's notice: not this registrar's to record.
    const other = await client.post(`/anslag/${noticeOf(bredby.id)}/anslagen`, { [`postedOn-${noticeOf(bredby.id)}`]: '2026-11-25', next: '/anslag' });
    assert.equal(other.statusCode, 403);

    at('2026-11-26T09:00:00Z');
    const ok = await client.post(`/anslag/${noticeOf(alby.id)}/anslagen`, { [`postedOn-${noticeOf(alby.id)}`]: '2026-11-26', [`externalUrl-${noticeOf(alby.id)}`]: 'https://alby.example.se/anslagstavla', next: '/anslag' });
    assert.equal(ok.statusCode, 302);
    const [albyRow] = await t.database.db.select().from(notices).where(eq(notices.id, noticeOf(alby.id)));
    assert.equal(albyRow?.postedOn, '2026-11-26');
    assert.equal(albyRow?.externalUrl, 'https://alby.example.se/anslagstavla');
    assert.equal(albyRow?.postedByUserId, registrar.id);

    // Alby's board shows it; the period has not started: two boards are missing.
    const board = await anonymous.get(`/anslagstavla/${alby.slug}`);
    assert.match(board.body, /Överklagandetiden börjar när protokollet har anslagits hos alla medlemskommuner/);
    assert.match((await anonymous.get(`/anslagstavla/${bredby.slug}`)).body, /inga aktuella anslag/);

    // The secretary records the other two: Bredby in time, Cedby late (the 2nd day after Wed 25 Nov is Fri 27 Nov).
    const secretary = await buildRoleUser(t.services, org.committee.id, 'secretary');
    at('2026-11-30T09:00:00Z');
    await t.services.publication.recordPosting(secretary.principal, noticeOf(bredby.id), { postedOn: '2026-11-27' });
    const before = await t.services.publication.protocolStatus(secretary.principal, protocolId);
    assert.equal(before.status?.appeal, null);
    assert.ok(before.rows.find((r) => r.municipality.id === cedby.id)?.late, 'not posted after the deadline is late');
    await t.services.publication.recordPosting(secretary.principal, noticeOf(cedby.id), { postedOn: '2026-11-30' });
    const status = await t.services.publication.protocolStatus(secretary.principal, protocolId);
    // From Mon 2026-11-30, the last board: three weeks → Mon 2026-12-21.
    assert.deepEqual(status.status?.appeal, { startsOn: '2026-11-30', lastDay: '2026-12-21', takeDownOn: '2026-12-22' });
    assert.deepEqual(status.rows.map((r) => [r.municipality.name, r.late]), [['Alby kommun', false], ['Bredby kommun', false], ['Cedby kommun', true]]);

    const secretaryClient = new TestClient(t.app);
    await secretaryClient.signIn(secretary.email);
    const page = await secretaryClient.get(`/protokoll/${protocolId}/anslag`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /senare än andra dagen efter justeringen/);
    assert.match(page.body, /2026-11-30 – 2026-12-21/);
    assert.match(page.body, /https:\/\/alby\.example\.se\/anslagstavla/);
    // The registrar may not see the committee's status page.
    assert.equal((await client.get(`/protokoll/${protocolId}/anslag`)).statusCode, 403);
  });

  test('scheduled posting goes up when its time comes, and comes down after the appeal period', async () => {
    const org = await buildJointCommittee(t.services, { municipalities: ['Dalby kommun', 'Eby kommun'], publication: { noticePosting: 'scheduled', postingTime: '08:00' } });
    const [dalby] = org.members;
    if (!dalby) throw new Error('members');
    // Final on Thursday 2026-12-03 at 15:00 Swedish time: the next 08:00 is Friday 2026-12-04.
    at('2026-12-03T14:30:00Z');
    const { protocolId } = await buildFinalProtocol(t.services, { committeeId: org.committee.id, bodyId: org.body.id, municipalityId: dalby.id, meetingAt: new Date('2026-11-30T12:00:00Z'), justerAt: new Date('2026-12-03T14:00:00Z') });
    const [row] = await t.database.db.select().from(notices).where(eq(notices.protocolId, protocolId));
    assert.equal(row?.scheduledAt?.toISOString(), '2026-12-04T07:00:00.000Z');
    const client = new TestClient(t.app);
    assert.match((await client.get(`/anslagstavla/${dalby.slug}`)).body, /inga aktuella anslag/);

    at('2026-12-04T07:30:00Z');
    const board = await client.get(`/anslagstavla/${dalby.slug}`);
    // Posted Fri 2026-12-04 → Fri 2026-12-25 is juldagen, 26th annandag jul, 27th Sunday → Mon 2026-12-28.
    assert.match(board.body, /2026-12-28/);
    assert.match(board.body, /2026-12-29/);

    const atom = await client.get(`/anslagstavla/${dalby.slug}/atom.xml`);
    assert.equal(atom.statusCode, 200);
    assert.match(String(atom.headers['content-type']), /application\/atom\+xml/);
    assert.equal(atom.headers['access-control-allow-origin'], '*');
    const feed = new XMLParser().parse(atom.body) as { feed: { title: string; entry: { title: string; summary: string } | { title: string }[] } };
    assert.equal(feed.feed.title, 'Anslagstavla – Dalby kommun');
    const entry = Array.isArray(feed.feed.entry) ? feed.feed.entry[0] : feed.feed.entry;
    assert.match(String(entry?.title), /Provnämnden, sammanträde 2026-11-30/);

    const json = await client.get(`/api/v1/notice-boards/${dalby.slug}`);
    const list = JSON.parse(json.body) as { notices: { current: boolean; postedOn: string; lastDayToAppeal: string; protocolUrl: string }[] };
    assert.deepEqual(list.notices.map((n) => [n.current, n.postedOn, n.lastDayToAppeal]), [[true, '2026-12-04', '2026-12-28']]);
    assert.match(list.notices[0]?.protocolUrl ?? '', /^http:\/\/localhost(:\d+)?\/sammantraden\//);

    const embed = await client.get(`/anslagstavla/${dalby.slug}/inbaddning`);
    assert.equal(embed.statusCode, 200);
    assert.doesNotMatch(embed.body, /<script|<style|<link/i);
    assert.match(String(embed.headers['content-security-policy']), /frame-ancestors \*/);
    assert.equal(embed.headers['x-frame-options'], undefined);
    assert.match(embed.body, /2026-12-28/);

    // The last day to appeal is Mon 28 Dec; from Tue 29 Dec it is an earlier notice.
    at('2026-12-28T20:00:00Z');
    assert.match((await client.get(`/anslagstavla/${dalby.slug}`)).body, /Aktuella anslag[\s\S]*2026-12-28[\s\S]*Så överklagar/);
    at('2026-12-29T08:00:00Z');
    const later = await client.get(`/anslagstavla/${dalby.slug}`);
    assert.match(later.body, /inga aktuella anslag/);
    assert.match(later.body, /Tidigare anslag/);
    const laterJson = JSON.parse((await client.get(`/api/v1/notice-boards/${dalby.slug}`)).body) as { notices: { current: boolean }[] };
    assert.deepEqual(laterJson.notices.map((n) => n.current), [false]);
    assert.doesNotMatch((await client.get(`/anslagstavla/${dalby.slug}/atom.xml`)).body, /<entry>/);
  });

  test('the board index lists every municipality; an unknown board is 404', async () => {
    const org = await buildJointCommittee(t.services, { municipalities: ['Fby kommun'] });
    const client = new TestClient(t.app);
    const index = await client.get('/anslagstavla');
    assert.match(index.body, new RegExp(`/anslagstavla/${org.members[0]?.slug ?? 'x'}"`));
    assert.equal((await client.get('/anslagstavla/finns-inte')).statusCode, 404);
    assert.equal((await client.get('/api/v1/notice-boards/finns-inte')).statusCode, 404);
  });

  test('the secretary sets how notices are posted; a bad time is refused', async () => {
    const org = await buildJointCommittee(t.services, { municipalities: ['Gby kommun', 'Hby kommun'] });
    const secretary = await buildRoleUser(t.services, org.committee.id, 'secretary');
    const client = new TestClient(t.app);
    await client.signIn(secretary.email);
    const bad = await client.post(`/anslag/installningar/${org.committee.slug}`, { noticePosting: 'scheduled', postingTime: '25:00', protocolKeptAt: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /TT:MM/);
    const slug = org.members[1]?.slug ?? '';
    const ok = await client.post(`/anslag/installningar/${org.committee.slug}`, { noticePosting: 'immediate', postingTime: '08:00', protocolKeptAt: 'Nämndens kansli, Gby', manualMunicipalities: slug });
    assert.equal(ok.statusCode, 302);
    const view = await t.services.publication.settings(secretary.principal, org.committee.slug);
    assert.deepEqual(view.settings, { noticePosting: 'immediate', postingTime: '08:00', protocolKeptAt: 'Nämndens kansli, Gby', manualMunicipalities: [slug], appealCourt: '', appealCourtAddress: '' });
    at('2026-11-25T14:00:00Z');
    const { protocolId } = await buildNovemberProtocol(t.services, org);
    const rows = await t.database.db.select().from(notices).where(eq(notices.protocolId, protocolId));
    assert.deepEqual(rows.map((r) => r.postingMethod).sort(), ['automatic', 'manual']);
    const board = await new TestClient(t.app).get(`/anslagstavla/${org.members[0]?.slug ?? ''}`);
    assert.match(board.body, /Nämndens kansli, Gby/);
  });
});
